#!/usr/bin/env bash
# Prints the Markdown tables of docs/BENCHMARKS.md from the JSON results of tests/bench/bench.sh.
set -euo pipefail
OUT=${1:?usage: tables.sh <results directory>}

echo "### Cost of a call in a full block (\`benchmark extrinsic\`)"
echo
echo "| call | state | per block | median time per call (µs) | time ÷ a transfer's |"
echo "|---|---|---:|---:|---:|"
for file in "$OUT"/extrinsic-*.json; do cat "$file"; done | jq -rs '
	(map(select(.call == "balances::transfer_keep_alive")) | map({(.size): .median_ns}) | add) as $transfer
	| sort_by(.call, .size)[]
	| "| \(.call) | \(.size) | \(.per_block) | \(.median_ns / 1000 | . * 10 | round / 10) | \(
		if $transfer[.size | sub("-10$"; "")] then (.median_ns / $transfer[.size | sub("-10$"; "")] | . * 100 | round / 100 | tostring) + "×" else "–" end) |"'

for label in small large network; do
	ls "$OUT"/load-"$label"-*.json >/dev/null 2>&1 || continue
	echo
	echo "### Load: $label"
	echo
	echo "| scenario | tx | included | tx/s | tx/s ÷ transfers' | blocks | most in a block | inclusion p50 / p95 / p99 (ms) | finality p50 / p95 / p99 (ms) | dropped | refused | failed | block weight mean / max | node CPU | node RSS (MiB) |"
	echo "|---|---:|---:|---:|---:|---:|---:|---|---|---:|---:|---:|---|---:|---:|"
	for file in "$OUT"/load-"$label"-*.json; do cat "$file"; done | jq -rs '
		(map(select(.scenario == "transfer"))[0].tps // null) as $transfer
		| sort_by(.scenario)[]
		| def r1: . * 10 | round / 10;
		  def lat: "\(.p50) / \(.p95) / \(.p99)";
		"| \(.scenario) | \(.transactions) | \(.included) | \(.tps | r1) | \(
			if $transfer then (.tps / $transfer * 100 | round / 100 | tostring) + "×" else "–" end) | \(.blocks) | \(.most_in_a_block) | \(.inclusion_latency_ms | lat) | \(.finality_latency_ms | lat) | \(.dropped) | \(.refused | add // 0) | \(.failed | add // 0) | \(.block_weight_percent_mean | r1) % / \(.block_weight_percent_max | r1) % | \(.node.cpu_percent // 0 | round) % | \(.node.max_rss_mib // 0 | round) |"'
done
