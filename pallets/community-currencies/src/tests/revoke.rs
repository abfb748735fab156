//! `revoke`: no new use of a currency; its powers stay with the custodian.

use super::*;
use crate::Error;
use frame_support::{assert_noop, traits::Contains};
use sp_runtime::DispatchError;

#[test]
fn revoking_ends_the_approval_and_keeps_the_powers_with_the_custodian() {
	new_test_ext(|| {
		approved(COOP_CURRENCY);
		assert_ok!(CommunityCurrencies::revoke(RuntimeOrigin::root(), COOP_CURRENCY));
		assert!(!CommunityCurrencies::contains(&COOP_CURRENCY));
		assert_eq!(Approved::<Test>::get(COOP_CURRENCY), None);
		assert_eq!(ApprovedCount::<Test>::get(), 0);
		let details = pallet_assets::Asset::<Test>::get(COOP_CURRENCY).unwrap();
		assert_eq!(
			(details.owner, details.admin, details.freezer),
			(custodian(), custodian(), custodian())
		);
		assert_eq!(last_event(), Event::CurrencyRevoked { asset: COOP_CURRENCY });
		// Approved again, from the custodian's hands as before.
		assert_ok!(CommunityCurrencies::approve(RuntimeOrigin::root(), COOP_CURRENCY));
	});
}

#[test]
fn revoke_needs_the_revoke_origin() {
	new_test_ext(|| {
		approved(COOP_CURRENCY);
		assert_noop!(
			CommunityCurrencies::revoke(RuntimeOrigin::signed(COOP), COOP_CURRENCY),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn revoke_refuses_a_currency_not_approved() {
	new_test_ext(|| {
		assert_noop!(
			CommunityCurrencies::revoke(RuntimeOrigin::root(), COOP_CURRENCY),
			Error::<Test>::NotApproved
		);
	});
}
