//! Tests of the production pledges, by topic. Every test ends by checking the pallet's
//! invariants (`new_test_ext`).

mod assets;
mod delivery;
mod endings;
mod fairness;
mod funding;
mod payouts;
mod pledges;
mod producers;
mod queries;

use crate::{mock::*, pallet::*, types::*};
use cosmolocal_primitives::design::Process;
use frame_support::{
	assert_ok,
	traits::{
		fungible::{InspectHold, NativeOrWithId},
		fungibles::Inspect,
	},
	BoundedVec,
};
use sp_runtime::Permill;

/// A bounded vector of bytes from a string.
pub fn bytes<S: frame_support::traits::Get<u32>>(text: &str) -> BoundedVec<u8, S> {
	BoundedVec::try_from(text.as_bytes().to_vec()).unwrap()
}

/// A region code from a string.
pub fn region(code: &str) -> RegionCode {
	bytes(code)
}

/// Registers `who` as a producer in `region_code` that can run 3D printing and laser cutting.
pub fn register_producer_in(who: AccountId, region_code: &str) {
	assert_ok!(ProductionPledges::register_producer(
		RuntimeOrigin::signed(who),
		bytes("Fab Lab"),
		region(region_code),
		None,
		BoundedVec::truncate_from(vec![Process::ThreeDPrinting, Process::LaserCutting]),
		None,
	));
}

/// The terms of the usual test pledge: 10 units of the lamp at 100 each, at least 4, funding
/// until block 10, delivery until block 50, a bond of 200.
pub fn lamp_terms(asset: NativeOrWithId<u32>) -> PledgeTerms<Test> {
	PledgeTerms {
		design: LAMP,
		version: 0,
		asset,
		unit_price: 100,
		quantity: 10,
		min_quantity: 4,
		funding_deadline: 10,
		delivery_deadline: 50,
		bond: 200,
	}
}

/// Creates a pledge with `terms` as `producer`, and returns its id.
pub fn create(producer: AccountId, terms: PledgeTerms<Test>) -> PledgeId {
	let id = NextPledgeId::<Test>::get();
	assert_ok!(ProductionPledges::create_pledge(
		RuntimeOrigin::signed(producer),
		terms.design,
		terms.version,
		terms.asset,
		terms.unit_price,
		terms.quantity,
		terms.min_quantity,
		terms.funding_deadline,
		terms.delivery_deadline,
		terms.bond,
		Permill::one(),
	));
	id
}

/// Registers MAKER in ES-CT and creates the usual lamp pledge in `asset`.
pub fn lamp_pledge(asset: NativeOrWithId<u32>) -> PledgeId {
	register_producer_in(MAKER, "ES-CT");
	create(MAKER, lamp_terms(asset))
}

/// `backer` backs `units` of `pledge`.
pub fn back(backer: AccountId, pledge: PledgeId, units: u32) {
	assert_ok!(ProductionPledges::back(RuntimeOrigin::signed(backer), pledge, units));
}

/// A pledge of `terms` by MAKER (registered in ES-CT), backed by ALICE (3 units) and BOB (2
/// units), funded at block 11.
pub fn funded_pledge(terms: PledgeTerms<Test>) -> PledgeId {
	register_producer_in(MAKER, "ES-CT");
	let id = create(MAKER, terms);
	back(ALICE, id, 3);
	back(BOB, id, 2);
	System::set_block_number(11);
	assert_ok!(ProductionPledges::close_funding(RuntimeOrigin::signed(CHARLIE), id));
	id
}

/// A lamp pledge in `asset` backed by ALICE (3 units) and BOB (2 units), funded at block 11.
pub fn funded_lamp_pledge(asset: NativeOrWithId<u32>) -> PledgeId {
	funded_pledge(lamp_terms(asset))
}

/// MAKER reports `units` of `pledge` delivered, at block 20.
pub fn deliver(pledge: PledgeId, units: u32) {
	System::set_block_number(20);
	assert_ok!(ProductionPledges::report_delivery(
		RuntimeOrigin::signed(MAKER),
		pledge,
		units,
		bytes("ipfs://delivery-notes"),
	));
}

/// A funded lamp pledge with `units` delivered at block 20.
pub fn delivered_lamp_pledge(asset: NativeOrWithId<u32>, units: u32) -> PledgeId {
	let id = funded_lamp_pledge(asset);
	deliver(id, units);
	id
}

/// What `who` holds of `asset`, free to spend.
pub fn balance(asset: NativeOrWithId<u32>, who: AccountId) -> u64 {
	<NativeAndAssets as Inspect<AccountId>>::balance(asset, &who)
}

/// What the pallet holds from `who` as deposits.
pub fn held(who: AccountId) -> u64 {
	Balances::balance_on_hold(&crate::HoldReason::Storage.into(), &who)
}

/// The state of `pledge`.
pub fn state(pledge: PledgeId) -> PledgeState {
	Pledges::<Test>::get(pledge).expect("the pledge exists").state
}

/// The last event of the pallet.
pub fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|record| match record.event {
			RuntimeEvent::ProductionPledges(event) => Some(event),
			_ => None,
		})
		.expect("the pallet emitted an event")
}
