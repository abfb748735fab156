//! A runtime with the design registry, for tests.

use crate as pallet_design_registry;
use frame_support::{
	derive_impl, ord_parameter_types, parameter_types,
	traits::{ConstU32, EitherOf, MapSuccess},
};
use frame_system::{EnsureRoot, EnsureSignedBy};
use sp_runtime::{
	traits::{MorphInto, Replace},
	BuildStorage, Permill,
};

type Block = frame_system::mocking::MockBlock<Test>;

/// Accounts of the tests.
pub const ALICE: u64 = 1;
pub const BOB: u64 = 2;
pub const CHARLIE: u64 = 3;
/// The certifying body of the tests.
pub const CERTIFIER: u64 = 7;
/// An account without funds.
pub const PAUPER: u64 = 99;

/// What each funded account starts with.
pub const INITIAL_BALANCE: u64 = 1_000_000;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		DesignRegistry: pallet_design_registry,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

parameter_types! {
	pub const MaxCommonsShare: Permill = Permill::from_percent(20);
	/// What root certifies as: governance as a whole, no certifying body.
	pub const NoCertifyingBody: Option<u64> = None;
}

ord_parameter_types! {
	/// The one certifying body of the tests.
	pub const Certifier: u64 = CERTIFIER;
}

/// Root certifies as governance as a whole; the certifying body as itself.
pub type CertifierOrigin = EitherOf<
	MapSuccess<EnsureRoot<u64>, Replace<NoCertifyingBody>>,
	MapSuccess<EnsureSignedBy<Certifier, u64>, MorphInto<Option<u64>>>,
>;

impl pallet_design_registry::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type AdminOrigin = EnsureRoot<u64>;
	type CertifierOrigin = CertifierOrigin;
	type Hooks = TestHooks;
	type DepositPerItem = frame_support::traits::ConstU64<100>;
	type DepositPerByte = frame_support::traits::ConstU64<1>;
	type MaxCommonsShare = MaxCommonsShare;
	type MaxMaintainers = ConstU32<3>;
	type MaxNameLen = ConstU32<32>;
	type MaxTags = ConstU32<4>;
	type MaxTagLen = ConstU32<16>;
	type MaxProcesses = ConstU32<4>;
	type MaxManifestLen = ConstU32<96>;
	type MaxVersionLabelLen = ConstU32<16>;
	type MaxEvidenceLen = ConstU32<32>;
	type MaxLineageDepth = ConstU32<2>;
	type WeightInfo = ();
}

thread_local! {
	static HOOKS_REFUSE: core::cell::Cell<bool> = const { core::cell::Cell::new(false) };
}

/// The registry's hooks in the tests: they accept every change, or refuse them all after
/// `refuse_in_hooks` (as a hook that cannot hold its deposit would).
pub struct TestHooks;

impl TestHooks {
	fn outcome() -> sp_runtime::DispatchResult {
		if HOOKS_REFUSE.with(|refuse| refuse.get()) {
			Err(sp_runtime::DispatchError::Other("refused by a hook"))
		} else {
			Ok(())
		}
	}
}

impl cosmolocal_primitives::design::DesignRegistryHooks<u64> for TestHooks {
	fn on_design_registered(_: u32, _: &u64) -> sp_runtime::DispatchResult {
		Self::outcome()
	}
	fn on_version_published(_: u32, _: u32, _: &u64) -> sp_runtime::DispatchResult {
		Self::outcome()
	}
	fn on_maintainers_changed(_: u32, _: &[u64]) -> sp_runtime::DispatchResult {
		Self::outcome()
	}
}

/// Makes the registry's hooks refuse every change from now on, in this test.
pub fn refuse_in_hooks() {
	HOOKS_REFUSE.with(|refuse| refuse.set(true));
}

/// The open licences of the runtime's genesis, with whether each is share-alike.
pub fn genesis_licences() -> Vec<(Vec<u8>, bool)> {
	[
		("CERN-OHL-S-2.0", true),
		("CERN-OHL-W-2.0", false),
		("CERN-OHL-P-2.0", false),
		("CC-BY-4.0", false),
		("CC-BY-SA-4.0", true),
		("GPL-3.0-or-later", true),
		("MIT", false),
	]
	.into_iter()
	.map(|(id, share_alike)| (id.as_bytes().to_vec(), share_alike))
	.collect()
}

/// Storage with funded accounts and the genesis licences, at block 1.
pub fn new_bench_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![
			(ALICE, INITIAL_BALANCE),
			(BOB, INITIAL_BALANCE),
			(CHARLIE, INITIAL_BALANCE),
		],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_design_registry::GenesisConfig::<Test> { licences: genesis_licences(), designs: vec![] }
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	HOOKS_REFUSE.with(|refuse| refuse.set(false));
	ext
}

/// Runs `test` in `new_bench_ext`, then checks the registry's invariants.
pub fn new_test_ext(test: impl FnOnce()) {
	new_bench_ext().execute_with(|| {
		test();
		DesignRegistry::do_try_state().expect("the registry's invariants hold");
	});
}
