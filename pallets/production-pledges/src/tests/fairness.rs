//! Who gets the remainder of a division, and what a bond and a dispute are worth: refunds
//! worked out per backer at claim time, bonds forfeited in proportion to undelivered units, a
//! deposit for a dispute and a deadline for its verdict.

use super::*;
use crate::Error;
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use sp_runtime::Perbill;

/// A pledge of the lamp at 5 a unit for 100 units with `bond`, backed by ALICE (33 units),
/// BOB (33) and CHARLIE (34), funded at block 11.
fn fully_backed_pledge_at_five(bond: u64) -> PledgeId {
	register_producer_in(MAKER, "ES-CT");
	let id = create(
		MAKER,
		PledgeTerms { unit_price: 5, quantity: 100, min_quantity: 1, bond, ..lamp_terms(NATIVE) },
	);
	back(ALICE, id, 33);
	back(BOB, id, 33);
	back(CHARLIE, id, 34);
	System::set_block_number(11);
	assert_ok!(ProductionPledges::close_funding(RuntimeOrigin::signed(MAKER), id));
	id
}

/// `who` claims what `pledge` owes it; returns the amount the pallet reports paying.
fn claim(who: AccountId, pledge: PledgeId) -> u64 {
	assert_ok!(ProductionPledges::claim_refund(RuntimeOrigin::signed(who), pledge));
	match last_event() {
		Event::RefundClaimed { amount, .. } => amount,
		Event::PledgeClosed { .. } => System::events()
			.into_iter()
			.rev()
			.find_map(|record| match record.event {
				RuntimeEvent::ProductionPledges(Event::RefundClaimed { amount, .. }) => {
					Some(amount)
				},
				_ => None,
			})
			.expect("the claim was reported"),
		other => panic!("unexpected event {other:?}"),
	}
}

/// What `who` holds for disputes.
fn held_for_disputes(who: AccountId) -> u64 {
	Balances::balance_on_hold(&crate::HoldReason::Dispute.into(), &who)
}

/// A delivered lamp pledge (ALICE 3 units, BOB 2, `units` delivered at block 20) that ALICE
/// disputes.
fn disputed_lamp_pledge(units: u32) -> PledgeId {
	let id = delivered_lamp_pledge(NATIVE, units);
	assert_ok!(ProductionPledges::dispute(RuntimeOrigin::signed(ALICE), id, bytes("ipfs://x")));
	id
}

#[test]
fn undelivered_units_are_refunded_in_full_whatever_the_rounding() {
	new_test_ext(|| {
		let id = fully_backed_pledge_at_five(0);
		deliver(id, 81);
		System::set_block_number(20 + CHALLENGE_PERIOD + 1);
		let maker_before = balance(NATIVE, MAKER);
		assert_ok!(ProductionPledges::settle(RuntimeOrigin::signed(BOB), id));
		// 19 undelivered units at 5: 95 for the backers, 405 earned by the producer.
		assert_eq!(balance(NATIVE, MAKER) - maker_before, 405 - 40);
		// Each backer gets floor(95 × units / 100), the last to claim the remainder.
		assert_eq!(claim(ALICE, id), 31);
		assert_eq!(claim(CHARLIE, id), 32);
		assert_eq!(claim(BOB, id), 32, "the last claimant gets 95 - 31 - 32");
		assert!(!Pledges::<Test>::contains_key(id));
	});
}

#[test]
fn a_defaulted_pledge_gives_the_backers_its_whole_bond() {
	new_test_ext(|| {
		let id = fully_backed_pledge_at_five(99);
		System::set_block_number(51);
		let maker_before = balance(NATIVE, MAKER);
		assert_ok!(ProductionPledges::mark_defaulted(RuntimeOrigin::signed(BOB), id));
		assert_eq!(balance(NATIVE, MAKER), maker_before, "nothing of the bond goes back");
		// 500 backed and 99 of bond: floor(599 × 33 / 100) = 197 each, the last 205.
		assert_eq!(claim(BOB, id), 5 * 33 + 32);
		assert_eq!(claim(ALICE, id), 5 * 33 + 32);
		assert_eq!(claim(CHARLIE, id), 599 - 2 * (5 * 33 + 32));
	});
}

#[test]
fn the_bond_is_forfeited_in_proportion_to_undelivered_units() {
	new_test_ext(|| {
		let id = delivered_lamp_pledge(NATIVE, 1);
		System::set_block_number(20 + CHALLENGE_PERIOD + 1);
		let maker_before = balance(NATIVE, MAKER);
		assert_ok!(ProductionPledges::settle(RuntimeOrigin::signed(BOB), id));
		// 4 of 5 units undelivered: 400 and 4/5 of the 200 bond, 160, go to the backers. The
		// producer earned 100: 10 to the commons, 90 and 40 of its bond to it.
		assert_eq!(balance(NATIVE, MAKER) - maker_before, 90 + 40);
		assert_eq!(claim(ALICE, id), 336, "floor(560 × 3 / 5)");
		assert_eq!(claim(BOB, id), 224);
	});
}

#[test]
fn the_forfeited_bond_is_rounded_against_the_producer() {
	new_test_ext(|| {
		let id = funded_pledge(PledgeTerms { bond: 199, ..lamp_terms(NATIVE) });
		deliver(id, 1);
		System::set_block_number(20 + CHALLENGE_PERIOD + 1);
		let maker_before = balance(NATIVE, MAKER);
		assert_ok!(ProductionPledges::settle(RuntimeOrigin::signed(BOB), id));
		// 199 × 4 / 5 = 159.2: the backers get 160 of the bond, the producer 39.
		assert_eq!(balance(NATIVE, MAKER) - maker_before, 90 + 39);
		assert_eq!(claim(ALICE, id) + claim(BOB, id), 400 + 160);
	});
}

#[test]
fn a_verdict_splits_the_bond_like_the_money() {
	new_test_ext(|| {
		let id = disputed_lamp_pledge(5);
		let maker_before = balance(NATIVE, MAKER);
		assert_ok!(ProductionPledges::resolve_dispute(
			RuntimeOrigin::root(),
			id,
			Perbill::from_percent(60)
		));
		// 60 % of 500 is 300 (30 to the commons), 60 % of the 200 bond is 120.
		assert_eq!(balance(NATIVE, MAKER) - maker_before, 270 + 120);
		assert_eq!(claim(ALICE, id) + claim(BOB, id), 200 + 80);
	});
}

#[test]
fn disputing_holds_a_deposit_from_the_backer() {
	new_test_ext(|| {
		let id = delivered_lamp_pledge(NATIVE, 5);
		let holds_before = Balances::total_balance_on_hold(&ALICE);
		assert_ok!(ProductionPledges::dispute(RuntimeOrigin::signed(ALICE), id, bytes("x")));
		assert_eq!(Balances::total_balance_on_hold(&ALICE) - holds_before, DISPUTE_DEPOSIT);
		assert_eq!(held_for_disputes(ALICE), DISPUTE_DEPOSIT);
	});
}

#[test]
fn a_backer_who_cannot_pay_the_deposit_cannot_dispute() {
	new_test_ext(|| {
		let id = delivered_lamp_pledge(NATIVE, 5);
		let free = balance(NATIVE, ALICE);
		assert_ok!(Balances::transfer_allow_death(
			RuntimeOrigin::signed(ALICE),
			CHARLIE,
			free - DISPUTE_DEPOSIT / 2
		));
		assert_noop!(
			ProductionPledges::dispute(RuntimeOrigin::signed(ALICE), id, bytes("x")),
			Error::<Test>::CannotPayDisputeDeposit
		);
	});
}

#[test]
fn an_upheld_dispute_returns_the_deposit() {
	new_test_ext(|| {
		let id = disputed_lamp_pledge(5);
		let alice_before = balance(NATIVE, ALICE);
		assert_ok!(ProductionPledges::resolve_dispute(
			RuntimeOrigin::root(),
			id,
			Perbill::from_percent(60)
		));
		assert_eq!(held_for_disputes(ALICE), 0);
		assert_eq!(balance(NATIVE, ALICE) - alice_before, DISPUTE_DEPOSIT);
		assert!(System::events().iter().any(|record| record.event
			== RuntimeEvent::ProductionPledges(Event::DisputeDepositPaid {
				pledge: id,
				to: ALICE,
				amount: DISPUTE_DEPOSIT,
			})));
	});
}

#[test]
fn a_dispute_the_verdict_rejects_pays_its_deposit_to_the_producer() {
	new_test_ext(|| {
		let id = disputed_lamp_pledge(4);
		let (alice_before, maker_before) = (balance(NATIVE, ALICE), balance(NATIVE, MAKER));
		// 80 % for the producer: what it reported (4 of 5 units), so the dispute is not upheld.
		assert_ok!(ProductionPledges::resolve_dispute(
			RuntimeOrigin::root(),
			id,
			Perbill::from_percent(80)
		));
		assert_eq!(held_for_disputes(ALICE), 0);
		assert_eq!(balance(NATIVE, ALICE), alice_before);
		// 400 earned (40 to the commons), 80 % of the bond (160), and the deposit.
		assert_eq!(balance(NATIVE, MAKER) - maker_before, 360 + 160 + DISPUTE_DEPOSIT);
	});
}

#[test]
fn a_dispute_without_a_verdict_settles_as_reported_after_the_verdict_deadline() {
	new_test_ext(|| {
		let id = disputed_lamp_pledge(4);
		let due = 20 + VERDICT_PERIOD;
		System::set_block_number(due);
		assert_noop!(
			ProductionPledges::settle(RuntimeOrigin::signed(CHARLIE), id),
			Error::<Test>::AwaitingVerdict
		);
		System::set_block_number(due + 1);
		assert_noop!(
			ProductionPledges::resolve_dispute(RuntimeOrigin::root(), id, Perbill::zero()),
			Error::<Test>::VerdictDeadlinePassed
		);
		let (alice_before, maker_before) = (balance(NATIVE, ALICE), balance(NATIVE, MAKER));
		assert_ok!(ProductionPledges::settle(RuntimeOrigin::signed(CHARLIE), id));
		assert_eq!(state(id), PledgeState::Settled);
		// As reported: 4 of 5 units, 400 earned (40 to the commons), 160 of the bond back.
		assert_eq!(balance(NATIVE, MAKER) - maker_before, 360 + 160);
		// Nobody judged the dispute: its deposit goes back to the backer.
		assert_eq!(balance(NATIVE, ALICE) - alice_before, DISPUTE_DEPOSIT);
		assert_eq!(claim(ALICE, id) + claim(BOB, id), 100 + 40);
	});
}

#[test]
fn a_disputed_pledge_never_waits_forever() {
	new_test_ext(|| {
		let id = disputed_lamp_pledge(5);
		System::set_block_number(10_000);
		assert_ok!(ProductionPledges::settle(RuntimeOrigin::signed(CHARLIE), id));
		assert_eq!(state(id), PledgeState::Settled);
	});
}
