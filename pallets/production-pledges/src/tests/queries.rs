//! The read-only queries behind the runtime API.

use super::*;
use crate::queries::MAX_PAGE_SIZE;
use frame_support::assert_ok;

#[test]
fn producers_are_found_by_country_and_by_region() {
	new_test_ext(|| {
		register_producer_in(MAKER, "ES-CT");
		register_producer_in(ALICE, "ES-MD");
		register_producer_in(BOB, "ES");
		register_producer_in(CHARLIE, "DE-BE");
		let mut spain = ProductionPledges::producers_by_region(region("ES"), None, 10);
		spain.sort();
		let mut expected =
			vec![(region("ES-CT"), MAKER), (region("ES-MD"), ALICE), (region("ES"), BOB)];
		expected.sort();
		assert_eq!(spain, expected);
		assert_eq!(
			ProductionPledges::producers_by_region(region("ES-CT"), None, 10),
			vec![(region("ES-CT"), MAKER)]
		);
		assert!(ProductionPledges::producers_by_region(region("FR"), None, 10).is_empty());
		assert!(ProductionPledges::producers_by_region(region("es"), None, 10).is_empty());
		assert_eq!(ProductionPledges::producer(MAKER).unwrap().region, region("ES-CT"));
	});
}

#[test]
fn pledges_are_listed_by_region_design_producer_and_state_page_by_page() {
	new_test_ext(|| {
		register_producer_in(MAKER, "ES-CT");
		register_producer_in(ALICE, "ES-MD");
		let ids: Vec<PledgeId> = (0..3).map(|_| create(MAKER, lamp_terms(NATIVE))).collect();
		let madrid = create(ALICE, lamp_terms(NATIVE));
		assert_ok!(ProductionPledges::cancel_pledge(RuntimeOrigin::signed(MAKER), ids[2]));
		let open: Vec<PledgeId> = vec![ids[0], ids[1]];

		let catalonia = ProductionPledges::pledges_by_region(region("ES-CT"), None, 10);
		let mut catalan_ids: Vec<PledgeId> = catalonia.iter().map(|(_, id)| *id).collect();
		catalan_ids.sort();
		assert_eq!(catalan_ids, open);
		let first = ProductionPledges::pledges_by_region(region("ES-CT"), None, 1);
		let second =
			ProductionPledges::pledges_by_region(region("ES-CT"), first.last().cloned(), 10);
		assert_eq!([first, second].concat(), catalonia);
		let spain = ProductionPledges::pledges_by_region(region("ES"), None, 10);
		assert_eq!(spain.len(), 3);
		let page = ProductionPledges::pledges_by_region(region("ES"), Some(spain[0].clone()), 10);
		assert_eq!(page, spain[1..].to_vec());

		let by_design = ProductionPledges::pledges_by_design(LAMP, None, 10);
		assert_eq!(by_design.len(), 3);
		assert_eq!(
			ProductionPledges::pledges_by_design(LAMP, Some(by_design[0]), 10),
			by_design[1..].to_vec()
		);
		let by_maker = ProductionPledges::pledges_by_producer(MAKER, None, 10);
		let mut sorted = by_maker.clone();
		sorted.sort();
		assert_eq!(sorted, open);
		assert_eq!(
			ProductionPledges::pledges_by_producer(MAKER, Some(by_maker[0]), 10),
			by_maker[1..].to_vec()
		);
		assert_eq!(ProductionPledges::pledges_by_producer(ALICE, None, 10), vec![madrid]);
		let mut funding = ProductionPledges::pledges_by_state(PledgeState::Funding, None, 10);
		funding.sort();
		assert_eq!(funding, vec![ids[0], ids[1], madrid]);
		assert!(ProductionPledges::pledges_by_state(PledgeState::Cancelled, None, 10).is_empty());
		assert_eq!(ProductionPledges::pledge(ids[0]).unwrap().producer, MAKER);
		assert_eq!(ProductionPledges::pledge(ids[2]), None);
	});
}

#[test]
fn pages_are_capped() {
	new_test_ext(|| {
		register_producer_in(MAKER, "ES-CT");
		for _ in 0..(MAX_PAGE_SIZE + 1) {
			create(MAKER, lamp_terms(NATIVE));
		}
		assert_eq!(
			ProductionPledges::pledges_by_producer(MAKER, None, u32::MAX).len(),
			MAX_PAGE_SIZE as usize
		);
	});
}

#[test]
fn what_a_backer_is_owed_follows_the_pledge() {
	new_test_ext(|| {
		let id = lamp_pledge(NATIVE);
		assert_eq!(ProductionPledges::owed_to(ALICE, id), None);
		back(ALICE, id, 2);
		assert_eq!(ProductionPledges::owed_to(ALICE, id), Some(200));
		assert_ok!(ProductionPledges::cancel_pledge(RuntimeOrigin::signed(MAKER), id));
		assert_eq!(ProductionPledges::owed_to(ALICE, id), Some(200));
		assert_ok!(ProductionPledges::claim_refund(RuntimeOrigin::signed(ALICE), id));
		assert_eq!(ProductionPledges::owed_to(ALICE, id), None);
	});
}

#[test]
fn the_parties_to_a_pledge_are_its_producer_and_its_backers_until_they_claim() {
	new_test_ext(|| {
		let id = delivered_lamp_pledge(NATIVE, 5);
		for party in [MAKER, ALICE, BOB] {
			assert!(ProductionPledges::is_party(id, &party), "{party} is a party");
		}
		assert!(!ProductionPledges::is_party(id, &CHARLIE), "CHARLIE backed nothing");
		assert!(!ProductionPledges::is_party(id + 1, &MAKER), "no such pledge");
		assert_ok!(ProductionPledges::dispute(RuntimeOrigin::signed(ALICE), id, bytes("late")));
		assert_ok!(ProductionPledges::resolve_dispute(
			RuntimeOrigin::root(),
			id,
			sp_runtime::Perbill::zero()
		));
		assert_ok!(ProductionPledges::claim_refund(RuntimeOrigin::signed(ALICE), id));
		assert!(!ProductionPledges::is_party(id, &ALICE), "ALICE has claimed and left");
		assert!(ProductionPledges::is_party(id, &BOB), "BOB has not claimed yet");
	});
}
