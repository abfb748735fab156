//! Community currencies against the accounts the pallets hold (issue 17, items 2 and 3): a
//! currency prices a pledge or comes in as revenue only once the Assembly approved it, and an
//! approved currency is out of its issuer's reach and needs no consumer reference, so that
//! unsolicited balances cannot block the pallets' accounts.

use cosmolocal_primitives::{currency::UNITS, design::Process};
use cosmolocal_runtime::{
	AccountId, Assets, CommunityCurrencies, ContributiveAccounting, DesignRegistry,
	ProductionPledges, Runtime, RuntimeOrigin, System,
};
use frame_support::{assert_noop, assert_ok, traits::fungible::NativeOrWithId, BoundedVec};
use frame_system::ConsumerLimits;
use pallet_community_currencies::Error as CurrenciesError;
use pallet_contributive_accounting::{DesignNetworks, Error as AccountingError, Revenue};
use pallet_design_registry::DesignLicences;
use pallet_production_pledges::{Error as PledgesError, NextPledgeId, PledgeState, Pledges};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Dave, Eve, Ferdie};
use sp_runtime::{traits::StaticLookup, BuildStorage, DispatchError, Permill};

mod common;
use common::{account, endowed_storage, signed};

/// Dave's cooperative's currency.
const HOURS: u32 = 1;

fn bounded<S: frame_support::traits::Get<u32>>(text: &str) -> BoundedVec<u8, S> {
	BoundedVec::truncate_from(text.as_bytes().to_vec())
}

fn address(who: AccountId) -> <<Runtime as frame_system::Config>::Lookup as StaticLookup>::Source {
	<Runtime as frame_system::Config>::Lookup::unlookup(who)
}

fn new_ext() -> sp_io::TestExternalities {
	let mut storage = endowed_storage();
	pallet_design_registry::GenesisConfig::<Runtime> {
		licences: vec![(b"CERN-OHL-S-2.0".to_vec(), true), (b"CC-BY-SA-4.0".to_vec(), true)],
		designs: vec![],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_community_currencies::GenesisConfig::<Runtime>::default()
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		// Alice's design, with a 10 % commons share; Dave's workshop can make it.
		assert_ok!(DesignRegistry::register_design(
			signed(Alice),
			bounded("Solar food dryer"),
			DesignLicences {
				hardware: bounded("CERN-OHL-S-2.0"),
				documentation: bounded("CC-BY-SA-4.0"),
				software: None,
			},
			BoundedVec::new(),
			BoundedVec::truncate_from(vec![Process::Woodworking]),
			bounded("ipfs://manifest"),
			[1; 32],
			bounded("1.0.0"),
			None,
		));
		assert_ok!(DesignRegistry::set_commons_share(signed(Alice), 0, Permill::from_percent(10)));
		assert_ok!(ProductionPledges::register_producer(
			signed(Dave),
			bounded("Fab Lab Barcelona"),
			bounded("ES-CT"),
			None,
			BoundedVec::truncate_from(vec![Process::Woodworking]),
			None,
		));
		// Dave's cooperative issues hours, and gives some to Eve and Alice.
		assert_ok!(Assets::create(signed(Dave), HOURS.into(), address(account(Dave)), 1));
		for who in [Dave, Eve, Alice] {
			assert_ok!(Assets::mint(signed(Dave), HOURS.into(), address(account(who)), 1_000));
		}
		System::reset_events();
	});
	ext
}

/// Dave hands his currency to the custodian, and the Assembly (root here) approves it.
fn approve_hours() {
	assert_ok!(Assets::transfer_ownership(
		signed(Dave),
		HOURS.into(),
		address(CommunityCurrencies::custodian())
	));
	assert_ok!(CommunityCurrencies::approve(RuntimeOrigin::root(), HOURS));
}

/// Dave pledges two dryers at 100 hours each, with a bond of 20 hours.
fn pledge_in(asset: NativeOrWithId<u32>) -> sp_runtime::DispatchResult {
	ProductionPledges::create_pledge(
		signed(Dave),
		0,
		0,
		asset,
		100,
		2,
		2,
		100,
		200,
		20,
		Permill::one(),
	)
}

const IN_HOURS: NativeOrWithId<u32> = NativeOrWithId::WithId(HOURS);

fn hours(who: &AccountId) -> u128 {
	Assets::balance(HOURS, who)
}

#[test]
fn a_currency_the_assembly_did_not_approve_prices_no_pledge_and_brings_no_revenue() {
	new_ext().execute_with(|| {
		assert_noop!(pledge_in(IN_HOURS), PledgesError::<Runtime>::CurrencyNotApproved);
		let network = DesignNetworks::<Runtime>::get(0).unwrap();
		assert_noop!(
			ContributiveAccounting::deposit_revenue(signed(Alice), network, IN_HOURS, 100),
			AccountingError::<Runtime>::CurrencyNotApproved
		);
	});
}

#[test]
fn the_assembly_approves_only_an_asset_its_owner_handed_over() {
	new_ext().execute_with(|| {
		assert_noop!(
			CommunityCurrencies::approve(RuntimeOrigin::root(), HOURS),
			CurrenciesError::<Runtime>::OwnerNotCustodian
		);
		assert_noop!(CommunityCurrencies::approve(signed(Dave), HOURS), DispatchError::BadOrigin);
		approve_hours();
		let info = CommunityCurrencies::currency(HOURS).unwrap();
		let custodian = CommunityCurrencies::custodian();
		assert!(info.usable && info.sufficient);
		assert_eq!(
			(info.issuer, info.owner, info.admin, info.freezer),
			(account(Dave), custodian.clone(), custodian.clone(), custodian)
		);
	});
}

#[test]
fn an_approved_currency_in_escrow_is_out_of_its_issuers_reach() {
	new_ext().execute_with(|| {
		approve_hours();
		assert_ok!(pledge_in(IN_HOURS));
		assert_ok!(ProductionPledges::back(signed(Eve), 0, 1));
		let escrow = ProductionPledges::escrow_account(0);
		let held = hours(&escrow);
		assert_eq!(held, 1 + 20 + 100, "the minimum balance, the bond and one unit");

		// Dave issued the currency: none of the powers that reach an account are his.
		let no_permission: DispatchError = pallet_assets::Error::<Runtime>::NoPermission.into();
		let id = || HOURS.into();
		let escrow_address = || address(escrow.clone());
		assert_noop!(
			Assets::force_transfer(
				signed(Dave),
				id(),
				escrow_address(),
				address(account(Dave)),
				held
			),
			no_permission
		);
		assert_noop!(Assets::burn(signed(Dave), id(), escrow_address(), held), no_permission);
		assert_noop!(Assets::freeze(signed(Dave), id(), escrow_address()), no_permission);
		assert_noop!(Assets::block(signed(Dave), id(), escrow_address()), no_permission);
		assert_noop!(Assets::freeze_asset(signed(Dave), id()), no_permission);
		assert_noop!(Assets::start_destroy(signed(Dave), id()), no_permission);
		// Minting stays his.
		assert_ok!(Assets::mint(signed(Dave), id(), address(account(Ferdie)), 10));

		// Dave cancels; Eve takes her 100 hours back.
		assert_ok!(ProductionPledges::cancel_pledge(signed(Dave), 0));
		let before = hours(&account(Eve));
		assert_ok!(ProductionPledges::claim_refund(signed(Eve), 0));
		assert_eq!(hours(&account(Eve)), before + 100);
	});
}

/// Bob creates `count` worthless assets from id `first` on and sends one unit of each to
/// `target`, after giving it a CML so that it exists.
fn send_unsolicited_balances(target: &AccountId, first: u32, count: u32) {
	assert_ok!(
		<cosmolocal_runtime::Balances as frame_support::traits::fungible::Mutate<_>>::transfer(
			&account(Bob),
			target,
			UNITS,
			frame_support::traits::tokens::Preservation::Preserve
		)
	);
	for junk in first..first + count {
		assert_ok!(Assets::create(signed(Bob), junk.into(), address(account(Bob)), 1));
		assert_ok!(Assets::mint(signed(Bob), junk.into(), address(target.clone()), 1));
	}
}

#[test]
fn unsolicited_balances_do_not_stop_an_escrow_or_a_network_taking_an_approved_currency() {
	new_ext().execute_with(|| {
		approve_hours();
		let max_consumers = <Runtime as frame_system::Config>::MaxConsumers::max_consumers();
		// As many unsolicited balances as the assets pallet lets an account take.
		let junk = max_consumers - 1;
		let escrow = ProductionPledges::escrow_account(NextPledgeId::<Runtime>::get());
		send_unsolicited_balances(&escrow, 100, junk);
		assert_eq!(System::consumers(&escrow), junk);
		let network = DesignNetworks::<Runtime>::get(0).unwrap();
		let network_account = ContributiveAccounting::network_account(network);
		send_unsolicited_balances(&network_account, 200, junk);

		// The escrow takes the pledge's bond and backings, the network a donation, in hours.
		assert_ok!(pledge_in(IN_HOURS));
		assert_ok!(ProductionPledges::back(signed(Eve), 0, 2));
		assert_ok!(ContributiveAccounting::deposit_revenue(signed(Alice), network, IN_HOURS, 50));
		assert_eq!(System::consumers(&escrow), junk, "hours took no consumer reference");

		// Delivered, confirmed, settled: the commons share reaches the network.
		assert_ok!(ProductionPledges::close_funding(signed(Eve), 0));
		assert_ok!(ProductionPledges::report_delivery(
			signed(Dave),
			0,
			2,
			bounded("ipfs://photos")
		));
		assert_ok!(ProductionPledges::confirm_receipt(signed(Eve), 0));
		assert_ok!(ProductionPledges::settle(signed(Eve), 0));
		assert_eq!(
			Pledges::<Runtime>::get(0).map(|pledge| pledge.state),
			Some(PledgeState::Settled)
		);
		let pool = Revenue::<Runtime>::get(network, IN_HOURS).unwrap();
		assert_eq!(pool.received, 49 + 20, "the donation less the minimum, and 10 % of 200");
	});
}

#[test]
fn the_runtime_api_lists_the_approved_currencies() {
	new_ext().execute_with(|| {
		assert!(CommunityCurrencies::approved_currencies().is_empty());
		approve_hours();
		let listed = CommunityCurrencies::approved_currencies();
		assert_eq!(listed.iter().map(|info| info.asset).collect::<Vec<_>>(), vec![HOURS]);
		assert_ok!(CommunityCurrencies::revoke(RuntimeOrigin::root(), HOURS));
		assert!(CommunityCurrencies::approved_currencies().is_empty());
		assert_noop!(pledge_in(IN_HOURS), PledgesError::<Runtime>::CurrencyNotApproved);
	});
}
