//! `attest`, `revoke_attestation` and `certify`.

use super::*;
use crate::{Attestations, Certifications, Error};
use frame_support::assert_noop;
use sp_runtime::DispatchError;

fn attest(
	who: u64,
	design: DesignId,
	version: VersionIndex,
	kind: AttestationKind,
) -> frame_support::dispatch::DispatchResult {
	DesignRegistry::attest(
		RuntimeOrigin::signed(who),
		design,
		version,
		kind,
		bounded("ipfs://evidence"),
	)
}

#[test]
fn anyone_attests_and_pays_a_deposit() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		assert_ok!(attest(BOB, id, 0, AttestationKind::Built));
		assert_ok!(attest(BOB, id, 0, AttestationKind::Tested));
		let built = Attestations::<Test>::get((id, 0, BOB, AttestationKind::Built)).unwrap();
		assert_eq!(built.evidence.to_vec(), b"ipfs://evidence".to_vec());
		assert_eq!(built.attested_at, 1);
		assert!(built.deposit > 100);
		assert_eq!(held(BOB), 2 * built.deposit);
		assert_eq!(
			last_event(),
			Event::Attested {
				design: id,
				version: 0,
				attester: BOB,
				kind: AttestationKind::Tested,
			}
		);
	});
}

#[test]
fn revoking_releases_the_deposit() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		assert_ok!(attest(BOB, id, 0, AttestationKind::Reviewed));
		assert_ok!(DesignRegistry::revoke_attestation(
			RuntimeOrigin::signed(BOB),
			id,
			0,
			AttestationKind::Reviewed
		));
		assert!(!Attestations::<Test>::contains_key((id, 0, BOB, AttestationKind::Reviewed)));
		assert_eq!(held(BOB), 0);
		assert_eq!(Balances::free_balance(BOB), INITIAL_BALANCE);
		assert_eq!(
			last_event(),
			Event::AttestationRevoked {
				design: id,
				version: 0,
				attester: BOB,
				kind: AttestationKind::Reviewed,
			}
		);
	});
}

#[test]
fn attestation_errors() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		assert_noop!(attest(BOB, 5, 0, AttestationKind::Built), Error::<Test>::DesignNotFound);
		assert_noop!(attest(BOB, id, 3, AttestationKind::Built), Error::<Test>::VersionNotFound);
		assert_noop!(
			DesignRegistry::attest(
				RuntimeOrigin::signed(BOB),
				id,
				0,
				AttestationKind::Built,
				bounded("")
			),
			Error::<Test>::EmptyEvidence
		);
		assert_ok!(attest(BOB, id, 0, AttestationKind::Built));
		assert_noop!(attest(BOB, id, 0, AttestationKind::Built), Error::<Test>::AlreadyAttested);
		assert_noop!(
			attest(PAUPER, id, 0, AttestationKind::Built),
			sp_runtime::TokenError::FundsUnavailable
		);
	});
}

#[test]
fn only_the_author_revokes() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		assert_ok!(attest(BOB, id, 0, AttestationKind::Built));
		assert_noop!(
			DesignRegistry::revoke_attestation(
				RuntimeOrigin::signed(CHARLIE),
				id,
				0,
				AttestationKind::Built
			),
			Error::<Test>::AttestationNotFound
		);
		assert_noop!(
			DesignRegistry::revoke_attestation(
				RuntimeOrigin::signed(BOB),
				id,
				0,
				AttestationKind::Tested
			),
			Error::<Test>::AttestationNotFound
		);
	});
}

#[test]
fn the_certifier_certifies_once() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		System::set_block_number(3);
		assert_ok!(DesignRegistry::certify(RuntimeOrigin::root(), id, 0, bounded("ipfs://report")));
		let certification = Certifications::<Test>::get(id, 0).unwrap();
		assert_eq!(certification.evidence.to_vec(), b"ipfs://report".to_vec());
		assert_eq!(certification.certified_at, 3);
		assert_eq!(certification.certifier, None);
		assert_eq!(last_event(), Event::Certified { design: id, version: 0, certifier: None });
		assert_noop!(
			DesignRegistry::certify(RuntimeOrigin::root(), id, 0, bounded("ipfs://again")),
			Error::<Test>::AlreadyCertified
		);
		assert_noop!(
			DesignRegistry::certify(RuntimeOrigin::signed(CERTIFIER), id, 0, bounded("ipfs://b")),
			Error::<Test>::AlreadyCertified
		);
	});
}

#[test]
fn a_certifying_body_certifies_in_its_own_name() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		assert_ok!(DesignRegistry::certify(
			RuntimeOrigin::signed(CERTIFIER),
			id,
			0,
			bounded("ipfs://report")
		));
		let certification = Certifications::<Test>::get(id, 0).unwrap();
		assert_eq!(certification.certifier, Some(CERTIFIER));
		assert_eq!(
			last_event(),
			Event::Certified { design: id, version: 0, certifier: Some(CERTIFIER) }
		);
	});
}

#[test]
fn only_a_certifying_body_or_root_certifies() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		for origin in
			[RuntimeOrigin::signed(ALICE), RuntimeOrigin::signed(BOB), RuntimeOrigin::none()]
		{
			assert_noop!(
				DesignRegistry::certify(origin, id, 0, bounded("ipfs://report")),
				DispatchError::BadOrigin
			);
		}
		assert!(!Certifications::<Test>::contains_key(id, 0));
	});
}

#[test]
fn certification_errors() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		assert_noop!(
			DesignRegistry::certify(RuntimeOrigin::signed(ALICE), id, 0, bounded("ipfs://report")),
			DispatchError::BadOrigin
		);
		assert_noop!(
			DesignRegistry::certify(RuntimeOrigin::root(), 8, 0, bounded("ipfs://report")),
			Error::<Test>::DesignNotFound
		);
		assert_noop!(
			DesignRegistry::certify(RuntimeOrigin::root(), id, 1, bounded("ipfs://report")),
			Error::<Test>::VersionNotFound
		);
		assert_noop!(
			DesignRegistry::certify(RuntimeOrigin::root(), id, 0, bounded("")),
			Error::<Test>::EmptyEvidence
		);
	});
}
