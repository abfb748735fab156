//! Logging, reviewing and withdrawing contributions.

use super::*;
use crate::Error;
use frame_support::{assert_noop, assert_ok};

fn review(
	who: AccountId,
	id: ContributionId,
	approve: bool,
) -> frame_support::dispatch::DispatchResult {
	ContributiveAccounting::review_contribution(RuntimeOrigin::signed(who), id, approve)
}

#[test]
fn logging_a_contribution_holds_a_deposit_pending_review() {
	new_test_ext(|| {
		let network = cooperative(&[ALICE, BOB], 2, ValueEquation::Equal);
		let id = log(CHARLIE, network, ContributionKind::Care, 5);
		let contribution = Contributions::<Test>::get(id).unwrap();
		assert_eq!(contribution.state, ContributionState::Pending);
		assert_eq!((contribution.kind, contribution.quantity), (ContributionKind::Care, 5));
		assert!(contribution.deposit > 0);
		assert_eq!(held(CHARLIE), contribution.deposit);
		assert!(ContributionsByNetwork::<Test>::contains_key((
			network,
			ContributionState::Pending,
			id
		)));
		assert_eq!(
			last_event(),
			Event::ContributionLogged {
				contribution: id,
				network,
				contributor: CHARLIE,
				kind: ContributionKind::Care,
				quantity: 5,
			}
		);
	});
}

#[test]
fn logging_is_checked() {
	new_test_ext(|| {
		let network = cooperative(&[ALICE], 1, ValueEquation::Equal);
		let log_call = |who, network, quantity, evidence: &str| {
			ContributiveAccounting::log_contribution(
				RuntimeOrigin::signed(who),
				network,
				ContributionKind::Testing,
				quantity,
				bytes(evidence),
			)
		};
		assert_noop!(log_call(BOB, 9, 1, "ipfs://x"), Error::<Test>::NetworkNotFound);
		assert_noop!(log_call(BOB, network, 0, "ipfs://x"), Error::<Test>::ZeroQuantity);
		assert_noop!(log_call(BOB, network, 1, ""), Error::<Test>::EmptyEvidence);
		assert_noop!(
			log_call(PAUPER, network, 1, "ipfs://x"),
			sp_runtime::TokenError::FundsUnavailable
		);
	});
}

#[test]
fn the_threshold_of_approvals_accepts_a_contribution_as_points() {
	new_test_ext(|| {
		let network = cooperative(&[ALICE, BOB, CHARLIE], 2, ValueEquation::Disco);
		let id = log(DAVE, network, ContributionKind::Care, 3);
		assert_ok!(review(ALICE, id, true));
		assert_eq!(
			last_event(),
			Event::ContributionReviewed { contribution: id, steward: ALICE, approve: true }
		);
		assert_eq!(Contributions::<Test>::get(id).unwrap().state, ContributionState::Pending);
		assert_ok!(review(BOB, id, true));
		// Care weighs 20 in the DisCO preset: 3 × 20.
		assert_eq!(
			last_event(),
			Event::ContributionAccepted {
				contribution: id,
				network,
				contributor: DAVE,
				points: 60
			}
		);
		let contribution = Contributions::<Test>::get(id).unwrap();
		assert_eq!((contribution.state, contribution.points), (ContributionState::Accepted, 60));
		assert_eq!(points(network, DAVE), 60);
		assert_eq!(Networks::<Test>::get(network).unwrap().total_points, 60);
		assert_eq!(held(DAVE), 0, "the deposit was released");
		assert_noop!(review(CHARLIE, id, true), Error::<Test>::NotPending);
	});
}

#[test]
fn the_threshold_of_rejections_rejects_a_contribution() {
	new_test_ext(|| {
		let network = cooperative(&[ALICE, BOB, CHARLIE], 2, ValueEquation::Equal);
		let id = log(DAVE, network, ContributionKind::Design, 3);
		assert_ok!(review(ALICE, id, false));
		assert_ok!(review(BOB, id, true));
		assert_ok!(review(CHARLIE, id, false));
		assert_eq!(last_event(), Event::ContributionRejected { contribution: id });
		assert_eq!(Contributions::<Test>::get(id).unwrap().state, ContributionState::Rejected);
		assert!(ContributionsByNetwork::<Test>::contains_key((
			network,
			ContributionState::Rejected,
			id
		)));
		assert_eq!(points(network, DAVE), 0);
		assert_eq!(held(DAVE), 0);
	});
}

#[test]
fn reviews_come_from_other_stewards_once() {
	new_test_ext(|| {
		let network = cooperative(&[ALICE, BOB, CHARLIE], 2, ValueEquation::Equal);
		let own = log(ALICE, network, ContributionKind::Design, 1);
		assert_noop!(review(ALICE, own, true), Error::<Test>::OwnContribution);
		assert_noop!(review(DAVE, own, true), Error::<Test>::NotSteward);
		assert_ok!(review(BOB, own, false));
		assert_noop!(review(BOB, own, true), Error::<Test>::AlreadyReviewed);
		assert_noop!(review(BOB, 99, true), Error::<Test>::ContributionNotFound);
	});
}

/// Nobody reviews their own contribution, so a steward's own needs at most the reviews of the
/// other stewards: with two stewards and a threshold of 2, the other's approval accepts it.
#[test]
fn a_stewards_own_contribution_is_decided_by_the_other_stewards() {
	new_test_ext(|| {
		let network = cooperative(&[ALICE, BOB], 2, ValueEquation::Equal);
		let network_deposit = held(ALICE);
		let own = log(ALICE, network, ContributionKind::Design, 3);
		assert_ok!(review(BOB, own, true));
		let contribution = Contributions::<Test>::get(own).unwrap();
		assert_eq!(contribution.state, ContributionState::Accepted);
		assert_eq!(points(network, ALICE), contribution.points);
		assert_eq!(held(ALICE), network_deposit, "the contribution's deposit was released");
		// A contributor who is not a steward still needs the full threshold.
		let theirs = log(DAVE, network, ContributionKind::Design, 1);
		assert_ok!(review(BOB, theirs, false));
		assert_eq!(Contributions::<Test>::get(theirs).unwrap().state, ContributionState::Pending);
		assert_ok!(review(ALICE, theirs, false));
		assert_eq!(Contributions::<Test>::get(theirs).unwrap().state, ContributionState::Rejected);
		// Among three stewards with a threshold of 3, the two others reject a steward's own.
		let network = cooperative(&[ALICE, BOB, CHARLIE], 3, ValueEquation::Equal);
		let own = log(CHARLIE, network, ContributionKind::Care, 1);
		assert_ok!(review(ALICE, own, false));
		assert_eq!(Contributions::<Test>::get(own).unwrap().state, ContributionState::Pending);
		assert_ok!(review(BOB, own, false));
		assert_eq!(Contributions::<Test>::get(own).unwrap().state, ContributionState::Rejected);
	});
}

/// The only steward cannot review its own contribution: it waits for another steward.
#[test]
fn the_only_stewards_own_contribution_waits_for_another_steward() {
	new_test_ext(|| {
		let network = cooperative(&[ALICE], 1, ValueEquation::Equal);
		let own = log(ALICE, network, ContributionKind::Design, 1);
		assert_noop!(review(ALICE, own, true), Error::<Test>::OwnContribution);
		assert_noop!(review(BOB, own, true), Error::<Test>::NotSteward);
		assert_ok!(ContributiveAccounting::set_stewards(
			RuntimeOrigin::signed(ALICE),
			network,
			stewards(&[ALICE, BOB]),
			1
		));
		assert_ok!(review(BOB, own, true));
		assert_eq!(Contributions::<Test>::get(own).unwrap().state, ContributionState::Accepted);
	});
}

#[test]
fn points_use_the_equation_at_acceptance_time() {
	new_test_ext(|| {
		let network = cooperative(&[ALICE], 1, ValueEquation::Equal);
		let id = log(BOB, network, ContributionKind::Production, 4);
		assert_ok!(ContributiveAccounting::set_value_equation(
			RuntimeOrigin::signed(ALICE),
			network,
			ValueEquation::Maker
		));
		approve(id, &[ALICE]);
		assert_eq!(points(network, BOB), 4 * 20);
	});
}

#[test]
fn the_contributor_withdraws_a_pending_contribution() {
	new_test_ext(|| {
		let network = cooperative(&[ALICE], 1, ValueEquation::Equal);
		let id = log(BOB, network, ContributionKind::Documentation, 2);
		let withdraw =
			|who, id| ContributiveAccounting::withdraw_contribution(RuntimeOrigin::signed(who), id);
		assert_noop!(withdraw(CHARLIE, id), Error::<Test>::NotContributor);
		assert_noop!(withdraw(BOB, 99), Error::<Test>::ContributionNotFound);
		assert_ok!(withdraw(BOB, id));
		assert_eq!(last_event(), Event::ContributionWithdrawn { contribution: id });
		assert!(!Contributions::<Test>::contains_key(id));
		assert_eq!(held(BOB), 0);
		let accepted = log(BOB, network, ContributionKind::Documentation, 2);
		approve(accepted, &[ALICE]);
		assert_noop!(withdraw(BOB, accepted), Error::<Test>::NotPending);
	});
}

#[test]
fn contribution_ids_run_out_cleanly() {
	new_test_ext(|| {
		let network = cooperative(&[ALICE], 1, ValueEquation::Equal);
		NextContributionId::<Test>::put(ContributionId::MAX);
		assert_noop!(
			ContributiveAccounting::log_contribution(
				RuntimeOrigin::signed(BOB),
				network,
				ContributionKind::Care,
				1,
				bytes("ipfs://x"),
			),
			Error::<Test>::ContributionIdsExhausted
		);
	});
}

#[test]
fn reviews_of_stewards_who_left_no_longer_count() {
	new_test_ext(|| {
		let network = cooperative(&[ALICE, BOB, CHARLIE], 2, ValueEquation::Equal);
		let id = log(DAVE, network, ContributionKind::Testing, 1);
		assert_ok!(review(ALICE, id, true));
		let multisig = ContributiveAccounting::stewards_account(&[ALICE, BOB, CHARLIE], 2);
		assert_ok!(ContributiveAccounting::set_stewards(
			RuntimeOrigin::signed(multisig),
			network,
			stewards(&[BOB, CHARLIE]),
			2
		));
		assert_ok!(review(BOB, id, true));
		assert_eq!(Contributions::<Test>::get(id).unwrap().state, ContributionState::Pending);
		assert_eq!(Contributions::<Test>::get(id).unwrap().approvals.to_vec(), vec![BOB]);
		assert_ok!(review(CHARLIE, id, true));
		assert_eq!(Contributions::<Test>::get(id).unwrap().state, ContributionState::Accepted);
	});
}
