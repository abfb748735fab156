//! `approve`: the custodian takes the powers that could reach the pallets' accounts.

use super::*;
use crate::{types::Approval, Error};
use frame_support::{assert_noop, traits::Contains};
use sp_runtime::DispatchError;

#[test]
fn approval_gives_the_custodian_every_power_but_minting_and_makes_the_asset_sufficient() {
	new_test_ext(|| {
		hand_over(COOP_CURRENCY);
		assert!(!CommunityCurrencies::contains(&COOP_CURRENCY));

		assert_ok!(CommunityCurrencies::approve(RuntimeOrigin::root(), COOP_CURRENCY));

		let details = pallet_assets::Asset::<Test>::get(COOP_CURRENCY).unwrap();
		assert_eq!(
			(details.owner, details.issuer, details.admin, details.freezer),
			(custodian(), COOP, custodian(), custodian())
		);
		assert!(details.is_sufficient);
		assert_eq!(details.min_balance, COOP_MIN_BALANCE);
		assert!(CommunityCurrencies::contains(&COOP_CURRENCY));
		assert_eq!(
			Approved::<Test>::get(COOP_CURRENCY),
			Some(Approval { issuer: COOP, approved_at: 1 })
		);
		assert_eq!(ApprovedCount::<Test>::get(), 1);
		assert_eq!(last_event(), Event::CurrencyApproved { asset: COOP_CURRENCY, issuer: COOP });
	});
}

#[test]
fn after_approval_the_issuer_mints_but_cannot_take_freeze_or_destroy() {
	new_test_ext(|| {
		approved(COOP_CURRENCY);
		let coop = || RuntimeOrigin::signed(COOP);
		assert_ok!(Assets::mint(coop(), COOP_CURRENCY, MALLORY, 100));
		let no_permission: DispatchError = pallet_assets::Error::<Test>::NoPermission.into();
		assert_noop!(
			Assets::force_transfer(coop(), COOP_CURRENCY, MALLORY, COOP, 50),
			no_permission
		);
		assert_noop!(Assets::burn(coop(), COOP_CURRENCY, MALLORY, 50), no_permission);
		assert_noop!(Assets::freeze(coop(), COOP_CURRENCY, MALLORY), no_permission);
		assert_noop!(Assets::block(coop(), COOP_CURRENCY, MALLORY), no_permission);
		assert_noop!(Assets::freeze_asset(coop(), COOP_CURRENCY), no_permission);
		assert_noop!(Assets::set_team(coop(), COOP_CURRENCY, COOP, COOP, COOP), no_permission);
		assert_noop!(Assets::transfer_ownership(coop(), COOP_CURRENCY, COOP), no_permission);
		assert_noop!(Assets::start_destroy(coop(), COOP_CURRENCY), no_permission);
	});
}

#[test]
fn an_account_of_an_approved_currency_takes_no_consumer_reference() {
	new_test_ext(|| {
		approved(COOP_CURRENCY);
		let newcomer: AccountId = 77;
		assert_ok!(Assets::mint(RuntimeOrigin::signed(COOP), COOP_CURRENCY, newcomer, 10));
		assert_eq!(System::consumers(&newcomer), 0);
		assert_eq!(System::sufficients(&newcomer), 1);
	});
}

#[test]
fn approve_needs_the_approve_origin() {
	new_test_ext(|| {
		hand_over(COOP_CURRENCY);
		assert_noop!(
			CommunityCurrencies::approve(RuntimeOrigin::signed(COOP), COOP_CURRENCY),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn approve_refuses_an_asset_its_owner_kept() {
	new_test_ext(|| {
		assert_noop!(
			CommunityCurrencies::approve(RuntimeOrigin::root(), COOP_CURRENCY),
			Error::<Test>::OwnerNotCustodian
		);
	});
}

#[test]
fn approve_refuses_an_unknown_asset() {
	new_test_ext(|| {
		assert_noop!(
			CommunityCurrencies::approve(RuntimeOrigin::root(), 404),
			Error::<Test>::UnknownAsset
		);
	});
}

#[test]
fn approve_refuses_a_frozen_asset_and_one_being_destroyed() {
	new_test_ext(|| {
		hand_over(COOP_CURRENCY);
		assert_ok!(Assets::freeze_asset(RuntimeOrigin::signed(COOP), COOP_CURRENCY));
		assert_noop!(
			CommunityCurrencies::approve(RuntimeOrigin::root(), COOP_CURRENCY),
			Error::<Test>::AssetNotLive
		);
		create_currency(8);
		assert_ok!(Assets::start_destroy(RuntimeOrigin::signed(COOP), 8));
		hand_over_destroying(8);
		assert_noop!(
			CommunityCurrencies::approve(RuntimeOrigin::root(), 8),
			Error::<Test>::AssetNotLive
		);
	});
}

/// A destroying asset's ownership cannot be transferred by its owner any more: root sets it.
fn hand_over_destroying(asset: u32) {
	pallet_assets::Asset::<Test>::mutate(asset, |details| {
		if let Some(details) = details {
			details.owner = custodian();
		}
	});
	assert_eq!(
		pallet_assets::Asset::<Test>::get(asset).map(|details| details.status),
		Some(pallet_assets::AssetStatus::Destroying)
	);
	assert_eq!(
		CommunityCurrencies::currency(asset).map(|info| info.state),
		Some(pallet_assets::AssetStatus::Destroying)
	);
}

#[test]
fn approve_refuses_a_currency_approved_already() {
	new_test_ext(|| {
		approved(COOP_CURRENCY);
		assert_noop!(
			CommunityCurrencies::approve(RuntimeOrigin::root(), COOP_CURRENCY),
			Error::<Test>::AlreadyApproved
		);
	});
}

#[test]
fn approve_refuses_more_than_max_currencies() {
	new_test_ext(|| {
		for asset in 10..10 + MAX_CURRENCIES {
			create_currency(asset);
			approved(asset);
		}
		create_currency(20);
		hand_over(20);
		assert_noop!(
			CommunityCurrencies::approve(RuntimeOrigin::root(), 20),
			Error::<Test>::TooManyCurrencies
		);
	});
}

#[test]
fn a_currency_root_destroys_is_no_longer_usable() {
	new_test_ext(|| {
		approved(COOP_CURRENCY);
		assert_ok!(Assets::start_destroy(RuntimeOrigin::root(), COOP_CURRENCY));
		assert!(!CommunityCurrencies::contains(&COOP_CURRENCY));
		assert_eq!(
			CommunityCurrencies::currency(COOP_CURRENCY).map(|info| (info.usable, info.state)),
			Some((false, pallet_assets::AssetStatus::Destroying))
		);
	});
}

#[test]
fn a_currency_whose_powers_root_gave_back_is_no_longer_usable() {
	new_test_ext(|| {
		approved(COOP_CURRENCY);
		assert_ok!(Assets::force_asset_status(
			RuntimeOrigin::root(),
			COOP_CURRENCY,
			custodian(),
			COOP,
			COOP,
			custodian(),
			COOP_MIN_BALANCE,
			true,
			false
		));
		assert!(!CommunityCurrencies::contains(&COOP_CURRENCY));
		assert_eq!(
			CommunityCurrencies::currency(COOP_CURRENCY).map(|info| info.usable),
			Some(false)
		);
		assert_ok!(CommunityCurrencies::revoke(RuntimeOrigin::root(), COOP_CURRENCY));
	});
}

#[test]
fn the_runtime_api_tells_each_currency_with_its_powers() {
	new_test_ext(|| {
		create_currency(8);
		approved(COOP_CURRENCY);
		let info = CommunityCurrencies::currency(COOP_CURRENCY).unwrap();
		assert_eq!(info.approved_at, Some(1));
		assert!(info.usable && info.sufficient);
		assert_eq!(
			(info.issuer, info.owner, info.admin, info.freezer),
			(COOP, custodian(), custodian(), custodian())
		);
		assert_eq!(
			(info.name.clone(), info.symbol.clone(), info.decimals),
			(b"Coop hours".to_vec(), b"HRS".to_vec(), 2)
		);
		assert_eq!(
			(info.min_balance, info.supply, info.state.clone()),
			(COOP_MIN_BALANCE, 1_000, pallet_assets::AssetStatus::Live)
		);
		let unapproved = CommunityCurrencies::currency(8).unwrap();
		assert_eq!(
			(unapproved.approved_at, unapproved.usable, unapproved.admin),
			(None, false, COOP)
		);
		assert_eq!(CommunityCurrencies::currency(404), None);
		assert_eq!(CommunityCurrencies::approved_currencies(), vec![info]);
	});
}

#[test]
fn handing_an_asset_over_moves_its_deposit_to_the_custodian() {
	new_test_ext(|| {
		create_currency(8);
		let deposit = pallet_assets::Asset::<Test>::get(8).unwrap().deposit;
		assert!(deposit > 0);
		let reserved_before = Balances::reserved_balance(COOP);
		hand_over(8);
		assert_eq!(Balances::reserved_balance(COOP), reserved_before - deposit);
		assert_eq!(Balances::reserved_balance(custodian()), deposit);
	});
}
