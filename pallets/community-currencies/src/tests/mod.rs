//! Tests of the community currencies, by call.

mod approve;
mod revoke;

use crate::{mock::*, pallet::*};
use frame_support::assert_ok;

/// The custodian's account.
pub fn custodian() -> AccountId {
	CommunityCurrencies::custodian()
}

/// Has the cooperative hand its currency to the custodian.
pub fn hand_over(asset: u32) {
	assert_ok!(Assets::transfer_ownership(RuntimeOrigin::signed(COOP), asset, custodian()));
}

/// Creates a currency of the cooperative's, with a minimum balance of 1.
pub fn create_currency(asset: u32) {
	assert_ok!(Assets::create(RuntimeOrigin::signed(COOP), asset, COOP, 1));
}

/// Hands `asset` over and approves it.
pub fn approved(asset: u32) {
	hand_over(asset);
	assert_ok!(CommunityCurrencies::approve(RuntimeOrigin::root(), asset));
}

/// The last event of the pallet.
pub fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::CommunityCurrencies(event) => Some(event),
			_ => None,
		})
		.next_back()
		.expect("an event of the currencies")
}
