#!/usr/bin/env bash
# Writes the chain spec of the Docker network (docker-compose.yml): three validators, Alice, Bob
# and Charlie, with their well-known development keys.
#
#   docker/make-chain-spec.sh            # with the image cosmolocal-node:local (docker compose build)
#   NODE=/path/to/cosmolocal-node docker/make-chain-spec.sh   # with a node binary on this machine
#   IMAGE=other/tag docker/make-chain-spec.sh                  # with another image
#
# Output: docker/spec/docker-testnet-plain.json (to read) and docker/spec/docker-testnet-raw.json
# (what the nodes load). A raw spec holds the genesis state, the runtime's wasm included, so it is
# regenerated with each runtime rather than committed: run this again after rebuilding the image,
# then start the network from scratch (docker compose down -v), since a new spec is a new chain.
#
# Steps: `build-spec --chain local` (the local preset: the development accounts endowed, Alice's
# sudo key, the open licences), then docs/scripts/customize-chain-spec.py sets the network's name
# and id and the three validators' session keys (each validator's account, its Aura sr25519 key
# and its GRANDPA ed25519 key, read with `key inspect`), then `build-spec --raw`. It needs Python 3.

set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
customize="$here/../docs/scripts/customize-chain-spec.py"
out="$here/spec"
IMAGE="${IMAGE:-cosmolocal-node:local}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The image runs as an unprivileged user that must read the files written here.
chmod 755 "$work"

# Runs the node binary, on this machine or in the image (with $work mounted at the same path).
run_node() {
	if [[ -n "${NODE:-}" ]]; then
		"$NODE" "$@"
	else
		docker run --rm -v "$work:$work:ro" "$IMAGE" "$@"
	fi
}

# The public key of a development key (//Alice, …) for a scheme, as an SS58 address.
public() {
	run_node key inspect --scheme "$1" --output-type json "//$2" | python3 -c \
		'import json, sys; print(json.load(sys.stdin)["ss58Address"])'
}

# A validator: its account (sr25519), Aura (sr25519) and GRANDPA (ed25519) keys, which are the
# ones `--alice`, `--bob` and `--charlie` put in a node's keystore.
validator() {
	local account aura grandpa
	account="$(public sr25519 "$1")"
	aura="$account"
	grandpa="$(public ed25519 "$1")"
	echo "$account,$aura,$grandpa"
}

run_node build-spec --chain local --disable-default-bootnode > "$work/local-plain.json"

python3 "$customize" "$work/local-plain.json" "$work/docker-testnet-plain.json" \
	--name "Cosmolocal Docker Testnet" \
	--id cosmolocal_docker \
	--protocol-id cml-docker \
	--chain-type Local \
	--validator "$(validator Alice)" \
	--validator "$(validator Bob)" \
	--validator "$(validator Charlie)"
chmod 644 "$work/docker-testnet-plain.json"

run_node build-spec --chain "$work/docker-testnet-plain.json" --raw --disable-default-bootnode > "$work/docker-testnet-raw.json"

mkdir -p "$out"
cp "$work/docker-testnet-plain.json" "$work/docker-testnet-raw.json" "$out/"
chmod 644 "$out"/docker-testnet-*.json
echo "wrote $out/docker-testnet-raw.json (and the plain form beside it)"
