//! The validator set through the runtime: a validator registers session keys made by its node's
//! keystore (as `author_rotateKeysWithOwner` makes them), governance adds it, and two session
//! boundaries later it authors blocks (Aura) and votes (GRANDPA); a GRANDPA equivocation it
//! commits is proven against the historical session roots, reported as an offence, and removes
//! it from the set; the set never falls below its minimum.

use codec::Encode;
use cosmolocal_primitives::currency::UNITS;
use cosmolocal_runtime::{
	AccountId, Grandpa, Historical, Runtime, RuntimeEvent, RuntimeOrigin, Session, SessionKeys,
	System, ValidatorSet,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::{KeyOwnerProofSystem, OnFinalize},
};
use pallet_validator_set::{Error, Event};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_core::H256;
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use sp_keystore::{testing::MemoryKeystore, KeystoreExt};
use sp_runtime::{BuildStorage, DispatchError};
use std::sync::Arc;

/// The dev chain's validator, and a newcomer whose node made its keys.
const ALICE: Sr25519Keyring = Sr25519Keyring::Alice;
const DAVE: Sr25519Keyring = Sr25519Keyring::Dave;

fn new_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Runtime>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Runtime> {
		balances: [ALICE, DAVE].map(|k| (k.to_account_id(), 1_000 * UNITS)).to_vec(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let alice_keys = SessionKeys {
		aura: AuraId::from(ALICE.public()),
		grandpa: GrandpaId::from(Ed25519Keyring::Alice.public()),
	};
	pallet_session::GenesisConfig::<Runtime> {
		keys: vec![(ALICE.to_account_id(), ALICE.to_account_id(), alice_keys)],
		non_authority_keys: vec![],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_validator_set::GenesisConfig::<Runtime>::default()
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.register_extension(KeystoreExt(Arc::new(MemoryKeystore::new())));
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Registers session keys for `who` made in the keystore, as a validator's node makes them.
fn register_new_keys(who: &AccountId) -> SessionKeys {
	let generated = SessionKeys::generate(&who.encode(), None);
	let keys = generated.keys;
	let proof = generated.proof.encode();
	assert_ok!(Session::set_keys(RuntimeOrigin::signed(who.clone()), keys.clone(), proof));
	keys
}

/// Ends the current session and starts the next, as the block at a session boundary does;
/// GRANDPA enacts an authority change at the end of the block that scheduled it.
fn next_session() {
	Session::rotate_session();
	Grandpa::on_finalize(System::block_number());
	System::set_block_number(System::block_number() + 1);
}

fn aura_authorities() -> Vec<AuraId> {
	pallet_aura::Authorities::<Runtime>::get().into_inner()
}

fn grandpa_authorities() -> Vec<GrandpaId> {
	Grandpa::grandpa_authorities().into_iter().map(|(id, _)| id).collect()
}

fn validator_set_events() -> Vec<Event<Runtime>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::ValidatorSet(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// A GRANDPA equivocation of `voter`: two prevotes for different blocks in the same round.
fn equivocation_by(
	voter: &GrandpaId,
	set_id: u64,
) -> sp_consensus_grandpa::EquivocationProof<H256, u32> {
	let signed_prevote = |hash: H256| {
		let prevote = finality_grandpa::Prevote { target_hash: hash, target_number: 1u32 };
		let message = finality_grandpa::Message::Prevote(prevote.clone());
		let payload = sp_consensus_grandpa::localized_payload(1, set_id, &message);
		let signature = sp_io::crypto::ed25519_sign(
			sp_consensus_grandpa::KEY_TYPE,
			&voter.clone().into(),
			&payload,
		)
		.expect("the voter's key is in the keystore");
		(prevote, signature.into())
	};
	sp_consensus_grandpa::EquivocationProof::new(
		set_id,
		sp_consensus_grandpa::Equivocation::Prevote(finality_grandpa::Equivocation {
			round_number: 1,
			identity: voter.clone(),
			first: signed_prevote(H256::repeat_byte(1)),
			second: signed_prevote(H256::repeat_byte(2)),
		}),
	)
}

#[test]
fn the_genesis_validator_is_the_only_authority() {
	new_ext().execute_with(|| {
		assert_eq!(
			pallet_validator_set::Validators::<Runtime>::get().into_inner(),
			vec![ALICE.to_account_id()]
		);
		assert_eq!(aura_authorities(), vec![AuraId::from(ALICE.public())]);
		assert_eq!(grandpa_authorities(), vec![GrandpaId::from(Ed25519Keyring::Alice.public())]);
	});
}

#[test]
fn governance_adds_a_validator_that_authors_and_votes_two_sessions_later() {
	new_ext().execute_with(|| {
		let dave = DAVE.to_account_id();
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), dave.clone()),
			Error::<Runtime>::NoSessionKeys
		);
		let keys = register_new_keys(&dave);
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::signed(dave.clone()), dave.clone()),
			DispatchError::BadOrigin
		);
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), dave.clone()));

		next_session();
		assert_eq!(aura_authorities().len(), 1, "queued, not yet active");
		next_session();
		assert!(aura_authorities().contains(&keys.aura));
		assert_eq!(aura_authorities().len(), 2);
		assert!(grandpa_authorities().contains(&keys.grandpa));
		assert_eq!(grandpa_authorities().len(), 2);
	});
}

#[test]
fn the_last_validator_cannot_be_removed() {
	new_ext().execute_with(|| {
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), ALICE.to_account_id()),
			Error::<Runtime>::TooFewValidators
		);
	});
}

#[test]
fn a_grandpa_equivocation_is_reported_and_removes_the_offender() {
	new_ext().execute_with(|| {
		let dave = DAVE.to_account_id();
		let keys = register_new_keys(&dave);
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), dave.clone()));
		next_session();
		next_session();
		assert!(grandpa_authorities().contains(&keys.grandpa));

		let set_id = Grandpa::current_set_id();
		let proof = equivocation_by(&keys.grandpa, set_id);
		let key_owner_proof =
			Historical::prove((sp_consensus_grandpa::KEY_TYPE, keys.grandpa.clone()))
				.expect("Dave's key belongs to the current session");
		assert_ok!(Grandpa::report_equivocation_unsigned(
			RuntimeOrigin::none(),
			Box::new(proof),
			key_owner_proof,
		));

		let session = pallet_session::CurrentIndex::<Runtime>::get();
		assert_eq!(
			validator_set_events().last(),
			Some(&Event::OffenceReported { validator: dave.clone(), session, removed: true })
		);
		assert_eq!(
			pallet_validator_set::Validators::<Runtime>::get().into_inner(),
			vec![ALICE.to_account_id()]
		);
		next_session();
		next_session();
		assert_eq!(aura_authorities(), vec![AuraId::from(ALICE.public())]);
	});
}
