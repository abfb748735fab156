//! The commons treasury (`pallet-treasury`): funded by [`TREASURY_FEE_SHARE`] of every
//! transaction fee, spent by a majority of the Assembly.
//!
//! A spend (`Treasury::spend`) names an asset (`Native` or `WithId(id)`), an amount and a
//! [`TreasuryBeneficiary`]: an account, or a design's value network, for which the spend is
//! revenue shared among its contributors by their points, as a donation would be — the way the
//! commons funds design work that no production has paid for yet. Once the Assembly's motion
//! approved it, anyone calls `Treasury::payout` with the spend's index to pay it, within
//! [`TREASURY_PAYOUT_PERIOD`]. The treasury's account always keeps the asset's minimum balance:
//! a spend that would take it is refused at payout, and can be paid once the treasury holds more.

use super::domain::NativeAndAssets;
use crate::{
	AccountId, AssetId, Balance, Balances, BlockNumber, ContributiveAccounting, Runtime,
	RuntimeEvent, System, Treasury,
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use cosmolocal_primitives::{contribution::NetworkId, time::DAYS};
use frame_support::{
	parameter_types,
	traits::{
		fungible::NativeOrWithId,
		fungibles,
		tokens::{
			imbalance::ResolveTo, Pay, PaymentStatus, Preservation, UnityAssetBalanceConversion,
		},
		EitherOf, OnUnbalanced,
	},
	PalletId,
};
use frame_system::{EnsureRootWithSuccess, EnsureWithSuccess};
use pallet_collective::EnsureProportionMoreThan;
use scale_info::TypeInfo;
use sp_runtime::{traits::IdentityLookup, DispatchError, Percent, Permill};

use super::governance::{AssemblyCollective, AssemblyMajority};

/// How long an approved treasury spend can be paid out before it expires: thirty days, or ten
/// minutes with `fast-runtime`.
#[cfg(not(feature = "fast-runtime"))]
pub const TREASURY_PAYOUT_PERIOD: BlockNumber = 30 * DAYS;
/// How long an approved treasury spend can be paid out (`fast-runtime`: ten minutes).
#[cfg(feature = "fast-runtime")]
pub const TREASURY_PAYOUT_PERIOD: BlockNumber = 10 * cosmolocal_primitives::time::MINUTES;

/// The share of every transaction fee (tips included) that goes to the commons treasury; the
/// rest is burnt.
pub const TREASURY_FEE_SHARE: Percent = Percent::from_percent(20);

parameter_types! {
	/// The treasury's id: its account derives from it.
	pub const TreasuryPalletId: PalletId = PalletId(*b"py/trsry");
	/// The treasury's account.
	pub TreasuryAccount: AccountId = Treasury::account_id();
	/// How often the approvals of `spend_local` are paid out: every week (`spend` pays when its
	/// beneficiary or anyone calls `payout`).
	pub const SpendPeriod: BlockNumber = 7 * DAYS;
	/// Nothing of the treasury is burnt at the end of a spend period.
	pub const TreasuryBurn: Permill = Permill::zero();
	/// How long an approved spend can be paid out.
	pub const TreasuryPayoutPeriod: BlockNumber = TREASURY_PAYOUT_PERIOD;
	/// The most `spend_local` approvals waiting at once.
	pub const MaxTreasuryApprovals: u32 = 100;
	/// The most a single treasury spend may be: no limit but what the treasury holds.
	pub const MaxTreasurySpend: Balance = Balance::MAX;
}

/// Whom a treasury spend pays.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum TreasuryBeneficiary {
	/// An account.
	Account(AccountId),
	/// A design's value network: the spend is its revenue, shared among its members by their
	/// points (or kept until it has points). The first revenue of an asset keeps the asset's
	/// minimum balance in the network's account, as every first revenue does.
	ValueNetwork(NetworkId),
}

/// Pays treasury spends from the treasury's account, which keeps the asset's minimum balance.
pub struct TreasuryPaymaster;

impl Pay for TreasuryPaymaster {
	type Balance = Balance;
	type Beneficiary = TreasuryBeneficiary;
	type AssetKind = NativeOrWithId<AssetId>;
	type Id = ();
	type Error = DispatchError;

	fn pay(
		beneficiary: &TreasuryBeneficiary,
		asset: NativeOrWithId<AssetId>,
		amount: Balance,
	) -> Result<(), DispatchError> {
		let treasury = TreasuryAccount::get();
		match beneficiary {
			TreasuryBeneficiary::Account(account) => {
				<NativeAndAssets as fungibles::Mutate<AccountId>>::transfer(
					asset,
					&treasury,
					account,
					amount,
					Preservation::Preserve,
				)
				.map(|_| ())
			},
			TreasuryBeneficiary::ValueNetwork(network) => {
				ContributiveAccounting::receive_grant(*network, asset, &treasury, amount)
			},
		}
	}

	fn check_payment(_: ()) -> PaymentStatus {
		// A payment is made within `pay` or not at all.
		PaymentStatus::Success
	}

	/// Funds the treasury with `amount` above its minimum balance and, for an account, gives
	/// the beneficiary the asset's minimum balance: the benchmarks' spends are smaller than it.
	#[cfg(feature = "runtime-benchmarks")]
	fn ensure_successful(
		beneficiary: &TreasuryBeneficiary,
		asset: NativeOrWithId<AssetId>,
		amount: Balance,
	) {
		use fungibles::{Inspect, Mutate};
		let treasury = TreasuryAccount::get();
		let minimum = NativeAndAssets::minimum_balance(asset.clone());
		let minted =
			NativeAndAssets::mint_into(asset.clone(), &treasury, amount.saturating_add(minimum));
		assert!(minted.is_ok(), "the benchmark's treasury is funded: {minted:?}");
		if let TreasuryBeneficiary::Account(account) = beneficiary {
			let opened = NativeAndAssets::mint_into(asset, account, minimum);
			assert!(opened.is_ok(), "the benchmark's beneficiary exists: {opened:?}");
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn ensure_concluded(_: ()) {}
}

impl pallet_treasury::Config for Runtime {
	type Currency = Balances;
	type RejectOrigin = AssemblyMajority;
	type RuntimeEvent = RuntimeEvent;
	type SpendPeriod = SpendPeriod;
	type Burn = TreasuryBurn;
	type PalletId = TreasuryPalletId;
	type BurnDestination = ();
	type WeightInfo = crate::weights::pallet_treasury::WeightInfo<Runtime>;
	type SpendFunds = ();
	type MaxApprovals = MaxTreasuryApprovals;
	type SpendOrigin = EitherOf<
		EnsureRootWithSuccess<AccountId, MaxTreasurySpend>,
		EnsureWithSuccess<
			EnsureProportionMoreThan<AccountId, AssemblyCollective, 1, 2>,
			AccountId,
			MaxTreasurySpend,
		>,
	>;
	// Spends in the native token or in an asset, to an account or a value network.
	type AssetKind = NativeOrWithId<AssetId>;
	type Beneficiary = TreasuryBeneficiary;
	type BeneficiaryLookup = IdentityLookup<TreasuryBeneficiary>;
	type Paymaster = TreasuryPaymaster;
	type BalanceConverter = UnityAssetBalanceConversion;
	type PayoutPeriod = TreasuryPayoutPeriod;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmarks::TreasuryArguments;
	type BlockNumberProvider = System;
}

/// Where transaction fees go: [`TREASURY_FEE_SHARE`] of each fee and tip to the commons
/// treasury, the rest burnt.
pub struct FeesToTreasury;

type NativeCredit = frame_support::traits::fungible::Credit<AccountId, Balances>;

impl OnUnbalanced<NativeCredit> for FeesToTreasury {
	fn on_unbalanceds(mut fees_then_tips: impl Iterator<Item = NativeCredit>) {
		if let Some(mut fees) = fees_then_tips.next() {
			if let Some(tips) = fees_then_tips.next() {
				fees = frame_support::traits::Imbalance::merge(fees, tips);
			}
			let share = TREASURY_FEE_SHARE.deconstruct();
			let (to_treasury, burnt) =
				frame_support::traits::Imbalance::ration(fees, share.into(), (100 - share).into());
			ResolveTo::<TreasuryAccount, Balances>::on_unbalanced(to_treasury);
			drop(burnt);
		}
	}
}

/// What the treasury's benchmarks pay with and to.
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks {
	use super::*;

	/// Spends in the native token, to accounts made from the benchmark's seed.
	pub struct TreasuryArguments;

	impl pallet_treasury::ArgumentsFactory<NativeOrWithId<AssetId>, TreasuryBeneficiary>
		for TreasuryArguments
	{
		fn create_asset_kind(_seed: u32) -> NativeOrWithId<AssetId> {
			NativeOrWithId::Native
		}
		fn create_beneficiary(seed: [u8; 32]) -> TreasuryBeneficiary {
			TreasuryBeneficiary::Account(AccountId::from(seed))
		}
	}
}
