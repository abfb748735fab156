//! Types shared by the Cosmolocal runtime, its pallets and its node.
//!
//! Pallets talk to each other only through the traits defined here, wired together in the runtime's
//! configuration, never by naming each other's crates.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub mod contribution;
pub mod design;
pub mod lists;
pub mod payments;
pub mod production;

use sp_runtime::{
	traits::{IdentifyAccount, Verify},
	MultiSignature,
};

/// A block number.
pub type BlockNumber = u32;

/// The signature scheme of the chain's transactions: sr25519, ed25519 or ecdsa.
pub type Signature = MultiSignature;

/// An account identifier: the 32-byte public key (or its hash for ecdsa) behind a signature.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// A balance of the native token or of an asset, in its smallest unit.
pub type Balance = u128;

/// The number of transactions an account has sent.
pub type Nonce = u32;

/// The hash of a block, an extrinsic or a piece of content.
pub type Hash = sp_core::H256;

/// The identifier of an asset of `pallet-assets` (a community or local currency).
pub type AssetId = u32;

/// The native token: its symbol, precision and units.
pub mod currency {
	use super::Balance;

	// The runtime's build script reads the symbol and decimals from this file too, to put them in
	// the metadata hash.
	include!("token.rs");
	/// One CML.
	pub const UNITS: Balance = 1_000_000_000_000;
	/// A thousandth of a CML.
	pub const MILLI_UNITS: Balance = UNITS / 1_000;
	/// A millionth of a CML.
	pub const MICRO_UNITS: Balance = UNITS / 1_000_000;
	/// The smallest balance an account may hold; below it the account is reaped.
	pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNITS;

	/// A deposit for storing `items` entries of `bytes` bytes in total: 0.1 CML per entry and
	/// 1 milli-CML per byte, returned when the data is removed.
	pub const fn deposit(items: u32, bytes: u32) -> Balance {
		(items as Balance) * 100 * MILLI_UNITS + (bytes as Balance) * MILLI_UNITS
	}
}

/// The address format of the chain's accounts (SS58 prefix 4242, not taken by any other network
/// in the SS58 registry).
pub const SS58_PREFIX: u16 = 4242;

/// Time, in blocks and milliseconds.
pub mod time {
	use super::BlockNumber;

	/// Target time between two blocks: every Aura slot produces one.
	pub const MILLISECS_PER_BLOCK: u64 = 6000;
	/// The Aura slot duration, equal to the block time.
	pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;
	/// Blocks in a minute.
	pub const MINUTES: BlockNumber = 60_000 / (MILLISECS_PER_BLOCK as BlockNumber);
	/// Blocks in an hour.
	pub const HOURS: BlockNumber = MINUTES * 60;
	/// Blocks in a day.
	pub const DAYS: BlockNumber = HOURS * 24;
}

#[cfg(test)]
mod tests {
	use super::currency::*;

	#[test]
	fn deposit_charges_per_item_and_per_byte() {
		assert_eq!(deposit(0, 0), 0);
		assert_eq!(deposit(1, 0), 100 * MILLI_UNITS);
		assert_eq!(deposit(2, 10), 200 * MILLI_UNITS + 10 * MILLI_UNITS);
	}

	#[test]
	fn units_follow_the_decimals() {
		assert_eq!(UNITS, 10u128.pow(TOKEN_DECIMALS as u32));
		assert_eq!(MILLI_UNITS * 1_000, UNITS);
		assert_eq!(MICRO_UNITS * 1_000_000, UNITS);
	}
}
