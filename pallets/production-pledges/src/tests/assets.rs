//! Pledges priced in an asset (a local currency), and the minimum balances of escrows, backers
//! and the commons.

use super::*;
use frame_support::{assert_noop, assert_ok, traits::fungibles::Mutate};
use sp_runtime::{Perbill, TokenError};

/// Every backer claims; the pledge must then be closed.
fn claim_all(id: PledgeId) {
	for backer in [ALICE, BOB] {
		assert_ok!(ProductionPledges::claim_refund(RuntimeOrigin::signed(backer), id));
	}
	assert!(!Pledges::<Test>::contains_key(id));
	assert_eq!(ProductionPledges::escrow_balance(LOCAL, id), 0);
}

#[test]
fn an_asset_priced_pledge_holds_the_asset_in_escrow_and_deposits_in_the_native_token() {
	new_test_ext(|| {
		register_producer_in(MAKER, "ES-CT");
		let native_before = balance(NATIVE, MAKER);
		let local_before = balance(LOCAL, MAKER);
		let id = create(MAKER, lamp_terms(LOCAL));
		let pledge = Pledges::<Test>::get(id).unwrap();
		assert_eq!(pledge.escrow_minimum, LOCAL_MIN_BALANCE);
		assert_eq!(balance(LOCAL, MAKER), local_before - 200 - LOCAL_MIN_BALANCE);
		assert_eq!(balance(NATIVE, MAKER), native_before - pledge.deposit);
		assert_eq!(ProductionPledges::escrow_balance(LOCAL, id), 200 + LOCAL_MIN_BALANCE);
		assert_eq!(ProductionPledges::escrow_balance(NATIVE, id), 0);
		let alice_before = balance(LOCAL, ALICE);
		back(ALICE, id, 3);
		assert_eq!(balance(LOCAL, ALICE), alice_before - 300);
	});
}

#[test]
fn an_asset_priced_pledge_settles_in_the_asset() {
	new_test_ext(|| {
		let id = delivered_lamp_pledge(LOCAL, 5);
		let maker_before = balance(LOCAL, MAKER);
		System::set_block_number(20 + CHALLENGE_PERIOD + 1);
		assert_ok!(ProductionPledges::settle(RuntimeOrigin::signed(CHARLIE), id));
		assert_eq!(balance(LOCAL, MAKER), maker_before + 650);
		assert_eq!(balance(LOCAL, COMMONS), 50);
		let maker_before = balance(LOCAL, MAKER);
		claim_all(id);
		assert_eq!(balance(LOCAL, MAKER), maker_before + LOCAL_MIN_BALANCE);
	});
}

#[test]
fn an_asset_priced_pledge_fails_cancels_and_defaults_with_exact_refunds() {
	new_test_ext(|| {
		let failed = lamp_pledge(LOCAL);
		back(ALICE, failed, 1);
		back(BOB, failed, 2);
		let cancelled = create(MAKER, lamp_terms(LOCAL));
		back(ALICE, cancelled, 2);
		back(BOB, cancelled, 1);
		assert_ok!(ProductionPledges::cancel_pledge(RuntimeOrigin::signed(MAKER), cancelled));
		System::set_block_number(11);
		assert_ok!(ProductionPledges::close_funding(RuntimeOrigin::signed(CHARLIE), failed));
		assert_eq!(state(failed), PledgeState::Failed);
		let alice_before = balance(LOCAL, ALICE);
		claim_all(failed);
		claim_all(cancelled);
		assert_eq!(balance(LOCAL, ALICE), alice_before + 100 + 200);

		let defaulted = funded_lamp_pledge_again();
		System::set_block_number(51);
		assert_ok!(ProductionPledges::mark_defaulted(RuntimeOrigin::signed(CHARLIE), defaulted));
		let alice_before = balance(LOCAL, ALICE);
		claim_all(defaulted);
		assert_eq!(balance(LOCAL, ALICE), alice_before + 3 * 140);
	});
}

/// A second funded lamp pledge in the local currency from the already registered MAKER.
fn funded_lamp_pledge_again() -> PledgeId {
	let id = create(
		MAKER,
		PledgeTerms { funding_deadline: 20, delivery_deadline: 50, ..lamp_terms(LOCAL) },
	);
	back(ALICE, id, 3);
	back(BOB, id, 2);
	System::set_block_number(21);
	assert_ok!(ProductionPledges::close_funding(RuntimeOrigin::signed(CHARLIE), id));
	id
}

#[test]
fn an_asset_priced_dispute_is_split_in_the_asset() {
	new_test_ext(|| {
		let id = delivered_lamp_pledge(LOCAL, 5);
		assert_ok!(ProductionPledges::dispute(RuntimeOrigin::signed(BOB), id, bytes("late")));
		let maker_before = balance(LOCAL, MAKER);
		assert_ok!(ProductionPledges::resolve_dispute(
			RuntimeOrigin::root(),
			id,
			Perbill::from_percent(50)
		));
		// The producer earned 250: 25 to the commons, 225 and half its bond, 100. The backers
		// get 250 and 100 of the bond.
		assert_eq!(balance(LOCAL, MAKER), maker_before + 325);
		assert_eq!(balance(LOCAL, COMMONS), 25);
		let bob_before = balance(LOCAL, BOB);
		claim_all(id);
		assert_eq!(balance(LOCAL, BOB), bob_before + 140, "2/5 of 350");
	});
}

#[test]
fn a_commons_share_below_the_assets_minimum_stays_with_the_producer() {
	new_test_ext(|| {
		register_producer_in(MAKER, "ES-CT");
		let id = create(MAKER, PledgeTerms { unit_price: 10, ..lamp_terms(LOCAL) });
		back(ALICE, id, 4);
		System::set_block_number(11);
		assert_ok!(ProductionPledges::close_funding(RuntimeOrigin::signed(CHARLIE), id));
		assert_ok!(ProductionPledges::report_delivery(
			RuntimeOrigin::signed(MAKER),
			id,
			4,
			bytes("ipfs://x")
		));
		assert_ok!(ProductionPledges::confirm_receipt(RuntimeOrigin::signed(ALICE), id));
		let maker_before = balance(LOCAL, MAKER);
		assert_ok!(ProductionPledges::settle(RuntimeOrigin::signed(CHARLIE), id));
		// 10 % of 40 is 4, below the minimum balance of 5 of an account the commons lacks.
		assert_eq!(
			last_event(),
			Event::Settled {
				pledge: id,
				producer_paid: 240,
				commons_paid: 0,
				refunds: 0,
				verdict: None,
			}
		);
		assert_eq!(balance(LOCAL, MAKER), maker_before + 240);
		assert_eq!(balance(LOCAL, COMMONS), 0);
	});
}

#[test]
fn prices_below_the_existential_deposit_work_because_the_escrow_keeps_its_minimum() {
	new_test_ext(|| {
		register_producer_in(MAKER, "ES-CT");
		let id = create(MAKER, PledgeTerms { unit_price: 3, bond: 0, ..lamp_terms(NATIVE) });
		back(ALICE, id, 1);
		back(BOB, id, 1);
		assert_ok!(ProductionPledges::withdraw_backing(RuntimeOrigin::signed(BOB), id, 1));
		assert_eq!(ProductionPledges::escrow_balance(NATIVE, id), EXISTENTIAL_DEPOSIT + 3);
		assert_ok!(ProductionPledges::cancel_pledge(RuntimeOrigin::signed(MAKER), id));
		let alice_before = balance(NATIVE, ALICE);
		let deposit = held(ALICE);
		assert_ok!(ProductionPledges::claim_refund(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(balance(NATIVE, ALICE), alice_before + 3 + deposit);
		assert!(!Pledges::<Test>::contains_key(id));
	});
}

#[test]
fn a_refund_below_the_assets_minimum_waits_until_the_backer_holds_the_asset() {
	new_test_ext(|| {
		register_producer_in(MAKER, "ES-CT");
		let id = create(MAKER, PledgeTerms { unit_price: 3, ..lamp_terms(LOCAL) });
		back(ALICE, id, 1);
		// ALICE spends the rest of her local currency: her account of the asset is gone.
		let rest = balance(LOCAL, ALICE);
		assert_ok!(<Assets as Mutate<AccountId>>::transfer(
			LOCAL_CURRENCY,
			&ALICE,
			&BOB,
			rest,
			frame_support::traits::tokens::Preservation::Expendable
		));
		assert_ok!(ProductionPledges::cancel_pledge(RuntimeOrigin::signed(MAKER), id));
		assert_noop!(
			ProductionPledges::claim_refund(RuntimeOrigin::signed(ALICE), id),
			TokenError::BelowMinimum
		);
		assert_ok!(<Assets as Mutate<AccountId>>::transfer(
			LOCAL_CURRENCY,
			&BOB,
			&ALICE,
			LOCAL_MIN_BALANCE,
			frame_support::traits::tokens::Preservation::Preserve
		));
		assert_ok!(ProductionPledges::claim_refund(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(balance(LOCAL, ALICE), LOCAL_MIN_BALANCE + 3);
	});
}
