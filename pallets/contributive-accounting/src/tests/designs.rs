//! Designs' networks, and the commons share of settled pledges flowing up the lineage.

use super::*;
use crate::Error;
use cosmolocal_primitives::{design::DesignRegistryHooks, production::DesignCommons};
use frame_support::{assert_noop, assert_ok};

type Hooks = ContributiveAccounting;

/// Registers `design` by `creator` and returns its network.
fn register(design: u32, creator: AccountId) -> NetworkId {
	assert_ok!(<Hooks as DesignRegistryHooks<AccountId>>::on_design_registered(design, &creator));
	DesignNetworks::<Test>::get(design).expect("the design has a network")
}

#[test]
fn a_registered_design_gets_a_network_with_its_creator_as_member() {
	new_test_ext(|| {
		let network = register(5, ALICE);
		let record = Networks::<Test>::get(network).unwrap();
		assert_eq!(record.design, Some(5));
		assert_eq!(record.stewards.to_vec(), vec![ALICE]);
		assert_eq!(record.approval_threshold, 1);
		assert_eq!(record.equation, ValueEquation::Maker);
		assert_eq!(record.name.to_vec(), b"Design 5".to_vec());
		assert_eq!(held(ALICE), record.deposit);
		// Design weighs 20 in the maker preset.
		assert_eq!(points(network, ALICE), (CREATION_QUANTITY * 20).into());
		let accepted =
			ContributiveAccounting::contributions(network, ContributionState::Accepted, None, 10);
		assert_eq!(accepted.len(), 1);
		assert_eq!(accepted[0].1.kind, ContributionKind::Design);
	});
}

#[test]
fn a_design_creator_without_funds_cannot_pay_the_networks_deposit() {
	new_test_ext(|| {
		assert_noop!(
			<Hooks as DesignRegistryHooks<AccountId>>::on_design_registered(5, &PAUPER),
			sp_runtime::TokenError::FundsUnavailable
		);
	});
}

#[test]
fn publishing_a_later_version_counts_as_design_work() {
	new_test_ext(|| {
		let network = register(5, ALICE);
		assert_ok!(<Hooks as DesignRegistryHooks<AccountId>>::on_version_published(5, 0, &ALICE));
		assert_eq!(points(network, ALICE), (CREATION_QUANTITY * 20).into());
		assert_ok!(<Hooks as DesignRegistryHooks<AccountId>>::on_version_published(5, 1, &BOB));
		assert_eq!(points(network, BOB), (PUBLICATION_QUANTITY * 20).into());
		assert_ok!(<Hooks as DesignRegistryHooks<AccountId>>::on_version_published(6, 1, &BOB));
	});
}

#[test]
fn a_designs_stewards_follow_its_maintainers_with_a_majority_threshold() {
	new_test_ext(|| {
		let network = register(5, ALICE);
		assert_ok!(<Hooks as DesignRegistryHooks<AccountId>>::on_maintainers_changed(
			5,
			&[ALICE, BOB, CHARLIE]
		));
		let record = Networks::<Test>::get(network).unwrap();
		assert_eq!(record.stewards.to_vec(), vec![ALICE, BOB, CHARLIE]);
		assert_eq!(record.approval_threshold, 2);
		assert_eq!(
			last_event(),
			Event::StewardsSet {
				network,
				stewards: stewards(&[ALICE, BOB, CHARLIE]),
				approval_threshold: 2,
			}
		);
		let multisig = ContributiveAccounting::stewards_account(&[ALICE, BOB, CHARLIE], 2);
		assert_noop!(
			ContributiveAccounting::set_stewards(
				RuntimeOrigin::signed(multisig),
				network,
				stewards(&[DAVE]),
				1
			),
			Error::<Test>::StewardsFollowMaintainers
		);
		assert_ok!(<Hooks as DesignRegistryHooks<AccountId>>::on_maintainers_changed(
			5,
			&[BOB, CHARLIE]
		));
		assert_eq!(Networks::<Test>::get(network).unwrap().approval_threshold, 2);
		assert_ok!(<Hooks as DesignRegistryHooks<AccountId>>::on_maintainers_changed(5, &[BOB]));
		assert_eq!(Networks::<Test>::get(network).unwrap().approval_threshold, 1);
	});
}

#[test]
fn the_commons_share_flows_up_the_lineage_to_a_bounded_depth() {
	new_test_ext(|| {
		// 1 ← 2 ← 3 ← 4: design 4 derives from 3, which derives from 2, from 1.
		let networks: Vec<NetworkId> =
			[(1, ALICE), (2, BOB), (3, CHARLIE), (4, DAVE)].map(|(d, c)| register(d, c)).to_vec();
		set_parent(2, 1);
		set_parent(3, 2);
		set_parent(4, 3);
		let paid = <Hooks as DesignCommons<AccountId, NativeOrWithId<u32>, u64>>::pay_commons_share(
			4, &DONOR, NATIVE, 1_000,
		);
		assert_eq!(paid, Ok(1_000));
		// 4 keeps 750 and passes 250; 3 keeps 188 and passes 62; 2, the last of two ancestors,
		// keeps 62; 1 is beyond the depth. Each first revenue keeps the existential deposit.
		let received =
			|network| Revenue::<Test>::get(network, NATIVE).map_or(0, |pool| pool.received);
		assert_eq!(received(networks[3]), 750 - EXISTENTIAL_DEPOSIT);
		assert_eq!(received(networks[2]), 188 - EXISTENTIAL_DEPOSIT);
		assert_eq!(received(networks[1]), 62 - EXISTENTIAL_DEPOSIT);
		assert_eq!(received(networks[0]), 0);
		assert_eq!(claimable(networks[3], DAVE, NATIVE), 740);
		assert_eq!(claimable(networks[1], BOB, NATIVE), 52);
	});
}

#[test]
fn a_part_a_network_cannot_take_stays_with_the_payer() {
	new_test_ext(|| {
		register(1, ALICE);
		register(2, BOB);
		set_parent(2, 1);
		// 2 keeps 30 and passes 10 to 1: not above the existential deposit, for a first revenue.
		let before = balance(NATIVE, DONOR);
		let paid = <Hooks as DesignCommons<AccountId, NativeOrWithId<u32>, u64>>::pay_commons_share(
			2, &DONOR, NATIVE, 40,
		);
		assert_eq!(paid, Ok(30));
		assert_eq!(balance(NATIVE, DONOR), before - 30);
		assert_eq!(
			DesignNetworks::<Test>::get(1).and_then(|n| Revenue::<Test>::get(n, NATIVE)),
			None
		);
	});
}

#[test]
fn a_design_without_a_network_takes_nothing() {
	new_test_ext(|| {
		let paid = <Hooks as DesignCommons<AccountId, NativeOrWithId<u32>, u64>>::pay_commons_share(
			7, &DONOR, NATIVE, 1_000,
		);
		assert_eq!(paid, Ok(0));
	});
}

#[test]
fn a_settled_production_run_becomes_a_production_contribution_for_the_stewards_to_review() {
	new_test_ext(|| {
		let network = register(5, ALICE);
		let id = NextContributionId::<Test>::get();
		<Hooks as DesignCommons<AccountId, NativeOrWithId<u32>, u64>>::note_production(5, &DAVE, 3);
		let contribution = Contributions::<Test>::get(id).unwrap();
		assert_eq!(
			(contribution.state, contribution.kind, contribution.quantity, contribution.deposit),
			(ContributionState::Pending, ContributionKind::Production, 3, 0)
		);
		assert_eq!(points(network, DAVE), 0);
		approve(id, &[ALICE]);
		// Production weighs 20 in the maker preset.
		assert_eq!(points(network, DAVE), 60);
		let released_nothing = System::events().iter().any(|record| {
			matches!(record.event, RuntimeEvent::Balances(pallet_balances::Event::Released { .. }))
		});
		assert!(!released_nothing, "a contribution without a deposit releases nothing");
		<Hooks as DesignCommons<AccountId, NativeOrWithId<u32>, u64>>::note_production(9, &DAVE, 3);
	});
}

#[test]
fn a_commons_share_in_a_new_asset_opens_it() {
	new_test_ext(|| {
		let network = register(5, ALICE);
		let paid = <Hooks as DesignCommons<AccountId, NativeOrWithId<u32>, u64>>::pay_commons_share(
			5, &DONOR, LOCAL, 100,
		);
		assert_eq!(paid, Ok(100));
		assert_eq!(Networks::<Test>::get(network).unwrap().revenue_assets.to_vec(), vec![LOCAL]);
	});
}

#[test]
fn a_commons_share_in_a_currency_revoked_since_its_pledge_was_created_still_arrives() {
	new_test_ext(|| {
		let network = register(1, ALICE);
		// The pledge was created while its currency was approved; the approval is gone now.
		let revoked = 10;
		assert_ok!(Assets::force_create(RuntimeOrigin::root(), revoked, DONOR, true, 1));
		assert_ok!(Assets::mint(RuntimeOrigin::signed(DONOR), revoked, DONOR, 1_000));
		let asset = NativeOrWithId::WithId(revoked);
		let paid = <Hooks as DesignCommons<AccountId, NativeOrWithId<u32>, u64>>::pay_commons_share(
			1,
			&DONOR,
			asset.clone(),
			101,
		);
		assert_eq!(paid, Ok(101));
		assert_eq!(Revenue::<Test>::get(network, asset).map(|pool| pool.received), Some(100));
	});
}
