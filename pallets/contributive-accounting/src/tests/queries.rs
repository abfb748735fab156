//! The read-only queries behind the runtime API.

use super::*;
use sp_runtime::Perbill;

#[test]
fn a_member_sees_its_points_share_and_claims_per_asset() {
	new_test_ext(|| {
		let network = cooperative(&[ALICE], 1, ValueEquation::Equal);
		earn(BOB, network, ContributionKind::Design, 3, ALICE);
		earn(CHARLIE, network, ContributionKind::Design, 1, ALICE);
		donate(network, NATIVE, 400 + EXISTENTIAL_DEPOSIT);
		open_asset(network, LOCAL, 40 + LOCAL_MIN_BALANCE);
		assert_eq!(
			ContributiveAccounting::member(network, BOB),
			Some((30, Perbill::from_percent(75)))
		);
		assert_eq!(ContributiveAccounting::member(network, DAVE), None);
		assert_eq!(
			ContributiveAccounting::claimable_by(network, BOB),
			vec![(NATIVE, 300), (LOCAL, 30)]
		);
		assert!(ContributiveAccounting::claimable_by(9, BOB).is_empty());
		assert!(
			ContributiveAccounting::claimable_by(network, DAVE).is_empty(),
			"nothing to claim in any asset"
		);
		let revenue = ContributiveAccounting::revenue(network);
		assert_eq!(revenue.len(), 2);
		assert_eq!(ContributiveAccounting::network(network).unwrap().total_points, 40);
		assert_eq!(ContributiveAccounting::design_network(0), None);
	});
}

#[test]
fn contributions_are_listed_by_state_page_by_page() {
	new_test_ext(|| {
		let network = cooperative(&[ALICE], 1, ValueEquation::Equal);
		let ids: Vec<ContributionId> =
			(0..3).map(|_| log(BOB, network, ContributionKind::Care, 1)).collect();
		approve(ids[1], &[ALICE]);
		let pending =
			ContributiveAccounting::contributions(network, ContributionState::Pending, None, 10);
		let mut pending_ids: Vec<ContributionId> = pending.iter().map(|(id, _)| *id).collect();
		pending_ids.sort();
		assert_eq!(pending_ids, vec![ids[0], ids[2]]);
		let first =
			ContributiveAccounting::contributions(network, ContributionState::Pending, None, 1);
		let rest = ContributiveAccounting::contributions(
			network,
			ContributionState::Pending,
			Some(first[0].0),
			10,
		);
		assert_eq!([first, rest].concat(), pending);
		let accepted =
			ContributiveAccounting::contributions(network, ContributionState::Accepted, None, 10);
		assert_eq!(accepted.iter().map(|(id, _)| *id).collect::<Vec<_>>(), vec![ids[1]]);
	});
}
