//! The proxy types through the runtime: what each lets a proxy do for the account that appointed
//! it, call family by call family, and the ways out of a restricted proxy that its filter closes
//! (calls that would dispatch under another origin, confirming a receipt, giving a seat away).

mod common;
use common::{account, endowed_storage, signed};
use cosmolocal_primitives::currency::UNITS;
use cosmolocal_runtime::{
	AccountId, Balance, Balances, Multisig, Proxy, ProxyType, Runtime, RuntimeCall, RuntimeEvent,
	System,
};
use frame_support::{
	assert_ok,
	traits::{fungible::Inspect, GetCallMetadata, InstanceFilter},
};
use sp_keyring::Sr25519Keyring::{self, *};
use sp_runtime::{BuildStorage, DispatchResult};

fn free(who: &AccountId) -> Balance {
	Balances::balance(who)
}

/// Every well-known account with 10 000 CML, and Alice alone in the Assembly.
fn new_ext() -> sp_io::TestExternalities {
	let mut storage = endowed_storage();
	pallet_membership::GenesisConfig::<Runtime, pallet_membership::Instance1> {
		members: vec![account(Alice)].try_into().unwrap(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// `delegate` makes `call` for `real` through `proxy.proxy`; returns the call's result, as
/// `ProxyExecuted` reports it.
fn through_proxy(delegate: Sr25519Keyring, real: &AccountId, call: RuntimeCall) -> DispatchResult {
	assert_ok!(Proxy::proxy(signed(delegate), real.clone().into(), None, Box::new(call)));
	System::events()
		.iter()
		.rev()
		.find_map(|record| match &record.event {
			RuntimeEvent::Proxy(pallet_proxy::Event::ProxyExecuted { result }) => Some(*result),
			_ => None,
		})
		.expect("a ProxyExecuted event")
}

fn appoint(real: Sr25519Keyring, delegate: &AccountId, proxy_type: ProxyType) {
	assert_ok!(Proxy::add_proxy(signed(real), delegate.clone().into(), proxy_type, 0));
}

fn transfer(to: Sr25519Keyring, amount: Balance) -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: account(to).into(),
		value: amount,
	})
}

fn assert_filtered(result: DispatchResult) {
	assert_eq!(result, Err(frame_system::Error::<Runtime>::CallFiltered.into()));
}

/// A multisig of one signature (`asMulti_threshold_1`) acts as the multisig account, with no
/// filter: neither restricted type may make one.
#[test]
fn a_restricted_proxy_cannot_spend_through_a_multisig_of_one_signature() {
	for proxy_type in [ProxyType::NonTransfer, ProxyType::CancelProxy] {
		new_ext().execute_with(|| {
			let mut signatories = [account(Alice), account(Bob)];
			signatories.sort();
			let multisig = Multisig::multi_account_id(&signatories, 1);
			assert_ok!(Balances::transfer_keep_alive(
				signed(Bob),
				multisig.clone().into(),
				100 * UNITS
			));
			appoint(Alice, &account(Dave), proxy_type);
			let spend = RuntimeCall::Multisig(pallet_multisig::Call::as_multi_threshold_1 {
				other_signatories: vec![account(Bob)],
				call: Box::new(transfer(Ferdie, 50 * UNITS)),
			});
			let (ferdie, held) = (free(&account(Ferdie)), free(&multisig));
			assert_filtered(through_proxy(Dave, &account(Alice), spend));
			assert_eq!((free(&account(Ferdie)), free(&multisig)), (ferdie, held), "{proxy_type:?}");
		});
	}
}

/// `proxy.proxy` acts as another account, under that account's proxy of this one: a
/// `NonTransfer` proxy of Alice cannot use Alice's `Any` proxy of Bob to move Bob's money.
#[test]
fn a_non_transfer_proxy_cannot_act_through_the_accounts_own_proxies() {
	new_ext().execute_with(|| {
		appoint(Bob, &account(Alice), ProxyType::Any);
		appoint(Alice, &account(Dave), ProxyType::NonTransfer);
		let spend = RuntimeCall::Proxy(pallet_proxy::Call::proxy {
			real: account(Bob).into(),
			force_proxy_type: None,
			call: Box::new(transfer(Ferdie, 50 * UNITS)),
		});
		let (ferdie, bob) = (free(&account(Ferdie)), free(&account(Bob)));
		assert_filtered(through_proxy(Dave, &account(Alice), spend));
		assert_eq!((free(&account(Ferdie)), free(&account(Bob))), (ferdie, bob));
	});
}

/// Confirming receipt pays the producer and ends the backer's right to dispute: a
/// `NonTransfer` proxy is stopped by the filter before the pallet looks at the pledge.
#[test]
fn a_non_transfer_proxy_cannot_confirm_a_receipt() {
	new_ext().execute_with(|| {
		appoint(Alice, &account(Dave), ProxyType::NonTransfer);
		let confirm =
			RuntimeCall::ProductionPledges(pallet_production_pledges::Call::confirm_receipt {
				pledge: 0,
			});
		assert_filtered(through_proxy(Dave, &account(Alice), confirm));
	});
}

/// `changeKey` would hand the account's seat in the Assembly to the proxy.
#[test]
fn a_non_transfer_proxy_cannot_give_the_assembly_seat_away() {
	new_ext().execute_with(|| {
		appoint(Alice, &account(Dave), ProxyType::NonTransfer);
		let take_seat = RuntimeCall::CouncilMembership(pallet_membership::Call::change_key {
			new: account(Dave).into(),
		});
		assert_filtered(through_proxy(Dave, &account(Alice), take_seat));
		assert_eq!(
			pallet_membership::Members::<Runtime, pallet_membership::Instance1>::get().into_inner(),
			vec![account(Alice)]
		);
	});
}

/// What the restricted types may do is done for the account: a `NonTransfer` proxy votes, and
/// a `CancelProxy` rejects an announcement, each also inside a batch.
#[test]
fn a_restricted_proxy_does_what_its_type_allows_for_the_account() {
	new_ext().execute_with(|| {
		appoint(Alice, &account(Dave), ProxyType::NonTransfer);
		appoint(Alice, &account(Eve), ProxyType::CancelProxy);
		let remark = RuntimeCall::System(frame_system::Call::remark_with_event {
			remark: b"for the coop".to_vec(),
		});
		let batch =
			RuntimeCall::Utility(pallet_utility::Call::batch_all { calls: vec![remark.clone()] });
		assert_ok!(through_proxy(Dave, &account(Alice), batch));
		assert!(System::events().iter().any(|record| matches!(
			&record.event,
			RuntimeEvent::System(frame_system::Event::Remarked { sender, .. }) if *sender == account(Alice)
		)));
		// Inside a batch the filter still holds, call by call.
		let spend_in_batch = RuntimeCall::Utility(pallet_utility::Call::batch_all {
			calls: vec![remark, transfer(Ferdie, UNITS)],
		});
		let ferdie = free(&account(Ferdie));
		assert!(through_proxy(Dave, &account(Alice), spend_in_batch).is_err());
		assert_eq!(free(&account(Ferdie)), ferdie);
		// Eve rejects an announcement made to Alice's account by one of its proxies.
		let call_hash = sp_core::H256::repeat_byte(7);
		assert_ok!(Proxy::announce(signed(Dave), account(Alice).into(), call_hash));
		let reject = RuntimeCall::Proxy(pallet_proxy::Call::reject_announcement {
			delegate: account(Dave).into(),
			call_hash,
		});
		assert_ok!(through_proxy(Eve, &account(Alice), reject));
		assert!(pallet_proxy::Announcements::<Runtime>::get(account(Dave)).0.is_empty());
	});
}

/// Every call family of the runtime against every proxy type: `(call, NonTransfer, CancelProxy)`
/// (`Any` allows everything). Every pallet with calls appears at least once.
#[test]
fn every_proxy_type_against_every_call_family() {
	use pallet_contributive_accounting::Call as Accounting;
	use pallet_design_registry::{Call as Registry, Readiness};
	use pallet_production_pledges::Call as Pledges;
	let nobody = || account(Ferdie);
	let member_call =
		|| Box::new(RuntimeCall::System(frame_system::Call::remark { remark: vec![] }));
	let cases: Vec<(RuntimeCall, bool, bool)> = vec![
		(RuntimeCall::System(frame_system::Call::remark { remark: vec![] }), true, false),
		(RuntimeCall::System(frame_system::Call::set_heap_pages { pages: 1 }), false, false),
		(RuntimeCall::Timestamp(pallet_timestamp::Call::set { now: 0 }), false, false),
		(
			RuntimeCall::Grandpa(pallet_grandpa::Call::note_stalled {
				delay: 1,
				best_finalized_block_number: 1,
			}),
			false,
			false,
		),
		(RuntimeCall::Session(pallet_session::Call::purge_keys {}), true, false),
		(
			RuntimeCall::ValidatorSet(pallet_validator_set::Call::add_validator {
				validator: nobody(),
			}),
			false,
			false,
		),
		(transfer(Ferdie, 1), false, false),
		(
			RuntimeCall::CommunityCurrencies(pallet_community_currencies::Call::approve {
				asset: 1,
			}),
			false,
			false,
		),
		(
			RuntimeCall::Assets(pallet_assets::Call::transfer {
				id: 1.into(),
				target: nobody().into(),
				amount: 1,
			}),
			false,
			false,
		),
		(RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: member_call() }), false, false),
		(
			RuntimeCall::Council(pallet_collective::Call::vote {
				proposal: Default::default(),
				index: 0,
				approve: true,
			}),
			true,
			false,
		),
		(
			RuntimeCall::Council(pallet_collective::Call::propose {
				threshold: 1,
				proposal: member_call(),
				length_bound: 10,
			}),
			true,
			false,
		),
		(
			RuntimeCall::Council(pallet_collective::Call::disapprove_proposal {
				proposal_hash: Default::default(),
			}),
			false,
			false,
		),
		(
			RuntimeCall::CouncilMembership(pallet_membership::Call::change_key {
				new: nobody().into(),
			}),
			false,
			false,
		),
		(
			RuntimeCall::TechnicalCommittee(pallet_collective::Call::close {
				proposal_hash: Default::default(),
				index: 0,
				proposal_weight_bound: Default::default(),
				length_bound: 0,
			}),
			true,
			false,
		),
		(
			RuntimeCall::TechnicalMembership(pallet_membership::Call::change_key {
				new: nobody().into(),
			}),
			false,
			false,
		),
		(
			RuntimeCall::Certifiers(pallet_membership::Call::change_key { new: nobody().into() }),
			false,
			false,
		),
		(RuntimeCall::Treasury(pallet_treasury::Call::payout { index: 0 }), true, false),
		(
			RuntimeCall::Treasury(pallet_treasury::Call::spend_local {
				amount: 1,
				beneficiary: nobody().into(),
			}),
			false,
			false,
		),
		(
			RuntimeCall::Preimage(pallet_preimage::Call::note_preimage { bytes: vec![1] }),
			true,
			false,
		),
		(
			RuntimeCall::Whitelist(pallet_whitelist::Call::whitelist_call {
				call_hash: Default::default(),
			}),
			false,
			false,
		),
		(RuntimeCall::Utility(pallet_utility::Call::batch { calls: vec![] }), true, true),
		(
			RuntimeCall::Utility(pallet_utility::Call::as_derivative {
				index: 0,
				call: member_call(),
			}),
			false,
			false,
		),
		(
			RuntimeCall::Multisig(pallet_multisig::Call::as_multi_threshold_1 {
				other_signatories: vec![nobody()],
				call: member_call(),
			}),
			false,
			false,
		),
		(
			RuntimeCall::Proxy(pallet_proxy::Call::reject_announcement {
				delegate: nobody().into(),
				call_hash: Default::default(),
			}),
			true,
			true,
		),
		(
			RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
				delegate: nobody().into(),
				proxy_type: ProxyType::CancelProxy,
				delay: 0,
			}),
			true,
			false,
		),
		(
			RuntimeCall::Proxy(pallet_proxy::Call::proxy {
				real: nobody().into(),
				force_proxy_type: None,
				call: member_call(),
			}),
			false,
			false,
		),
		(
			RuntimeCall::DesignRegistry(Registry::set_readiness {
				design: 0,
				readiness: Readiness::Prototype,
			}),
			true,
			false,
		),
		(RuntimeCall::ProductionPledges(Pledges::back { pledge: 0, units: 1 }), false, false),
		(RuntimeCall::ProductionPledges(Pledges::confirm_receipt { pledge: 0 }), false, false),
		(RuntimeCall::ProductionPledges(Pledges::claim_refund { pledge: 0 }), true, false),
		(RuntimeCall::ProductionPledges(Pledges::pay_producer { pledge: 0 }), true, false),
		(
			RuntimeCall::ProductionPledges(Pledges::dispute {
				pledge: 0,
				reason: Default::default(),
			}),
			true,
			false,
		),
		(
			RuntimeCall::ContributiveAccounting(Accounting::deposit_revenue {
				network: 0,
				asset: frame_support::traits::fungible::NativeOrWithId::Native,
				amount: 1,
			}),
			false,
			false,
		),
		(
			RuntimeCall::ContributiveAccounting(Accounting::claim {
				network: 0,
				asset: frame_support::traits::fungible::NativeOrWithId::Native,
			}),
			true,
			false,
		),
	];
	for (call, non_transfer, cancel_proxy) in &cases {
		let name = call.get_call_metadata();
		assert!(ProxyType::Any.filter(call), "Any: {name:?}");
		assert_eq!(ProxyType::NonTransfer.filter(call), *non_transfer, "NonTransfer: {name:?}");
		assert_eq!(ProxyType::CancelProxy.filter(call), *cancel_proxy, "CancelProxy: {name:?}");
	}
	let families: std::collections::BTreeSet<&str> =
		cases.iter().map(|(call, ..)| call.get_call_metadata().pallet_name).collect();
	let missing: Vec<&str> = RuntimeCall::get_module_names()
		.iter()
		.copied()
		.filter(|pallet| !families.contains(pallet))
		.collect();
	assert!(missing.is_empty(), "call families without a case: {missing:?}");
}
