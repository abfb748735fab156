//! Creating pledges.

use super::*;
use crate::Error;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::Permill;

fn try_create(
	producer: AccountId,
	terms: PledgeTerms<Test>,
) -> frame_support::dispatch::DispatchResult {
	try_create_accepting(producer, terms, Permill::one())
}

/// Creates a pledge as `producer`, who accepts a commons share of at most `max_commons_share`.
fn try_create_accepting(
	producer: AccountId,
	terms: PledgeTerms<Test>,
	max_commons_share: Permill,
) -> frame_support::dispatch::DispatchResult {
	ProductionPledges::create_pledge(
		RuntimeOrigin::signed(producer),
		terms.design,
		terms.version,
		terms.asset,
		terms.unit_price,
		terms.quantity,
		terms.min_quantity,
		terms.funding_deadline,
		terms.delivery_deadline,
		terms.bond,
		max_commons_share,
	)
}

#[test]
fn creating_a_pledge_moves_the_bond_to_the_escrow_and_indexes_the_pledge() {
	new_test_ext(|| {
		register_producer_in(MAKER, "ES-CT");
		let before = balance(NATIVE, MAKER);
		let producer_deposit = held(MAKER);
		let id = create(MAKER, lamp_terms(NATIVE));
		assert_eq!(id, 0);
		assert_eq!(NextPledgeId::<Test>::get(), 1);
		let pledge = Pledges::<Test>::get(id).unwrap();
		assert_eq!(pledge.state, PledgeState::Funding);
		assert_eq!(pledge.producer, MAKER);
		assert_eq!(pledge.region, region("ES-CT"));
		assert_eq!(pledge.commons_share, Permill::from_percent(10));
		assert_eq!(pledge.escrow_minimum, EXISTENTIAL_DEPOSIT);
		assert_eq!(pledge.terms, lamp_terms(NATIVE));
		assert_eq!(ProductionPledges::escrow_balance(NATIVE, id), 200 + EXISTENTIAL_DEPOSIT);
		assert_eq!(held(MAKER), producer_deposit + pledge.deposit);
		assert_eq!(balance(NATIVE, MAKER), before - 200 - EXISTENTIAL_DEPOSIT - pledge.deposit);
		assert!(PledgesByRegion::<Test>::contains_key((*b"ES", region("ES-CT"), id)));
		assert!(PledgesByDesign::<Test>::contains_key(LAMP, id));
		assert!(PledgesByProducer::<Test>::contains_key(MAKER, id));
		assert!(PledgesByState::<Test>::contains_key(PledgeState::Funding, id));
		assert_eq!(Producers::<Test>::get(MAKER).unwrap().open_pledges, 1);
		assert_eq!(
			last_event(),
			Event::PledgeCreated {
				pledge: id,
				producer: MAKER,
				design: LAMP,
				version: 0,
				region: region("ES-CT"),
			}
		);
	});
}

#[test]
fn a_pledge_may_have_no_bond() {
	new_test_ext(|| {
		register_producer_in(MAKER, "ES-CT");
		let id = create(MAKER, PledgeTerms { bond: 0, ..lamp_terms(NATIVE) });
		assert_eq!(ProductionPledges::escrow_balance(NATIVE, id), EXISTENTIAL_DEPOSIT);
	});
}

#[test]
fn only_producers_pledge() {
	new_test_ext(|| {
		assert_noop!(try_create(ALICE, lamp_terms(NATIVE)), Error::<Test>::NotProducer);
	});
}

#[test]
fn the_design_must_exist_be_current_and_within_the_producers_processes() {
	new_test_ext(|| {
		register_producer_in(MAKER, "ES-CT");
		assert_noop!(
			try_create(MAKER, PledgeTerms { design: 42, ..lamp_terms(NATIVE) }),
			Error::<Test>::DesignVersionNotFound
		);
		assert_noop!(
			try_create(MAKER, PledgeTerms { version: 1, ..lamp_terms(NATIVE) }),
			Error::<Test>::DesignVersionNotFound
		);
		assert_noop!(
			try_create(MAKER, PledgeTerms { design: OLD_LAMP, ..lamp_terms(NATIVE) }),
			Error::<Test>::DesignDeprecated
		);
		assert_noop!(
			try_create(MAKER, PledgeTerms { design: TRAILER, ..lamp_terms(NATIVE) }),
			Error::<Test>::MissingProcess
		);
	});
}

#[test]
fn a_commons_share_raised_before_the_pledge_is_refused_above_what_the_producer_accepts() {
	new_test_ext(|| {
		register_producer_in(MAKER, "ES-CT");
		let lamp = |share| {
			set_design(LAMP, vec![Process::ThreeDPrinting, Process::LaserCutting], false, share)
		};
		// The producer read the lamp's 10 % and accepts it; a maintainer raises it to 20 % just
		// before the pledge reaches a block.
		lamp(Permill::from_percent(20));
		assert_noop!(
			try_create_accepting(MAKER, lamp_terms(NATIVE), Permill::from_percent(10)),
			Error::<Test>::CommonsShareAboveAccepted
		);
		assert_noop!(
			try_create_accepting(MAKER, lamp_terms(NATIVE), Permill::from_parts(199_999)),
			Error::<Test>::CommonsShareAboveAccepted
		);

		let id = NextPledgeId::<Test>::get();
		assert_ok!(try_create_accepting(MAKER, lamp_terms(NATIVE), Permill::from_percent(20)));
		assert_eq!(Pledges::<Test>::get(id).unwrap().commons_share, Permill::from_percent(20));
		// A share changed after the pledge does not change the pledge's.
		lamp(Permill::zero());
		assert_eq!(Pledges::<Test>::get(id).unwrap().commons_share, Permill::from_percent(20));
		let lower = NextPledgeId::<Test>::get();
		assert_ok!(try_create_accepting(MAKER, lamp_terms(NATIVE), Permill::zero()));
		assert_eq!(Pledges::<Test>::get(lower).unwrap().commons_share, Permill::zero());
	});
}

#[test]
fn the_asset_must_exist() {
	new_test_ext(|| {
		register_producer_in(MAKER, "ES-CT");
		assert_noop!(
			try_create(MAKER, lamp_terms(NativeOrWithId::WithId(404))),
			Error::<Test>::UnknownAsset
		);
	});
}

#[test]
fn a_price_in_a_currency_the_assembly_did_not_approve_is_refused() {
	new_test_ext(|| {
		register_producer_in(MAKER, "ES-CT");
		let own_currency = 9;
		assert_ok!(<Assets as frame_support::traits::fungibles::Create<AccountId>>::create(
			own_currency,
			MAKER,
			false,
			1
		));
		assert_ok!(<Assets as frame_support::traits::fungibles::Mutate<AccountId>>::mint_into(
			own_currency,
			&MAKER,
			INITIAL_BALANCE
		));
		assert_noop!(
			try_create(MAKER, lamp_terms(NativeOrWithId::WithId(own_currency))),
			Error::<Test>::CurrencyNotApproved
		);
		approve_currency(own_currency);
		assert_ok!(try_create(MAKER, lamp_terms(NativeOrWithId::WithId(own_currency))));
	});
}

#[test]
fn prices_and_quantities_are_checked() {
	new_test_ext(|| {
		register_producer_in(MAKER, "ES-CT");
		assert_noop!(
			try_create(MAKER, PledgeTerms { unit_price: 0, ..lamp_terms(NATIVE) }),
			Error::<Test>::ZeroPrice
		);
		assert_noop!(
			try_create(MAKER, PledgeTerms { min_quantity: 0, ..lamp_terms(NATIVE) }),
			Error::<Test>::ZeroMinQuantity
		);
		assert_noop!(
			try_create(MAKER, PledgeTerms { min_quantity: 11, ..lamp_terms(NATIVE) }),
			Error::<Test>::MinQuantityAboveQuantity
		);
		assert_noop!(
			try_create(
				MAKER,
				PledgeTerms {
					unit_price: u64::MAX / 2,
					quantity: 3,
					min_quantity: 1,
					..lamp_terms(NATIVE)
				}
			),
			Error::<Test>::PledgeTooLarge
		);
	});
}

#[test]
fn deadlines_must_be_in_the_future_and_in_order() {
	new_test_ext(|| {
		register_producer_in(MAKER, "ES-CT");
		System::set_block_number(10);
		assert_noop!(
			try_create(MAKER, lamp_terms(NATIVE)),
			Error::<Test>::FundingDeadlineNotInFuture
		);
		System::set_block_number(1);
		assert_noop!(
			try_create(MAKER, PledgeTerms { delivery_deadline: 10, ..lamp_terms(NATIVE) }),
			Error::<Test>::DeadlinesOutOfOrder
		);
	});
}

#[test]
fn the_producer_must_afford_the_bond() {
	new_test_ext(|| {
		register_producer_in(MAKER, "ES-CT");
		assert_noop!(
			try_create(MAKER, PledgeTerms { bond: INITIAL_BALANCE, ..lamp_terms(NATIVE) }),
			sp_runtime::TokenError::FundsUnavailable
		);
	});
}

#[test]
fn pledge_ids_are_not_reused_and_run_out_cleanly() {
	new_test_ext(|| {
		register_producer_in(MAKER, "ES-CT");
		let first = create(MAKER, lamp_terms(NATIVE));
		assert_ok!(ProductionPledges::cancel_pledge(RuntimeOrigin::signed(MAKER), first));
		assert!(!Pledges::<Test>::contains_key(first));
		assert_eq!(create(MAKER, lamp_terms(NATIVE)), first + 1);
		NextPledgeId::<Test>::put(PledgeId::MAX);
		assert_noop!(try_create(MAKER, lamp_terms(NATIVE)), Error::<Test>::PledgeIdsExhausted);
	});
}
