# Cosmolocal: the two commands of the README, and the steps they are made of.
#
#   make run    install what is missing, build the node, start a development chain
#   make test   install what is missing, run every test (unit, runtime, end-to-end)
#   make bench  build a release node and measure throughput (docs/BENCHMARKS.md)
#   make weights  measure the weights of the project's pallets on a release node
#   make properties  many more random runs against the runtime than the regular suite makes
#   make fuzz     fuzz the runtime with arbitrary calls (docs/ROBUSTNESS.md)

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

# One target directory outside the checkout, shared by every build on this machine.
export CARGO_TARGET_DIR ?= $(HOME)/.cache/cosmolocal/target
NODE_BINARY := $(CARGO_TARGET_DIR)/debug/cosmolocal-node
RELEASE_NODE_BINARY := $(CARGO_TARGET_DIR)/release/cosmolocal-node
TOOLCHAIN := $(shell sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)

.PHONY: run test bench weights properties fuzz fuzz-build setup build unit-tests e2e-tests lint fmt

run: setup build
	$(NODE_BINARY) --dev

test: setup unit-tests build e2e-tests

# The throughput measurements, on a release node: about 35 minutes on two cores, besides the build.
bench: setup
	cargo build --release -p cosmolocal-node
	COSMOLOCAL_NODE=$(RELEASE_NODE_BINARY) tests/bench/bench.sh

# The pallets' weights, measured on a release node built with the benchmarks; each weights.rs
# records the command that wrote it.
PALLETS_WEIGHED := design-registry production-pledges contributive-accounting validator-set
weights: setup
	cargo build --release -p cosmolocal-node --features runtime-benchmarks
	for pallet in $(PALLETS_WEIGHED); do \
		$(RELEASE_NODE_BINARY) benchmark pallet --chain dev --pallet "pallet_$${pallet//-/_}" \
			--extrinsic '*' --steps 50 --repeat 20 --template .maintain/pallet-weight-template.hbs \
			--output "pallets/$$pallet/src/weights.rs"; \
	done

# Prerequisites: the pinned Rust toolchain with the wasm target and rust-src, protoc (litep2p
# needs it), Node.js for the end-to-end tests, curl and jq for the integrator guide's examples,
# and the tests' npm packages.
setup:
	rustup toolchain install $(TOOLCHAIN) --profile minimal \
		--component rust-src,rustfmt,clippy --target wasm32v1-none
	@if ! command -v protoc >/dev/null || ! command -v npm >/dev/null \
		|| ! command -v curl >/dev/null || ! command -v jq >/dev/null; then \
		sudo_cmd=""; [ "$$(id -u)" = 0 ] || sudo_cmd=sudo; \
		$$sudo_cmd apt-get update -qq; \
		$$sudo_cmd apt-get install -y -qq protobuf-compiler nodejs npm curl jq; \
	fi
	cd tests && npm ci --no-audit --no-fund

build:
	cargo build -p cosmolocal-node

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
	cd tests && COSMOLOCAL_NODE=$(NODE_BINARY) npm test

# The robustness crate apart, as in unit-tests: with try-runtime on pallet-session, the node's
# benchmarking dependencies (pallet-staking) do not build.
lint:
	cargo fmt --all -- --check
	SKIP_WASM_BUILD=1 cargo clippy --workspace --exclude cosmolocal-robustness --all-targets \
		-- -D warnings
	SKIP_WASM_BUILD=1 cargo clippy -p cosmolocal-robustness --all-targets -- -D warnings

fmt:
	cargo fmt --all
