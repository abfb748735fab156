//! The weights of FRAME's pallets in this runtime, measured on this chain's release node by
//! `make weights` (each file records the command and the machine); never edited by hand. The
//! project's own pallets keep theirs in their crates (`pallets/*/src/weights.rs`).

pub mod pallet_assets;
pub mod pallet_balances;
pub mod pallet_collective_council;
pub mod pallet_collective_technical_committee;
pub mod pallet_membership_council_membership;
pub mod pallet_membership_technical_membership;
pub mod pallet_multisig;
pub mod pallet_preimage;
pub mod pallet_proxy;
pub mod pallet_sudo;
pub mod pallet_timestamp;
pub mod pallet_treasury;
pub mod pallet_utility;
pub mod pallet_whitelist;
