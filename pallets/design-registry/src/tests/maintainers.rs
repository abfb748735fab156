//! `add_maintainer` and `remove_maintainer`.

use super::*;
use crate::Error;
use frame_support::assert_noop;

fn add(who: u64, design: DesignId, maintainer: u64) -> frame_support::dispatch::DispatchResult {
	DesignRegistry::add_maintainer(RuntimeOrigin::signed(who), design, maintainer)
}

fn remove(who: u64, design: DesignId, maintainer: u64) -> frame_support::dispatch::DispatchResult {
	DesignRegistry::remove_maintainer(RuntimeOrigin::signed(who), design, maintainer)
}

#[test]
fn a_maintainer_adds_another_and_pays_for_its_entry() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		let alice_held = held(ALICE);
		assert_ok!(add(ALICE, id, BOB));
		assert_eq!(design(id).maintainers.to_vec(), vec![ALICE, BOB]);
		assert_eq!(DesignsByMaintainer::<Test>::get(BOB, id).map(|(payer, _)| payer), Some(ALICE));
		assert_eq!(held(ALICE), alice_held + maintainer_deposit(BOB, id));
		assert_eq!(held(BOB), 0);
		assert_eq!(last_event(), Event::MaintainerAdded { design: id, maintainer: BOB });
	});
}

#[test]
fn removing_a_maintainer_returns_the_deposit_to_its_payer() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		let alice_held = held(ALICE);
		assert_ok!(add(ALICE, id, BOB));
		// Bob removes himself: Alice paid for his entry, and gets her deposit back.
		assert_ok!(remove(BOB, id, BOB));
		assert_eq!(design(id).maintainers.to_vec(), vec![ALICE]);
		assert!(!DesignsByMaintainer::<Test>::contains_key(BOB, id));
		assert_eq!(held(ALICE), alice_held);
		assert_eq!(last_event(), Event::MaintainerRemoved { design: id, maintainer: BOB });
	});
}

#[test]
fn the_creator_can_leave_once_another_maintains() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		let creator_entry = maintainer_deposit(ALICE, id);
		assert_ok!(add(ALICE, id, BOB));
		let alice_held = held(ALICE);
		assert_ok!(remove(BOB, id, ALICE));
		assert_eq!(design(id).maintainers.to_vec(), vec![BOB]);
		// The design and version deposits stay held: designs are never removed.
		assert_eq!(held(ALICE), alice_held - creator_entry);
		assert_noop!(publish(ALICE, id, "1.0.1"), Error::<Test>::NotMaintainer);
		assert_ok!(publish(BOB, id, "1.0.1"));
	});
}

#[test]
fn only_maintainers_add() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		assert_noop!(add(BOB, id, CHARLIE), Error::<Test>::NotMaintainer);
	});
}

#[test]
fn only_maintainers_remove() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		assert_ok!(add(ALICE, id, BOB));
		assert_noop!(remove(CHARLIE, id, BOB), Error::<Test>::NotMaintainer);
	});
}

#[test]
fn refuses_an_unknown_design() {
	new_test_ext(|| {
		assert_noop!(add(ALICE, 3, BOB), Error::<Test>::DesignNotFound);
		assert_noop!(remove(ALICE, 3, BOB), Error::<Test>::DesignNotFound);
	});
}

#[test]
fn refuses_a_maintainer_twice() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		assert_noop!(add(ALICE, id, ALICE), Error::<Test>::AlreadyMaintainer);
	});
}

#[test]
fn refuses_more_than_the_maximum() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		assert_ok!(add(ALICE, id, BOB));
		assert_ok!(add(ALICE, id, CHARLIE));
		assert_noop!(add(ALICE, id, PAUPER), Error::<Test>::TooManyMaintainers);
	});
}

#[test]
fn refuses_to_remove_someone_who_is_not_a_maintainer() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		assert_noop!(remove(ALICE, id, BOB), Error::<Test>::UnknownMaintainer);
	});
}

#[test]
fn never_removes_the_last_maintainer() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		assert_noop!(remove(ALICE, id, ALICE), Error::<Test>::LastMaintainer);
	});
}

#[test]
fn refuses_an_adder_that_cannot_pay() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		assert_ok!(add(ALICE, id, PAUPER));
		assert_noop!(add(PAUPER, id, BOB), sp_runtime::TokenError::FundsUnavailable);
	});
}

#[test]
fn a_hook_that_refuses_undoes_a_change_of_maintainers() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		assert_ok!(add(ALICE, id, BOB));
		refuse_in_hooks();
		let refused = sp_runtime::DispatchError::Other("refused by a hook");
		assert_noop!(add(ALICE, id, CHARLIE), refused);
		assert_noop!(remove(ALICE, id, BOB), refused);
	});
}
