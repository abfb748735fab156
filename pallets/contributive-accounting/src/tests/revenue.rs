//! Revenue: deposits, shares by points, claims.

use super::*;
use crate::Error;
use frame_support::{assert_noop, assert_ok};

fn claim(
	who: AccountId,
	network: NetworkId,
	asset: NativeOrWithId<u32>,
) -> frame_support::dispatch::DispatchResult {
	ContributiveAccounting::claim(RuntimeOrigin::signed(who), network, asset)
}

/// A network with ALICE as lone steward, equal weights, BOB with 30 points and CHARLIE with 10.
fn network_with_members() -> NetworkId {
	let network = cooperative(&[ALICE], 1, ValueEquation::Equal);
	earn(BOB, network, ContributionKind::Design, 3, ALICE);
	earn(CHARLIE, network, ContributionKind::Testing, 1, ALICE);
	network
}

#[test]
fn revenue_is_shared_by_points_at_arrival_and_later_points_do_not_dilute_it() {
	new_test_ext(|| {
		let network = network_with_members();
		// The first native revenue keeps the existential deposit in the network's account.
		donate(network, NATIVE, 1_000 + EXISTENTIAL_DEPOSIT);
		assert_eq!(
			last_event(),
			Event::RevenueReceived { network, asset: NATIVE, amount: 1_000, from: DONOR }
		);
		assert_eq!(claimable(network, BOB, NATIVE), 750);
		assert_eq!(claimable(network, CHARLIE, NATIVE), 250);

		earn(DAVE, network, ContributionKind::Care, 6, ALICE);
		assert_eq!(claimable(network, DAVE, NATIVE), 0, "DAVE's points came later");
		donate(network, NATIVE, 100);
		assert_eq!(claimable(network, BOB, NATIVE), 780);
		assert_eq!(claimable(network, CHARLIE, NATIVE), 260);
		assert_eq!(claimable(network, DAVE, NATIVE), 60);

		let before = balance(NATIVE, BOB);
		assert_ok!(claim(BOB, network, NATIVE));
		assert_eq!(
			last_event(),
			Event::Claimed { network, member: BOB, asset: NATIVE, amount: 780 }
		);
		assert_eq!(balance(NATIVE, BOB), before + 780);
		assert_noop!(claim(BOB, network, NATIVE), Error::<Test>::NothingToClaim);
		let pool = Revenue::<Test>::get(network, NATIVE).unwrap();
		assert_eq!(
			(pool.received, pool.claimed, pool.kept_minimum),
			(1_100, 780, EXISTENTIAL_DEPOSIT)
		);
		assert_eq!(
			balance(NATIVE, ContributiveAccounting::network_account(network)),
			EXISTENTIAL_DEPOSIT + 1_100 - 780
		);
	});
}

#[test]
fn points_earned_after_a_claim_keep_what_was_accrued() {
	new_test_ext(|| {
		let network = network_with_members();
		donate(network, NATIVE, 400 + EXISTENTIAL_DEPOSIT);
		earn(BOB, network, ContributionKind::Design, 6, ALICE);
		assert_eq!(claimable(network, BOB, NATIVE), 300, "accrued before the new points");
		donate(network, NATIVE, 1_000);
		// BOB now has 90 of 100 points.
		assert_eq!(claimable(network, BOB, NATIVE), 300 + 900);
	});
}

#[test]
fn revenue_waits_for_points() {
	new_test_ext(|| {
		let network = cooperative(&[ALICE], 1, ValueEquation::Equal);
		open_asset(network, LOCAL, 500 + LOCAL_MIN_BALANCE);
		assert_eq!(Revenue::<Test>::get(network, LOCAL).unwrap().waiting, 500);
		earn(BOB, network, ContributionKind::Design, 1, ALICE);
		assert_eq!(Revenue::<Test>::get(network, LOCAL).unwrap().waiting, 0);
		assert_eq!(claimable(network, BOB, LOCAL), 500);
		earn(CHARLIE, network, ContributionKind::Design, 1, ALICE);
		assert_eq!(claimable(network, CHARLIE, LOCAL), 0);
		assert_ok!(claim(BOB, network, LOCAL));
		assert_eq!(balance(LOCAL, BOB), INITIAL_BALANCE + 500);
	});
}

#[test]
fn rounding_dust_stays_in_the_network() {
	new_test_ext(|| {
		let network = cooperative(&[ALICE], 1, ValueEquation::Equal);
		for member in [BOB, CHARLIE, DAVE] {
			earn(member, network, ContributionKind::Care, 1, ALICE);
		}
		donate(network, NATIVE, 100 + EXISTENTIAL_DEPOSIT);
		for member in [BOB, CHARLIE, DAVE] {
			assert_eq!(claimable(network, member, NATIVE), 33);
			assert_ok!(claim(member, network, NATIVE));
		}
		assert_eq!(
			balance(NATIVE, ContributiveAccounting::network_account(network)),
			EXISTENTIAL_DEPOSIT + 1
		);
	});
}

#[test]
fn assets_are_accounted_apart() {
	new_test_ext(|| {
		let network = network_with_members();
		donate(network, NATIVE, 400 + EXISTENTIAL_DEPOSIT);
		open_asset(network, LOCAL, 80 + LOCAL_MIN_BALANCE);
		assert_eq!(claimable(network, BOB, NATIVE), 300);
		assert_eq!(claimable(network, BOB, LOCAL), 60);
		assert_ok!(claim(BOB, network, LOCAL));
		assert_eq!(claimable(network, BOB, NATIVE), 300);
		assert_eq!(balance(LOCAL, BOB), INITIAL_BALANCE + 60);
		assert_eq!(
			Networks::<Test>::get(network).unwrap().revenue_assets.to_vec(),
			vec![LOCAL],
			"the native token takes no slot"
		);
	});
}

#[test]
fn deposits_are_checked() {
	new_test_ext(|| {
		let network = cooperative(&[ALICE], 1, ValueEquation::Equal);
		let deposit = |network, asset, amount| {
			ContributiveAccounting::deposit_revenue(
				RuntimeOrigin::signed(DONOR),
				network,
				asset,
				amount,
			)
		};
		assert_noop!(deposit(9, NATIVE, 100), Error::<Test>::NetworkNotFound);
		assert_noop!(deposit(network, NATIVE, 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			ContributiveAccounting::deposit_revenue(
				RuntimeOrigin::signed(ALICE),
				network,
				NativeOrWithId::WithId(UNKNOWN_CURRENCY),
				100
			),
			Error::<Test>::UnknownAsset
		);
		assert_ok!(Assets::force_create(RuntimeOrigin::root(), 10, ALICE, true, 1));
		assert_ok!(Assets::mint(RuntimeOrigin::signed(ALICE), 10, ALICE, 1_000));
		assert_noop!(
			ContributiveAccounting::deposit_revenue(
				RuntimeOrigin::signed(ALICE),
				network,
				NativeOrWithId::WithId(10),
				100
			),
			Error::<Test>::CurrencyNotApproved
		);
		assert_noop!(
			deposit(network, NATIVE, EXISTENTIAL_DEPOSIT),
			Error::<Test>::BelowMinimumBalance
		);
		assert_noop!(
			ContributiveAccounting::deposit_revenue(
				RuntimeOrigin::signed(PAUPER),
				network,
				NATIVE,
				100
			),
			sp_runtime::TokenError::FundsUnavailable
		);
		// More than the whole issuance: the same error, not an arithmetic one.
		assert_noop!(deposit(network, NATIVE, u64::MAX), sp_runtime::TokenError::FundsUnavailable);
		assert_ok!(deposit(network, NATIVE, 100));
		// Later revenue may be small.
		assert_ok!(deposit(network, NATIVE, 1));
		assert_noop!(deposit(network, LOCAL, 100), Error::<Test>::AssetNotOpened);
		open_asset(network, LOCAL, 100);
		assert_ok!(deposit(network, LOCAL, 100));
		for asset in [8, 9] {
			assert_ok!(Assets::force_create(RuntimeOrigin::root(), asset, ALICE, true, 1));
			assert_ok!(Assets::mint(RuntimeOrigin::signed(ALICE), asset, ALICE, 1_000));
			approve_currency(asset);
		}
		open_asset(network, NativeOrWithId::WithId(8), 100);
		assert_noop!(
			ContributiveAccounting::deposit_revenue(
				RuntimeOrigin::signed(ALICE),
				network,
				NativeOrWithId::WithId(9),
				100
			),
			Error::<Test>::TooManyRevenueAssets
		);
	});
}

#[test]
fn only_the_stewards_open_an_asset_and_anyone_gives_in_it_afterwards() {
	new_test_ext(|| {
		let network = cooperative(&[ALICE, BOB], 2, ValueEquation::Equal);
		assert_noop!(
			ContributiveAccounting::deposit_revenue(
				RuntimeOrigin::signed(BOB),
				network,
				LOCAL,
				100
			),
			Error::<Test>::AssetNotOpened
		);
		let multisig = ContributiveAccounting::stewards_account(&[ALICE, BOB], 2);
		assert_ok!(<Balances as frame_support::traits::fungible::Mutate<AccountId>>::mint_into(
			&multisig, 1_000
		));
		assert_ok!(Assets::mint(RuntimeOrigin::signed(DONOR), LOCAL_CURRENCY, multisig, 1_000));
		assert_ok!(ContributiveAccounting::deposit_revenue(
			RuntimeOrigin::signed(multisig),
			network,
			LOCAL,
			100
		));
		donate(network, LOCAL, 50);
	});
}

#[test]
fn claims_are_checked() {
	new_test_ext(|| {
		let network = network_with_members();
		assert_noop!(claim(BOB, 9, NATIVE), Error::<Test>::NetworkNotFound);
		assert_noop!(claim(BOB, network, NATIVE), Error::<Test>::NothingToClaim);
		donate(network, NATIVE, 400 + EXISTENTIAL_DEPOSIT);
		assert_noop!(claim(DAVE, network, NATIVE), Error::<Test>::NothingToClaim);
	});
}

#[test]
fn a_grant_is_shared_like_revenue_and_may_open_an_asset() {
	new_test_ext(|| {
		let network = network_with_members();
		let grant = |network, asset, amount| {
			ContributiveAccounting::receive_grant(network, asset, &DONOR, amount)
		};
		assert_noop!(grant(network + 1, LOCAL, 100), Error::<Test>::NetworkNotFound);
		assert_noop!(grant(network, LOCAL, 0), Error::<Test>::ZeroAmount);
		assert_noop!(grant(network, LOCAL, 1), Error::<Test>::BelowMinimumBalance);
		assert_ok!(Assets::force_create(RuntimeOrigin::root(), 10, DONOR, true, 1));
		assert_ok!(Assets::mint(RuntimeOrigin::signed(DONOR), 10, DONOR, 1_000));
		assert_noop!(
			grant(network, NativeOrWithId::WithId(10), 100),
			Error::<Test>::CurrencyNotApproved
		);
		// Not a steward, yet the grant opens the asset: the Assembly voted it. The asset's
		// minimum balance (5) stays in the network's account.
		assert_ok!(grant(network, LOCAL, 105));
		assert_eq!(
			last_event(),
			Event::RevenueReceived { network, asset: LOCAL, amount: 100, from: DONOR }
		);
		// BOB has 30 of the 40 points, CHARLIE 10: 75 and 25 of the 100 shared.
		assert_eq!(ContributiveAccounting::claimable(network, &BOB, &LOCAL), Ok(75));
		assert_eq!(ContributiveAccounting::claimable(network, &CHARLIE, &LOCAL), Ok(25));
	});
}
