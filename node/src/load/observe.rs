//! Follows the node while the load runs: which block includes each transaction and when, when
//! that block is finalized, how full the blocks are, and what the node's process spends.

use super::{Prepared, Submission};
use codec::Decode;
use cosmolocal_runtime::{opaque::Block, Runtime, RuntimeError, RuntimeEvent};
use frame_support::{dispatch::PerDispatchClass, weights::Weight};
use jsonrpsee::{
	core::client::{ClientT, Subscription, SubscriptionClientT},
	rpc_params,
	ws_client::WsClient,
};
use sp_core::{Bytes, H256};
use sp_runtime::{
	generic::SignedBlock,
	traits::{BlakeTwo256, Hash, Header as _},
};
use std::{
	collections::HashMap,
	sync::{Arc, Mutex},
	time::{Duration, Instant},
};

type Header = <Block as sp_runtime::traits::Block>::Header;
type EventRecord = frame_system::EventRecord<RuntimeEvent, H256>;

/// A block the load reached.
#[derive(Clone, Debug)]
pub struct SeenBlock {
	/// Its number.
	pub number: u32,
	/// Its parent's hash.
	pub parent: H256,
	/// Its timestamp, in milliseconds; 0 for the genesis block, which has none.
	pub timestamp: u64,
	/// The load's transactions it includes.
	pub ours: usize,
	/// The weight of its normal-class extrinsics.
	pub normal_weight: Weight,
}

/// What the observer saw of the run.
pub struct Outcome {
	/// When each transaction was first seen in a best block.
	pub included: Vec<Option<Instant>>,
	/// When each transaction's block was finalized.
	pub finalized: Vec<Option<Instant>>,
	/// The dispatch errors of the transactions that failed, by transaction.
	pub failures: Vec<Option<String>>,
	/// The finalized blocks, in order, from the parent of the first holding a transaction of
	/// the run to the last holding one.
	pub blocks: Vec<SeenBlock>,
	/// The node's CPU and memory over the run, if its process id was given.
	pub node: Option<NodeUsage>,
}

/// What the node's process spent during the run.
#[derive(Clone, Copy, Debug, serde::Serialize)]
pub struct NodeUsage {
	/// Its CPU time over the run's wall-clock time, in percent of one core.
	pub cpu_percent: f64,
	/// The most memory it held (resident set), in MiB.
	pub max_rss_mib: f64,
}

#[derive(Default)]
struct State {
	by_hash: HashMap<H256, usize>,
	included: Vec<Option<Instant>>,
	finalized: Vec<Option<Instant>>,
	failures: Vec<Option<String>>,
	blocks: HashMap<H256, SeenBlock>,
	/// The load's transactions in each block seen, by position in the block.
	block_ours: HashMap<H256, Vec<usize>>,
	finalized_chain: Vec<H256>,
	last_finalized: Option<(u32, H256)>,
	window: Option<Arc<tokio::sync::Semaphore>>,
	max_rss_kib: u64,
	error: Option<String>,
}

/// Follows the node's best and finalized blocks in the background.
pub struct Observer {
	client: Arc<WsClient>,
	state: Arc<Mutex<State>>,
	node_pid: Option<u32>,
	cpu_ticks_at_start: Option<u64>,
	started: Instant,
}

impl Observer {
	/// Subscribes to the node's blocks, before the first transaction is sent.
	pub async fn start(
		client: WsClient,
		prepared: &[Prepared],
		node_pid: Option<u32>,
	) -> Result<Self, String> {
		let client = Arc::new(client);
		let finalized_hash: H256 =
			request(&client, "chain_getFinalizedHead", rpc_params![]).await?;
		let finalized: Header =
			request(&client, "chain_getHeader", rpc_params![finalized_hash]).await?;
		let state = State {
			by_hash: prepared.iter().enumerate().map(|(index, tx)| (tx.hash, index)).collect(),
			included: vec![None; prepared.len()],
			finalized: vec![None; prepared.len()],
			failures: vec![None; prepared.len()],
			last_finalized: Some((*finalized.number(), finalized_hash)),
			..Default::default()
		};
		let state = Arc::new(Mutex::new(state));
		let best: Subscription<Header> = client
			.subscribe("chain_subscribeNewHeads", rpc_params![], "chain_unsubscribeNewHeads")
			.await
			.map_err(|error| format!("chain_subscribeNewHeads: {error}"))?;
		let finalized: Subscription<Header> = client
			.subscribe(
				"chain_subscribeFinalizedHeads",
				rpc_params![],
				"chain_unsubscribeFinalizedHeads",
			)
			.await
			.map_err(|error| format!("chain_subscribeFinalizedHeads: {error}"))?;
		tokio::spawn(follow(client.clone(), state.clone(), best, finalized));
		if let Some(pid) = node_pid {
			tokio::spawn(sample_memory(pid, state.clone()));
		}
		Ok(Self {
			client,
			state,
			node_pid,
			cpu_ticks_at_start: node_pid.and_then(cpu_ticks),
			started: Instant::now(),
		})
	}

	/// Gives a permit back to `window` for each transaction of the run a block includes.
	pub fn release_on_inclusion(&self, window: Arc<tokio::sync::Semaphore>) {
		self.lock().window = Some(window);
	}

	/// Waits until every transaction the node took is finalized, or `timeout` passes.
	pub async fn wait_for(
		self,
		submissions: &[Submission],
		timeout: Duration,
	) -> Result<Outcome, String> {
		let deadline = Instant::now() + timeout;
		loop {
			{
				let state = self.lock();
				if let Some(error) = &state.error {
					return Err(error.clone());
				}
				let waiting =
					submissions.iter().zip(&state.finalized).any(|(submission, finalized)| {
						submission.error.is_none() && finalized.is_none()
					});
				if !waiting || Instant::now() >= deadline {
					break;
				}
			}
			tokio::time::sleep(Duration::from_millis(200)).await;
		}
		let node = self.node_usage();
		let blocks = self.measured_blocks().await?;
		let mut state = self.lock();
		Ok(Outcome {
			included: std::mem::take(&mut state.included),
			finalized: std::mem::take(&mut state.finalized),
			failures: std::mem::take(&mut state.failures),
			blocks,
			node,
		})
	}

	fn lock(&self) -> std::sync::MutexGuard<'_, State> {
		self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
	}

	fn node_usage(&self) -> Option<NodeUsage> {
		let pid = self.node_pid?;
		let spent = cpu_ticks(pid)?.checked_sub(self.cpu_ticks_at_start?)?;
		let ticks_per_second = 100.0;
		let cpu_percent =
			spent as f64 / ticks_per_second / self.started.elapsed().as_secs_f64() * 100.0;
		let max_rss_mib = self.lock().max_rss_kib as f64 / 1024.0;
		Some(NodeUsage { cpu_percent, max_rss_mib })
	}

	/// The finalized blocks from the parent of the first that holds a transaction of the run to
	/// the last that holds one.
	async fn measured_blocks(&self) -> Result<Vec<SeenBlock>, String> {
		let (chain, blocks) = {
			let state = self.lock();
			(state.finalized_chain.clone(), state.blocks.clone())
		};
		let holding: Vec<usize> = chain
			.iter()
			.enumerate()
			.filter(|(_, hash)| blocks.get(hash).is_some_and(|block| block.ours > 0))
			.map(|(position, _)| position)
			.collect();
		let (Some(&first), Some(&last)) = (holding.first(), holding.last()) else {
			return Ok(Vec::new());
		};
		let parent_hash = blocks[&chain[first]].parent;
		let parent = match blocks.get(&parent_hash) {
			Some(parent) => parent.clone(),
			None => fetch_block(&self.client, parent_hash, &HashMap::new()).await?.0,
		};
		Ok(std::iter::once(parent)
			.chain(chain[first..=last].iter().map(|hash| blocks[hash].clone()))
			.collect())
	}
}

async fn request<R: serde::de::DeserializeOwned>(
	client: &WsClient,
	method: &str,
	params: jsonrpsee::core::params::ArrayParams,
) -> Result<R, String> {
	client.request(method, params).await.map_err(|error| format!("{method}: {error}"))
}

/// Records every best block and every finalization until the subscriptions end.
async fn follow(
	client: Arc<WsClient>,
	state: Arc<Mutex<State>>,
	mut best: Subscription<Header>,
	mut finalized: Subscription<Header>,
) {
	let lock = || state.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
	loop {
		let step = tokio::select! {
			Some(Ok(header)) = best.next() => see_block(&client, &state, header.hash()).await,
			Some(Ok(header)) = finalized.next() => {
				see_finalized(&client, &state, *header.number(), header.hash()).await
			},
			else => Err("the node closed the block subscriptions".to_string()),
		};
		if let Err(error) = step {
			lock().error = Some(error);
			return;
		}
	}
}

/// Records a block the first time it is seen, and the inclusion of the run's transactions.
async fn see_block(client: &WsClient, state: &Mutex<State>, hash: H256) -> Result<(), String> {
	let lock = || state.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
	if lock().blocks.contains_key(&hash) {
		return Ok(());
	}
	let by_hash = lock().by_hash.clone();
	let (block, ours, failures) = fetch_block(client, hash, &by_hash).await?;
	let now = Instant::now();
	let mut state = lock();
	let mut newly_included = 0;
	for &index in &ours {
		if state.included[index].is_none() {
			state.included[index] = Some(now);
			newly_included += 1;
		}
	}
	for (index, failure) in failures {
		state.failures[index] = Some(failure);
	}
	if let Some(window) = &state.window {
		window.add_permits(newly_included);
	}
	state.block_ours.insert(hash, ours);
	state.blocks.insert(hash, block);
	Ok(())
}

/// Records the blocks a finalization adds to the finalized chain, and the finality of the run's
/// transactions in them.
async fn see_finalized(
	client: &WsClient,
	state: &Mutex<State>,
	number: u32,
	hash: H256,
) -> Result<(), String> {
	let lock = || state.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
	let Some((last_number, _)) = lock().last_finalized else { return Ok(()) };
	if number <= last_number {
		return Ok(());
	}
	// Walk back to the last finalized block: these are the newly finalized ones.
	let mut newly = Vec::new();
	let mut cursor = hash;
	for _ in last_number..number {
		see_block(client, state, cursor).await?;
		newly.push(cursor);
		cursor = lock().blocks[&cursor].parent;
	}
	let now = Instant::now();
	let mut state = lock();
	for hash in newly.into_iter().rev() {
		for index in state.block_ours[&hash].clone() {
			state.finalized[index].get_or_insert(now);
		}
		state.finalized_chain.push(hash);
	}
	state.last_finalized = Some((number, hash));
	Ok(())
}

/// A block, the run's transactions in it, and those of them whose dispatch failed, with why.
async fn fetch_block(
	client: &WsClient,
	hash: H256,
	by_hash: &HashMap<H256, usize>,
) -> Result<(SeenBlock, Vec<usize>, Vec<(usize, String)>), String> {
	let storage = |key: [u8; 32]| async move {
		request::<Option<Bytes>>(client, "state_getStorage", rpc_params![Bytes(key.to_vec()), hash])
			.await
	};
	let (block, events, weight, timestamp) = futures::try_join!(
		request::<SignedBlock<Block>>(client, "chain_getBlock", rpc_params![hash]),
		// `System::Events` is private to its pallet: its key, spelt out.
		storage(frame_support::storage::storage_prefix(b"System", b"Events")),
		storage(frame_system::BlockWeight::<Runtime>::hashed_key()),
		storage(pallet_timestamp::Now::<Runtime>::hashed_key()),
	)?;
	// The genesis block has none of the three.
	fn decode_or_default<T: Decode + Default>(bytes: Option<Bytes>) -> Result<T, codec::Error> {
		bytes.map(|bytes| T::decode(&mut &bytes[..])).transpose().map(Option::unwrap_or_default)
	}
	let decoding =
		|what: &'static str| move |error| format!("decoding the {what} of {hash:?}: {error}");
	let events: Vec<EventRecord> = decode_or_default(events).map_err(decoding("events"))?;
	let weight: PerDispatchClass<Weight> = decode_or_default(weight).map_err(decoding("weight"))?;
	let timestamp: u64 = decode_or_default(timestamp).map_err(decoding("timestamp"))?;
	let extrinsics = &block.block.extrinsics;
	let ours_at: HashMap<u32, usize> = extrinsics
		.iter()
		.enumerate()
		.filter_map(|(position, extrinsic)| {
			let index = by_hash.get(&BlakeTwo256::hash_of(extrinsic))?;
			Some((position as u32, *index))
		})
		.collect();
	let failures = events
		.iter()
		.filter_map(|record| match (&record.phase, &record.event) {
			(
				frame_system::Phase::ApplyExtrinsic(position),
				RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
					dispatch_error, ..
				}),
			) => Some((*ours_at.get(position)?, error_name(dispatch_error))),
			_ => None,
		})
		.collect();
	let header = &block.block.header;
	let seen = SeenBlock {
		number: *header.number(),
		parent: *header.parent_hash(),
		timestamp,
		ours: ours_at.len(),
		normal_weight: *weight.get(frame_support::dispatch::DispatchClass::Normal),
	};
	Ok((seen, ours_at.into_values().collect(), failures))
}

/// A dispatch error with its pallet's name for it, such as `ContributiveAccounting(NothingToClaim)`.
fn error_name(error: &sp_runtime::DispatchError) -> String {
	match RuntimeError::from_dispatch_error(*error) {
		Some(named) => format!("{named:?}"),
		None => format!("{error:?}"),
	}
}

/// The CPU time the process has spent, user and system, in clock ticks.
fn cpu_ticks(pid: u32) -> Option<u64> {
	let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
	// The command name, in parentheses, may hold spaces: count fields after it.
	let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
	let user: u64 = fields.get(11)?.parse().ok()?;
	let system: u64 = fields.get(12)?.parse().ok()?;
	Some(user + system)
}

/// Samples the process's resident memory every 250 ms and keeps the most.
async fn sample_memory(pid: u32, state: Arc<Mutex<State>>) {
	loop {
		let Some(rss) = resident_kib(pid) else { return };
		{
			let mut state = state.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
			state.max_rss_kib = state.max_rss_kib.max(rss);
		}
		tokio::time::sleep(Duration::from_millis(250)).await;
	}
}

fn resident_kib(pid: u32) -> Option<u64> {
	let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
	let line = status.lines().find(|line| line.starts_with("VmRSS:"))?;
	line.split_whitespace().nth(1)?.parse().ok()
}
