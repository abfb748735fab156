//! frame-system and the block limits.

use crate::{
	AccountId, Balance, Block, BlockNumber, Hash, Nonce, PalletInfo, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, RuntimeTask, VERSION,
};
use cosmolocal_primitives::SS58_PREFIX;
use frame_support::{
	derive_impl, parameter_types,
	weights::{
		constants::{ParityDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		Weight,
	},
};
use frame_system::limits::{BlockLength, BlockWeights};
use sp_runtime::Perbill;

/// Share of a block that normal (not operational) extrinsics may fill.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// Two seconds of compute per block, a third of the 6-second slot, so that every validator can
/// import a block well within its slot.
const MAXIMUM_BLOCK_WEIGHT: Weight =
	Weight::from_parts(WEIGHT_REF_TIME_PER_SECOND.saturating_mul(2), u64::MAX);

/// A block is at most 5 MiB.
const MAXIMUM_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

parameter_types! {
	/// How many recent block hashes are kept for transaction mortality.
	pub const BlockHashCount: BlockNumber = 2400;
	/// The runtime's version.
	pub const Version: sp_version::RuntimeVersion = VERSION;
	/// Weight limits of a block, by dispatch class.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
		MAXIMUM_BLOCK_WEIGHT,
		NORMAL_DISPATCH_RATIO,
	);
	/// Length limits of a block, by dispatch class.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(MAXIMUM_BLOCK_LENGTH)
		.modify_max_length_for_class(frame_support::dispatch::DispatchClass::Normal, |m| {
			*m = NORMAL_DISPATCH_RATIO * *m
		})
		.build();
	/// The address format of accounts.
	pub const SS58Prefix: u16 = SS58_PREFIX;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	// The node stores its state in ParityDB.
	type DbWeight = ParityDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SystemWeightInfo = frame_system::weights::SubstrateWeight<Runtime>;
	type ExtensionsWeightInfo = frame_system::SubstrateExtensionsWeight<Runtime>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = frame_support::traits::ConstU32<16>;
}

#[cfg(test)]
mod tests {
	use super::*;
	use frame_support::{
		dispatch::DispatchClass,
		weights::constants::{BlockExecutionWeight, ExtrinsicBaseWeight},
	};

	#[test]
	fn normal_extrinsics_leave_room_for_operational_ones() {
		let weights = RuntimeBlockWeights::get();
		let normal = weights.get(DispatchClass::Normal).max_total.unwrap_or(Weight::MAX);
		assert_eq!(normal.ref_time(), NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_WEIGHT.ref_time());
		assert!(normal.ref_time() < weights.max_block.ref_time());
		assert!(weights.base_block.ref_time() >= BlockExecutionWeight::get().ref_time());
		assert!(
			weights.get(DispatchClass::Normal).base_extrinsic.ref_time()
				>= ExtrinsicBaseWeight::get().ref_time()
		);
	}

	#[test]
	fn normal_extrinsics_fill_three_quarters_of_a_block_length() {
		let length = RuntimeBlockLength::get();
		assert_eq!(
			*length.max.get(DispatchClass::Normal),
			NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_LENGTH
		);
		assert_eq!(*length.max.get(DispatchClass::Operational), MAXIMUM_BLOCK_LENGTH);
	}
}
