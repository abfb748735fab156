//! Tests of contributive accounting, by topic. Every test ends by checking the pallet's
//! invariants (`new_test_ext`).

mod contributions;
mod designs;
mod networks;
mod queries;
mod revenue;

use crate::{mock::*, pallet::*, types::*};
use frame_support::{
	assert_ok,
	traits::{
		fungible::{InspectHold, NativeOrWithId},
		fungibles::Inspect,
	},
	BoundedVec,
};

/// A bounded vector of bytes from a string.
pub fn bytes<S: frame_support::traits::Get<u32>>(text: &str) -> BoundedVec<u8, S> {
	BoundedVec::try_from(text.as_bytes().to_vec()).unwrap()
}

/// A list of stewards.
pub fn stewards(accounts: &[AccountId]) -> Stewards<Test> {
	BoundedVec::try_from(accounts.to_vec()).unwrap()
}

/// ALICE creates a cooperative network with `accounts` as stewards, `threshold` and `equation`.
pub fn cooperative(accounts: &[AccountId], threshold: u32, equation: ValueEquation) -> NetworkId {
	let id = NextNetworkId::<Test>::get();
	assert_ok!(ContributiveAccounting::create_network(
		RuntimeOrigin::signed(ALICE),
		bytes("Bread cooperative"),
		stewards(accounts),
		threshold,
		equation,
	));
	id
}

/// `who` logs a contribution and returns its id.
pub fn log(
	who: AccountId,
	network: NetworkId,
	kind: ContributionKind,
	quantity: u32,
) -> ContributionId {
	let id = NextContributionId::<Test>::get();
	assert_ok!(ContributiveAccounting::log_contribution(
		RuntimeOrigin::signed(who),
		network,
		kind,
		quantity,
		bytes("ipfs://work"),
	));
	id
}

/// `reviewers` approve `contribution`.
pub fn approve(contribution: ContributionId, reviewers: &[AccountId]) {
	for reviewer in reviewers {
		assert_ok!(ContributiveAccounting::review_contribution(
			RuntimeOrigin::signed(*reviewer),
			contribution,
			true
		));
	}
}

/// `who` logs a contribution that steward `steward` approves (threshold 1).
pub fn earn(
	who: AccountId,
	network: NetworkId,
	kind: ContributionKind,
	quantity: u32,
	steward: AccountId,
) {
	let id = log(who, network, kind, quantity);
	approve(id, &[steward]);
}

/// `DONOR` gives `amount` of `asset` to `network`.
pub fn donate(network: NetworkId, asset: NativeOrWithId<u32>, amount: u64) {
	assert_ok!(ContributiveAccounting::deposit_revenue(
		RuntimeOrigin::signed(DONOR),
		network,
		asset,
		amount
	));
}

/// ALICE, a steward of `network`, opens `asset` with a first donation of `amount`.
pub fn open_asset(network: NetworkId, asset: NativeOrWithId<u32>, amount: u64) {
	assert_ok!(ContributiveAccounting::deposit_revenue(
		RuntimeOrigin::signed(ALICE),
		network,
		asset,
		amount
	));
}

/// What `who` holds of `asset`, free to spend.
pub fn balance(asset: NativeOrWithId<u32>, who: AccountId) -> u64 {
	<NativeAndAssets as Inspect<AccountId>>::balance(asset, &who)
}

/// What the pallet holds from `who` as deposits.
pub fn held(who: AccountId) -> u64 {
	Balances::balance_on_hold(&crate::HoldReason::Storage.into(), &who)
}

/// The points of `who` in `network`.
pub fn points(network: NetworkId, who: AccountId) -> Points {
	Members::<Test>::get(network, who).map_or(0, |member| member.points)
}

/// What `who` can claim from `network` in `asset`.
pub fn claimable(network: NetworkId, who: AccountId, asset: NativeOrWithId<u32>) -> u64 {
	ContributiveAccounting::claimable(network, &who, &asset).unwrap_or(0)
}

/// The last event of the pallet.
pub fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|record| match record.event {
			RuntimeEvent::ContributiveAccounting(event) => Some(event),
			_ => None,
		})
		.expect("the pallet emitted an event")
}
