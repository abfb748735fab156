# Cosmolocal: the two commands of the README, and the steps they are made of.
#
#   make run    install what is missing, build the node and the web app, start a development chain
#               and serve the app beside it
#   make test   install what is missing, run every test (unit, runtime, end-to-end)
#   make bench  build a release node and measure throughput (docs/BENCHMARKS.md)
#   make weights  measure the weights of the project's pallets on a release node
#   make properties  many more random runs against the runtime than the regular suite makes
#   make fuzz     fuzz the runtime with arbitrary calls (docs/ROBUSTNESS.md)

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

# One target directory outside the checkout, shared by every build on this machine.
export CARGO_TARGET_DIR ?= $(HOME)/.cache/cosmolocal/target
# Where setup puts a Node.js for the tests when the system's is older than they need, and rustup's
# cargo when setup installed rustup: both first on the PATH of every step.
export COSMOLOCAL_NODE_DIR ?= $(HOME)/.cache/cosmolocal/node
export PATH := $(HOME)/.cargo/bin:$(COSMOLOCAL_NODE_DIR)/bin:$(PATH)
# Node.js as setup downloads it trusts only its own certificate authorities: the system's bundle
# adds those this machine trusts, as Debian's Node.js does, unless NODE_EXTRA_CA_CERTS names one.
ifeq ($(NODE_EXTRA_CA_CERTS),)
ifneq ($(wildcard /etc/ssl/certs/ca-certificates.crt),)
export NODE_EXTRA_CA_CERTS := /etc/ssl/certs/ca-certificates.crt
endif
endif
NODE_BINARY := $(CARGO_TARGET_DIR)/debug/cosmolocal-node
# The runtime blob of a spec_version one higher (make next-runtime), which the end-to-end tests
# upgrade a chain to.
NEXT_RUNTIME := $(CARGO_TARGET_DIR)/next-runtime/wbuild/cosmolocal-runtime/cosmolocal_runtime.compact.compressed.wasm
RELEASE_NODE_BINARY := $(CARGO_TARGET_DIR)/release/cosmolocal-node
# Where `make run` serves the web app (web/dist).
WEB_PORT ?= 4173
TOOLCHAIN := $(shell sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)

.PHONY: run test bench weights frame-weights properties fuzz fuzz-build setup setup-tests build next-runtime unit-tests e2e-tests web-tests lint fmt

run: setup
	@[ -x $(NODE_BINARY) ] || echo "Building cosmolocal-node for the first time: about 50 minutes on two" \
		"cores (docs/build-times.md); later builds take a few minutes."
	$(MAKE) --no-print-directory build
	cd web && npm run build
	@echo "Starting a development chain. When it logs 'Imported #1', its RPC serves ws://127.0.0.1:9944:"
	@echo "  the web app: http://127.0.0.1:$(WEB_PORT)/?rpc=ws://127.0.0.1:9944"
	@echo "  Polkadot.js Apps: https://polkadot.js.org/apps/?rpc=ws://127.0.0.1:9944"
	@echo "  the guides: docs/cooperative-guide.md, docs/integrator-guide.md. Stop both with Ctrl-C."
	(cd web && exec node_modules/.bin/vite preview --host 127.0.0.1 --port $(WEB_PORT) --strictPort \
		--logLevel warn) & trap 'kill $$!' EXIT; $(NODE_BINARY) --dev

test: setup setup-tests unit-tests build next-runtime e2e-tests web-tests

# The throughput measurements, on a release node: about 35 minutes on two cores, besides the build.
bench: setup
	cargo build --release -p cosmolocal-node
	COSMOLOCAL_NODE=$(RELEASE_NODE_BINARY) tests/bench/bench.sh

# The pallets' weights, measured on a release node built with the benchmarks; each weights.rs
# records the command that wrote it. The project's pallets keep theirs beside their code; FRAME's
# pallets get theirs in runtime/src/weights/, written by the benchmark CLI's own template (a pallet
# with several instances gets a file per instance).
PALLETS_WEIGHED := design-registry production-pledges contributive-accounting validator-set \
	community-currencies
# FRAME's pallets weighed here, the governance pallets among them (the certifiers' membership
# takes the Assembly membership's weights: runtime/src/benchmarks.rs). frame_system,
# pallet_session and pallet_transaction_payment still use FRAME's own weights.
FRAME_PALLETS_WEIGHED := pallet_balances pallet_timestamp pallet_sudo pallet_utility \
	pallet_multisig pallet_proxy pallet_assets pallet_collective pallet_membership \
	pallet_treasury pallet_preimage pallet_whitelist
weights: setup
	cargo build --release -p cosmolocal-node --features runtime-benchmarks
	for pallet in $(PALLETS_WEIGHED); do \
		$(RELEASE_NODE_BINARY) benchmark pallet --chain dev --pallet "pallet_$${pallet//-/_}" \
			--extrinsic '*' --steps 50 --repeat 20 --template .maintain/pallet-weight-template.hbs \
			--output "pallets/$$pallet/src/weights.rs"; \
	done
	$(MAKE) frame-weights

# FRAME's pallets alone (part of make weights).
frame-weights:
	for pallet in $(FRAME_PALLETS_WEIGHED); do \
		$(RELEASE_NODE_BINARY) benchmark pallet --chain dev --pallet "$$pallet" \
			--extrinsic '*' --steps 50 --repeat 20 --output runtime/src/weights/; \
	done

# Prerequisites, each installed only when missing (scripts/setup.sh says what and why): the pinned
# Rust toolchain with the wasm target and rust-src, a C/C++ compiler, pkg-config and OpenSSL's
# headers, protoc, curl, jq, CA certificates, Node.js (a newer one beside the system's when it is
# too old for the tests), and the tests' npm packages.
setup:
	scripts/setup.sh

build:
	cargo build -p cosmolocal-node

# The same runtime with a spec_version one higher (feature next-spec-version), for the upgrade
# test. Only its wasm blob is used: `cargo check` runs the build script that compiles it, and the
# profile of its own keeps that blob apart from the node's (the blob's build directory follows
# the profile).
next-runtime:
	cargo check --profile next-runtime -p cosmolocal-runtime --features next-spec-version

# The robustness tests build the runtime with try-runtime: apart from the rest (whose features
# would otherwise be unified with theirs), and without the wasm blob they do not use, so that the
# node's runtime blob is not rebuilt with try-runtime.
unit-tests:
	cargo test --workspace --exclude cosmolocal-robustness
	SKIP_WASM_BUILD=1 cargo test -p cosmolocal-robustness

# Random runs against the runtime, PROPERTY_CASES of them (the regular suite makes 64).
PROPERTY_CASES ?= 5000
properties:
	SKIP_WASM_BUILD=1 PROPTEST_CASES=$(PROPERTY_CASES) \
		cargo test -p cosmolocal-robustness --test properties -- --nocapture any_run

# The fuzz target, built with libFuzzer's coverage instrumentation by cargo-fuzz (on the pinned
# stable toolchain: no sanitizer), and FUZZ_SECONDS of fuzzing from the seed runs; what it
# finds lands in robustness/fuzz/artifacts/.
FUZZ_SECONDS ?= 3600
FUZZ_DIR := robustness/fuzz
fuzz-build:
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	cd $(FUZZ_DIR) && SKIP_WASM_BUILD=1 cargo fuzz build --sanitizer none runtime_calls

fuzz: setup fuzz-build
	SKIP_WASM_BUILD=1 COSMOLOCAL_FUZZ_SEEDS=$(CURDIR)/$(FUZZ_DIR)/seeds \
		cargo test -p cosmolocal-robustness --test properties runs_reach_every_domain_call
	mkdir -p $(FUZZ_DIR)/corpus/runtime_calls
	cd $(FUZZ_DIR) && SKIP_WASM_BUILD=1 cargo fuzz run --sanitizer none runtime_calls \
		corpus/runtime_calls seeds -- -max_total_time=$(FUZZ_SECONDS) -timeout=60 \
		-rss_limit_mb=4096 -print_final_stats=1

e2e-tests:
	cd tests && COSMOLOCAL_NODE=$(NODE_BINARY) COSMOLOCAL_NEXT_RUNTIME=$(NEXT_RUNTIME) npm test

# The web app: its typed descriptors generated from the node's runtime, its type check and build
# into web/dist, then its tests in headless Chromium against a development node.
web-tests:
	cd web && npm run build && COSMOLOCAL_NODE=$(NODE_BINARY) npm test

# The setup script against stubbed package managers (tests/setup/): what it installs, and only that.
setup-tests:
	cd tests && node --test setup/

# The robustness crate apart, as in unit-tests: with try-runtime on pallet-session, the node's
# benchmarking dependencies (pallet-staking) do not build.
lint:
	cargo fmt --all -- --check
	SKIP_WASM_BUILD=1 cargo clippy --workspace --exclude cosmolocal-robustness --all-targets \
		-- -D warnings
	SKIP_WASM_BUILD=1 cargo clippy -p cosmolocal-robustness --all-targets -- -D warnings

fmt:
	cargo fmt --all
