//! A runtime with the production pledges, native balances and assets, and a design registry
//! stand-in, for tests.

use crate as pallet_production_pledges;
use core::cell::RefCell;
use cosmolocal_primitives::{
	design::{
		DesignId, DesignInspect, DesignProduction, DesignVersionSummary, Process, VersionIndex,
	},
	production::DesignCommons,
};
use frame_support::{
	derive_impl, parameter_types,
	traits::{
		fungible::NativeFromLeft,
		fungible::NativeOrWithId,
		fungible::UnionOf,
		fungibles::{Inspect, Mutate},
		tokens::{DepositConsequence, Preservation, Provenance},
		AsEnsureOriginWithArg, ConstU32, ConstU64, Contains,
	},
	PalletId,
};
use frame_system::EnsureRoot;
use sp_runtime::{BuildStorage, DispatchError, Permill};
use std::collections::{BTreeMap, BTreeSet};

type Block = frame_system::mocking::MockBlock<Test>;

/// Accounts of the tests: 16 bytes, wide enough for distinct escrow accounts (the pallet id's
/// prefix and the pledge id).
pub type AccountId = u128;

/// The maintainer of the test designs.
pub const DESIGNER: AccountId = 1;
/// A producer.
pub const MAKER: AccountId = 2;
/// Backers.
pub const ALICE: AccountId = 3;
pub const BOB: AccountId = 4;
pub const CHARLIE: AccountId = 5;
/// The account the commons share goes to.
pub const COMMONS: AccountId = 100;
/// An account without funds.
pub const PAUPER: AccountId = 99;

/// What each funded account starts with, in the native token and in the local currency.
pub const INITIAL_BALANCE: u64 = 1_000_000;
/// The native token's existential deposit.
pub const EXISTENTIAL_DEPOSIT: u64 = 10;
/// A local currency (an asset) and its minimum balance.
pub const LOCAL_CURRENCY: u32 = 7;
pub const LOCAL_MIN_BALANCE: u64 = 5;
/// How long backers have to confirm or dispute a delivery.
pub const CHALLENGE_PERIOD: u64 = 10;
/// What a backer puts up to dispute a delivery.
pub const DISPUTE_DEPOSIT: u64 = 50;
/// How many blocks the dispute resolver has for its verdict.
pub const VERDICT_PERIOD: u64 = 30;

/// A design whose version 0 needs 3D printing and laser cutting, with a 10 % commons share.
pub const LAMP: DesignId = 0;
/// A deprecated design.
pub const OLD_LAMP: DesignId = 1;
/// A design that needs welding.
pub const TRAILER: DesignId = 2;

/// The native token.
pub const NATIVE: NativeOrWithId<u32> = NativeOrWithId::Native;
/// The local currency.
pub const LOCAL: NativeOrWithId<u32> = NativeOrWithId::WithId(LOCAL_CURRENCY);

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Assets: pallet_assets,
		ProductionPledges: pallet_production_pledges,
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
	static DESIGNS: RefCell<BTreeMap<(DesignId, VersionIndex), DesignVersionSummary<AccountId>>> =
		const { RefCell::new(BTreeMap::new()) };
	static MADE_INDEPENDENTLY: RefCell<Vec<DesignId>> = const { RefCell::new(Vec::new()) };
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

/// Approves `asset` for prices.
pub fn approve_currency(asset: u32) {
	APPROVED_CURRENCIES.with(|approved| approved.borrow_mut().insert(asset));
}

/// The design registry's stand-in: the designs of `set_design`.
pub struct TestDesigns;

impl DesignInspect<AccountId> for TestDesigns {
	fn design_version(
		design: DesignId,
		version: VersionIndex,
	) -> Option<DesignVersionSummary<AccountId>> {
		DESIGNS.with(|designs| designs.borrow().get(&(design, version)).cloned())
	}

	fn ancestors(_: DesignId) -> Vec<DesignId> {
		Vec::new()
	}
}

impl DesignProduction for TestDesigns {
	fn note_made_independently(design: DesignId) {
		MADE_INDEPENDENTLY.with(|made| made.borrow_mut().push(design));
	}
}

/// Makes `design`'s version 0 known to the stand-in registry.
pub fn set_design(design: DesignId, processes: Vec<Process>, deprecated: bool, share: Permill) {
	DESIGNS.with(|designs| {
		designs.borrow_mut().insert(
			(design, 0),
			DesignVersionSummary {
				processes,
				deprecated,
				maintainers: vec![DESIGNER],
				commons_share: share,
			},
		)
	});
}

/// The designs the pallet reported as made independently, in order.
pub fn made_independently() -> Vec<DesignId> {
	MADE_INDEPENDENTLY.with(|made| made.borrow().clone())
}

parameter_types! {
	pub const PledgesPalletId: PalletId = PalletId(*b"cl/pledg");
}

/// The commons' stand-in: every design's commons share goes to the account `COMMONS`, when it
/// can take it.
pub struct TestCommons;

impl DesignCommons<AccountId, NativeOrWithId<u32>, u64> for TestCommons {
	fn pay_commons_share(
		_design: DesignId,
		payer: &AccountId,
		asset: NativeOrWithId<u32>,
		amount: u64,
	) -> Result<u64, DispatchError> {
		if NativeAndAssets::can_deposit(asset.clone(), &COMMONS, amount, Provenance::Extant)
			!= DepositConsequence::Success
		{
			return Ok(0);
		}
		NativeAndAssets::transfer(asset, payer, &COMMONS, amount, Preservation::Preserve)
	}

	fn note_production(_design: DesignId, _producer: &AccountId, _units: u32) {}
}

/// The native token and the assets as one.
pub type NativeAndAssets =
	UnionOf<Balances, Assets, NativeFromLeft, NativeOrWithId<u32>, AccountId>;

impl pallet_production_pledges::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Assets = NativeAndAssets;
	type Currencies = TestCurrencies;
	type Designs = TestDesigns;
	type Production = TestDesigns;
	type Commons = TestCommons;
	type DisputeResolverOrigin = AsEnsureOriginWithArg<EnsureRoot<AccountId>>;
	type PalletId = PledgesPalletId;
	type ChallengePeriod = ConstU64<CHALLENGE_PERIOD>;
	type DisputeDeposit = ConstU64<DISPUTE_DEPOSIT>;
	type VerdictPeriod = ConstU64<VERDICT_PERIOD>;
	type DepositPerItem = ConstU64<100>;
	type DepositPerByte = ConstU64<1>;
	type MaxNameLen = ConstU32<32>;
	type MaxUriLen = ConstU32<64>;
	type MaxProcesses = ConstU32<4>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkHelper;
}

/// Designs and assets for the benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_production_pledges::BenchmarkHelper<AccountId, NativeOrWithId<u32>, u64>
	for BenchmarkHelper
{
	fn design_version(maintainer: &AccountId, processes: Vec<Process>) -> (DesignId, VersionIndex) {
		let design = 50;
		DESIGNS.with(|designs| {
			designs.borrow_mut().insert(
				(design, 0),
				DesignVersionSummary {
					processes,
					deprecated: false,
					maintainers: vec![*maintainer],
					commons_share: Permill::from_percent(20),
				},
			)
		});
		(design, 0)
	}

	fn funded_asset(who: &AccountId, amount: u64) -> NativeOrWithId<u32> {
		let _ = <Assets as Mutate<AccountId>>::mint_into(LOCAL_CURRENCY, who, amount);
		LOCAL
	}

	fn set_blocked(who: &AccountId, blocked: bool) {
		let roles = RuntimeOrigin::signed(DESIGNER);
		let changed = if blocked {
			Assets::block(roles, LOCAL_CURRENCY, *who)
		} else {
			Assets::thaw(roles, LOCAL_CURRENCY, *who)
		};
		assert!(changed.is_ok(), "the local currency's roles block and thaw: {changed:?}");
	}
}

/// Storage with funded accounts, the local currency and the test designs, at block 1.
pub fn new_bench_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let funded = [DESIGNER, MAKER, ALICE, BOB, CHARLIE, COMMONS];
	pallet_balances::GenesisConfig::<Test> {
		balances: funded.iter().map(|who| (*who, INITIAL_BALANCE)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_assets::GenesisConfig::<Test> {
		assets: vec![(LOCAL_CURRENCY, DESIGNER, false, LOCAL_MIN_BALANCE)],
		metadata: vec![],
		accounts: [MAKER, ALICE, BOB, CHARLIE]
			.iter()
			.map(|who| (LOCAL_CURRENCY, *who, INITIAL_BALANCE))
			.collect(),
		next_asset_id: None,
		reserves: vec![],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		DESIGNS.with(|designs| designs.borrow_mut().clear());
		MADE_INDEPENDENTLY.with(|made| made.borrow_mut().clear());
		APPROVED_CURRENCIES.with(|approved| approved.borrow_mut().clear());
		approve_currency(LOCAL_CURRENCY);
		set_design(
			LAMP,
			vec![Process::ThreeDPrinting, Process::LaserCutting],
			false,
			Permill::from_percent(10),
		);
		set_design(OLD_LAMP, vec![Process::ThreeDPrinting], true, Permill::zero());
		set_design(TRAILER, vec![Process::Welding], false, Permill::zero());
	});
	ext
}

/// Runs `test` in `new_bench_ext`, then checks the pallet's invariants.
pub fn new_test_ext(test: impl FnOnce()) {
	new_bench_ext().execute_with(|| {
		test();
		ProductionPledges::do_try_state().expect("the pledges' invariants hold");
	});
}
