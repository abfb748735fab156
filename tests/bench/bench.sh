#!/usr/bin/env bash
# `make bench`: the throughput measurements of docs/BENCHMARKS.md, on a release node.
#
#   1. `benchmark extrinsic`: each measured call filling a block, on a small and a large
#      benchmark chain (the per-call cost, and that it does not grow with the registry, the
#      pledge's backers or the network's members);
#   2. `cosmolocal-node load`: each scenario against a fresh single validator of each chain;
#   3. the same scenarios against a network of four validators.
#
# The node runs on core 0 and the load generator on core 1 when there are two. Results go to
# $BENCH_OUT (JSON per run, logs, and results.md with the tables).
set -euo pipefail
cd "$(dirname "$0")/../.."

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/cosmolocal/target}"
NODE="${COSMOLOCAL_NODE:-$CARGO_TARGET_DIR/release/cosmolocal-node}"
OUT="${BENCH_OUT:-$PWD/target-bench}"
SMALL="${BENCH_SMALL:-benchmark:accounts=20000,designs=10,backers=10,contributors=10}"
LARGE="${BENCH_LARGE:-benchmark:accounts=20000,designs=100000,backers=10000,contributors=10000}"
ACCOUNTS=20000
SCENARIOS="${BENCH_SCENARIOS:-transfer register-design back log-contribution claim mix}"
REPEAT="${BENCH_REPEAT:-10}"
# The transaction pool keeps included transactions until they are finalized: room for several
# full blocks of them (the default, 8 192, holds fewer than three blocks of transfers).
POOL="--pool-limit 65536 --pool-kbytes 102400"
# Each load run sends about this many full blocks of its transactions.
BLOCKS="${BENCH_BLOCKS:-6}"
# Which parts to run: `extrinsic`, `single` (load runs on one validator) and `network`; the load
# runs size themselves from the extrinsic part's results in $BENCH_OUT.
STEPS="${BENCH_STEPS:-extrinsic single network}"
runs() { [[ " $STEPS " == *" $1 "* ]]; }
mkdir -p "$OUT"

if [ "$(nproc)" -ge 2 ]; then NODE_CORES=0; LOAD_CORES=1; else NODE_CORES=0; LOAD_CORES=0; fi
on_node_cores() { taskset -c "$NODE_CORES" "$@"; }
on_load_cores() { taskset -c "$LOAD_CORES" "$@"; }

PIDS=()
stop_nodes() {
	for pid in "${PIDS[@]}"; do kill -INT "$pid" 2>/dev/null || true; done
	for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
	PIDS=()
}
trap stop_nodes EXIT

wait_for_rpc() {
	local port=$1
	for _ in $(seq 1 600); do
		if curl -sf -H 'Content-Type: application/json' \
			-d '{"jsonrpc":"2.0","id":1,"method":"system_health"}' "http://127.0.0.1:$port" >/dev/null; then
			return 0
		fi
		sleep 1
	done
	echo "the node on port $port did not answer" >&2
	return 1
}

# 1. The cost of each call in a full block.
extrinsic_bench() {
	local size=$1 chain=$2 pallet=$3 extrinsic=$4 most=$5
	local log="$OUT/extrinsic-$size-$pallet-$extrinsic.log"
	# A block of ten is short next to the inherents it is measured against: repeat it more.
	local repeat=$REPEAT
	[ -n "$most" ] && repeat=$((REPEAT * 5))
	on_node_cores "$NODE" benchmark extrinsic --chain "$chain" --pallet "$pallet" --extrinsic "$extrinsic" \
		--warmup 5 --repeat "$repeat" ${most:+--max-ext-per-block "$most"} >"$log" 2>&1
	local per_block median
	per_block=$(sed -n 's/.*Extrinsics per block: \([0-9]*\).*/\1/p' "$log" | tail -1)
	median=$(sed -n 's/.*Median: *\([0-9]*\).*/\1/p' "$log" | tail -1)
	jq -n --arg size "$size" --arg call "$pallet::$extrinsic" --argjson per_block "$per_block" \
		--argjson median_ns "$median" '{size: $size, call: $call, per_block: $per_block, median_ns: $median_ns}' \
		>"$OUT/extrinsic-$size-$pallet-$extrinsic.json"
}

runs extrinsic && rm -f "$OUT"/extrinsic-*
runs extrinsic && for size in small large; do
	chain=$SMALL; [ "$size" = large ] && chain=$LARGE
	for call in system:remark balances:transfer_keep_alive designregistry:register_design \
		productionpledges:back contributiveaccounting:log_contribution; do
		extrinsic_bench "$size" "$chain" "${call%%:*}" "${call##*:}" ""
	done
	# The small network has 10 members, who can claim once each: both sizes measure blocks of
	# 10 claims, and the large one a full block as well.
	extrinsic_bench "$size-10" "$chain" contributiveaccounting claim 10
	[ "$size" = large ] && extrinsic_bench "$size" "$chain" contributiveaccounting claim ""
done

# 2. and 3. Load runs, each on a fresh chain, each sending about $BLOCKS full blocks (as the
# extrinsic benchmark counted them) of its transactions: as many as the senders can send for
# backings (each a first backing), as many as the members for claims.
per_block() {
	jq -r --arg call "$1" 'select(.call == $call and .size == "large") | .per_block' "$OUT"/extrinsic-*.json
}
transactions_for() {
	local count
	case $1 in
		transfer) count=$(( $(per_block balances::transfer_keep_alive) * BLOCKS )) ;;
		register-design) count=$(( $(per_block designregistry::register_design) * BLOCKS )) ;;
		back) count=$(( $(per_block productionpledges::back) * BLOCKS )); count=$(( count < ACCOUNTS ? count : ACCOUNTS )) ;;
		log-contribution) count=$(( $(per_block contributiveaccounting::log_contribution) * BLOCKS )) ;;
		claim) count=10000 ;;
		mix) count=$(( $(per_block designregistry::register_design) * BLOCKS * 2 )) ;;
	esac
	echo "$count"
}
load_run() {
	local label=$1 scenario=$2 url=$3 pid=$4
	on_load_cores "$NODE" load --url "$url" --scenario "$scenario" --node-pid "$pid" \
		--transactions "$(transactions_for "$scenario")" \
		--json "$OUT/load-$label-$scenario.json" >"$OUT/load-$label-$scenario.log" 2>&1
}

start_single() {
	local chain=$1 port=$2 log=$3
	# taskset itself, not a function: $! must be the node's process id.
	taskset -c "$NODE_CORES" "$NODE" --chain "$chain" --alice --validator --tmp --rpc-port "$port" \
		--node-key "$(printf %064x 1)" \
		--port $((port + 1000)) --prometheus-port $((port + 2000)) --no-mdns --no-telemetry \
		--rpc-max-connections 1000 $POOL >"$log" 2>&1 &
	PIDS+=($!)
	wait_for_rpc "$port"
}

runs single && rm -f "$OUT"/load-small-* "$OUT"/load-large-* "$OUT"/node-small-* "$OUT"/node-large-*
runs single && for size in small large; do
	chain=$SMALL; [ "$size" = large ] && chain=$LARGE
	for scenario in $SCENARIOS; do
		[ "$size" = small ] && [ "$scenario" = claim ] && continue
		start_single "$chain" 9944 "$OUT/node-$size-$scenario.log"
		load_run "$size" "$scenario" ws://127.0.0.1:9944 "${PIDS[0]}" || echo "load $size $scenario failed: see $OUT" >&2
		stop_nodes
	done
done

start_network() {
	local chain=$1 label=$2
	local spec="$OUT/network-spec.json"
	"$NODE" build-spec --chain "$chain,validators=4" --raw --disable-default-bootnode >"$spec" 2>/dev/null
	# Fixed node keys: Alice's peer id names her as the others' boot node.
	local alice_peer
	alice_peer=$("$NODE" key inspect-node-key --file <(printf %064x 1))
	local index=0
	for who in alice bob charlie dave; do
		taskset -c "$NODE_CORES" "$NODE" --chain "$spec" --"$who" --validator --tmp --rpc-port $((9944 + index)) \
			--node-key "$(printf %064x $((index + 1)))" --port $((30333 + index)) \
			--bootnodes "/ip4/127.0.0.1/tcp/30333/p2p/$alice_peer" \
			--prometheus-port $((9615 + index)) --no-mdns --no-telemetry --rpc-max-connections 1000 $POOL \
			>"$OUT/node-network-$label-$who.log" 2>&1 &
		PIDS+=($!)
		index=$((index + 1))
	done
	wait_for_rpc 9944
}

runs network && rm -f "$OUT"/load-network-* "$OUT"/node-network-*
runs network && for scenario in $SCENARIOS; do
	[ "$scenario" = claim ] && continue
	start_network "$SMALL" "$scenario"
	load_run network "$scenario" ws://127.0.0.1:9944 "${PIDS[0]}" || echo "load network $scenario failed: see $OUT" >&2
	stop_nodes
done

tests/bench/tables.sh "$OUT" >"$OUT/results.md"
cat "$OUT/results.md"
