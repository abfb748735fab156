//! The Cosmolocal runtime driven block by block with arbitrary calls from many accounts, and the
//! invariants checked after every block.
//!
//! A run is a list of [`Step`]s: who acts (one of the [`actors`] or governance), how many blocks
//! pass before, and the call. Each step goes through the runtime as a block author would apply a
//! signed transaction: the same transaction extensions (nonce, fee, weight, era) and dispatch as
//! `Executive::apply_extrinsic`, only the signature check is left out, so that any account can
//! act without a key. Blocks are initialised and finalised by `Executive` with the timestamp
//! inherent and an Aura slot, so every hook runs. After each block, [`invariants::check`] runs the
//! pallets' `try_state` and the chain-wide money checks.
//!
//! The property tests (`tests/`) generate runs from strategies that know the domain; the fuzz
//! target (`fuzz/`) decodes runs from arbitrary bytes ([`Step::decode_run`]).

#![deny(missing_docs)]

pub mod actors;
pub mod chain;
pub mod invariants;
mod step;

pub use chain::{run, Outcome, Tally};
pub use invariants::Violation;
pub use step::{Origin, Step, MAX_STEPS};
