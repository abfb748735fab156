//! A runtime with native balances, assets and the community currencies, for tests.

use crate as pallet_community_currencies;
use frame_support::{
	derive_impl, parameter_types,
	traits::{AsEnsureOriginWithArg, ConstU32, ConstU64},
	PalletId,
};
use frame_system::{EnsureRoot, EnsureSigned};
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

/// Accounts of the tests: 16 bytes, wide enough for the custodian's account.
pub type AccountId = u128;

/// A cooperative that issues a currency.
pub const COOP: AccountId = 1;
/// Someone else.
pub const MALLORY: AccountId = 2;
/// What each funded account starts with.
pub const INITIAL_BALANCE: u64 = 1_000_000;
/// The cooperative's currency and its minimum balance.
pub const COOP_CURRENCY: u32 = 7;
pub const COOP_MIN_BALANCE: u64 = 5;
/// How many currencies may be approved at once.
pub const MAX_CURRENCIES: u32 = 3;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Assets: pallet_assets,
		CommunityCurrencies: pallet_community_currencies,
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
	type ExistentialDeposit = ConstU64<1>;
}

#[derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
impl pallet_assets::Config for Test {
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type Freezer = ();
	type Holder = ();
}

parameter_types! {
	pub const CurrenciesPalletId: PalletId = PalletId(*b"cl/currn");
}

impl pallet_community_currencies::Config for Test {
	type ApproveOrigin = EnsureRoot<AccountId>;
	type RevokeOrigin = EnsureRoot<AccountId>;
	type PalletId = CurrenciesPalletId;
	type MaxCurrencies = ConstU32<MAX_CURRENCIES>;
	type WeightInfo = ();
}

/// Storage with funded accounts and the cooperative's currency (not yet handed over), at
/// block 1.
pub fn new_bench_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: [COOP, MALLORY].iter().map(|who| (*who, INITIAL_BALANCE)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_assets::GenesisConfig::<Test> {
		assets: vec![(COOP_CURRENCY, COOP, false, COOP_MIN_BALANCE)],
		metadata: vec![(COOP_CURRENCY, b"Coop hours".to_vec(), b"HRS".to_vec(), 2)],
		accounts: vec![(COOP_CURRENCY, COOP, 1_000)],
		next_asset_id: None,
		reserves: vec![],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_community_currencies::GenesisConfig::<Test>::default()
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` in `new_bench_ext`, then checks the pallet's invariants.
pub fn new_test_ext(test: impl FnOnce()) {
	new_bench_ext().execute_with(|| {
		test();
		CommunityCurrencies::do_try_state().expect("the currencies' invariants hold");
	});
}
