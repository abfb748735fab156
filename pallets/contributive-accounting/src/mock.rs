//! A runtime with contributive accounting, native balances and assets, and a design registry
//! stand-in for lineage, for tests.

use crate as pallet_contributive_accounting;
use core::cell::RefCell;
use cosmolocal_primitives::design::{DesignId, DesignInspect, DesignVersionSummary, VersionIndex};
use frame_support::{
	derive_impl, parameter_types,
	traits::{
		fungible::{NativeFromLeft, NativeOrWithId, UnionOf},
		ConstU32, ConstU64, Contains,
	},
	PalletId,
};
use frame_system::EnsureRoot;
use sp_runtime::{traits::Convert, BuildStorage, Permill};
use std::collections::{BTreeMap, BTreeSet};

type Block = frame_system::mocking::MockBlock<Test>;

/// Accounts of the tests: 16 bytes, wide enough for distinct network accounts.
pub type AccountId = u128;

/// Stewards and contributors.
pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
pub const DAVE: AccountId = 4;
/// A payer of revenue (a pledge's escrow, a donor).
pub const DONOR: AccountId = 10;
/// An account without funds.
pub const PAUPER: AccountId = 99;

/// What each funded account starts with, in the native token and in the local currency.
pub const INITIAL_BALANCE: u64 = 1_000_000_000;
/// The native token's existential deposit.
pub const EXISTENTIAL_DEPOSIT: u64 = 10;
/// A local currency (an asset) and its minimum balance.
pub const LOCAL_CURRENCY: u32 = 7;
pub const LOCAL_MIN_BALANCE: u64 = 5;
/// Another asset, never created.
pub const UNKNOWN_CURRENCY: u32 = 404;

/// The native token and the local currency.
pub const NATIVE: NativeOrWithId<u32> = NativeOrWithId::Native;
pub const LOCAL: NativeOrWithId<u32> = NativeOrWithId::WithId(LOCAL_CURRENCY);

/// The quantities of the contributions granted to a design's creator and a version's publisher.
pub const CREATION_QUANTITY: u32 = 10;
pub const PUBLICATION_QUANTITY: u32 = 2;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Assets: pallet_assets,
		ContributiveAccounting: pallet_contributive_accounting,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ExistentialDeposit = ConstU64<EXISTENTIAL_DEPOSIT>;
}

#[derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
impl pallet_assets::Config for Test {
	type Currency = Balances;
	type CreateOrigin =
		frame_support::traits::AsEnsureOriginWithArg<frame_system::EnsureSigned<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type Freezer = ();
	type Holder = ();
}

thread_local! {
	static PARENTS: RefCell<BTreeMap<DesignId, DesignId>> = const { RefCell::new(BTreeMap::new()) };
}

/// The design registry's stand-in: lineage set by `set_parent`.
pub struct TestDesigns;

impl DesignInspect<AccountId> for TestDesigns {
	fn design_version(_: DesignId, _: VersionIndex) -> Option<DesignVersionSummary<AccountId>> {
		None
	}

	fn ancestors(design: DesignId) -> Vec<DesignId> {
		let mut ancestors = Vec::new();
		let mut current = design;
		while let Some(parent) = PARENTS.with(|parents| parents.borrow().get(&current).copied()) {
			ancestors.push(parent);
			current = parent;
			if ancestors.len() >= 8 {
				break;
			}
		}
		ancestors
	}
}

/// Makes `parent` the parent of `design` in the stand-in registry.
pub fn set_parent(design: DesignId, parent: DesignId) {
	PARENTS.with(|parents| parents.borrow_mut().insert(design, parent));
}

/// A stand-in for the multisig account of stewards with a threshold.
pub struct TestStewardsAccount;

impl Convert<(Vec<AccountId>, u16), AccountId> for TestStewardsAccount {
	fn convert((stewards, threshold): (Vec<AccountId>, u16)) -> AccountId {
		let mut account: AccountId = 1 << 100;
		for steward in stewards {
			account = account.wrapping_mul(31).wrapping_add(steward);
		}
		account.wrapping_mul(31).wrapping_add(threshold.into())
	}
}

parameter_types! {
	pub const AccountingPalletId: PalletId = PalletId(*b"cl/cntrb");
	pub const UpstreamShare: Permill = Permill::from_percent(25);
	pub const NativeAsset: NativeOrWithId<u32> = NativeOrWithId::Native;
}

thread_local! {
	static APPROVED_CURRENCIES: RefCell<BTreeSet<u32>> = const { RefCell::new(BTreeSet::new()) };
}

/// The approved currencies' stand-in: the native token, and the assets `approve_currency` named
/// (the local currency from the start).
pub struct TestCurrencies;

impl Contains<NativeOrWithId<u32>> for TestCurrencies {
	fn contains(asset: &NativeOrWithId<u32>) -> bool {
		match asset {
			NativeOrWithId::Native => true,
			NativeOrWithId::WithId(id) => {
				APPROVED_CURRENCIES.with(|approved| approved.borrow().contains(id))
			},
		}
	}
}

/// Approves `asset` for revenue.
pub fn approve_currency(asset: u32) {
	APPROVED_CURRENCIES.with(|approved| approved.borrow_mut().insert(asset));
}

/// The native token and the assets as one.
pub type NativeAndAssets =
	UnionOf<Balances, Assets, NativeFromLeft, NativeOrWithId<u32>, AccountId>;

impl pallet_contributive_accounting::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Assets = NativeAndAssets;
	type Currencies = TestCurrencies;
	type Designs = TestDesigns;
	type NativeAsset = NativeAsset;
	type StewardsAccount = TestStewardsAccount;
	type PalletId = AccountingPalletId;
	type UpstreamShare = UpstreamShare;
	type MaxUpstreamDepth = ConstU32<2>;
	type DesignCreationQuantity = ConstU32<CREATION_QUANTITY>;
	type VersionPublicationQuantity = ConstU32<PUBLICATION_QUANTITY>;
	type DepositPerItem = ConstU64<100>;
	type DepositPerByte = ConstU64<1>;
	type MaxNameLen = ConstU32<32>;
	type MaxStewards = ConstU32<4>;
	type MaxEvidenceLen = ConstU32<64>;
	type MaxRevenueAssets = ConstU32<2>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelper;
}

/// Assets for the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_contributive_accounting::BenchmarkHelper<AccountId, NativeOrWithId<u32>, u64>
	for BenchmarkHelper
{
	fn funded_asset(index: u32, who: &AccountId, amount: u64) -> NativeOrWithId<u32> {
		use frame_support::traits::fungibles::{Create, Inspect, Mutate};
		let id = LOCAL_CURRENCY + index;
		if !<Assets as Inspect<AccountId>>::asset_exists(id) {
			let _ = <Assets as Create<AccountId>>::create(id, DONOR, true, LOCAL_MIN_BALANCE);
			approve_currency(id);
		}
		let _ = <Assets as Mutate<AccountId>>::mint_into(id, who, amount);
		NativeOrWithId::WithId(id)
	}
}

/// Storage with funded accounts and the local currency, at block 1.
pub fn new_bench_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let funded = [ALICE, BOB, CHARLIE, DAVE, DONOR];
	pallet_balances::GenesisConfig::<Test> {
		balances: funded.iter().map(|who| (*who, INITIAL_BALANCE)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_assets::GenesisConfig::<Test> {
		assets: vec![(LOCAL_CURRENCY, DONOR, false, LOCAL_MIN_BALANCE)],
		metadata: vec![],
		accounts: funded.iter().map(|who| (LOCAL_CURRENCY, *who, INITIAL_BALANCE)).collect(),
		next_asset_id: None,
		reserves: vec![],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		PARENTS.with(|parents| parents.borrow_mut().clear());
		APPROVED_CURRENCIES.with(|approved| approved.borrow_mut().clear());
		approve_currency(LOCAL_CURRENCY);
	});
	ext
}

/// Runs `test` in `new_bench_ext`, then checks the pallet's invariants.
pub fn new_test_ext(test: impl FnOnce()) {
	new_bench_ext().execute_with(|| {
		test();
		ContributiveAccounting::do_try_state().expect("the accounting's invariants hold");
	});
}
