//! The command line of `cosmolocal-node`.

/// The commands besides running a node.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management: generate, inspect and insert keys, generate node keys.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Build a chain specification (`--chain dev|local|<path>`, `--raw` for the form nodes share).
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export the chain specification of a runtime's genesis preset.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Measure the weights of extrinsics (`benchmark pallet`, needs a build with
	/// `--features runtime-benchmarks`), of storage, of blocks and of this machine.
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// Information about the database and the chain.
	ChainInfo(sc_cli::ChainInfoCmd),

	/// Load a running node of the benchmark chain (`--chain benchmark…`) with transactions
	/// signed beforehand, and report the throughput, latency and block fullness it sustained.
	Load(crate::load::LoadCmd),
}

/// `cosmolocal-node [subcommand] [options]`.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	/// A subcommand; without one the node runs.
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	/// Options of a running node.
	#[clap(flatten)]
	pub run: sc_cli::RunCmd,
}
