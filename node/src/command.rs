//! What each command of `cosmolocal-node` does.

use crate::{
	benchmark_chain::BenchmarkChain,
	benchmarking, chain_spec,
	cli::{Cli, Subcommand},
	service,
};
use cosmolocal_runtime::opaque::Block;
use frame_benchmarking_cli::{BenchmarkCmd, SUBSTRATE_REFERENCE_HARDWARE};
use sc_cli::SubstrateCli;
use sc_service::PartialComponents;
use sp_core::crypto::{set_default_ss58_version, Ss58AddressFormat};
#[cfg(feature = "runtime-benchmarks")]
use sp_runtime::traits::HashingFor;

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"Cosmolocal Node".into()
	}

	fn impl_version() -> String {
		env!("SUBSTRATE_CLI_IMPL_VERSION").into()
	}

	fn description() -> String {
		env!("CARGO_PKG_DESCRIPTION").into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"the project's issue tracker".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		Ok(match id {
			"dev" => Box::new(chain_spec::development_chain_spec()?),
			"" | "local" => Box::new(chain_spec::local_chain_spec()?),
			id => match BenchmarkChain::from_id(id) {
				Some(benchmark) => Box::new(benchmark?.chain_spec()?),
				None => {
					Box::new(chain_spec::ChainSpec::from_json_file(std::path::PathBuf::from(id))?)
				},
			},
		})
	}
}

/// Why `benchmark pallet` and `benchmark storage` fail on an ordinary build.
#[cfg(not(feature = "runtime-benchmarks"))]
const NEEDS_BENCHMARK_BUILD: &str = "this benchmark needs a node built with \
	`cargo build --release -p cosmolocal-node --features runtime-benchmarks`";

/// Why `benchmark extrinsic` fails on another chain than the benchmark chain.
const NEEDS_BENCHMARK_CHAIN: &str = "`benchmark extrinsic` runs on the benchmark chain, whose \
	genesis holds the accounts, pledge and network its extrinsics need: pass \
	`--chain benchmark` (or `--chain benchmark:contributors=10000,…`, or a spec exported from it)";

/// What an error means for the person running the node: sc-cli's own message, or ours where it
/// names another binary or misses the option that fixes it.
pub fn explain(error: &sc_cli::Error) -> String {
	match error {
		sc_cli::Error::NetworkKeyNotFound(path) => format!(
			"this validator has no network key: there is none at {}. A validator keeps one \
			 network identity across restarts, so it is not made up at start. Create it once, \
			 either where the node looks for it: `cosmolocal-node key generate-node-key \
			 --base-path <the node's --base-path> --chain <the node's --chain>`, or in a file of \
			 your choice: `cosmolocal-node key generate-node-key --file <path>`, then start the \
			 node with `--node-key-file <path>`. (`--unsafe-force-node-key-generation` makes a \
			 new identity at every start: for throwaway networks only.)",
			path.display()
		),
		error => error.to_string(),
	}
}

/// Parses the command line and runs the command.
pub fn run() -> sc_cli::Result<()> {
	let cli = Cli::from_args();
	// Keys and addresses print in the chain's own address format.
	set_default_ss58_version(Ss58AddressFormat::custom(cosmolocal_primitives::SS58_PREFIX));

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		},
		Some(Subcommand::ExportChainSpec(cmd)) => {
			let chain_spec = cli.load_spec(&cmd.chain)?;
			cmd.run(chain_spec)
		},
		Some(Subcommand::CheckBlock(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::ExportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.database), task_manager))
			})
		},
		Some(Subcommand::ExportState(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.chain_spec), task_manager))
			})
		},
		Some(Subcommand::ImportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		},
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, backend, .. } =
					service::new_partial(&config)?;
				// GRANDPA keeps its authority set changes beside the blocks: revert them too.
				let aux_revert = Box::new(|client, _, blocks| {
					sc_consensus_grandpa::revert(client, blocks)?;
					Ok(())
				});
				Ok((cmd.run(client, backend, Some(aux_revert)), task_manager))
			})
		},
		Some(Subcommand::Benchmark(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| match cmd {
				#[cfg(feature = "runtime-benchmarks")]
				BenchmarkCmd::Pallet(cmd) => {
					cmd.run_with_spec::<HashingFor<Block>, ()>(Some(config.chain_spec))
				},
				#[cfg(not(feature = "runtime-benchmarks"))]
				BenchmarkCmd::Pallet(_) | BenchmarkCmd::Storage(_) => Err(NEEDS_BENCHMARK_BUILD.into()),
				BenchmarkCmd::Block(cmd) => {
					let PartialComponents { client, .. } = service::new_partial(&config)?;
					cmd.run(client)
				},
				#[cfg(feature = "runtime-benchmarks")]
				BenchmarkCmd::Storage(cmd) => {
					let PartialComponents { client, backend, .. } = service::new_partial(&config)?;
					let db = backend.expose_db();
					let storage = backend.expose_storage();
					let shared_trie_cache = backend.expose_shared_trie_cache();
					cmd.run(config, client, db, storage, shared_trie_cache)
				},
				BenchmarkCmd::Overhead(cmd) => {
					cmd.run_with_default_builder_and_spec::<Block, ()>(Some(config.chain_spec))
				},
				BenchmarkCmd::Extrinsic(cmd) => {
					let chain = BenchmarkChain::from_properties(&config.chain_spec.properties())
						.ok_or(NEEDS_BENCHMARK_CHAIN)?;
					let PartialComponents { client, .. } = service::new_partial(&config)?;
					let factory =
						benchmarking::extrinsic_factory(&chain, client.chain_info().genesis_hash);
					cmd.run(client, benchmarking::inherent_data()?, Vec::new(), &factory)
				},
				BenchmarkCmd::Machine(cmd) => {
					cmd.run(&config, SUBSTRATE_REFERENCE_HARDWARE.clone())
				},
			})
		},
		Some(Subcommand::Load(cmd)) => cmd.run(),
		Some(Subcommand::ChainInfo(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run::<Block>(&config))
		},
		None => {
			let runner = cli.create_runner(&cli.run)?;
			runner.run_node_until_exit(|config| async move {
				match config.network.network_backend {
					sc_network::config::NetworkBackendType::Libp2p => service::new_full::<
						sc_network::NetworkWorker<
							Block,
							<Block as sp_runtime::traits::Block>::Hash,
						>,
					>(config)
					.map_err(sc_cli::Error::Service),
					sc_network::config::NetworkBackendType::Litep2p => {
						service::new_full::<sc_network::Litep2pNetworkBackend>(config)
							.map_err(sc_cli::Error::Service)
					},
				}
			})
		},
	}
}
