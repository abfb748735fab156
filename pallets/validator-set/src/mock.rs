//! A runtime with sessions of 5 blocks and the validator set, for tests.

use crate as pallet_validator_set;
use codec::Encode;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU32, ConstU64, OnFinalize, OnInitialize},
};
use frame_system::EnsureRoot;
use sp_runtime::{
	impl_opaque_keys,
	testing::UintAuthorityId,
	traits::{ConvertInto, OpaqueKeys},
	BuildStorage, RuntimeAppPublic,
};

type Block = frame_system::mocking::MockBlock<Test>;

/// The validators at genesis.
pub const GENESIS_VALIDATORS: [u64; 3] = [1, 2, 3];
/// An account with session keys that is not a validator.
pub const CANDIDATE: u64 = 4;
/// An account without session keys.
pub const NO_KEYS: u64 = 5;
/// Blocks per session.
pub const SESSION_LENGTH: u64 = 5;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Session: pallet_session,
		Historical: pallet_session::historical,
		ValidatorSet: pallet_validator_set,
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

impl_opaque_keys! {
	/// A validator's key in the tests.
	pub struct TestSessionKeys {
		/// A key whose ownership proof is always valid.
		pub dummy: UintAuthorityId,
	}
}

/// Keeps no authorities: the tests look at the session pallet's validators.
pub struct NoAuthorities;
impl pallet_session::SessionHandler<u64> for NoAuthorities {
	const KEY_TYPE_IDS: &'static [sp_runtime::KeyTypeId] = &[UintAuthorityId::ID];
	fn on_genesis_session<Ks: OpaqueKeys>(_: &[(u64, Ks)]) {}
	fn on_new_session<Ks: OpaqueKeys>(_: bool, _: &[(u64, Ks)], _: &[(u64, Ks)]) {}
	fn on_disabled(_: u32) {}
}

impl pallet_session::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = u64;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = pallet_session::PeriodicSessions<ConstU64<SESSION_LENGTH>, ConstU64<0>>;
	type NextSessionRotation =
		pallet_session::PeriodicSessions<ConstU64<SESSION_LENGTH>, ConstU64<0>>;
	type SessionManager = pallet_session::historical::NoteHistoricalRoot<Test, ValidatorSet>;
	type SessionHandler = NoAuthorities;
	type Keys = TestSessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = ();
	type Currency = Balances;
	type KeyDeposit = ConstU64<0>;
}

impl pallet_session::historical::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type FullIdentification = u64;
	type FullIdentificationOf = ConvertInto;
}

parameter_types! {
	pub static HistoryDepth: u32 = 3;
}

impl pallet_validator_set::Config for Test {
	type AddRemoveOrigin = EnsureRoot<u64>;
	type MinValidators = ConstU32<2>;
	type MaxValidators = ConstU32<4>;
	type HistoryDepth = HistoryDepth;
	type WeightInfo = ();
}

/// The session keys of `who`.
pub fn keys_of(who: u64) -> TestSessionKeys {
	TestSessionKeys { dummy: UintAuthorityId(who) }
}

/// Registers the session keys of `who`, as a validator does with `session.setKeys`.
pub fn set_keys(who: u64) {
	let keys = keys_of(who);
	let proof = keys.dummy.sign(&who.encode()).map(|signature| signature.encode());
	pallet_session::Pallet::<Test>::set_keys(
		RuntimeOrigin::signed(who),
		keys,
		proof.unwrap_or_default(),
	)
	.expect("the test keys are accepted");
}

/// Runs blocks until session `index` has started.
pub fn run_to_session(index: u32) {
	while pallet_session::CurrentIndex::<Test>::get() < index {
		let next = System::block_number() + 1;
		Session::on_finalize(System::block_number());
		System::set_block_number(next);
		Session::on_initialize(next);
	}
}

/// The state at genesis (validators 1, 2 and 3 from the session keys) and `CANDIDATE`'s keys.
pub fn new_bench_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=5).map(|who| (who, 1_000)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_session::GenesisConfig::<Test> {
		keys: GENESIS_VALIDATORS.iter().map(|who| (*who, *who, keys_of(*who))).collect(),
		non_authority_keys: vec![],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_validator_set::GenesisConfig::<Test>::default()
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		set_keys(CANDIDATE);
	});
	ext
}

/// Runs `test` on the genesis state, then checks the invariants.
pub fn new_test_ext(test: impl FnOnce()) {
	new_bench_ext().execute_with(|| {
		test();
		ValidatorSet::do_try_state().expect("the validator set's invariants hold");
	});
}
