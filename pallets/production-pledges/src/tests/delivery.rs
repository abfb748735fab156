//! Reporting deliveries, confirming and disputing them, settling and resolving disputes.

use super::*;
use crate::Error;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::{DispatchError, Perbill};

fn report(
	who: AccountId,
	id: PledgeId,
	units: u32,
	evidence: &str,
) -> frame_support::dispatch::DispatchResult {
	ProductionPledges::report_delivery(RuntimeOrigin::signed(who), id, units, bytes(evidence))
}

#[test]
fn reporting_a_delivery_opens_the_challenge_window() {
	new_test_ext(|| {
		let id = funded_lamp_pledge(NATIVE);
		System::set_block_number(20);
		assert_ok!(report(MAKER, id, 5, "ipfs://photos"));
		let pledge = Pledges::<Test>::get(id).unwrap();
		assert_eq!(pledge.state, PledgeState::Delivered);
		let delivery = pledge.delivery.unwrap();
		assert_eq!((delivery.units, delivery.challenge_ends), (5, 20 + CHALLENGE_PERIOD));
		assert_eq!(
			last_event(),
			Event::DeliveryReported { pledge: id, units: 5, challenge_ends: 20 + CHALLENGE_PERIOD }
		);
	});
}

#[test]
fn reporting_is_refused_out_of_turn_and_with_bad_counts() {
	new_test_ext(|| {
		let funding = lamp_pledge(NATIVE);
		assert_noop!(report(MAKER, funding, 1, "ipfs://x"), Error::<Test>::NotFunded);
		assert_noop!(report(MAKER, 9, 1, "ipfs://x"), Error::<Test>::PledgeNotFound);
		back(ALICE, funding, 5);
		System::set_block_number(11);
		assert_ok!(ProductionPledges::close_funding(RuntimeOrigin::signed(BOB), funding));
		assert_noop!(report(ALICE, funding, 1, "ipfs://x"), Error::<Test>::NotPledgeProducer);
		assert_noop!(report(MAKER, funding, 0, "ipfs://x"), Error::<Test>::NothingDelivered);
		assert_noop!(report(MAKER, funding, 6, "ipfs://x"), Error::<Test>::DeliveredAboveBacked);
		assert_noop!(report(MAKER, funding, 5, ""), Error::<Test>::EmptyUri);
		System::set_block_number(51);
		assert_noop!(report(MAKER, funding, 5, "ipfs://x"), Error::<Test>::DeliveryDeadlinePassed);
	});
}

#[test]
fn backers_confirm_receipt_once_within_the_window() {
	new_test_ext(|| {
		let id = delivered_lamp_pledge(NATIVE, 5);
		assert_ok!(ProductionPledges::confirm_receipt(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(last_event(), Event::ReceiptConfirmed { pledge: id, backer: ALICE, units: 3 });
		assert_eq!(Pledges::<Test>::get(id).unwrap().confirmed_units, 3);
		assert!(Backings::<Test>::get(id, ALICE).unwrap().confirmed);
		let confirm = |who| ProductionPledges::confirm_receipt(RuntimeOrigin::signed(who), id);
		assert_noop!(confirm(ALICE), Error::<Test>::AlreadyConfirmed);
		assert_noop!(confirm(CHARLIE), Error::<Test>::NotBacker);
		System::set_block_number(20 + CHALLENGE_PERIOD + 1);
		assert_noop!(confirm(BOB), Error::<Test>::ChallengeWindowClosed);
	});
}

#[test]
fn confirming_needs_a_delivery() {
	new_test_ext(|| {
		let id = funded_lamp_pledge(NATIVE);
		assert_noop!(
			ProductionPledges::confirm_receipt(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::NotDelivered
		);
		assert_noop!(
			ProductionPledges::confirm_receipt(RuntimeOrigin::signed(ALICE), 9),
			Error::<Test>::PledgeNotFound
		);
	});
}

#[test]
fn settling_after_the_window_pays_the_producer_and_the_commons() {
	new_test_ext(|| {
		let id = delivered_lamp_pledge(NATIVE, 5);
		let (maker_before, commons_before) = (balance(NATIVE, MAKER), balance(NATIVE, COMMONS));
		assert_noop!(
			ProductionPledges::settle(RuntimeOrigin::signed(CHARLIE), id),
			Error::<Test>::ChallengeWindowOpen
		);
		System::set_block_number(20 + CHALLENGE_PERIOD + 1);
		assert_ok!(ProductionPledges::settle(RuntimeOrigin::signed(CHARLIE), id));
		// 5 units at 100: 10 % (50) to the commons, 450 and the bond of 200 to the producer.
		assert_eq!(
			last_event(),
			Event::Settled {
				pledge: id,
				producer_paid: 650,
				commons_paid: 50,
				refunds: 0,
				verdict: None,
			}
		);
		assert_eq!(balance(NATIVE, MAKER), maker_before + 650);
		assert_eq!(balance(NATIVE, COMMONS), commons_before + 50);
		assert_eq!(state(id), PledgeState::Settled);
		let producer = Producers::<Test>::get(MAKER).unwrap();
		assert_eq!((producer.record.fulfilled, producer.open_pledges), (1, 0));
		assert_eq!(made_independently(), vec![LAMP], "MAKER does not maintain the lamp");
		assert_eq!(ProductionPledges::owed_to(ALICE, id), Some(0));
	});
}

#[test]
fn settling_is_immediate_once_every_unit_is_confirmed() {
	new_test_ext(|| {
		let id = delivered_lamp_pledge(NATIVE, 5);
		assert_ok!(ProductionPledges::confirm_receipt(RuntimeOrigin::signed(ALICE), id));
		assert_noop!(
			ProductionPledges::settle(RuntimeOrigin::signed(CHARLIE), id),
			Error::<Test>::ChallengeWindowOpen
		);
		assert_ok!(ProductionPledges::confirm_receipt(RuntimeOrigin::signed(BOB), id));
		assert_ok!(ProductionPledges::settle(RuntimeOrigin::signed(CHARLIE), id));
		assert_eq!(state(id), PledgeState::Settled);
	});
}

#[test]
fn a_partial_delivery_refunds_the_undelivered_units_pro_rata() {
	new_test_ext(|| {
		// 5 units backed, 3 delivered: the backers get the price of 2 units (200) and 2/5 of
		// the bond of 200 (80).
		let id = delivered_lamp_pledge(NATIVE, 3);
		let maker_before = balance(NATIVE, MAKER);
		System::set_block_number(20 + CHALLENGE_PERIOD + 1);
		assert_ok!(ProductionPledges::settle(RuntimeOrigin::signed(CHARLIE), id));
		// Earned: 300; commons 30; producer 270 + 120 of its bond.
		assert_eq!(
			last_event(),
			Event::Settled {
				pledge: id,
				producer_paid: 390,
				commons_paid: 30,
				refunds: 280,
				verdict: None,
			}
		);
		assert_eq!(balance(NATIVE, MAKER), maker_before + 390);
		assert_eq!(ProductionPledges::owed_to(ALICE, id), Some(168), "floor(280 × 3 / 5)");
		assert_eq!(ProductionPledges::owed_to(BOB, id), Some(112), "floor(280 × 2 / 5)");
	});
}

#[test]
fn a_producer_maintaining_the_design_does_not_make_it_independently() {
	new_test_ext(|| {
		register_producer_in(DESIGNER, "DE-BE");
		let id = create(DESIGNER, lamp_terms(NATIVE));
		back(ALICE, id, 4);
		System::set_block_number(11);
		assert_ok!(ProductionPledges::close_funding(RuntimeOrigin::signed(BOB), id));
		assert_ok!(report(DESIGNER, id, 4, "ipfs://x"));
		assert_ok!(ProductionPledges::confirm_receipt(RuntimeOrigin::signed(ALICE), id));
		assert_ok!(ProductionPledges::settle(RuntimeOrigin::signed(BOB), id));
		assert!(made_independently().is_empty());
	});
}

#[test]
fn settling_needs_a_delivered_pledge() {
	new_test_ext(|| {
		let id = funded_lamp_pledge(NATIVE);
		assert_noop!(
			ProductionPledges::settle(RuntimeOrigin::signed(CHARLIE), id),
			Error::<Test>::NotDelivered
		);
		assert_noop!(
			ProductionPledges::settle(RuntimeOrigin::signed(CHARLIE), 9),
			Error::<Test>::PledgeNotFound
		);
	});
}

#[test]
fn a_backer_disputes_within_the_window() {
	new_test_ext(|| {
		let id = delivered_lamp_pledge(NATIVE, 5);
		let dispute =
			|who, reason| ProductionPledges::dispute(RuntimeOrigin::signed(who), id, bytes(reason));
		assert_noop!(dispute(CHARLIE, "not mine"), Error::<Test>::NotBacker);
		assert_noop!(dispute(ALICE, ""), Error::<Test>::EmptyUri);
		assert_ok!(dispute(ALICE, "ipfs://broken-lamp"));
		assert_eq!(
			last_event(),
			Event::Disputed {
				pledge: id,
				backer: ALICE,
				reason: bytes("ipfs://broken-lamp"),
				deposit: DISPUTE_DEPOSIT,
				verdict_due: 20 + VERDICT_PERIOD,
			}
		);
		let pledge = Pledges::<Test>::get(id).unwrap();
		assert_eq!(pledge.state, PledgeState::Disputed);
		assert_eq!(pledge.dispute.unwrap().by, ALICE);
		assert_eq!(Producers::<Test>::get(MAKER).unwrap().record.disputed, 1);
		assert_noop!(dispute(BOB, "me too"), Error::<Test>::NotDelivered);
		assert_noop!(
			ProductionPledges::settle(RuntimeOrigin::signed(CHARLIE), id),
			Error::<Test>::AwaitingVerdict
		);
	});
}

#[test]
fn disputing_after_the_window_is_refused() {
	new_test_ext(|| {
		let id = delivered_lamp_pledge(NATIVE, 5);
		System::set_block_number(20 + CHALLENGE_PERIOD + 1);
		assert_noop!(
			ProductionPledges::dispute(RuntimeOrigin::signed(ALICE), id, bytes("late")),
			Error::<Test>::ChallengeWindowClosed
		);
	});
}

#[test]
fn the_verdict_splits_the_escrow() {
	new_test_ext(|| {
		let id = delivered_lamp_pledge(NATIVE, 5);
		assert_ok!(ProductionPledges::dispute(RuntimeOrigin::signed(ALICE), id, bytes("late")));
		let maker_before = balance(NATIVE, MAKER);
		assert_ok!(ProductionPledges::resolve_dispute(
			RuntimeOrigin::root(),
			id,
			Perbill::from_percent(60)
		));
		// The producer earned 60 % of 500, 300: 30 to the commons, 270 and 60 % of its bond,
		// 120. The backers get 200 and 80 of the bond.
		assert_eq!(
			last_event(),
			Event::Settled {
				pledge: id,
				producer_paid: 390,
				commons_paid: 30,
				refunds: 280,
				verdict: Some(Perbill::from_percent(60)),
			}
		);
		assert_eq!(balance(NATIVE, MAKER), maker_before + 390);
		assert_eq!(state(id), PledgeState::Settled);
		assert_eq!(made_independently(), vec![LAMP]);
		assert_eq!(Producers::<Test>::get(MAKER).unwrap().record.fulfilled, 1);
	});
}

#[test]
fn a_verdict_for_the_backers_refunds_them_in_full_and_records_no_production() {
	new_test_ext(|| {
		let id = delivered_lamp_pledge(NATIVE, 5);
		assert_ok!(ProductionPledges::dispute(RuntimeOrigin::signed(BOB), id, bytes("nothing")));
		assert_ok!(ProductionPledges::resolve_dispute(RuntimeOrigin::root(), id, Perbill::zero()));
		// All the money and the whole bond: 700, of which ALICE's 3 units get 3/5.
		assert_eq!(ProductionPledges::owed_to(ALICE, id), Some(420));
		assert!(made_independently().is_empty());
		let record = Producers::<Test>::get(MAKER).unwrap().record;
		assert_eq!((record.fulfilled, record.disputed), (0, 1), "nothing was fulfilled");
	});
}

#[test]
fn only_the_dispute_resolver_decides_and_only_disputes() {
	new_test_ext(|| {
		let id = delivered_lamp_pledge(NATIVE, 5);
		assert_noop!(
			ProductionPledges::resolve_dispute(RuntimeOrigin::root(), id, Perbill::one()),
			Error::<Test>::NotDisputed
		);
		assert_noop!(
			ProductionPledges::resolve_dispute(RuntimeOrigin::root(), 9, Perbill::one()),
			Error::<Test>::PledgeNotFound
		);
		assert_ok!(ProductionPledges::dispute(RuntimeOrigin::signed(BOB), id, bytes("x")));
		assert_noop!(
			ProductionPledges::resolve_dispute(RuntimeOrigin::signed(ALICE), id, Perbill::one()),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn a_backer_who_confirmed_cannot_dispute() {
	new_test_ext(|| {
		let id = delivered_lamp_pledge(NATIVE, 5);
		assert_ok!(ProductionPledges::confirm_receipt(RuntimeOrigin::signed(ALICE), id));
		assert_noop!(
			ProductionPledges::dispute(RuntimeOrigin::signed(ALICE), id, bytes("changed my mind")),
			Error::<Test>::AlreadyConfirmed
		);
	});
}
