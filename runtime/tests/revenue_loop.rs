//! The cosmo-local loop, through the runtime's own pallets: a design and its derivative are
//! registered, a workshop pledges the derivative, neighbours back it, it is delivered, confirmed
//! and settled — and the commons share reaches the derivative's contributors and, up the lineage,
//! the parent's, who claim exactly what the rules say.

use cosmolocal_primitives::{
	contribution::ContributionKind,
	currency::{EXISTENTIAL_DEPOSIT, UNITS},
	design::Process,
};
use cosmolocal_runtime::{
	Balance, Balances, ContributiveAccounting, DesignRegistry, ProductionPledges, Runtime, System,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold, NativeOrWithId},
	BoundedVec,
};
use pallet_contributive_accounting::{DesignNetworks, Error as AccountingError, Members};
use pallet_design_registry::{DesignLicences, Lineage, LineageKind, Readiness};
use pallet_production_pledges::{PledgeState, Pledges};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{BuildStorage, Permill};

mod common;
use common::{account, endowed_storage, signed};

const NATIVE: NativeOrWithId<u32> = NativeOrWithId::Native;

fn bounded<S: frame_support::traits::Get<u32>>(text: &str) -> BoundedVec<u8, S> {
	BoundedVec::truncate_from(text.as_bytes().to_vec())
}

fn free(keyring: Sr25519Keyring) -> Balance {
	Balances::balance(&account(keyring))
}

fn new_ext() -> sp_io::TestExternalities {
	let mut storage = endowed_storage();
	pallet_design_registry::GenesisConfig::<Runtime> {
		licences: vec![(b"CERN-OHL-S-2.0".to_vec(), true), (b"CC-BY-SA-4.0".to_vec(), true)],
		designs: vec![],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

fn register_design(creator: Sr25519Keyring, name: &str, parent: Option<u32>) -> u32 {
	let design = pallet_design_registry::NextDesignId::<Runtime>::get();
	assert_ok!(DesignRegistry::register_design(
		signed(creator),
		bounded(name),
		DesignLicences {
			hardware: bounded("CERN-OHL-S-2.0"),
			documentation: bounded("CC-BY-SA-4.0"),
			software: None,
		},
		BoundedVec::new(),
		BoundedVec::truncate_from(vec![Process::Woodworking, Process::Assembly]),
		bounded("ipfs://manifest"),
		[1; 32],
		bounded("1.0.0"),
		parent.map(|parent| Lineage { kind: LineageKind::Derivative, parent, parent_version: 0 }),
	));
	design
}

#[test]
fn local_production_pays_the_design_commons_up_the_lineage() {
	new_ext().execute_with(|| {
		use Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve, Ferdie};

		// Alice designs a solar dryer; Bob derives a bamboo dryer from it and asks 10 % of each
		// production run for its commons. Each creator has 10 × 20 = 200 design points.
		let dryer = register_design(Alice, "Solar food dryer", None);
		let bamboo = register_design(Bob, "Bamboo solar dryer", Some(dryer));
		assert_ok!(DesignRegistry::set_commons_share(
			signed(Bob),
			bamboo,
			Permill::from_percent(10)
		));
		let dryer_network = DesignNetworks::<Runtime>::get(dryer).unwrap();
		let bamboo_network = DesignNetworks::<Runtime>::get(bamboo).unwrap();

		// Charlie documents the bamboo dryer; Bob, its steward, accepts: 5 × 10 = 50 points.
		assert_ok!(ContributiveAccounting::log_contribution(
			signed(Charlie),
			bamboo_network,
			ContributionKind::Documentation,
			5,
			bounded("ipfs://assembly-guide"),
		));
		assert_ok!(ContributiveAccounting::review_contribution(signed(Bob), 2, true));
		let points = |network, who| {
			Members::<Runtime>::get(network, account(who)).map_or(0, |member| member.points)
		};
		assert_eq!((points(bamboo_network, Bob), points(bamboo_network, Charlie)), (200, 50));
		assert_eq!(points(dryer_network, Alice), 200);

		// Dave's workshop pledges 4 bamboo dryers at 100 CML each, with a bond of 50 CML; Eve
		// and Ferdie back two each; funding closes, Dave delivers, both confirm, anyone settles.
		assert_ok!(ProductionPledges::register_producer(
			signed(Dave),
			bounded("Fab Lab Barcelona"),
			bounded("ES-CT"),
			None,
			BoundedVec::truncate_from(vec![Process::Woodworking, Process::Assembly]),
			None,
		));
		assert_ok!(ProductionPledges::create_pledge(
			signed(Dave),
			bamboo,
			0,
			NATIVE,
			100 * UNITS,
			4,
			4,
			100,
			200,
			50 * UNITS,
			Permill::one(),
		));
		assert_ok!(ProductionPledges::back(signed(Eve), 0, 2));
		assert_ok!(ProductionPledges::back(signed(Ferdie), 0, 2));
		assert_ok!(ProductionPledges::close_funding(signed(Charlie), 0));
		assert_ok!(ProductionPledges::report_delivery(
			signed(Dave),
			0,
			4,
			bounded("ipfs://photos")
		));
		assert_ok!(ProductionPledges::confirm_receipt(signed(Eve), 0));
		assert_ok!(ProductionPledges::confirm_receipt(signed(Ferdie), 0));
		let dave_before = free(Dave);
		assert_ok!(ProductionPledges::settle(signed(Charlie), 0));
		assert_eq!(Pledges::<Runtime>::get(0).unwrap().state, PledgeState::Settled);

		// 400 CML earned: 10 % (40 CML) to the commons, 360 CML and the bond to Dave.
		assert_eq!(free(Dave), dave_before + 410 * UNITS);
		assert_eq!(
			pallet_design_registry::Designs::<Runtime>::get(bamboo).unwrap().readiness,
			Readiness::MadeIndependently
		);
		// Dave's production is logged for the bamboo dryer's stewards to review; accepted, it
		// counts from now on: 4 × 20 = 80 points, after this revenue.
		let production = pallet_contributive_accounting::NextContributionId::<Runtime>::get() - 1;
		assert_eq!(points(bamboo_network, Dave), 0);
		assert_ok!(ContributiveAccounting::review_contribution(signed(Bob), production, true));
		assert_eq!(points(bamboo_network, Dave), 80);

		// The bamboo dryer's network keeps three quarters of the 40 CML and passes 10 CML up to
		// the solar dryer's; each keeps the existential deposit of its first revenue.
		let bamboo_revenue = 30 * UNITS - EXISTENTIAL_DEPOSIT;
		let dryer_revenue = 10 * UNITS - EXISTENTIAL_DEPOSIT;
		let claim = |who: Sr25519Keyring, network| {
			let before = free(who);
			assert_ok!(ContributiveAccounting::claim(signed(who), network, NATIVE));
			free(who) - before
		};
		assert_eq!(claim(Bob, bamboo_network), bamboo_revenue * 200 / 250);
		assert_eq!(claim(Charlie, bamboo_network), bamboo_revenue * 50 / 250);
		assert_eq!(claim(Alice, dryer_network), dryer_revenue);
		assert_noop!(
			ContributiveAccounting::claim(signed(Dave), bamboo_network, NATIVE),
			AccountingError::<Runtime>::NothingToClaim
		);

		// The backers take back their deposits; the last one closes the pledge.
		assert_ok!(ProductionPledges::claim_refund(signed(Eve), 0));
		assert_ok!(ProductionPledges::claim_refund(signed(Ferdie), 0));
		assert!(Pledges::<Runtime>::get(0).is_none());
	});
}

/// The deposits the pallets' READMEs and the cooperative guide state in CML are what this
/// runtime holds: each record's deposit is fixed by the largest encoding of its type, so the
/// figures hold whatever a call's texts are.
#[test]
fn the_deposits_are_those_the_docs_state() {
	new_ext().execute_with(|| {
		use Sr25519Keyring::{Alice, Bob, Charlie};
		let held = |who| Balances::total_balance_on_hold(&account(who));
		let milli_cml = |thousandths: Balance| thousandths * UNITS / 1_000;
		let design = register_design(Alice, "Solar food dryer", None);

		assert_ok!(ProductionPledges::register_producer(
			signed(Bob),
			bounded("Fab Lab Barcelona"),
			bounded("ES-CT"),
			None,
			BoundedVec::truncate_from(vec![Process::Woodworking, Process::Assembly]),
			None,
		));
		assert_eq!(held(Bob), milli_cml(487), "a producer");
		assert_ok!(ProductionPledges::create_pledge(
			signed(Bob),
			design,
			0,
			NATIVE,
			10 * UNITS,
			4,
			1,
			100,
			200,
			0,
			Permill::one(),
		));
		assert_eq!(held(Bob), milli_cml(487 + 1023), "a pledge");
		assert_ok!(ProductionPledges::back(signed(Charlie), 0, 1));
		assert_eq!(held(Charlie), milli_cml(157), "a backing");
		assert_ok!(ProductionPledges::back(signed(Charlie), 0, 2));
		assert_eq!(held(Charlie), milli_cml(157), "one backing entry per backer and pledge");

		let network = pallet_contributive_accounting::NextNetworkId::<Runtime>::get();
		assert_ok!(ContributiveAccounting::create_network(
			signed(Charlie),
			bounded("Kreuzberg repair circle"),
			BoundedVec::truncate_from(vec![account(Charlie)]),
			1,
			pallet_contributive_accounting::ValueEquation::Disco,
		));
		assert_eq!(held(Charlie), milli_cml(157 + 806), "a cooperative's network");
		assert_ok!(ContributiveAccounting::log_contribution(
			signed(Charlie),
			network,
			ContributionKind::Care,
			3,
			bounded("ipfs://care"),
		));
		assert_eq!(held(Charlie), milli_cml(157 + 806 + 1_430), "a pending contribution");
	});
}
