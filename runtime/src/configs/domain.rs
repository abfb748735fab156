//! The cosmo-local domain pallets: the open-design registry and the local production pledges.

use crate::{
	AccountId, AssetId, Assets, Balance, Balances, DesignRegistry, Runtime, RuntimeHoldReason,
};
use cosmolocal_primitives::{currency::deposit, time::DAYS};
use frame_support::{
	parameter_types,
	traits::{
		fungible::{NativeFromLeft, NativeOrWithId, UnionOf},
		ConstU32,
	},
	PalletId,
};
use frame_system::EnsureRoot;
use sp_runtime::{traits::AccountIdConversion, Permill};

parameter_types! {
	/// Deposit per storage entry of the domain pallets: 0.1 CML.
	pub const DepositPerStorageItem: Balance = deposit(1, 0);
	/// Deposit per byte stored by the domain pallets: 0.001 CML.
	pub const DepositPerStorageByte: Balance = deposit(0, 1);
	/// A design may ask at most 20 % of each settled production pledge for its commons.
	pub const MaxCommonsShare: Permill = Permill::from_percent(20);
	/// The production pledges' id: each pledge's escrow account derives from it.
	pub const PledgesPalletId: PalletId = PalletId(*b"cl/pledg");
	/// Backers have three days after a delivery is reported to confirm or dispute it.
	pub const ChallengePeriod: crate::BlockNumber = 3 * DAYS;
	/// Where the commons share of settled pledges goes until each design has its own value
	/// network: one account, derived from `cl/commn`.
	pub CommonsAccount: AccountId = PalletId(*b"cl/commn").into_account_truncating();
}

impl pallet_design_registry::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	// The list of open licences and certifications are governance's, for now the sudo key's.
	type AdminOrigin = EnsureRoot<AccountId>;
	type CertifierOrigin = EnsureRoot<AccountId>;
	type Hooks = ();
	type DepositPerItem = DepositPerStorageItem;
	type DepositPerByte = DepositPerStorageByte;
	type MaxCommonsShare = MaxCommonsShare;
	type MaxMaintainers = ConstU32<16>;
	type MaxNameLen = ConstU32<64>;
	type MaxTags = ConstU32<8>;
	type MaxTagLen = ConstU32<24>;
	type MaxProcesses = ConstU32<17>;
	type MaxManifestLen = ConstU32<128>;
	type MaxVersionLabelLen = ConstU32<32>;
	type MaxEvidenceLen = ConstU32<128>;
	type MaxLineageDepth = ConstU32<4>;
	type WeightInfo = pallet_design_registry::weights::SubstrateWeight<Runtime>;
}

/// The native token (`Native`) and the assets of `pallet-assets` (`WithId(id)`) as one, for
/// prices.
pub type NativeAndAssets =
	UnionOf<Balances, Assets, NativeFromLeft, NativeOrWithId<AssetId>, AccountId>;

impl pallet_production_pledges::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Assets = NativeAndAssets;
	type Designs = DesignRegistry;
	type Production = DesignRegistry;
	type Commons = pallet_production_pledges::CommonsAccount<Runtime, CommonsAccount>;
	// Disputes are governance's, for now the sudo key's.
	type DisputeResolverOrigin = EnsureRoot<AccountId>;
	type PalletId = PledgesPalletId;
	type ChallengePeriod = ChallengePeriod;
	type DepositPerItem = DepositPerStorageItem;
	type DepositPerByte = DepositPerStorageByte;
	type MaxNameLen = ConstU32<64>;
	type MaxUriLen = ConstU32<128>;
	type MaxProcesses = ConstU32<17>;
	type WeightInfo = pallet_production_pledges::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmarks::PledgesBenchmarkHelper;
}

/// What the production pledges' benchmarks need from the registry and the assets.
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks {
	use super::*;
	use crate::RuntimeOrigin;
	use alloc::vec::Vec;
	use cosmolocal_primitives::design::{DesignId, Process, VersionIndex};
	use frame_support::{traits::fungibles, BoundedVec};

	/// The asset the benchmarks price pledges in.
	const BENCHMARK_ASSET: AssetId = 4242;

	/// Registers designs in the registry and creates the benchmarks' asset.
	pub struct PledgesBenchmarkHelper;

	impl pallet_production_pledges::BenchmarkHelper<AccountId, NativeOrWithId<AssetId>, Balance>
		for PledgesBenchmarkHelper
	{
		fn design_version(
			maintainer: &AccountId,
			processes: Vec<Process>,
		) -> (DesignId, VersionIndex) {
			let design = pallet_design_registry::NextDesignId::<Runtime>::get();
			let licence = |id: &[u8]| BoundedVec::truncate_from(id.to_vec());
			let origin = RuntimeOrigin::signed(maintainer.clone());
			let registered = DesignRegistry::register_design(
				origin.clone(),
				BoundedVec::truncate_from(b"Benchmark design".to_vec()),
				pallet_design_registry::DesignLicences {
					hardware: licence(b"CERN-OHL-S-2.0"),
					documentation: licence(b"CC-BY-SA-4.0"),
					software: None,
				},
				BoundedVec::new(),
				BoundedVec::truncate_from(processes),
				BoundedVec::truncate_from(b"ipfs://benchmark-design".to_vec()),
				[7; 32],
				BoundedVec::truncate_from(b"1.0.0".to_vec()),
				None,
			);
			assert!(registered.is_ok(), "the benchmark design registers: {registered:?}");
			let shared = DesignRegistry::set_commons_share(origin, design, MaxCommonsShare::get());
			assert!(shared.is_ok(), "the benchmark design takes a commons share: {shared:?}");
			(design, 0)
		}

		fn funded_asset(who: &AccountId, amount: Balance) -> NativeOrWithId<AssetId> {
			if !<Assets as fungibles::Inspect<AccountId>>::asset_exists(BENCHMARK_ASSET) {
				let created = <Assets as fungibles::Create<AccountId>>::create(
					BENCHMARK_ASSET,
					who.clone(),
					false,
					1,
				);
				assert!(created.is_ok(), "the benchmark asset is created: {created:?}");
			}
			let minted =
				<Assets as fungibles::Mutate<AccountId>>::mint_into(BENCHMARK_ASSET, who, amount);
			assert!(minted.is_ok(), "the benchmark asset is minted: {minted:?}");
			// The commons account holds the asset, so that settlements pay it its share.
			let commons = CommonsAccount::get();
			if <Assets as fungibles::Inspect<AccountId>>::balance(BENCHMARK_ASSET, &commons) == 0 {
				<Balances as frame_support::traits::fungible::Mutate<AccountId>>::set_balance(
					&commons,
					crate::currency::UNITS,
				);
				let minted = <Assets as fungibles::Mutate<AccountId>>::mint_into(
					BENCHMARK_ASSET,
					&commons,
					1,
				);
				assert!(minted.is_ok(), "the commons account holds the asset: {minted:?}");
			}
			NativeOrWithId::WithId(BENCHMARK_ASSET)
		}
	}
}
