//! Backing, withdrawing and closing the funding of pledges.

use super::*;
use crate::Error;
use frame_support::{assert_noop, assert_ok};

#[test]
fn backing_pays_the_escrow_and_holds_a_deposit_once() {
	new_test_ext(|| {
		let id = lamp_pledge(NATIVE);
		let before = balance(NATIVE, ALICE);
		back(ALICE, id, 2);
		let deposit = Backings::<Test>::get(id, ALICE).unwrap().deposit;
		assert!(deposit > 0);
		assert_eq!(held(ALICE), deposit);
		assert_eq!(balance(NATIVE, ALICE), before - 200 - deposit);
		assert_eq!(
			last_event(),
			Event::Backed { pledge: id, backer: ALICE, units: 2, amount: 200 }
		);
		back(ALICE, id, 1);
		assert_eq!(held(ALICE), deposit, "a second backing holds no new deposit");
		let pledge = Pledges::<Test>::get(id).unwrap();
		assert_eq!((pledge.backed_units, pledge.backers), (3, 1));
		assert_eq!(Backings::<Test>::get(id, ALICE).unwrap().units, 3);
		assert_eq!(ProductionPledges::escrow_balance(NATIVE, id), EXISTENTIAL_DEPOSIT + 200 + 300);
	});
}

#[test]
fn backing_is_refused_past_the_quantity_for_nothing_and_after_funding() {
	new_test_ext(|| {
		let id = lamp_pledge(NATIVE);
		back(ALICE, id, 8);
		let back_call = |units| ProductionPledges::back(RuntimeOrigin::signed(BOB), id, units);
		assert_noop!(back_call(3), Error::<Test>::Overbacked);
		assert_noop!(back_call(u32::MAX), Error::<Test>::Overbacked);
		assert_noop!(back_call(0), Error::<Test>::ZeroUnits);
		assert_noop!(
			ProductionPledges::back(RuntimeOrigin::signed(BOB), 9, 1),
			Error::<Test>::PledgeNotFound
		);
		System::set_block_number(11);
		assert_noop!(back_call(1), Error::<Test>::FundingEnded);
		assert_ok!(ProductionPledges::close_funding(RuntimeOrigin::signed(BOB), id));
		assert_noop!(back_call(1), Error::<Test>::NotFunding);
	});
}

#[test]
fn backing_needs_the_money_and_keeps_the_backer_alive() {
	new_test_ext(|| {
		let id = lamp_pledge(NATIVE);
		assert_noop!(
			ProductionPledges::back(RuntimeOrigin::signed(PAUPER), id, 1),
			sp_runtime::TokenError::FundsUnavailable
		);
		// More than the whole issuance: the same error, not an arithmetic one.
		let priced_above_issuance =
			create(MAKER, PledgeTerms { unit_price: u64::MAX / 20, ..lamp_terms(NATIVE) });
		assert_noop!(
			ProductionPledges::back(RuntimeOrigin::signed(CHARLIE), priced_above_issuance, 1),
			sp_runtime::TokenError::FundsUnavailable
		);
		// CHARLIE backs once (paying the deposit), then has two units' price and a little less
		// than the existential deposit left: backing two units would reap it.
		back(CHARLIE, id, 1);
		let almost = 2 * 100 + EXISTENTIAL_DEPOSIT - 1;
		<Balances as frame_support::traits::fungible::Mutate<AccountId>>::set_balance(
			&CHARLIE, almost,
		);
		assert_noop!(
			ProductionPledges::back(RuntimeOrigin::signed(CHARLIE), id, 2),
			sp_runtime::TokenError::Frozen
		);
		back(CHARLIE, id, 1);
		assert_eq!(balance(NATIVE, CHARLIE), 100 + EXISTENTIAL_DEPOSIT - 1);
	});
}

#[test]
fn withdrawing_returns_the_money_and_the_last_unit_releases_the_deposit() {
	new_test_ext(|| {
		let id = lamp_pledge(NATIVE);
		let before = balance(NATIVE, ALICE);
		back(ALICE, id, 3);
		assert_ok!(ProductionPledges::withdraw_backing(RuntimeOrigin::signed(ALICE), id, 1));
		assert_eq!(
			last_event(),
			Event::BackingWithdrawn { pledge: id, backer: ALICE, units: 1, amount: 100 }
		);
		assert_eq!(Backings::<Test>::get(id, ALICE).unwrap().units, 2);
		assert_ok!(ProductionPledges::withdraw_backing(RuntimeOrigin::signed(ALICE), id, 2));
		assert!(!Backings::<Test>::contains_key(id, ALICE));
		assert_eq!(held(ALICE), 0);
		assert_eq!(balance(NATIVE, ALICE), before);
		let pledge = Pledges::<Test>::get(id).unwrap();
		assert_eq!((pledge.backed_units, pledge.backers), (0, 0));
	});
}

#[test]
fn withdrawing_is_refused_for_others_for_too_much_and_after_funding() {
	new_test_ext(|| {
		let id = lamp_pledge(NATIVE);
		back(ALICE, id, 2);
		let withdraw =
			|who, units| ProductionPledges::withdraw_backing(RuntimeOrigin::signed(who), id, units);
		assert_noop!(withdraw(BOB, 1), Error::<Test>::NotBacker);
		assert_noop!(withdraw(ALICE, 3), Error::<Test>::InsufficientBacking);
		assert_noop!(withdraw(ALICE, 0), Error::<Test>::ZeroUnits);
		assert_noop!(
			ProductionPledges::withdraw_backing(RuntimeOrigin::signed(ALICE), 9, 1),
			Error::<Test>::PledgeNotFound
		);
		System::set_block_number(11);
		assert_noop!(withdraw(ALICE, 1), Error::<Test>::FundingEnded);
	});
}

#[test]
fn funding_closes_as_funded_at_the_minimum_after_the_deadline() {
	new_test_ext(|| {
		let id = lamp_pledge(NATIVE);
		back(ALICE, id, 4);
		assert_noop!(
			ProductionPledges::close_funding(RuntimeOrigin::signed(BOB), id),
			Error::<Test>::FundingNotEnded
		);
		System::set_block_number(11);
		assert_ok!(ProductionPledges::close_funding(RuntimeOrigin::signed(BOB), id));
		assert_eq!(state(id), PledgeState::Funded);
		assert!(PledgesByState::<Test>::contains_key(PledgeState::Funded, id));
		assert!(!PledgesByState::<Test>::contains_key(PledgeState::Funding, id));
		assert_eq!(last_event(), Event::Funded { pledge: id, backed_units: 4 });
		assert_noop!(
			ProductionPledges::close_funding(RuntimeOrigin::signed(BOB), id),
			Error::<Test>::NotFunding
		);
	});
}

#[test]
fn a_fully_backed_pledge_closes_its_funding_early() {
	new_test_ext(|| {
		let id = lamp_pledge(NATIVE);
		back(ALICE, id, 6);
		back(BOB, id, 4);
		assert_ok!(ProductionPledges::close_funding(RuntimeOrigin::signed(CHARLIE), id));
		assert_eq!(state(id), PledgeState::Funded);
	});
}

#[test]
fn funding_below_the_minimum_fails_returns_the_bond_and_lets_backers_claim() {
	new_test_ext(|| {
		let id = lamp_pledge(NATIVE);
		back(ALICE, id, 3);
		let maker_before = balance(NATIVE, MAKER);
		System::set_block_number(11);
		assert_ok!(ProductionPledges::close_funding(RuntimeOrigin::signed(BOB), id));
		assert_eq!(state(id), PledgeState::Failed);
		assert_eq!(last_event(), Event::FundingFailed { pledge: id, backed_units: 3 });
		assert_eq!(balance(NATIVE, MAKER), maker_before + 200);
		let producer = Producers::<Test>::get(MAKER).unwrap();
		assert_eq!((producer.record.failed, producer.open_pledges), (1, 0));
		assert_eq!(ProductionPledges::owed_to(ALICE, id), Some(300));
	});
}

#[test]
fn a_failed_pledge_without_backers_closes_at_once() {
	new_test_ext(|| {
		register_producer_in(MAKER, "ES-CT");
		let before = balance(NATIVE, MAKER);
		let id = create(MAKER, lamp_terms(NATIVE));
		System::set_block_number(11);
		assert_ok!(ProductionPledges::close_funding(RuntimeOrigin::signed(BOB), id));
		assert!(!Pledges::<Test>::contains_key(id));
		assert_eq!(last_event(), Event::PledgeClosed { pledge: id });
		assert_eq!(balance(NATIVE, MAKER), before, "bond, escrow minimum and deposit came back");
		assert_eq!(ProductionPledges::escrow_balance(NATIVE, id), 0);
		assert!(!frame_system::Account::<Test>::contains_key(ProductionPledges::escrow_account(
			id
		)));
	});
}
