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

/// Runs the command; an error is printed as a sentence (with what to do, where the node knows
/// it), not as the debug form of the error type.
fn main() -> std::process::ExitCode {
	match command::run() {
		Ok(()) => std::process::ExitCode::SUCCESS,
		Err(error) => {
			eprintln!("Error: {}", command::explain(&error));
			std::process::ExitCode::FAILURE
		},
	}
}
