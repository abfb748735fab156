//! Registering, updating and retiring producers.

use super::*;
use crate::Error;
use frame_support::{assert_noop, assert_ok};

fn register(
	who: AccountId,
	name: &str,
	region_code: &str,
	plus_code: Option<&str>,
	processes: Vec<Process>,
	manifest: Option<&str>,
) -> frame_support::dispatch::DispatchResult {
	ProductionPledges::register_producer(
		RuntimeOrigin::signed(who),
		bytes(name),
		region(region_code),
		plus_code.map(bytes),
		BoundedVec::truncate_from(processes),
		manifest.map(bytes),
	)
}

fn update(
	who: AccountId,
	region_code: &str,
	plus_code: Option<&str>,
	processes: Vec<Process>,
) -> frame_support::dispatch::DispatchResult {
	ProductionPledges::update_producer(
		RuntimeOrigin::signed(who),
		bytes("Renamed Lab"),
		region(region_code),
		plus_code.map(bytes),
		BoundedVec::truncate_from(processes),
		Some(bytes("ipfs://okw")),
	)
}

#[test]
fn registering_stores_the_producer_holds_a_deposit_and_indexes_its_region() {
	new_test_ext(|| {
		assert_ok!(register(
			MAKER,
			"Fab Lab Barcelona",
			"ES-CT",
			Some("8FH495PF+29"),
			vec![Process::ThreeDPrinting, Process::CncMilling],
			Some("ipfs://okw-facility"),
		));
		let producer = Producers::<Test>::get(MAKER).unwrap();
		assert_eq!(producer.name.to_vec(), b"Fab Lab Barcelona".to_vec());
		assert_eq!(producer.region, region("ES-CT"));
		assert_eq!(producer.plus_code, Some(bytes("8FH495PF+29")));
		assert_eq!(producer.open_pledges, 0);
		assert_eq!(producer.record, ProducerRecord::default());
		assert!(producer.deposit > 0);
		assert_eq!(held(MAKER), producer.deposit);
		assert!(ProducersByRegion::<Test>::contains_key((*b"ES", region("ES-CT"), MAKER)));
		assert_eq!(
			last_event(),
			Event::ProducerRegistered { producer: MAKER, region: region("ES-CT") }
		);
	});
}

#[test]
fn a_country_code_alone_is_a_region() {
	new_test_ext(|| {
		assert_ok!(register(MAKER, "Nairobi Makers", "KE", None, vec![Process::Welding], None));
		assert!(ProducersByRegion::<Test>::contains_key((*b"KE", region("KE"), MAKER)));
	});
}

#[test]
fn registering_refuses_bad_details() {
	new_test_ext(|| {
		let lamp = vec![Process::ThreeDPrinting];
		assert_noop!(
			register(MAKER, "", "ES-CT", None, lamp.clone(), None),
			Error::<Test>::EmptyName
		);
		assert_noop!(
			register(MAKER, "Lab", "es-ct", None, lamp.clone(), None),
			Error::<Test>::InvalidRegion
		);
		assert_noop!(
			register(MAKER, "Lab", "ES-CT", Some("Barcelona"), lamp.clone(), None),
			Error::<Test>::InvalidPlusCode
		);
		assert_noop!(
			register(MAKER, "Lab", "ES-CT", None, vec![], None),
			Error::<Test>::NoProcesses
		);
		assert_noop!(
			register(
				MAKER,
				"Lab",
				"ES-CT",
				None,
				vec![Process::Sewing, Process::ThreeDPrinting, Process::Sewing],
				None
			),
			Error::<Test>::DuplicateProcess
		);
		assert_noop!(
			register(MAKER, "Lab", "ES-CT", None, lamp.clone(), Some("")),
			Error::<Test>::EmptyUri
		);
		assert_noop!(
			register(PAUPER, "Lab", "ES-CT", None, lamp, None),
			sp_runtime::TokenError::FundsUnavailable
		);
	});
}

#[test]
fn registering_twice_is_refused() {
	new_test_ext(|| {
		register_producer_in(MAKER, "ES-CT");
		assert_noop!(
			register(MAKER, "Again", "ES-CT", None, vec![Process::Sewing], None),
			Error::<Test>::AlreadyProducer
		);
	});
}

#[test]
fn updating_changes_the_details_and_moves_the_region_index() {
	new_test_ext(|| {
		register_producer_in(MAKER, "ES-CT");
		let deposit = held(MAKER);
		assert_ok!(update(MAKER, "DE-BE", Some("9F4MGC00+"), vec![Process::Welding]));
		let producer = Producers::<Test>::get(MAKER).unwrap();
		assert_eq!(producer.name.to_vec(), b"Renamed Lab".to_vec());
		assert_eq!(producer.region, region("DE-BE"));
		assert_eq!(producer.processes.to_vec(), vec![Process::Welding]);
		assert_eq!(producer.facility_manifest, Some(bytes("ipfs://okw")));
		assert!(!ProducersByRegion::<Test>::contains_key((*b"ES", region("ES-CT"), MAKER)));
		assert!(ProducersByRegion::<Test>::contains_key((*b"DE", region("DE-BE"), MAKER)));
		assert_eq!(held(MAKER), deposit, "the deposit was charged for the largest record");
		assert_eq!(
			last_event(),
			Event::ProducerUpdated { producer: MAKER, region: region("DE-BE") }
		);
	});
}

#[test]
fn an_open_pledge_keeps_its_region_when_its_producer_moves() {
	new_test_ext(|| {
		let pledge = lamp_pledge(NATIVE);
		assert_ok!(update(
			MAKER,
			"DE-BE",
			None,
			vec![Process::ThreeDPrinting, Process::LaserCutting]
		));
		assert_eq!(Pledges::<Test>::get(pledge).unwrap().region, region("ES-CT"));
	});
}

#[test]
fn updating_refuses_unknown_producers_and_bad_details() {
	new_test_ext(|| {
		assert_noop!(
			update(MAKER, "ES-CT", None, vec![Process::Sewing]),
			Error::<Test>::NotProducer
		);
		register_producer_in(MAKER, "ES-CT");
		assert_noop!(
			update(MAKER, "ES-", None, vec![Process::Sewing]),
			Error::<Test>::InvalidRegion
		);
		assert_noop!(
			update(MAKER, "ES-CT", Some("8FH495PF"), vec![Process::Sewing]),
			Error::<Test>::InvalidPlusCode
		);
		assert_noop!(update(MAKER, "ES-CT", None, vec![]), Error::<Test>::NoProcesses);
		assert_noop!(
			update(MAKER, "ES-CT", None, vec![Process::Sewing, Process::Sewing]),
			Error::<Test>::DuplicateProcess
		);
		assert_noop!(
			ProductionPledges::update_producer(
				RuntimeOrigin::signed(MAKER),
				bytes(""),
				region("ES-CT"),
				None,
				BoundedVec::truncate_from(vec![Process::Sewing]),
				None,
			),
			Error::<Test>::EmptyName
		);
		assert_noop!(
			ProductionPledges::update_producer(
				RuntimeOrigin::signed(MAKER),
				bytes("Lab"),
				region("ES-CT"),
				None,
				BoundedVec::truncate_from(vec![Process::Sewing]),
				Some(bytes("")),
			),
			Error::<Test>::EmptyUri
		);
	});
}

#[test]
fn retiring_removes_the_producer_and_releases_its_deposit() {
	new_test_ext(|| {
		register_producer_in(MAKER, "ES-CT");
		assert_ok!(ProductionPledges::retire_producer(RuntimeOrigin::signed(MAKER)));
		assert!(!Producers::<Test>::contains_key(MAKER));
		assert!(!ProducersByRegion::<Test>::contains_key((*b"ES", region("ES-CT"), MAKER)));
		assert_eq!(held(MAKER), 0);
		assert_eq!(last_event(), Event::ProducerRetired { producer: MAKER });
	});
}

#[test]
fn retiring_needs_a_producer_without_open_pledges() {
	new_test_ext(|| {
		assert_noop!(
			ProductionPledges::retire_producer(RuntimeOrigin::signed(MAKER)),
			Error::<Test>::NotProducer
		);
		let pledge = lamp_pledge(NATIVE);
		assert_noop!(
			ProductionPledges::retire_producer(RuntimeOrigin::signed(MAKER)),
			Error::<Test>::HasOpenPledges
		);
		assert_ok!(ProductionPledges::cancel_pledge(RuntimeOrigin::signed(MAKER), pledge));
		assert_ok!(ProductionPledges::retire_producer(RuntimeOrigin::signed(MAKER)));
	});
}

#[test]
fn calls_need_a_signed_origin() {
	new_test_ext(|| {
		assert_noop!(
			ProductionPledges::retire_producer(RuntimeOrigin::none()),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			ProductionPledges::close_funding(RuntimeOrigin::root(), 0),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

fn genesis_producer(region_code: &str) -> crate::GenesisProducer<AccountId> {
	crate::GenesisProducer {
		account: MAKER,
		name: b"Fab Lab Barcelona".to_vec(),
		region: region_code.as_bytes().to_vec(),
		plus_code: Some(b"8FH495PF+29".to_vec()),
		processes: vec![Process::ThreeDPrinting],
		facility_manifest: None,
	}
}

#[test]
fn genesis_registers_producers_with_their_deposits() {
	new_test_ext(|| {
		use frame_support::traits::BuildGenesisConfig;
		crate::GenesisConfig::<Test> { producers: vec![genesis_producer("ES-CT")] }.build();
		let producer = Producers::<Test>::get(MAKER).unwrap();
		assert_eq!(producer.region, region("ES-CT"));
		assert_eq!(held(MAKER), producer.deposit);
		assert!(ProducersByRegion::<Test>::contains_key((*b"ES", region("ES-CT"), MAKER)));
	});
}

#[test]
#[should_panic(expected = "does not register")]
fn genesis_refuses_an_invalid_producer() {
	new_bench_ext().execute_with(|| {
		use frame_support::traits::BuildGenesisConfig;
		crate::GenesisConfig::<Test> { producers: vec![genesis_producer("ES_CT")] }.build();
	});
}
