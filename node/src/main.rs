//! `cosmolocal-node`: the node that Cosmolocal validators run and that serves JSON-RPC to
//! wallets and integrators.

#![warn(missing_docs)]

mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
