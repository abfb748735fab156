//! A manifest's content hash belongs to the version that published it first: copies are
//! refused unless their lineage leads to that original.

use super::*;
use crate::{Error, NextDesignId, VersionByManifestHash};
use codec::Encode;
use frame_support::assert_noop;

/// The content hash of Alice's share-alike design in these tests.
const ORIGINAL: [u8; 32] = [0x5a; 32];

/// Registers Alice's design, under the share-alike CERN-OHL-S, with the manifest `ORIGINAL`.
fn register_original() -> DesignId {
	let id = NextDesignId::<Test>::get();
	assert_ok!(NewDesign {
		hardware: "CERN-OHL-S-2.0",
		manifest_hash: Some(ORIGINAL),
		..Default::default()
	}
	.register(ALICE));
	id
}

fn derivative_of(parent: DesignId, hash: [u8; 32]) -> NewDesign {
	NewDesign {
		hardware: "CERN-OHL-S-2.0",
		manifest_hash: Some(hash),
		..NewDesign::derived_from(parent)
	}
}

#[test]
fn a_share_alike_design_registered_again_under_a_permissive_licence_without_lineage_is_refused() {
	new_test_ext(|| {
		let original = register_original();
		for hardware in ["CERN-OHL-P-2.0", "CERN-OHL-S-2.0"] {
			assert_noop!(
				NewDesign { hardware, manifest_hash: Some(ORIGINAL), ..Default::default() }
					.register(BOB),
				Error::<Test>::DuplicateManifest
			);
		}
		assert_eq!(VersionByManifestHash::<Test>::get(ORIGINAL), Some((original, 0)));
	});
}

#[test]
fn derivatives_and_their_descendants_may_carry_the_originals_manifest() {
	new_test_ext(|| {
		let original = register_original();
		let child = NextDesignId::<Test>::get();
		assert_ok!(derivative_of(original, ORIGINAL).register(BOB));
		let grandchild = NextDesignId::<Test>::get();
		assert_ok!(derivative_of(child, ORIGINAL).register(CHARLIE));
		assert_eq!(design(grandchild).lineage.map(|lineage| lineage.parent), Some(child));
		// The hash stays the original's.
		assert_eq!(VersionByManifestHash::<Test>::get(ORIGINAL), Some((original, 0)));
		// A derivative of an unrelated design may not.
		let unrelated = register_default(CHARLIE);
		assert_noop!(
			derivative_of(unrelated, ORIGINAL).register(BOB),
			Error::<Test>::DuplicateManifest
		);
	});
}

#[test]
fn a_version_may_publish_a_known_manifest_only_in_the_originals_line() {
	new_test_ext(|| {
		let original = register_original();
		let unrelated = register_default(BOB);
		assert_noop!(
			publish_hash(BOB, unrelated, "1.1.0", ORIGINAL),
			Error::<Test>::DuplicateManifest
		);
		assert_ok!(publish_hash(ALICE, original, "1.0.1", ORIGINAL));
		let child = NextDesignId::<Test>::get();
		assert_ok!(derivative_of(original, registered_hash(child)).register(BOB));
		assert_ok!(publish_hash(BOB, child, "2.0.0", ORIGINAL));
		assert_eq!(version(child, 1).manifest_hash, ORIGINAL);
		// Nor may the original publish a hash its derivative published first.
		let childs = published_hash(child, "2.1.0");
		assert_ok!(publish_hash(BOB, child, "2.1.0", childs));
		assert_noop!(
			publish_hash(ALICE, original, "1.0.2", childs),
			Error::<Test>::DuplicateManifest
		);
	});
}

#[test]
fn the_version_that_publishes_a_hash_first_pays_for_its_entry() {
	new_test_ext(|| {
		let original = register_original();
		let first = version(original, 0);
		// The version, its label's entry and the hash's entry (each entry: its 16-byte key hash,
		// the key and the value).
		let label_entry = 16 + first.label.encoded_size() + 4;
		let hash_entry = 16 + 32 + 8;
		assert_eq!(
			first.deposit,
			3 * 100 + (first.encoded_size() + label_entry + hash_entry) as u64
		);
		assert_ok!(publish_hash(ALICE, original, "1.0.1", ORIGINAL));
		let again = version(original, 1);
		let label_entry = 16 + again.label.encoded_size() + 4;
		assert_eq!(again.deposit, 2 * 100 + (again.encoded_size() + label_entry) as u64);
	});
}
