# Cosmolocal: the two commands of the README, and the steps they are made of.
#
#   make run    install what is missing, build the node, start a development chain
#   make test   install what is missing, run every test (unit, runtime, end-to-end)

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

# One target directory outside the checkout, shared by every build on this machine.
export CARGO_TARGET_DIR ?= $(HOME)/.cache/cosmolocal/target
NODE_BINARY := $(CARGO_TARGET_DIR)/debug/cosmolocal-node
TOOLCHAIN := $(shell sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)

.PHONY: run test setup build unit-tests e2e-tests lint fmt

run: setup build
	$(NODE_BINARY) --dev

test: setup unit-tests build e2e-tests

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

unit-tests:
	cargo test --workspace

e2e-tests:
	cd tests && COSMOLOCAL_NODE=$(NODE_BINARY) npm test

lint:
	cargo fmt --all -- --check
	SKIP_WASM_BUILD=1 cargo clippy --workspace --all-targets -- -D warnings

fmt:
	cargo fmt --all
