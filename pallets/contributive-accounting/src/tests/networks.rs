//! Creating networks and changing their rules.

use super::*;
use crate::{Error, MAX_KIND_WEIGHT};
use frame_support::{assert_noop, assert_ok};

fn create(
	who: AccountId,
	name: &str,
	accounts: &[AccountId],
	threshold: u32,
	equation: ValueEquation,
) -> frame_support::dispatch::DispatchResult {
	ContributiveAccounting::create_network(
		RuntimeOrigin::signed(who),
		bytes(name),
		stewards(accounts),
		threshold,
		equation,
	)
}

fn too_heavy() -> ValueEquation {
	ValueEquation::Custom(KindWeights { care: MAX_KIND_WEIGHT + 1, ..Default::default() })
}

#[test]
fn creating_a_network_stores_it_and_holds_a_deposit() {
	new_test_ext(|| {
		assert_ok!(create(ALICE, "Bread cooperative", &[ALICE, BOB], 2, ValueEquation::Disco));
		let network = Networks::<Test>::get(0).unwrap();
		assert_eq!(network.stewards.to_vec(), vec![ALICE, BOB]);
		assert_eq!(network.approval_threshold, 2);
		assert_eq!(network.equation, ValueEquation::Disco);
		assert_eq!(network.design, None);
		assert_eq!(network.total_points, 0);
		assert_eq!(network.depositor, ALICE);
		assert!(network.deposit > 0);
		assert_eq!(held(ALICE), network.deposit);
		assert_eq!(NextNetworkId::<Test>::get(), 1);
		assert_eq!(last_event(), Event::NetworkCreated { network: 0, design: None });
	});
}

#[test]
fn creating_refuses_bad_rules() {
	new_test_ext(|| {
		let equal = ValueEquation::Equal;
		assert_noop!(create(ALICE, "", &[ALICE], 1, equal), Error::<Test>::EmptyName);
		assert_noop!(create(ALICE, "Coop", &[], 1, equal), Error::<Test>::NoStewards);
		assert_noop!(
			create(ALICE, "Coop", &[ALICE, BOB, ALICE], 1, equal),
			Error::<Test>::DuplicateSteward
		);
		assert_noop!(
			create(ALICE, "Coop", &[ALICE, BOB], 0, equal),
			Error::<Test>::InvalidThreshold
		);
		assert_noop!(
			create(ALICE, "Coop", &[ALICE, BOB], 3, equal),
			Error::<Test>::InvalidThreshold
		);
		assert_noop!(create(ALICE, "Coop", &[ALICE], 1, too_heavy()), Error::<Test>::WeightTooHigh);
		assert_noop!(
			create(PAUPER, "Coop", &[ALICE], 1, equal),
			sp_runtime::TokenError::FundsUnavailable
		);
	});
}

#[test]
fn presets_weigh_kinds_as_documented() {
	let equal = ValueEquation::Equal.weights();
	assert!(ContributionKind::all().iter().all(|kind| equal.of(*kind) == 10));
	let disco = ValueEquation::Disco.weights();
	assert_eq!((disco.care, disco.coordination, disco.design, disco.funding), (20, 15, 10, 5));
	let maker = ValueEquation::Maker.weights();
	assert_eq!((maker.design, maker.production, maker.testing, maker.care), (20, 20, 10, 5));
	let custom = KindWeights { testing: 7, ..Default::default() };
	assert_eq!(ValueEquation::Custom(custom).weights().of(ContributionKind::Testing), 7);
}

#[test]
fn a_lone_steward_threshold_lets_any_steward_change_the_equation() {
	new_test_ext(|| {
		let network = cooperative(&[ALICE, BOB], 1, ValueEquation::Equal);
		assert_ok!(ContributiveAccounting::set_value_equation(
			RuntimeOrigin::signed(BOB),
			network,
			ValueEquation::Maker
		));
		assert_eq!(Networks::<Test>::get(network).unwrap().equation, ValueEquation::Maker);
		assert_eq!(
			last_event(),
			Event::ValueEquationSet { network, equation: ValueEquation::Maker }
		);
		assert_noop!(
			ContributiveAccounting::set_value_equation(
				RuntimeOrigin::signed(CHARLIE),
				network,
				ValueEquation::Disco
			),
			Error::<Test>::NotStewardAuthority
		);
	});
}

#[test]
fn above_a_threshold_of_one_rules_change_only_through_the_stewards_multisig() {
	new_test_ext(|| {
		let network = cooperative(&[ALICE, BOB, CHARLIE], 2, ValueEquation::Equal);
		let set = |who| {
			ContributiveAccounting::set_value_equation(
				RuntimeOrigin::signed(who),
				network,
				ValueEquation::Disco,
			)
		};
		assert_noop!(set(ALICE), Error::<Test>::NotStewardAuthority);
		let multisig = ContributiveAccounting::stewards_account(&[CHARLIE, ALICE, BOB], 2);
		assert_ok!(set(multisig));
		assert_ok!(ContributiveAccounting::set_stewards(
			RuntimeOrigin::signed(multisig),
			network,
			stewards(&[BOB, DAVE]),
			1
		));
		assert_eq!(
			last_event(),
			Event::StewardsSet { network, stewards: stewards(&[BOB, DAVE]), approval_threshold: 1 }
		);
		assert_noop!(set(multisig), Error::<Test>::NotStewardAuthority);
		assert_ok!(set(DAVE));
	});
}

#[test]
fn rule_changes_are_checked() {
	new_test_ext(|| {
		let network = cooperative(&[ALICE], 1, ValueEquation::Equal);
		let signed = RuntimeOrigin::signed;
		assert_noop!(
			ContributiveAccounting::set_value_equation(signed(ALICE), 9, ValueEquation::Equal),
			Error::<Test>::NetworkNotFound
		);
		assert_noop!(
			ContributiveAccounting::set_value_equation(signed(ALICE), network, too_heavy()),
			Error::<Test>::WeightTooHigh
		);
		assert_noop!(
			ContributiveAccounting::set_stewards(signed(ALICE), 9, stewards(&[BOB]), 1),
			Error::<Test>::NetworkNotFound
		);
		assert_noop!(
			ContributiveAccounting::set_stewards(signed(BOB), network, stewards(&[BOB]), 1),
			Error::<Test>::NotStewardAuthority
		);
		assert_noop!(
			ContributiveAccounting::set_stewards(signed(ALICE), network, stewards(&[]), 1),
			Error::<Test>::NoStewards
		);
		assert_noop!(
			ContributiveAccounting::set_stewards(signed(ALICE), network, stewards(&[BOB, BOB]), 1),
			Error::<Test>::DuplicateSteward
		);
		assert_noop!(
			ContributiveAccounting::set_stewards(signed(ALICE), network, stewards(&[BOB]), 2),
			Error::<Test>::InvalidThreshold
		);
	});
}

#[test]
fn calls_need_a_signed_origin() {
	new_test_ext(|| {
		assert_noop!(
			ContributiveAccounting::claim(RuntimeOrigin::root(), 0, NATIVE),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

#[test]
fn network_ids_run_out_cleanly() {
	new_test_ext(|| {
		NextNetworkId::<Test>::put(NetworkId::MAX);
		assert_noop!(
			create(ALICE, "Coop", &[ALICE], 1, ValueEquation::Equal),
			Error::<Test>::NetworkIdsExhausted
		);
	});
}
