//! Defaults, cancellations, refunds and the closing of pledges.

use super::*;
use crate::Error;
use frame_support::{assert_noop, assert_ok};

#[test]
fn a_missed_delivery_deadline_lets_anyone_mark_the_pledge_defaulted() {
	new_test_ext(|| {
		let id = funded_lamp_pledge(NATIVE);
		assert_noop!(
			ProductionPledges::mark_defaulted(RuntimeOrigin::signed(CHARLIE), id),
			Error::<Test>::DeliveryDeadlineNotPassed
		);
		System::set_block_number(51);
		assert_ok!(ProductionPledges::mark_defaulted(RuntimeOrigin::signed(CHARLIE), id));
		// The backers get their 500 back and the whole bond of 200.
		assert_eq!(last_event(), Event::PledgeDefaulted { pledge: id, refunds: 700 });
		assert_eq!(state(id), PledgeState::Defaulted);
		let producer = Producers::<Test>::get(MAKER).unwrap();
		assert_eq!((producer.record.defaulted, producer.open_pledges), (1, 0));
		assert_eq!(ProductionPledges::owed_to(ALICE, id), Some(420));
		assert_eq!(ProductionPledges::owed_to(BOB, id), Some(280));
	});
}

#[test]
fn a_default_leaves_nothing_of_the_bond_to_the_producer() {
	new_test_ext(|| {
		register_producer_in(MAKER, "ES-CT");
		let id = create(MAKER, PledgeTerms { bond: 202, ..lamp_terms(NATIVE) });
		back(ALICE, id, 4);
		System::set_block_number(11);
		assert_ok!(ProductionPledges::close_funding(RuntimeOrigin::signed(BOB), id));
		let maker_before = balance(NATIVE, MAKER);
		System::set_block_number(51);
		assert_ok!(ProductionPledges::mark_defaulted(RuntimeOrigin::signed(CHARLIE), id));
		// 202 does not divide by the 4 units backed: the backers get all of it all the same.
		assert_eq!(Pledges::<Test>::get(id).unwrap().refunds.total, 602);
		assert_eq!(balance(NATIVE, MAKER), maker_before);
	});
}

#[test]
fn only_funded_pledges_default() {
	new_test_ext(|| {
		let id = delivered_lamp_pledge(NATIVE, 5);
		System::set_block_number(51);
		assert_noop!(
			ProductionPledges::mark_defaulted(RuntimeOrigin::signed(CHARLIE), id),
			Error::<Test>::NotFunded
		);
		assert_noop!(
			ProductionPledges::mark_defaulted(RuntimeOrigin::signed(CHARLIE), 9),
			Error::<Test>::PledgeNotFound
		);
	});
}

#[test]
fn the_producer_cancels_while_funding() {
	new_test_ext(|| {
		let id = lamp_pledge(NATIVE);
		back(ALICE, id, 2);
		let maker_before = balance(NATIVE, MAKER);
		assert_noop!(
			ProductionPledges::cancel_pledge(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::NotPledgeProducer
		);
		assert_ok!(ProductionPledges::cancel_pledge(RuntimeOrigin::signed(MAKER), id));
		assert_eq!(last_event(), Event::PledgeCancelled { pledge: id });
		assert_eq!(state(id), PledgeState::Cancelled);
		assert_eq!(balance(NATIVE, MAKER), maker_before + 200);
		assert_eq!(Producers::<Test>::get(MAKER).unwrap().record.cancelled, 1);
		assert_eq!(ProductionPledges::owed_to(ALICE, id), Some(200));
	});
}

#[test]
fn cancelling_is_refused_once_funding_has_closed() {
	new_test_ext(|| {
		let id = funded_lamp_pledge(NATIVE);
		assert_noop!(
			ProductionPledges::cancel_pledge(RuntimeOrigin::signed(MAKER), id),
			Error::<Test>::NotFunding
		);
		assert_noop!(
			ProductionPledges::cancel_pledge(RuntimeOrigin::signed(MAKER), 9),
			Error::<Test>::PledgeNotFound
		);
	});
}

#[test]
fn each_backer_claims_once_and_the_last_claim_closes_the_pledge() {
	new_test_ext(|| {
		let id = funded_lamp_pledge(NATIVE);
		System::set_block_number(51);
		assert_ok!(ProductionPledges::mark_defaulted(RuntimeOrigin::signed(CHARLIE), id));
		let (alice_before, bob_before) = (balance(NATIVE, ALICE), balance(NATIVE, BOB));
		let (alice_deposit, bob_deposit) = (held(ALICE), held(BOB));
		let maker_before = balance(NATIVE, MAKER);
		let pledge_deposit = Pledges::<Test>::get(id).unwrap().deposit;

		assert_ok!(ProductionPledges::claim_refund(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(last_event(), Event::RefundClaimed { pledge: id, backer: ALICE, amount: 420 });
		assert_eq!(balance(NATIVE, ALICE), alice_before + 420 + alice_deposit);
		assert_eq!(held(ALICE), 0);
		assert_noop!(
			ProductionPledges::claim_refund(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::NotBacker
		);

		assert_ok!(ProductionPledges::claim_refund(RuntimeOrigin::signed(BOB), id));
		assert_eq!(balance(NATIVE, BOB), bob_before + 280 + bob_deposit);
		assert_eq!(last_event(), Event::PledgeClosed { pledge: id });
		assert!(!Pledges::<Test>::contains_key(id));
		assert!(!PledgesByState::<Test>::contains_key(PledgeState::Defaulted, id));
		assert!(!PledgesByDesign::<Test>::contains_key(LAMP, id));
		assert!(!PledgesByProducer::<Test>::contains_key(MAKER, id));
		assert!(!PledgesByRegion::<Test>::contains_key((*b"ES", region("ES-CT"), id)));
		assert_eq!(
			balance(NATIVE, MAKER),
			maker_before + EXISTENTIAL_DEPOSIT + pledge_deposit,
			"the escrow minimum and the pledge deposit went back to the producer"
		);
		assert!(!frame_system::Account::<Test>::contains_key(ProductionPledges::escrow_account(
			id
		)));
	});
}

#[test]
fn claiming_waits_for_the_end_and_needs_a_backing() {
	new_test_ext(|| {
		let id = funded_lamp_pledge(NATIVE);
		assert_noop!(
			ProductionPledges::claim_refund(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::NotEnded
		);
		assert_noop!(
			ProductionPledges::claim_refund(RuntimeOrigin::signed(CHARLIE), id),
			Error::<Test>::NotBacker
		);
		assert_noop!(
			ProductionPledges::claim_refund(RuntimeOrigin::signed(ALICE), 9),
			Error::<Test>::PledgeNotFound
		);
	});
}

#[test]
fn after_a_full_delivery_backers_claim_only_their_deposits() {
	new_test_ext(|| {
		let id = delivered_lamp_pledge(NATIVE, 5);
		assert_ok!(ProductionPledges::confirm_receipt(RuntimeOrigin::signed(ALICE), id));
		assert_ok!(ProductionPledges::confirm_receipt(RuntimeOrigin::signed(BOB), id));
		assert_ok!(ProductionPledges::settle(RuntimeOrigin::signed(CHARLIE), id));
		let alice_before = balance(NATIVE, ALICE);
		let deposit = held(ALICE);
		assert_ok!(ProductionPledges::claim_refund(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(last_event(), Event::RefundClaimed { pledge: id, backer: ALICE, amount: 0 });
		assert_eq!(balance(NATIVE, ALICE), alice_before + deposit);
		assert_ok!(ProductionPledges::claim_refund(RuntimeOrigin::signed(BOB), id));
		assert!(!Pledges::<Test>::contains_key(id));
	});
}

#[test]
fn a_cancelled_pledge_without_backers_closes_at_once() {
	new_test_ext(|| {
		register_producer_in(MAKER, "ES-CT");
		let before = balance(NATIVE, MAKER);
		let id = create(MAKER, lamp_terms(NATIVE));
		assert_ok!(ProductionPledges::cancel_pledge(RuntimeOrigin::signed(MAKER), id));
		assert!(!Pledges::<Test>::contains_key(id));
		assert_eq!(balance(NATIVE, MAKER), before);
	});
}

#[test]
fn every_path_moves_states_forward_only() {
	new_test_ext(|| {
		let id = funded_lamp_pledge(NATIVE);
		System::set_block_number(51);
		assert_ok!(ProductionPledges::mark_defaulted(RuntimeOrigin::signed(CHARLIE), id));
		let signed = RuntimeOrigin::signed;
		assert_noop!(ProductionPledges::back(signed(CHARLIE), id, 1), Error::<Test>::NotFunding);
		assert_noop!(
			ProductionPledges::close_funding(signed(CHARLIE), id),
			Error::<Test>::NotFunding
		);
		assert_noop!(
			ProductionPledges::report_delivery(signed(MAKER), id, 1, bytes("x")),
			Error::<Test>::NotFunded
		);
		assert_noop!(ProductionPledges::settle(signed(CHARLIE), id), Error::<Test>::NotDelivered);
		assert_noop!(
			ProductionPledges::mark_defaulted(signed(CHARLIE), id),
			Error::<Test>::NotFunded
		);
		assert_noop!(
			ProductionPledges::cancel_pledge(signed(MAKER), id),
			Error::<Test>::NotFunding
		);
	});
}

#[test]
fn anyone_may_claim_for_a_backer_who_does_not() {
	new_test_ext(|| {
		let id = funded_lamp_pledge(NATIVE);
		System::set_block_number(51);
		assert_ok!(ProductionPledges::mark_defaulted(RuntimeOrigin::signed(CHARLIE), id));
		let (bob_before, bob_deposit) = (balance(NATIVE, BOB), held(BOB));
		let charlie_before = balance(NATIVE, CHARLIE);
		assert_ok!(ProductionPledges::claim_refund_for(RuntimeOrigin::signed(CHARLIE), id, BOB));
		assert_eq!(last_event(), Event::RefundClaimed { pledge: id, backer: BOB, amount: 280 });
		assert_eq!(balance(NATIVE, BOB), bob_before + 280 + bob_deposit);
		assert_eq!(balance(NATIVE, CHARLIE), charlie_before);
		assert_noop!(
			ProductionPledges::claim_refund_for(RuntimeOrigin::signed(CHARLIE), id, BOB),
			Error::<Test>::NotBacker
		);
		assert_noop!(
			ProductionPledges::claim_refund_for(RuntimeOrigin::signed(CHARLIE), 9, ALICE),
			Error::<Test>::PledgeNotFound
		);
		assert_ok!(ProductionPledges::claim_refund_for(RuntimeOrigin::signed(CHARLIE), id, ALICE));
		assert!(!Pledges::<Test>::contains_key(id));
	});
}

#[test]
fn claiming_for_a_backer_waits_for_the_end() {
	new_test_ext(|| {
		let id = funded_lamp_pledge(NATIVE);
		assert_noop!(
			ProductionPledges::claim_refund_for(RuntimeOrigin::signed(CHARLIE), id, ALICE),
			Error::<Test>::NotEnded
		);
	});
}
