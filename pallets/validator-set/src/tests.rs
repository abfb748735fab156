//! Tests of the validator set: changes by governance, at session boundaries, within bounds,
//! offences and the historical roots.

use crate::{mock::*, Error, Event, SetChanged, Validators};
use frame_support::{assert_noop, assert_ok};
use pallet_session::historical::{HistoricalSessions, StoredRange};
use sp_runtime::{DispatchError, Perbill};
use sp_staking::offence::{OffenceDetails, OnOffenceHandler};

fn validators() -> Vec<u64> {
	Validators::<Test>::get().into_inner()
}

fn active_validators() -> Vec<u64> {
	pallet_session::Validators::<Test>::get()
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event was deposited").event
}

fn report_offence(offender: u64, session: u32) {
	let details = OffenceDetails { offender: (offender, offender), reporters: vec![] };
	let _weight: frame_support::weights::Weight =
		<ValidatorSet as OnOffenceHandler<_, _, _>>::on_offence(
			&[details],
			&[Perbill::from_percent(10)],
			session,
		);
}

#[test]
fn genesis_validators_come_from_the_session_keys() {
	new_test_ext(|| {
		assert_eq!(validators(), GENESIS_VALIDATORS.to_vec());
		assert_eq!(active_validators(), GENESIS_VALIDATORS.to_vec());
		assert!(!SetChanged::<Test>::get());
	});
}

#[test]
fn governance_adds_a_validator_that_validates_from_the_session_after_next() {
	new_test_ext(|| {
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), CANDIDATE));
		assert_eq!(
			last_event(),
			RuntimeEvent::ValidatorSet(Event::ValidatorAdded { validator: CANDIDATE })
		);
		assert_eq!(validators(), vec![1, 2, 3, CANDIDATE]);
		assert_eq!(active_validators(), vec![1, 2, 3]);

		run_to_session(1);
		assert_eq!(active_validators(), vec![1, 2, 3], "queued during session 1");
		assert!(!SetChanged::<Test>::get());
		run_to_session(2);
		assert_eq!(active_validators(), vec![1, 2, 3, CANDIDATE]);
	});
}

#[test]
fn a_validator_registers_its_keys_before_it_is_added() {
	new_test_ext(|| {
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), NO_KEYS),
			Error::<Test>::NoSessionKeys
		);
		set_keys(NO_KEYS);
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), NO_KEYS));
		run_to_session(2);
		assert_eq!(active_validators(), vec![1, 2, 3, NO_KEYS]);
	});
}

#[test]
fn only_governance_changes_the_set() {
	new_test_ext(|| {
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::signed(CANDIDATE), CANDIDATE),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::signed(1), 3),
			DispatchError::BadOrigin
		);
		assert!(!SetChanged::<Test>::get());
	});
}

#[test]
fn a_validator_is_added_once() {
	new_test_ext(|| {
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), 2),
			Error::<Test>::AlreadyAValidator
		);
	});
}

#[test]
fn the_set_does_not_grow_above_its_maximum() {
	new_test_ext(|| {
		assert_ok!(ValidatorSet::add_validator(RuntimeOrigin::root(), CANDIDATE));
		set_keys(NO_KEYS);
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::root(), NO_KEYS),
			Error::<Test>::TooManyValidators
		);
	});
}

#[test]
fn governance_removes_a_validator_that_stops_at_the_session_after_next() {
	new_test_ext(|| {
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 3));
		assert_eq!(
			last_event(),
			RuntimeEvent::ValidatorSet(Event::ValidatorRemoved { validator: 3 })
		);
		assert_eq!(validators(), vec![1, 2]);
		run_to_session(1);
		assert_eq!(active_validators(), vec![1, 2, 3]);
		run_to_session(2);
		assert_eq!(active_validators(), vec![1, 2]);
	});
}

#[test]
fn removing_an_account_that_is_not_a_validator_is_refused() {
	new_test_ext(|| {
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), CANDIDATE),
			Error::<Test>::NotAValidator
		);
	});
}

#[test]
fn the_set_never_falls_below_its_minimum() {
	new_test_ext(|| {
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 3));
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::root(), 2),
			Error::<Test>::TooFewValidators
		);
	});
}

#[test]
fn without_changes_sessions_keep_their_validators() {
	new_test_ext(|| {
		run_to_session(3);
		assert_eq!(active_validators(), GENESIS_VALIDATORS.to_vec());
		let queued: Vec<u64> =
			pallet_session::QueuedKeys::<Test>::get().into_iter().map(|(who, _)| who).collect();
		assert_eq!(queued, GENESIS_VALIDATORS.to_vec());
	});
}

#[test]
fn a_reported_validator_leaves_at_the_session_after_next() {
	new_test_ext(|| {
		run_to_session(1);
		report_offence(3, 1);
		assert_eq!(
			last_event(),
			RuntimeEvent::ValidatorSet(Event::OffenceReported {
				validator: 3,
				session: 1,
				removed: true
			})
		);
		assert_eq!(validators(), vec![1, 2]);
		run_to_session(3);
		assert_eq!(active_validators(), vec![1, 2]);
	});
}

#[test]
fn a_reported_validator_stays_when_the_set_is_at_its_minimum() {
	new_test_ext(|| {
		assert_ok!(ValidatorSet::remove_validator(RuntimeOrigin::root(), 3));
		report_offence(2, 0);
		assert_eq!(
			last_event(),
			RuntimeEvent::ValidatorSet(Event::OffenceReported {
				validator: 2,
				session: 0,
				removed: false
			})
		);
		assert_eq!(validators(), vec![1, 2]);
	});
}

#[test]
fn a_reported_account_no_longer_in_the_set_changes_nothing() {
	new_test_ext(|| {
		report_offence(CANDIDATE, 0);
		assert_eq!(
			last_event(),
			RuntimeEvent::ValidatorSet(Event::OffenceReported {
				validator: CANDIDATE,
				session: 0,
				removed: false
			})
		);
		assert_eq!(validators(), GENESIS_VALIDATORS.to_vec());
		assert!(!SetChanged::<Test>::get());
	});
}

#[test]
fn historical_roots_are_kept_from_genesis_for_the_history_depth() {
	new_test_ext(|| {
		assert_eq!(StoredRange::<Test>::get(), Some((0, 2)));
		assert!((0..2).all(HistoricalSessions::<Test>::contains_key));
		run_to_session(2);
		let pruned = System::events().iter().any(|record| {
			matches!(
				record.event,
				RuntimeEvent::Historical(pallet_session::historical::Event::RootsPruned { .. })
			)
		});
		assert!(!pruned, "nothing is pruned, nor said to be, within the history depth");
		run_to_session(6);
		// Session 6 planned session 7; roots of sessions 7 - 3 = 4 onwards are kept.
		assert_eq!(StoredRange::<Test>::get(), Some((4, 8)));
		assert!(!HistoricalSessions::<Test>::contains_key(3));
		assert!((4..8).all(HistoricalSessions::<Test>::contains_key));
	});
}
