//! The native token, transaction fees, and the assets that serve as community and local
//! currencies.

use crate::{
	AccountId, AssetId, Balance, Balances, Runtime, RuntimeEvent, RuntimeFreezeReason,
	RuntimeHoldReason,
};
use cosmolocal_primitives::currency::{
	deposit, EXISTENTIAL_DEPOSIT, MICRO_UNITS, MILLI_UNITS, UNITS,
};
use frame_support::{
	parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU32, ConstU8, VariantCountOf},
	weights::{
		constants::ExtrinsicBaseWeight, WeightToFeeCoefficient, WeightToFeeCoefficients,
		WeightToFeePolynomial,
	},
};
use frame_system::{EnsureRoot, EnsureSigned};
use pallet_transaction_payment::{FungibleAdapter, Multiplier, TargetedFeeAdjustment};
use sp_runtime::{traits::Bounded, FixedPointNumber, Perbill, Perquintill};

parameter_types! {
	/// The smallest balance an account may hold.
	pub const ExistentialDeposit: Balance = EXISTENTIAL_DEPOSIT;
}

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = crate::weights::pallet_balances::WeightInfo<Runtime>;
	type Balance = Balance;
	// Dust below the existential deposit is burned.
	type DustRemoval = ();
	type ExistentialDeposit = ExistentialDeposit;
	type AccountStore = frame_system::Pallet<Runtime>;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type DoneSlashHandler = ();
}

/// Converts the weight of an extrinsic to its fee: an extrinsic of the base weight (an empty
/// signed transaction) costs a tenth of a milli-CML, and the fee grows linearly with weight.
pub struct WeightToFee;
impl WeightToFeePolynomial for WeightToFee {
	type Balance = Balance;
	fn polynomial() -> WeightToFeeCoefficients<Self::Balance> {
		let fee_of_base_extrinsic: Balance = MILLI_UNITS / 10;
		let base_weight = Balance::from(ExtrinsicBaseWeight::get().ref_time());
		smallvec::smallvec![WeightToFeeCoefficient {
			degree: 1,
			negative: false,
			coeff_frac: Perbill::from_rational(fee_of_base_extrinsic % base_weight, base_weight),
			coeff_integer: fee_of_base_extrinsic / base_weight,
		}]
	}
}

parameter_types! {
	/// Fee per byte of a transaction: 10 micro-CML.
	pub const TransactionByteFee: Balance = 10 * MICRO_UNITS;
	/// Fees rise when blocks are more than a quarter full and fall when they are less.
	pub const TargetBlockFullness: Perquintill = Perquintill::from_percent(25);
	/// How fast the fee multiplier follows the fullness of blocks.
	pub AdjustmentVariable: Multiplier = Multiplier::saturating_from_rational(75, 1_000_000);
	/// The fee multiplier never goes below a tenth.
	pub MinimumMultiplier: Multiplier = Multiplier::saturating_from_rational(1, 10u128);
	/// The fee multiplier has no upper bound: sustained spam becomes ever more expensive.
	pub MaximumMultiplier: Multiplier = Bounded::max_value();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	// A share of fees and tips goes to the commons treasury, the rest is burnt.
	type OnChargeTransaction = FungibleAdapter<Balances, super::treasury::FeesToTreasury>;
	// Operational extrinsics (such as equivocation reports) may pay a priority five times their
	// fee.
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightToFee = WeightToFee;
	type LengthToFee = frame_support::weights::ConstantMultiplier<Balance, TransactionByteFee>;
	type FeeMultiplierUpdate = TargetedFeeAdjustment<
		Self,
		TargetBlockFullness,
		AdjustmentVariable,
		MinimumMultiplier,
		MaximumMultiplier,
	>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Held from whoever creates an asset (a community or local currency): 10 CML.
	pub const AssetDeposit: Balance = 10 * UNITS;
	/// Held for each account that holds a non-sufficient asset, unless the asset pays it.
	pub const AssetAccountDeposit: Balance = deposit(1, 16);
	/// Held for an asset's name and symbol: a base plus a deposit per byte.
	pub const MetadataDepositBase: Balance = deposit(1, 68);
	/// Held per byte of an asset's name and symbol.
	pub const MetadataDepositPerByte: Balance = deposit(0, 1);
	/// Held for each approval to spend an asset on behalf of its owner.
	pub const ApprovalDeposit: Balance = EXISTENTIAL_DEPOSIT;
}

impl pallet_assets::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Balance = Balance;
	type RemoveItemsLimit = ConstU32<1000>;
	type AssetId = AssetId;
	type AssetIdParameter = codec::Compact<AssetId>;
	type ReserveData = ();
	type Currency = Balances;
	// Any account may create a currency, paying the asset deposit; governance may force.
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type AssetDeposit = AssetDeposit;
	type AssetAccountDeposit = AssetAccountDeposit;
	type MetadataDepositBase = MetadataDepositBase;
	type MetadataDepositPerByte = MetadataDepositPerByte;
	type ApprovalDeposit = ApprovalDeposit;
	type StringLimit = ConstU32<50>;
	type Freezer = ();
	type Holder = ();
	type Extra = ();
	type CallbackHandle = ();
	type AssetIdAllocator = ();
	type WeightInfo = crate::weights::pallet_assets::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

#[cfg(test)]
mod tests {
	use super::*;
	use frame_support::weights::WeightToFee as _;

	#[test]
	fn base_extrinsic_costs_a_tenth_of_a_milli_unit() {
		let fee = WeightToFee::weight_to_fee(&ExtrinsicBaseWeight::get());
		assert_eq!(fee, MILLI_UNITS / 10);
	}

	#[test]
	fn fee_grows_with_weight() {
		let base = ExtrinsicBaseWeight::get();
		let double = base.saturating_mul(2);
		let fee = WeightToFee::weight_to_fee(&double);
		// Integer rounding of the coefficient can lose at most one unit per doubling.
		assert!(fee.abs_diff(2 * (MILLI_UNITS / 10)) <= 1);
	}
}
