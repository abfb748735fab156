//! `cosmolocal-node`: the node that Cosmolocal validators run and that serves JSON-RPC to
//! wallets and integrators.

#![warn(missing_docs)]
// The error types are sc-cli's and sc-service's own, large by their design.
#![allow(clippy::result_large_err)]

mod benchmark_chain;
mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod load;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
