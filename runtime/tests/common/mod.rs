//! What the runtime's test files share: the well-known accounts as origins, and a genesis that
//! endows them.

use cosmolocal_primitives::currency::UNITS;
use cosmolocal_runtime::{AccountId, Runtime, RuntimeOrigin};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{BuildStorage, Storage};

pub fn account(keyring: Sr25519Keyring) -> AccountId {
	keyring.to_account_id()
}

pub fn signed(keyring: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(account(keyring))
}

/// The genesis storage of `frame_system` with every well-known account endowed with 10 000 CML;
/// a test adds the genesis of the pallets it needs.
pub fn endowed_storage() -> Storage {
	let mut storage = frame_system::GenesisConfig::<Runtime>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Runtime> {
		balances: Sr25519Keyring::well_known()
			.map(|k| (k.to_account_id(), 10_000 * UNITS))
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	storage
}
