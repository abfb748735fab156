//! `publish_version`.

use super::*;
use crate::{Error, VersionByLabel};
use frame_support::assert_noop;

#[test]
fn a_maintainer_publishes_a_new_version() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		let held_before = held(ALICE);
		System::set_block_number(5);
		assert_ok!(publish(ALICE, id, "1.1.0-beta.1"));

		let published = version(id, 1);
		assert_eq!(published.label.to_vec(), b"1.1.0-beta.1".to_vec());
		assert_eq!(published.manifest_hash, published_hash(id, "1.1.0-beta.1"));
		assert_eq!(published.publisher, ALICE);
		assert_eq!(published.published_at, 5);
		assert_eq!(design(id).version_count, 2);
		assert_eq!(VersionByLabel::<Test>::get(id, published.label.clone()), Some(1));
		assert_eq!(held(ALICE), held_before + published.deposit);
		assert_eq!(
			last_event(),
			Event::VersionPublished {
				design: id,
				version: 1,
				label: bounded("1.1.0-beta.1"),
				manifest_hash: published_hash(id, "1.1.0-beta.1"),
			}
		);
	});
}

#[test]
fn earlier_versions_stay_as_published() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		let first = version(id, 0);
		assert_ok!(publish(ALICE, id, "2.0.0"));
		assert_eq!(version(id, 0), first);
	});
}

#[test]
fn the_publisher_pays_for_its_version() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		assert_ok!(DesignRegistry::add_maintainer(RuntimeOrigin::signed(ALICE), id, BOB));
		let alice_held = held(ALICE);
		assert_ok!(publish(BOB, id, "1.0.1"));
		assert_eq!(held(ALICE), alice_held);
		assert_eq!(held(BOB), version(id, 1).deposit);
	});
}

#[test]
fn only_maintainers_publish() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		assert_noop!(publish(BOB, id, "1.0.1"), Error::<Test>::NotMaintainer);
	});
}

#[test]
fn refuses_an_unknown_design() {
	new_test_ext(|| {
		assert_noop!(publish(ALICE, 7, "1.0.0"), Error::<Test>::DesignNotFound);
	});
}

#[test]
fn refuses_a_label_used_before() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		assert_noop!(publish(ALICE, id, "1.0.0"), Error::<Test>::DuplicateVersionLabel);
	});
}

#[test]
fn refuses_a_malformed_label() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		assert_noop!(publish(ALICE, id, "1.1"), Error::<Test>::InvalidVersionLabel);
	});
}

#[test]
fn refuses_an_empty_manifest() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		assert_noop!(
			DesignRegistry::publish_version(
				RuntimeOrigin::signed(ALICE),
				id,
				bounded(""),
				[1; 32],
				bounded("1.0.1"),
			),
			Error::<Test>::EmptyManifest
		);
	});
}

#[test]
fn a_deprecated_design_takes_no_new_version() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		assert_ok!(DesignRegistry::deprecate(RuntimeOrigin::signed(ALICE), id, None));
		assert_noop!(publish(ALICE, id, "1.0.1"), Error::<Test>::DesignDeprecated);
	});
}

#[test]
fn refuses_a_publisher_that_cannot_pay() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		assert_ok!(DesignRegistry::add_maintainer(RuntimeOrigin::signed(ALICE), id, PAUPER));
		assert_noop!(publish(PAUPER, id, "1.0.1"), sp_runtime::TokenError::FundsUnavailable);
	});
}

#[test]
fn a_hook_that_refuses_undoes_a_publication() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		refuse_in_hooks();
		assert_noop!(
			publish(ALICE, id, "1.1.0"),
			sp_runtime::DispatchError::Other("refused by a hook")
		);
	});
}
