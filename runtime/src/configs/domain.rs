//! The cosmo-local domain pallets: the open-design registry, the local production pledges and
//! contributive accounting, wired to each other through the traits of `cosmolocal-primitives`.

use crate::{
	AccountId, AssetId, Assets, Balance, Balances, CommunityCurrencies, ContributiveAccounting,
	DesignRegistry, Runtime, RuntimeHoldReason,
};
use alloc::vec::Vec;
use cosmolocal_primitives::{
	currency::{deposit, UNITS},
	time::DAYS,
};
use frame_support::{
	parameter_types,
	traits::{
		fungible::{NativeFromLeft, NativeOrWithId, UnionOf},
		ConstU32, Contains,
	},
	PalletId,
};
use sp_runtime::{traits::Convert, Permill};

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
	/// A backer who disputes a delivery puts up 1 CML until the verdict.
	pub const DisputeDeposit: Balance = UNITS;
	/// The arbitration panel has fourteen days to decide a dispute.
	pub const VerdictPeriod: crate::BlockNumber = 14 * DAYS;
	/// Contributive accounting's id: each value network's account derives from it.
	pub const AccountingPalletId: PalletId = PalletId(*b"cl/value");
	/// A quarter of the commons share a design's network receives flows on to its parent's.
	pub const UpstreamShare: Permill = Permill::from_percent(25);
	/// The native token among the assets revenue comes in.
	pub const NativeAsset: NativeOrWithId<AssetId> = NativeOrWithId::Native;
	/// The community currencies' id: the custodian of the approved currencies derives from it.
	pub const CurrenciesPalletId: PalletId = PalletId(*b"cl/currn");
}

impl pallet_community_currencies::Config for Runtime {
	// The Assembly approves currencies and revokes approvals, by a majority.
	type ApproveOrigin = super::governance::AssemblyMajority;
	type RevokeOrigin = super::governance::AssemblyMajority;
	type PalletId = CurrenciesPalletId;
	type MaxCurrencies = ConstU32<32>;
	type WeightInfo = pallet_community_currencies::weights::SubstrateWeight<Runtime>;
}

/// What prices and revenue may be in: the native token, and the community currencies the
/// Assembly approved while their powers are the custodian's.
pub struct ApprovedCurrencies;

impl Contains<NativeOrWithId<AssetId>> for ApprovedCurrencies {
	fn contains(asset: &NativeOrWithId<AssetId>) -> bool {
		match asset {
			NativeOrWithId::Native => true,
			NativeOrWithId::WithId(id) => CommunityCurrencies::contains(id),
		}
	}
}

/// The multisig account of a network's stewards with its threshold, as `pallet-multisig` (and
/// Polkadot.js Apps) derives it.
pub struct StewardsMultisig;

impl Convert<(Vec<AccountId>, u16), AccountId> for StewardsMultisig {
	fn convert((stewards, threshold): (Vec<AccountId>, u16)) -> AccountId {
		pallet_multisig::Pallet::<Runtime>::multi_account_id(&stewards, threshold)
	}
}

impl pallet_design_registry::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	// The list of open licences is the Assembly's (a majority); certifications are the
	// certifying bodies', each in its own name, and the Assembly's.
	type AdminOrigin = super::governance::AssemblyMajority;
	type CertifierOrigin = super::governance::CertifierOrigin;
	type Hooks = ContributiveAccounting;
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
	type Currencies = ApprovedCurrencies;
	type Designs = DesignRegistry;
	type Production = DesignRegistry;
	type Commons = ContributiveAccounting;
	// Disputes are the arbitration panel's: a majority of its members who are not parties.
	type DisputeResolverOrigin = super::arbitration::PanelMajorityOfNonParties;
	type PalletId = PledgesPalletId;
	type ChallengePeriod = ChallengePeriod;
	type DisputeDeposit = DisputeDeposit;
	type VerdictPeriod = VerdictPeriod;
	type DepositPerItem = DepositPerStorageItem;
	type DepositPerByte = DepositPerStorageByte;
	type MaxNameLen = ConstU32<64>;
	type MaxUriLen = ConstU32<128>;
	type MaxProcesses = ConstU32<17>;
	type WeightInfo = pallet_production_pledges::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmarks::PledgesBenchmarkHelper;
}

impl pallet_contributive_accounting::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Assets = NativeAndAssets;
	type Currencies = ApprovedCurrencies;
	type Designs = DesignRegistry;
	type NativeAsset = NativeAsset;
	type StewardsAccount = StewardsMultisig;
	type PalletId = AccountingPalletId;
	type UpstreamShare = UpstreamShare;
	type MaxUpstreamDepth = ConstU32<4>;
	type DesignCreationQuantity = ConstU32<10>;
	type VersionPublicationQuantity = ConstU32<2>;
	type DepositPerItem = DepositPerStorageItem;
	type DepositPerByte = DepositPerStorageByte;
	type MaxNameLen = ConstU32<64>;
	// As many as a design may have maintainers, so that a design's network keeps them all.
	type MaxStewards = ConstU32<16>;
	type MaxEvidenceLen = ConstU32<128>;
	type MaxRevenueAssets = ConstU32<4>;
	type WeightInfo = pallet_contributive_accounting::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmarks::AccountingBenchmarkHelper;
}

/// What the domain pallets' benchmarks need from the registry and the assets.
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks {
	use super::*;
	use crate::RuntimeOrigin;
	use alloc::vec::Vec;
	use cosmolocal_primitives::design::{DesignId, Process, VersionIndex};
	use frame_support::{
		traits::{fungibles, Get},
		BoundedVec,
	};

	/// The asset the benchmarks price pledges in.
	const BENCHMARK_ASSET: AssetId = 4242;

	/// Creates `asset` as an approved community currency (its powers the custodian's) unless it
	/// exists, and mints `amount` of it to `who`.
	fn approved_currency(asset: AssetId, who: &AccountId, amount: Balance) {
		if !<Assets as fungibles::Inspect<AccountId>>::asset_exists(asset) {
			let custodian = CommunityCurrencies::custodian();
			let created =
				<Assets as fungibles::Create<AccountId>>::create(asset, custodian, false, 1);
			assert!(created.is_ok(), "a benchmark asset is created: {created:?}");
			let approved = CommunityCurrencies::approve(RuntimeOrigin::root(), asset);
			assert!(approved.is_ok(), "a benchmark asset is approved: {approved:?}");
		}
		let minted = <Assets as fungibles::Mutate<AccountId>>::mint_into(asset, who, amount);
		assert!(minted.is_ok(), "a benchmark asset is minted: {minted:?}");
	}

	/// Registers designs in the registry and creates the benchmarks' asset.
	pub struct PledgesBenchmarkHelper;

	/// Creates the accounting benchmarks' assets.
	pub struct AccountingBenchmarkHelper;

	impl
		pallet_contributive_accounting::BenchmarkHelper<AccountId, NativeOrWithId<AssetId>, Balance>
		for AccountingBenchmarkHelper
	{
		fn funded_asset(index: u32, who: &AccountId, amount: Balance) -> NativeOrWithId<AssetId> {
			let asset = BENCHMARK_ASSET.saturating_add(1).saturating_add(index);
			approved_currency(asset, who, amount);
			NativeOrWithId::WithId(asset)
		}
	}

	impl pallet_production_pledges::BenchmarkHelper<AccountId, NativeOrWithId<AssetId>, Balance>
		for PledgesBenchmarkHelper
	{
		/// A design at the end of a lineage as deep as the commons share flows up, so that
		/// settling measures the whole flow.
		fn design_version(
			maintainer: &AccountId,
			processes: Vec<Process>,
		) -> (DesignId, VersionIndex) {
			let origin = RuntimeOrigin::signed(maintainer.clone());
			let mut parent = None;
			let depth =
				<Runtime as pallet_contributive_accounting::Config>::MaxUpstreamDepth::get();
			for _ in 0..=depth {
				let design = pallet_design_registry::NextDesignId::<Runtime>::get();
				let licence = |id: &[u8]| BoundedVec::truncate_from(id.to_vec());
				let registered = DesignRegistry::register_design(
					origin.clone(),
					BoundedVec::truncate_from(b"Benchmark design".to_vec()),
					pallet_design_registry::DesignLicences {
						hardware: licence(b"CERN-OHL-S-2.0"),
						documentation: licence(b"CC-BY-SA-4.0"),
						software: None,
					},
					BoundedVec::new(),
					BoundedVec::truncate_from(processes.clone()),
					BoundedVec::truncate_from(b"ipfs://benchmark-design".to_vec()),
					[7; 32],
					BoundedVec::truncate_from(b"1.0.0".to_vec()),
					parent.map(|parent| pallet_design_registry::Lineage {
						kind: pallet_design_registry::LineageKind::Derivative,
						parent,
						parent_version: 0,
					}),
				);
				assert!(registered.is_ok(), "a benchmark design registers: {registered:?}");
				parent = Some(design);
			}
			let design = parent.unwrap_or_default();
			let shared = DesignRegistry::set_commons_share(origin, design, MaxCommonsShare::get());
			assert!(shared.is_ok(), "the benchmark design takes a commons share: {shared:?}");
			(design, 0)
		}

		fn funded_asset(who: &AccountId, amount: Balance) -> NativeOrWithId<AssetId> {
			approved_currency(BENCHMARK_ASSET, who, amount);
			NativeOrWithId::WithId(BENCHMARK_ASSET)
		}

		fn set_blocked(who: &AccountId, blocked: bool) {
			use fungibles::roles::Inspect as Roles;
			let account = sp_runtime::MultiAddress::Id(who.clone());
			let role = if blocked {
				<Assets as Roles<AccountId>>::freezer(BENCHMARK_ASSET)
			} else {
				<Assets as Roles<AccountId>>::admin(BENCHMARK_ASSET)
			};
			let changed = role
				.ok_or(sp_runtime::DispatchError::Other("the benchmark asset has no such role"))
				.and_then(|role| {
					let origin = RuntimeOrigin::signed(role);
					if blocked {
						Assets::block(origin, BENCHMARK_ASSET.into(), account)
					} else {
						Assets::thaw(origin, BENCHMARK_ASSET.into(), account)
					}
				});
			assert!(changed.is_ok(), "the benchmark asset's roles block and thaw: {changed:?}");
		}
	}
}
