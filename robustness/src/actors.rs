//! Who acts in a run: six well-endowed accounts (the development chain's), one that can pay a
//! few fees and no deposit, one with nothing, and governance, the chain's root.

use cosmolocal_primitives::{currency::EXISTENTIAL_DEPOSIT, AccountId, Balance};
use sp_keyring::Sr25519Keyring;

/// How many accounts act by signing: the endowed ones, the poor one and the penniless one.
pub const ACTORS: u8 = 8;

/// What the poor account holds at the start: a few fees' worth above the existential deposit.
pub const POOR_ENDOWMENT: Balance = 3 * EXISTENTIAL_DEPOSIT;

/// The endowed accounts, each with the development chain's endowment.
const ENDOWED: [Sr25519Keyring; 6] = [
	Sr25519Keyring::Alice,
	Sr25519Keyring::Bob,
	Sr25519Keyring::Charlie,
	Sr25519Keyring::Dave,
	Sr25519Keyring::Eve,
	Sr25519Keyring::Ferdie,
];

/// The account that starts with [`POOR_ENDOWMENT`].
pub fn poor() -> AccountId {
	AccountId::new([0x50; 32])
}

/// The account that starts with nothing.
pub fn penniless() -> AccountId {
	AccountId::new([0x0e; 32])
}

/// The Assembly of a run: five members, none of them an actor. Root acts only through a motion
/// of four of them (three quarters) that whitelists and dispatches the call; they never act
/// otherwise.
pub fn assembly() -> [AccountId; 5] {
	[0x60, 0x61, 0x62, 0x63, 0x64].map(|byte| AccountId::new([byte; 32]))
}

/// The arbitration panel of a run: three members, none of them an actor, so never a party to a
/// pledge. They resolve disputes by motions of two of them, and never act otherwise.
pub fn panel() -> [AccountId; 3] {
	[0x70, 0x71, 0x72].map(|byte| AccountId::new([byte; 32]))
}

/// The actor of an index, wrapping around: 0–5 the endowed accounts, 6 the poor one, 7 the
/// penniless one.
pub fn actor(index: u8) -> AccountId {
	match index % ACTORS {
		6 => poor(),
		7 => penniless(),
		endowed => ENDOWED[endowed as usize].to_account_id(),
	}
}

/// Every actor, in index order.
pub fn all() -> impl Iterator<Item = AccountId> {
	(0..ACTORS).map(actor)
}
