//! Payments to the producer that cannot be made when a pledge ends: the pledge ends all the
//! same, its backers claim, and what the producer is owed waits in the escrow for
//! `pay_producer`.

use super::*;
use frame_support::{
	assert_noop, assert_ok,
	traits::{
		fungibles::{Create, Mutate},
		tokens::Preservation,
	},
};
use sp_runtime::TokenError;

/// A currency whose minimum balance is above every amount the lamp pledge pays out alone.
const DEAR_CURRENCY: u32 = 8;
const DEAR: NativeOrWithId<u32> = NativeOrWithId::WithId(DEAR_CURRENCY);
const DEAR_MIN_BALANCE: u64 = 1_000;

/// Creates the dear currency (DESIGNER holds its roles) and funds the maker and the backers.
fn dear_currency() {
	assert_ok!(<Assets as Create<AccountId>>::create(
		DEAR_CURRENCY,
		DESIGNER,
		false,
		DEAR_MIN_BALANCE
	));
	approve_currency(DEAR_CURRENCY);
	for who in [MAKER, ALICE, BOB] {
		assert_ok!(<Assets as Mutate<AccountId>>::mint_into(DEAR_CURRENCY, &who, INITIAL_BALANCE));
	}
}

/// The maker gives away all it holds of the dear currency: it has no account of it left, and
/// can receive it only in amounts of at least its minimum balance.
fn maker_empties_its_dear_account() {
	let all = balance(DEAR, MAKER);
	assert_ok!(<Assets as Mutate<AccountId>>::transfer(
		DEAR_CURRENCY,
		&MAKER,
		&CHARLIE,
		all,
		Preservation::Expendable
	));
	assert_eq!(balance(DEAR, MAKER), 0);
}

fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::ProductionPledges(event) => Some(event),
			_ => None,
		})
		.collect()
}

fn unpaid_to_producer(id: PledgeId) -> u64 {
	Pledges::<Test>::get(id).expect("the pledge exists").unpaid_to_producer
}

#[test]
fn a_pledge_fails_even_when_the_producer_cannot_take_its_bond_back() {
	new_test_ext(|| {
		dear_currency();
		let id = lamp_pledge(DEAR);
		back(ALICE, id, 1);
		maker_empties_its_dear_account();
		System::set_block_number(11);
		// Before: TokenError::BelowMinimum, and Alice's money stayed in the escrow for good.
		assert_ok!(ProductionPledges::close_funding(RuntimeOrigin::signed(CHARLIE), id));
		assert_eq!(state(id), PledgeState::Failed);
		assert_eq!(unpaid_to_producer(id), 200);
		assert!(events().contains(&Event::ProducerPaymentPending { pledge: id, amount: 200 }));

		let alice_before = balance(DEAR, ALICE);
		assert_ok!(ProductionPledges::claim_refund(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(balance(DEAR, ALICE), alice_before + 100);
		// Closing pays the bond and the escrow's minimum together: enough to open an account.
		assert_eq!(last_event(), Event::PledgeClosed { pledge: id });
		assert_eq!(balance(DEAR, MAKER), 200 + DEAR_MIN_BALANCE);
		assert!(!Pledges::<Test>::contains_key(id));
	});
}

#[test]
fn a_pledge_settles_even_when_the_producer_is_blocked_and_closes_once_it_is_not() {
	new_test_ext(|| {
		let id = delivered_lamp_pledge(LOCAL, 5);
		assert_ok!(Assets::block(RuntimeOrigin::signed(DESIGNER), LOCAL_CURRENCY, MAKER));
		let maker_before = balance(LOCAL, MAKER);
		System::set_block_number(20 + CHALLENGE_PERIOD + 1);
		// Before: TokenError::Blocked, and the backers could never claim.
		assert_ok!(ProductionPledges::settle(RuntimeOrigin::signed(CHARLIE), id));
		assert_eq!(state(id), PledgeState::Settled);
		// 500 earned, 50 of it to the commons, and the whole bond of 200 kept.
		assert_eq!(unpaid_to_producer(id), 650);
		assert!(events().contains(&Event::ProducerPaymentPending { pledge: id, amount: 650 }));
		assert_eq!(balance(LOCAL, COMMONS), 50);

		assert_ok!(ProductionPledges::claim_refund(RuntimeOrigin::signed(ALICE), id));
		// The last claim cannot close the pledge into a blocked account: it keeps it.
		assert_ok!(ProductionPledges::claim_refund(RuntimeOrigin::signed(BOB), id));
		assert_eq!(Pledges::<Test>::get(id).map(|pledge| pledge.backers), Some(0));
		assert_eq!(
			last_event(),
			Event::ProducerPaymentPending { pledge: id, amount: 650 + LOCAL_MIN_BALANCE }
		);
		assert_noop!(
			ProductionPledges::pay_producer(RuntimeOrigin::signed(CHARLIE), id),
			TokenError::Blocked
		);

		assert_ok!(Assets::thaw(RuntimeOrigin::signed(DESIGNER), LOCAL_CURRENCY, MAKER));
		let deposit_held = held(MAKER);
		assert_ok!(ProductionPledges::pay_producer(RuntimeOrigin::signed(CHARLIE), id));
		assert_eq!(last_event(), Event::PledgeClosed { pledge: id });
		assert_eq!(balance(LOCAL, MAKER), maker_before + 650 + LOCAL_MIN_BALANCE);
		assert!(held(MAKER) < deposit_held, "the pledge's deposit is released");
		assert!(!Pledges::<Test>::contains_key(id));
	});
}

#[test]
fn the_producer_is_paid_while_backers_have_yet_to_claim() {
	new_test_ext(|| {
		dear_currency();
		let id = delivered_lamp_pledge(DEAR, 5);
		maker_empties_its_dear_account();
		System::set_block_number(20 + CHALLENGE_PERIOD + 1);
		assert_ok!(ProductionPledges::settle(RuntimeOrigin::signed(CHARLIE), id));
		// The commons cannot take its 50 either (below the minimum): the producer keeps it.
		assert_eq!(balance(DEAR, COMMONS), 0);
		assert_eq!(unpaid_to_producer(id), 700);
		assert_noop!(
			ProductionPledges::pay_producer(RuntimeOrigin::signed(CHARLIE), id),
			TokenError::BelowMinimum
		);

		assert_ok!(<Assets as Mutate<AccountId>>::transfer(
			DEAR_CURRENCY,
			&CHARLIE,
			&MAKER,
			DEAR_MIN_BALANCE,
			Preservation::Expendable
		));
		assert_ok!(ProductionPledges::pay_producer(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(last_event(), Event::ProducerPaid { pledge: id, amount: 700 });
		assert_eq!(balance(DEAR, MAKER), DEAR_MIN_BALANCE + 700);
		assert_eq!(unpaid_to_producer(id), 0);
		assert_eq!(state(id), PledgeState::Settled);
		assert_noop!(
			ProductionPledges::pay_producer(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::NothingToPay
		);

		for backer in [ALICE, BOB] {
			assert_ok!(ProductionPledges::claim_refund(RuntimeOrigin::signed(backer), id));
		}
		assert_eq!(last_event(), Event::PledgeClosed { pledge: id });
		assert_eq!(balance(DEAR, MAKER), 2 * DEAR_MIN_BALANCE + 700);
	});
}

#[test]
fn a_cancelled_pledge_keeps_the_bond_for_a_producer_that_cannot_receive_it() {
	new_test_ext(|| {
		dear_currency();
		let id = lamp_pledge(DEAR);
		back(BOB, id, 2);
		maker_empties_its_dear_account();
		assert_ok!(ProductionPledges::cancel_pledge(RuntimeOrigin::signed(MAKER), id));
		assert_eq!(state(id), PledgeState::Cancelled);
		assert_eq!(unpaid_to_producer(id), 200);
		assert_ok!(ProductionPledges::claim_refund_for(RuntimeOrigin::signed(CHARLIE), id, BOB));
		assert_eq!(last_event(), Event::PledgeClosed { pledge: id });
		assert_eq!(balance(DEAR, MAKER), 200 + DEAR_MIN_BALANCE);
	});
}

#[test]
fn a_default_needs_no_payment_to_the_producer() {
	new_test_ext(|| {
		dear_currency();
		let id = lamp_pledge(DEAR);
		back(ALICE, id, 4);
		System::set_block_number(11);
		assert_ok!(ProductionPledges::close_funding(RuntimeOrigin::signed(CHARLIE), id));
		maker_empties_its_dear_account();
		System::set_block_number(51);
		assert_ok!(ProductionPledges::mark_defaulted(RuntimeOrigin::signed(CHARLIE), id));
		assert_eq!(unpaid_to_producer(id), 0);
		let alice_before = balance(DEAR, ALICE);
		assert_ok!(ProductionPledges::claim_refund(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(balance(DEAR, ALICE), alice_before + 400 + 200);
		assert_eq!(last_event(), Event::PledgeClosed { pledge: id });
		assert_eq!(balance(DEAR, MAKER), DEAR_MIN_BALANCE);
	});
}

#[test]
fn pay_producer_refuses_what_it_cannot_pay() {
	new_test_ext(|| {
		assert_noop!(
			ProductionPledges::pay_producer(RuntimeOrigin::signed(CHARLIE), 7),
			Error::<Test>::PledgeNotFound
		);
		let running = funded_lamp_pledge(LOCAL);
		assert_noop!(
			ProductionPledges::pay_producer(RuntimeOrigin::signed(CHARLIE), running),
			Error::<Test>::NothingToPay
		);
		System::set_block_number(51);
		assert_ok!(ProductionPledges::mark_defaulted(RuntimeOrigin::signed(CHARLIE), running));
		assert_noop!(
			ProductionPledges::pay_producer(RuntimeOrigin::signed(CHARLIE), running),
			Error::<Test>::NothingToPay
		);
		assert_noop!(
			ProductionPledges::pay_producer(RuntimeOrigin::none(), running),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}
