//! `cosmolocal-node load`: sends a running node of the benchmark chain as many transactions as
//! it takes, all signed before the clock starts, and reports what the chain sustained: included
//! transactions per second (from the blocks' timestamps), latency from submission to inclusion
//! and to finality, dropped and invalid transactions, the node's CPU and memory, and how full the
//! blocks were.

mod observe;
mod report;

use crate::{
	benchmark_chain::BenchmarkChain,
	benchmarking::{MeasuredCall, Signers, SigningContext, MEASURED_CALLS},
};
use codec::Encode;
use futures::StreamExt;
use jsonrpsee::{
	core::client::{ClientT, Error as ClientError},
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use sp_core::{crypto::Ss58Codec, Bytes, Pair, H256};
use sp_runtime::traits::{BlakeTwo256, Hash};
use std::{
	collections::HashMap,
	path::PathBuf,
	sync::Arc,
	time::{Duration, Instant},
};

/// What a run sends.
#[derive(Clone, Copy, Debug, PartialEq, clap::ValueEnum, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scenario {
	/// `balances.transferKeepAlive` of 1 CML: the standard sTPS transaction.
	Transfer,
	/// `designRegistry.registerDesign`.
	RegisterDesign,
	/// `productionPledges.back` of one unit of the benchmark pledge.
	Back,
	/// `contributiveAccounting.logContribution` to the benchmark network.
	LogContribution,
	/// `contributiveAccounting.claim` by the benchmark network's members, once each.
	Claim,
	/// The four domain calls and transfers in turn (claims while members remain).
	Mix,
}

impl Scenario {
	/// The calls the scenario sends, in turn.
	fn calls(self) -> Vec<&'static MeasuredCall> {
		let named = |extrinsic: &str| {
			MEASURED_CALLS
				.iter()
				.find(|measured| measured.extrinsic == extrinsic)
				.expect("every scenario's call is measured")
		};
		match self {
			Self::Transfer => vec![named("transfer_keep_alive")],
			Self::RegisterDesign => vec![named("register_design")],
			Self::Back => vec![named("back")],
			Self::LogContribution => vec![named("log_contribution")],
			Self::Claim => vec![named("claim")],
			Self::Mix => ["transfer_keep_alive", "register_design", "back", "log_contribution"]
				.into_iter()
				.chain(["claim"])
				.map(named)
				.collect(),
		}
	}
}

/// `cosmolocal-node load`.
#[derive(Debug, clap::Parser)]
pub struct LoadCmd {
	/// The node to load, started with `--chain benchmark…`: its WebSocket RPC address.
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	pub url: String,

	/// What to send.
	#[arg(long, value_enum)]
	pub scenario: Scenario,

	/// How many transactions to send; by default one per benchmark account (one per member of
	/// the benchmark network for claims).
	#[arg(long)]
	pub transactions: Option<u32>,

	/// The most transactions submitted and not yet in a block at once.
	#[arg(long, default_value_t = 16_384)]
	pub window: usize,

	/// WebSocket connections to submit through.
	#[arg(long, default_value_t = 4)]
	pub connections: usize,

	/// The node's process id, to report its CPU time and memory.
	#[arg(long)]
	pub node_pid: Option<u32>,

	/// Stop waiting for inclusion and finality after this many seconds.
	#[arg(long, default_value_t = 600)]
	pub timeout: u64,

	/// Also write the results as JSON to this file.
	#[arg(long)]
	pub json: Option<PathBuf>,
}

/// A transaction of the run, signed before the clock starts.
struct Prepared {
	hash: H256,
	encoded: Bytes,
}

impl LoadCmd {
	/// Runs the load and prints the results.
	pub fn run(&self) -> sc_cli::Result<()> {
		let runtime = tokio::runtime::Builder::new_multi_thread()
			.enable_all()
			.build()
			.map_err(|error| format!("starting the load's runtime: {error}"))?;
		runtime.block_on(self.run_async()).map_err(sc_cli::Error::Input)
	}

	async fn run_async(&self) -> Result<(), String> {
		let client = connect(&self.url).await?;
		let chain = benchmark_chain(&client).await?;
		let signing = signing_context(&client).await?;
		let calls = self.scenario.calls();
		let claimants = if calls.iter().any(|call| call.signers == Signers::Members) {
			claimants(&client, &chain).await?
		} else {
			Vec::new()
		};
		let count = self.transaction_count(&chain, &calls, claimants.len())?;
		eprintln!("signing {count} transactions ({:?})…", self.scenario);
		let prepared = prepare(&client, &chain, signing, &calls, count, &claimants).await?;

		let observer = observe::Observer::start(client, &prepared, self.node_pid).await?;
		let started = Instant::now();
		let submissions = self.submit(&prepared, &observer).await?;
		let submitted_in = started.elapsed();
		eprintln!("submitted in {submitted_in:?}; waiting for inclusion and finality…");
		let outcome = observer.wait_for(&submissions, Duration::from_secs(self.timeout)).await?;
		let report = report::Report::new(self.scenario, chain, &submissions, outcome);
		println!("{}", report.text());
		if let Some(path) = &self.json {
			let json = serde_json::to_string_pretty(&report).map_err(|error| error.to_string())?;
			std::fs::write(path, json)
				.map_err(|error| format!("writing {}: {error}", path.display()))?;
		}
		Ok(())
	}

	fn transaction_count(
		&self,
		chain: &BenchmarkChain,
		calls: &[&MeasuredCall],
		claimants: usize,
	) -> Result<u32, String> {
		let claims_only = calls.iter().all(|call| call.signers == Signers::Members);
		let default = if claims_only { claimants as u32 } else { chain.accounts };
		let count = self.transactions.unwrap_or(default);
		if claims_only && count as usize > claimants {
			return Err(format!(
				"{claimants} of the benchmark network's {} members have not claimed yet, and each \
				 can claim once: ask for at most that many claims, or start a chain with more \
				 `contributors`",
				chain.contributors
			));
		}
		Ok(count)
	}

	/// Submits every transaction, at most `window` of them waiting for a block at once, and
	/// returns when each was submitted and what the node answered.
	async fn submit(
		&self,
		prepared: &[Prepared],
		observer: &observe::Observer,
	) -> Result<Vec<Submission>, String> {
		let mut connections = Vec::new();
		for _ in 0..self.connections.max(1) {
			connections.push(Arc::new(connect(&self.url).await?));
		}
		let window = Arc::new(tokio::sync::Semaphore::new(self.window.max(1)));
		let timeout = Duration::from_secs(self.timeout);
		observer.release_on_inclusion(window.clone());
		let submissions = futures::stream::iter(prepared.iter().enumerate())
			.map(|(index, transaction)| {
				let connection = connections[index % connections.len()].clone();
				let window = window.clone();
				async move {
					// Transactions that never make it into a block keep their permits: past the
					// timeout, the rest go without one.
					if let Ok(Ok(permit)) = tokio::time::timeout(timeout, window.acquire()).await {
						permit.forget();
					}
					let at = Instant::now();
					let mut resubmitted = 0;
					let error = loop {
						let answer: Result<H256, _> = connection
							.request("author_submitExtrinsic", rpc_params![&transaction.encoded])
							.await;
						match answer {
							Ok(_) => break None,
							// The pool keeps included transactions until they are finalized:
							// when it is full, wait for finality to make room.
							Err(ClientError::Call(error))
								if error.code() == POOL_FULL && at.elapsed() < timeout =>
							{
								resubmitted += 1;
								tokio::time::sleep(Duration::from_millis(100)).await;
							},
							Err(error) => break Some(error.to_string()),
						}
					};
					if error.is_some() {
						window.add_permits(1);
					}
					Submission { at, error, resubmitted }
				}
			})
			.buffered(256 * connections.len())
			.collect()
			.await;
		Ok(submissions)
	}
}

/// The error code of a transaction the pool has no room for ("Immediately Dropped").
const POOL_FULL: i32 = 1016;

/// When a transaction was submitted, and the node's refusal if it refused it.
pub struct Submission {
	/// When it was sent.
	pub at: Instant,
	/// The node's error, if it did not take it.
	pub error: Option<String>,
	/// How many times it was sent again because the node's pool was full.
	pub resubmitted: u32,
}

async fn connect(url: &str) -> Result<WsClient, String> {
	WsClientBuilder::default()
		.max_concurrent_requests(4096)
		.max_buffer_capacity_per_subscription(65_536)
		.request_timeout(Duration::from_secs(120))
		.build(url)
		.await
		.map_err(|error| format!("connecting to {url}: {error}"))
}

/// The benchmark chain the node runs, from its chain spec's properties.
async fn benchmark_chain(client: &WsClient) -> Result<BenchmarkChain, String> {
	let properties: sc_service::Properties = client
		.request("system_properties", rpc_params![])
		.await
		.map_err(|error| format!("system_properties: {error}"))?;
	BenchmarkChain::from_properties(&properties).ok_or_else(|| {
		"the node does not run the benchmark chain: start it with `--chain benchmark` (see \
		 docs/BENCHMARKS.md)"
			.to_string()
	})
}

/// The genesis hash and runtime version the node's transactions must commit to.
async fn signing_context(client: &WsClient) -> Result<SigningContext, String> {
	let genesis: H256 = client
		.request("chain_getBlockHash", rpc_params![0])
		.await
		.map_err(|error| format!("chain_getBlockHash: {error}"))?;
	let version: serde_json::Value = client
		.request("state_getRuntimeVersion", rpc_params![])
		.await
		.map_err(|error| format!("state_getRuntimeVersion: {error}"))?;
	let field = |name: &str| {
		version[name]
			.as_u64()
			.and_then(|value| u32::try_from(value).ok())
			.ok_or_else(|| format!("state_getRuntimeVersion has no {name}"))
	};
	Ok(SigningContext {
		genesis,
		spec_version: field("specVersion")?,
		transaction_version: field("transactionVersion")?,
	})
}

/// Signs the run's `count` transactions: the scenario's calls in turn, each sender sending with
/// the nonces that follow its current one, and each of the `claimants` claiming once.
async fn prepare(
	client: &WsClient,
	chain: &BenchmarkChain,
	signing: SigningContext,
	calls: &[&MeasuredCall],
	count: u32,
	claimants: &[u32],
) -> Result<Vec<Prepared>, String> {
	let mut plan = Vec::new();
	let (mut sent, mut claimed) = (0u32, 0usize);
	for index in 0..count {
		let call = calls[index as usize % calls.len()];
		let (call, key, round) = match (call.signers, claimants.get(claimed)) {
			(Signers::Members, Some(&member)) => {
				claimed += 1;
				(call, (Signers::Members, member), 0)
			},
			// Senders' calls, and a mix's first call once every member has claimed.
			(Signers::Senders, _) | (Signers::Members, None) => {
				let population = chain.accounts.max(1);
				sent += 1;
				let call = if call.signers == Signers::Senders { call } else { calls[0] };
				(call, (Signers::Senders, (sent - 1) % population), (sent - 1) / population)
			},
		};
		plan.push((call, key, round, index));
	}
	let pairs: HashMap<SignerKey, sp_core::sr25519::Pair> =
		plan.iter().map(|&(_, key, _, _)| (key, key.0.pair(key.1))).collect();
	let nonces = current_nonces(client, &pairs).await?;
	Ok(plan
		.into_iter()
		.map(|(call, key, round, _)| {
			let nonce = nonces[&key] + round;
			// A number no other transaction of this chain has (signer and nonce), so that runs
			// one after another never register the same design content twice.
			let unique = nonce.wrapping_mul(chain.accounts.max(1)).wrapping_add(key.1);
			let extrinsic = signing.sign(&pairs[&key], (call.call)(chain, unique), nonce);
			let encoded = extrinsic.encode();
			Prepared { hash: BlakeTwo256::hash(&encoded), encoded: encoded.into() }
		})
		.collect())
}

/// The members of the benchmark network who have not claimed yet: those who have sent nothing.
async fn claimants(client: &WsClient, chain: &BenchmarkChain) -> Result<Vec<u32>, String> {
	let members: HashMap<SignerKey, sp_core::sr25519::Pair> = (0..chain.contributors)
		.map(|member| ((Signers::Members, member), Signers::Members.pair(member)))
		.collect();
	let nonces = current_nonces(client, &members).await?;
	let mut claimants: Vec<u32> = nonces
		.into_iter()
		.filter(|&(_, nonce)| nonce == 0)
		.map(|((_, member), _)| member)
		.collect();
	claimants.sort_unstable();
	Ok(claimants)
}

/// A signer: its kind and its number.
type SignerKey = (Signers, u32);

/// Each signer's next nonce, asked of the node.
async fn current_nonces(
	client: &WsClient,
	pairs: &HashMap<SignerKey, sp_core::sr25519::Pair>,
) -> Result<HashMap<SignerKey, u32>, String> {
	futures::stream::iter(pairs.iter())
		.map(|(key, pair)| async move {
			let address = pair.public().to_ss58check();
			let nonce: u32 = client
				.request("system_accountNextIndex", rpc_params![address])
				.await
				.map_err(|error| format!("system_accountNextIndex: {error}"))?;
			Ok((*key, nonce))
		})
		.buffer_unordered(256)
		.collect::<Vec<Result<_, String>>>()
		.await
		.into_iter()
		.collect()
}
