//! What a load run measured, as text for people and JSON for the benchmark tables.

use super::{
	observe::{NodeUsage, Outcome},
	Scenario, Submission,
};
use crate::benchmark_chain::BenchmarkChain;
use cosmolocal_primitives::time::SLOT_DURATION;
use cosmolocal_runtime::configs::RuntimeBlockWeights;
use frame_support::dispatch::DispatchClass;
use std::{collections::BTreeMap, time::Instant};

/// Latencies in milliseconds: median, 95th and 99th percentiles, and the longest.
#[derive(Debug, Default, serde::Serialize)]
pub struct Latency {
	/// Median.
	pub p50: u64,
	/// 95th percentile.
	pub p95: u64,
	/// 99th percentile.
	pub p99: u64,
	/// Longest.
	pub max: u64,
}

impl Latency {
	fn of(mut millis: Vec<u64>) -> Self {
		millis.sort_unstable();
		let at = |fraction: f64| -> u64 {
			if millis.is_empty() {
				return 0;
			}
			let rank = (fraction * millis.len() as f64).ceil() as usize;
			millis[rank.clamp(1, millis.len()) - 1]
		};
		Self { p50: at(0.50), p95: at(0.95), p99: at(0.99), max: at(1.0) }
	}
}

/// The results of a run.
#[derive(Debug, serde::Serialize)]
pub struct Report {
	/// What was sent.
	pub scenario: Scenario,
	/// The state the chain started from.
	pub chain: BenchmarkChain,
	/// Transactions signed and submitted.
	pub transactions: usize,
	/// Transactions the node refused at submission, by its answer.
	pub refused: BTreeMap<String, usize>,
	/// Submissions repeated because the node's transaction pool was full.
	pub resubmissions: u32,
	/// Transactions the node took but no block included before the run stopped.
	pub dropped: usize,
	/// Transactions included in a block.
	pub included: usize,
	/// Transactions included whose dispatch failed, by error.
	pub failed: BTreeMap<String, usize>,
	/// Transactions in finalized blocks.
	pub finalized: usize,
	/// Blocks from the first to the last holding a transaction of the run.
	pub blocks: usize,
	/// The numbers of the first and the last of them.
	pub block_range: Option<(u32, u32)>,
	/// Time those blocks span, from their timestamps (the first block's parent to the last), in
	/// seconds.
	pub span_seconds: f64,
	/// Included transactions per second over that span.
	pub tps: f64,
	/// The most transactions of the run in one block.
	pub most_in_a_block: usize,
	/// Submission to the first best block holding the transaction.
	pub inclusion_latency_ms: Latency,
	/// Submission to the finalization of that block.
	pub finality_latency_ms: Latency,
	/// The normal-class weight of those blocks, in percent of what the class may use: mean.
	pub block_weight_percent_mean: f64,
	/// The same: the fullest block.
	pub block_weight_percent_max: f64,
	/// The node's CPU and memory, if its process id was given.
	pub node: Option<NodeUsage>,
	/// How long submitting every transaction took, in seconds.
	pub submission_seconds: f64,
}

impl Report {
	/// Summarises a run.
	pub fn new(
		scenario: Scenario,
		chain: BenchmarkChain,
		submissions: &[Submission],
		outcome: Outcome,
	) -> Self {
		let mut refused = BTreeMap::new();
		for error in submissions.iter().filter_map(|submission| submission.error.as_ref()) {
			*refused.entry(error.clone()).or_insert(0) += 1;
		}
		let mut failed = BTreeMap::new();
		for failure in outcome.failures.iter().flatten() {
			*failed.entry(failure.clone()).or_insert(0) += 1;
		}
		let latency = |at: &[Option<Instant>]| {
			Latency::of(
				submissions
					.iter()
					.zip(at)
					.filter_map(|(submission, at)| {
						Some(at.as_ref()?.saturating_duration_since(submission.at).as_millis()
							as u64)
					})
					.collect(),
			)
		};
		let accepted = submissions.iter().filter(|submission| submission.error.is_none()).count();
		let included = outcome.included.iter().flatten().count();
		// The first block is the parent of the first holding a transaction: it only opens the
		// span.
		let measured = outcome.blocks.get(1..).unwrap_or_default();
		let span_seconds = match (outcome.blocks.first(), measured.first(), measured.last()) {
			(Some(parent), Some(first), Some(last)) => {
				// The genesis block has no timestamp: block 1 then counts for a slot.
				let start = match parent.timestamp {
					0 => first.timestamp.saturating_sub(SLOT_DURATION),
					timestamp => timestamp,
				};
				last.timestamp.saturating_sub(start) as f64 / 1000.0
			},
			_ => 0.0,
		};
		let in_span: usize = measured.iter().map(|block| block.ours).sum();
		let normal_limit = RuntimeBlockWeights::get()
			.get(DispatchClass::Normal)
			.max_total
			.map_or(u64::MAX, |weight| weight.ref_time())
			.max(1);
		let fullness: Vec<f64> = measured
			.iter()
			.map(|block| block.normal_weight.ref_time() as f64 / normal_limit as f64 * 100.0)
			.collect();
		Self {
			scenario,
			chain,
			transactions: submissions.len(),
			refused,
			resubmissions: submissions.iter().map(|submission| submission.resubmitted).sum(),
			dropped: accepted.saturating_sub(included),
			included,
			failed,
			finalized: outcome.finalized.iter().flatten().count(),
			blocks: measured.len(),
			block_range: measured
				.first()
				.zip(measured.last())
				.map(|(first, last)| (first.number, last.number)),
			span_seconds,
			tps: if span_seconds > 0.0 { in_span as f64 / span_seconds } else { 0.0 },
			most_in_a_block: measured.iter().map(|block| block.ours).max().unwrap_or(0),
			inclusion_latency_ms: latency(&outcome.included),
			finality_latency_ms: latency(&outcome.finalized),
			block_weight_percent_mean: if fullness.is_empty() {
				0.0
			} else {
				fullness.iter().sum::<f64>() / fullness.len() as f64
			},
			block_weight_percent_max: fullness.iter().copied().fold(0.0, f64::max),
			node: outcome.node,
			submission_seconds: submissions
				.iter()
				.map(|submission| submission.at)
				.max()
				.zip(submissions.iter().map(|submission| submission.at).min())
				.map_or(0.0, |(last, first)| (last - first).as_secs_f64()),
		}
	}

	/// The results for a terminal.
	pub fn text(&self) -> String {
		let mut text = format!(
			"scenario {:?}: {} transactions, {} included in {} blocks ({}) over {:.1} s: {:.1} \
			 tx/s (most in a block: {})\n",
			self.scenario,
			self.transactions,
			self.included,
			self.blocks,
			self.block_range.map_or("none".into(), |(first, last)| format!("#{first}–#{last}")),
			self.span_seconds,
			self.tps,
			self.most_in_a_block
		);
		let latency = |name: &str, latency: &Latency| {
			format!(
				"{name}: p50 {} ms, p95 {} ms, p99 {} ms, max {} ms\n",
				latency.p50, latency.p95, latency.p99, latency.max
			)
		};
		text += &latency("submission to inclusion", &self.inclusion_latency_ms);
		text += &latency("submission to finality", &self.finality_latency_ms);
		text += &format!(
			"finalized {}, dropped {}, resubmitted (pool full) {}, refused {}, failed {}\n",
			self.finalized,
			self.dropped,
			self.resubmissions,
			self.refused.values().sum::<usize>(),
			self.failed.values().sum::<usize>()
		);
		for (error, count) in self.refused.iter().chain(&self.failed) {
			text += &format!("  {count} × {error}\n");
		}
		text += &format!(
			"block weight (normal class): mean {:.1} %, fullest {:.1} %\n",
			self.block_weight_percent_mean, self.block_weight_percent_max
		);
		if let Some(node) = &self.node {
			text += &format!(
				"node: {:.0} % of a core, at most {:.0} MiB resident\n",
				node.cpu_percent, node.max_rss_mib
			);
		}
		text
	}
}
