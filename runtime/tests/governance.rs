//! Governance through the runtime, from the genesis of the `local_testnet` preset (the chain of
//! `--chain local` and of every chain spec made from it): an Assembly of five (Alice, Bob,
//! Charlie, Dave, Eve), an arbitration panel of three (Charlie, Dave, Eve), one certifying body
//! (Ferdie) and no sudo key.
//!
//! Every governed call is tried at its threshold, one vote below it, by one member alone, by a
//! signed account and, where it matters, through the former sudo key: only the threshold passes.
//! With five members a majority is three votes, two thirds and three quarters are four.

use codec::Encode;
use cosmolocal_primitives::currency::UNITS;
use cosmolocal_runtime::{
	configs::{
		governance::{
			AssemblyCollective, PanelCollective, ASSEMBLY_MOTION_DURATION, PANEL_MOTION_DURATION,
		},
		treasury::{
			FeesToTreasury, TreasuryAccount, TreasuryBeneficiary, TREASURY_FEE_SHARE,
			TREASURY_PAYOUT_PERIOD,
		},
	},
	genesis_config_presets, AccountId, Balance, Balances, Certifiers, Council, CouncilMembership,
	DesignRegistry, Runtime, RuntimeCall, RuntimeEvent, RuntimeGenesisConfig, RuntimeOrigin, Sudo,
	System, TechnicalCommittee, Treasury,
};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::GetDispatchInfo,
	traits::{
		fungible::{Balanced, Inspect, NativeOrWithId},
		OnUnbalanced,
	},
	BoundedVec,
};
use sp_keyring::Sr25519Keyring::{self, *};
use sp_runtime::{
	traits::{BlakeTwo256, Hash},
	DispatchError, DispatchResult, Perbill, Permill,
};

/// The Assembly at genesis.
const ASSEMBLY: [Sr25519Keyring; 5] = [Alice, Bob, Charlie, Dave, Eve];
/// The arbitration panel at genesis.
const PANEL: [Sr25519Keyring; 3] = [Charlie, Dave, Eve];

fn account(keyring: Sr25519Keyring) -> AccountId {
	keyring.to_account_id()
}

fn signed(keyring: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(account(keyring))
}

/// The state of the `local_testnet` preset's genesis, at block 1.
fn local_chain() -> sp_io::TestExternalities {
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
	let preset = genesis_config_presets::get_preset(
		&sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET.into(),
	)
	.unwrap();
	sc_chain_spec::json_merge(&mut config, serde_json::from_slice(&preset).unwrap());
	let mut ext = sp_io::TestExternalities::default();
	ext.execute_with(|| {
		frame_support::genesis_builder_helper::build_state::<RuntimeGenesisConfig>(
			serde_json::to_vec(&config).unwrap(),
		)
		.unwrap();
		System::set_block_number(1);
	});
	ext
}

/// The `Executed` result of the last motion of a collective, if one was executed.
fn executed(events: &[RuntimeEvent]) -> Option<DispatchResult> {
	events.iter().rev().find_map(|event| match event {
		RuntimeEvent::Council(pallet_collective::Event::Executed { result, .. })
		| RuntimeEvent::TechnicalCommittee(pallet_collective::Event::Executed { result, .. }) => {
			Some(result.map_err(|error| error))
		},
		_ => None,
	})
}

fn events() -> Vec<RuntimeEvent> {
	System::events().into_iter().map(|record| record.event).collect()
}

/// A motion of the Assembly: the first of `ayes` proposes `call`, the rest vote aye, every other
/// member votes nay, and the first closes it. Returns what the call's dispatch returned, or
/// `None` when the motion was disapproved (it needed more ayes than it had).
fn assembly_motion(ayes: &[Sr25519Keyring], call: RuntimeCall) -> Option<DispatchResult> {
	motion::<AssemblyCollective>(&ASSEMBLY, ayes, call)
}

/// A motion of the arbitration panel, as [`assembly_motion`].
fn panel_motion(ayes: &[Sr25519Keyring], call: RuntimeCall) -> Option<DispatchResult> {
	motion::<PanelCollective>(&PANEL, ayes, call)
}

fn motion<I: 'static>(
	members: &[Sr25519Keyring],
	ayes: &[Sr25519Keyring],
	call: RuntimeCall,
) -> Option<DispatchResult>
where
	Runtime: pallet_collective::Config<I, Proposal = RuntimeCall>,
{
	System::reset_events();
	let length = call.encoded_size() as u32;
	let weight = call.get_dispatch_info().call_weight;
	let hash = BlakeTwo256::hash_of(&call);
	let proposer = ayes[0];
	let index = pallet_collective::ProposalCount::<Runtime, I>::get();
	// The proposer asks for as many ayes as it has: the motion passes the collective's own
	// threshold, and the governed call's origin then judges the proportion.
	assert_ok!(pallet_collective::Pallet::<Runtime, I>::propose(
		signed(proposer),
		ayes.len() as u32,
		Box::new(call),
		length,
	));
	if ayes.len() == 1 {
		// A threshold of one executes at once, as the proposer's decision alone.
		return executed(&events());
	}
	// Proposing is not voting: the proposer votes too.
	for voter in members {
		let aye = ayes.contains(voter);
		assert_ok!(pallet_collective::Pallet::<Runtime, I>::vote(signed(*voter), hash, index, aye));
	}
	assert_ok!(pallet_collective::Pallet::<Runtime, I>::close(
		signed(proposer),
		hash,
		index,
		weight,
		length
	));
	executed(&events())
}

/// `call` dispatched as root through the whitelist: one motion that whitelists the call's hash
/// and dispatches it.
fn as_root(call: RuntimeCall) -> RuntimeCall {
	let hash = BlakeTwo256::hash_of(&call);
	RuntimeCall::Utility(pallet_utility::Call::batch_all {
		calls: vec![
			RuntimeCall::Whitelist(pallet_whitelist::Call::whitelist_call { call_hash: hash }),
			RuntimeCall::Whitelist(
				pallet_whitelist::Call::dispatch_whitelisted_call_with_preimage {
					call: Box::new(call),
				},
			),
		],
	})
}

fn allow_licence(id: &str) -> RuntimeCall {
	RuntimeCall::DesignRegistry(pallet_design_registry::Call::allow_licence {
		licence: BoundedVec::truncate_from(id.as_bytes().to_vec()),
		share_alike: false,
	})
}

fn licence_listed(id: &str) -> bool {
	pallet_design_registry::Licences::<Runtime>::get(
		pallet_design_registry::LicenceId::truncate_from(id.as_bytes().to_vec()),
	)
	.is_some_and(|info| info.allowed)
}

const BAD_ORIGIN: Option<DispatchResult> = Some(Err(DispatchError::BadOrigin));

#[test]
fn a_local_chain_has_no_sudo_key() {
	local_chain().execute_with(|| {
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
		// Alice held the key of the development chain; here she holds none.
		assert_noop!(
			Sudo::sudo(signed(Alice), Box::new(allow_licence("Unlicense"))),
			pallet_sudo::Error::<Runtime>::RequireSudo
		);
		let mut assembly: Vec<_> = ASSEMBLY.iter().map(|k| account(*k)).collect();
		assembly.sort();
		assert_eq!(pallet_collective::Members::<Runtime, AssemblyCollective>::get(), assembly);
		assert_eq!(Certifiers::members().to_vec(), vec![account(Ferdie)]);
	});
}

#[test]
fn the_licence_list_takes_a_majority_of_the_assembly() {
	local_chain().execute_with(|| {
		assert_noop!(
			DesignRegistry::allow_licence(
				signed(Alice),
				BoundedVec::truncate_from(b"Unlicense".to_vec()),
				false
			),
			DispatchError::BadOrigin
		);
		assert_eq!(assembly_motion(&[Alice], allow_licence("Unlicense")), BAD_ORIGIN);
		assert_eq!(assembly_motion(&[Alice, Bob], allow_licence("Unlicense")), BAD_ORIGIN);
		assert!(!licence_listed("Unlicense"));
		assert_eq!(
			assembly_motion(&[Alice, Bob, Charlie], allow_licence("Unlicense")),
			Some(Ok(()))
		);
		assert!(licence_listed("Unlicense"));
		// The arbitration panel is not the Assembly, even unanimous.
		assert_eq!(panel_motion(&PANEL, allow_licence("WTFPL")), BAD_ORIGIN);
		let disallow =
			RuntimeCall::DesignRegistry(pallet_design_registry::Call::disallow_licence {
				licence: BoundedVec::truncate_from(b"Unlicense".to_vec()),
			});
		assert_eq!(assembly_motion(&[Alice, Bob], disallow.clone()), BAD_ORIGIN);
		assert_eq!(assembly_motion(&[Alice, Bob, Eve], disallow), Some(Ok(())));
		assert!(!licence_listed("Unlicense"));
	});
}

#[test]
fn community_currencies_are_approved_and_revoked_by_a_majority_of_the_assembly() {
	local_chain().execute_with(|| {
		use cosmolocal_runtime::{Assets, CommunityCurrencies};
		let hours = 1u32;
		let address = |who| sp_runtime::MultiAddress::Id(who);
		assert_ok!(Assets::create(signed(Ferdie), hours.into(), address(account(Ferdie)), 1));
		assert_ok!(Assets::transfer_ownership(
			signed(Ferdie),
			hours.into(),
			address(CommunityCurrencies::custodian())
		));
		let approve =
			RuntimeCall::CommunityCurrencies(pallet_community_currencies::Call::approve {
				asset: hours,
			});
		let revoke = RuntimeCall::CommunityCurrencies(pallet_community_currencies::Call::revoke {
			asset: hours,
		});
		assert_noop!(CommunityCurrencies::approve(signed(Ferdie), hours), DispatchError::BadOrigin);
		assert_eq!(assembly_motion(&[Alice, Bob], approve.clone()), BAD_ORIGIN);
		assert_eq!(panel_motion(&PANEL, approve.clone()), BAD_ORIGIN);
		assert!(pallet_community_currencies::Approved::<Runtime>::get(hours).is_none());
		assert_eq!(assembly_motion(&[Alice, Bob, Charlie], approve), Some(Ok(())));
		assert!(pallet_community_currencies::Approved::<Runtime>::get(hours).is_some());
		assert_eq!(assembly_motion(&[Alice, Bob], revoke.clone()), BAD_ORIGIN);
		assert_eq!(assembly_motion(&[Alice, Bob, Eve], revoke), Some(Ok(())));
		assert!(pallet_community_currencies::Approved::<Runtime>::get(hours).is_none());
	});
}

fn certify(design: u32) -> RuntimeCall {
	RuntimeCall::DesignRegistry(pallet_design_registry::Call::certify {
		design,
		version: 0,
		evidence: BoundedVec::truncate_from(b"ipfs://report".to_vec()),
	})
}

fn register_design(creator: Sr25519Keyring) -> u32 {
	let id = pallet_design_registry::NextDesignId::<Runtime>::get();
	let licence = |id: &[u8]| BoundedVec::truncate_from(id.to_vec());
	assert_ok!(DesignRegistry::register_design(
		signed(creator),
		BoundedVec::truncate_from(b"Solar food dryer".to_vec()),
		pallet_design_registry::DesignLicences {
			hardware: licence(b"CERN-OHL-S-2.0"),
			documentation: licence(b"CC-BY-SA-4.0"),
			software: None,
		},
		BoundedVec::new(),
		BoundedVec::truncate_from(vec![cosmolocal_primitives::design::Process::Assembly]),
		BoundedVec::truncate_from(b"ipfs://dryer".to_vec()),
		[id as u8; 32],
		BoundedVec::truncate_from(b"1.0.0".to_vec()),
		None,
	));
	id
}

#[test]
fn a_certifying_body_certifies_in_its_own_name_and_the_assembly_by_a_majority() {
	local_chain().execute_with(|| {
		let [first, second, third] =
			[register_design(Alice), register_design(Bob), register_design(Bob)];
		let certifier = |design| {
			pallet_design_registry::Certifications::<Runtime>::get(design, 0).map(|c| c.certifier)
		};
		assert_ok!(DesignRegistry::certify(
			signed(Ferdie),
			first,
			0,
			BoundedVec::truncate_from(b"ipfs://report".to_vec())
		));
		assert_eq!(certifier(first), Some(Some(account(Ferdie))));
		// An Assembly member alone is no certifier, nor is the designer.
		for who in [Alice, Bob] {
			assert_noop!(
				DesignRegistry::certify(
					signed(who),
					second,
					0,
					BoundedVec::truncate_from(b"ipfs://report".to_vec())
				),
				DispatchError::BadOrigin
			);
		}
		assert_eq!(assembly_motion(&[Alice, Bob], certify(second)), BAD_ORIGIN);
		assert_eq!(assembly_motion(&[Alice, Bob, Charlie], certify(second)), Some(Ok(())));
		assert_eq!(certifier(second), Some(None));
		// The Assembly keeps the certifying bodies: once Ferdie is removed, it certifies no more.
		let remove = RuntimeCall::Certifiers(pallet_membership::Call::remove_member {
			who: account(Ferdie).into(),
		});
		assert_eq!(assembly_motion(&[Alice, Bob], remove.clone()), BAD_ORIGIN);
		assert_eq!(assembly_motion(&[Alice, Bob, Charlie], remove), Some(Ok(())));
		assert_noop!(
			DesignRegistry::certify(
				signed(Ferdie),
				third,
				0,
				BoundedVec::truncate_from(b"ipfs://report".to_vec())
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn validators_are_added_and_removed_by_two_thirds_of_the_assembly() {
	local_chain().execute_with(|| {
		let validators = || pallet_validator_set::Validators::<Runtime>::get();
		assert!(validators().contains(&account(Bob)));
		let remove = RuntimeCall::ValidatorSet(pallet_validator_set::Call::remove_validator {
			validator: account(Bob),
		});
		assert_noop!(
			cosmolocal_runtime::ValidatorSet::remove_validator(signed(Alice), account(Bob)),
			DispatchError::BadOrigin
		);
		assert_eq!(assembly_motion(&[Alice, Bob, Charlie], remove.clone()), BAD_ORIGIN);
		assert!(validators().contains(&account(Bob)));
		assert_eq!(assembly_motion(&[Alice, Charlie, Dave, Eve], remove), Some(Ok(())));
		assert!(!validators().contains(&account(Bob)));
		// Bob's session keys are still registered: he can be added back.
		let add = RuntimeCall::ValidatorSet(pallet_validator_set::Call::add_validator {
			validator: account(Bob),
		});
		assert_noop!(
			cosmolocal_runtime::ValidatorSet::add_validator(signed(Bob), account(Bob)),
			DispatchError::BadOrigin
		);
		assert_eq!(assembly_motion(&[Alice, Bob, Charlie], add.clone()), BAD_ORIGIN);
		assert!(!validators().contains(&account(Bob)));
		assert_eq!(assembly_motion(&[Alice, Bob, Charlie, Dave], add), Some(Ok(())));
		assert!(validators().contains(&account(Bob)));
	});
}

/// Whether an upgrade to the code of `hash` was authorized in this block.
fn upgrade_authorized(hash: sp_core::H256) -> bool {
	events().iter().any(|event| {
		matches!(
			event,
			RuntimeEvent::System(frame_system::Event::UpgradeAuthorized { code_hash, .. })
				if *code_hash == hash
		)
	})
}

#[test]
fn root_takes_three_quarters_of_the_assembly_through_the_whitelist() {
	local_chain().execute_with(|| {
		let code_hash = BlakeTwo256::hash(b"the next runtime's code");
		let upgrade = RuntimeCall::System(frame_system::Call::authorize_upgrade { code_hash });
		// Three of five is a majority, not three quarters.
		assert_eq!(assembly_motion(&[Alice, Bob, Charlie], as_root(upgrade.clone())), BAD_ORIGIN);
		assert!(!upgrade_authorized(code_hash));
		// Nobody whitelists or dispatches alone.
		assert_noop!(
			cosmolocal_runtime::Whitelist::whitelist_call(
				signed(Alice),
				BlakeTwo256::hash_of(&upgrade)
			),
			DispatchError::BadOrigin
		);
		// A signed account may only relay a dispatch the Assembly deferred: there is none.
		assert_noop!(
			cosmolocal_runtime::Whitelist::dispatch_whitelisted_call_with_preimage(
				signed(Alice),
				Box::new(upgrade.clone())
			),
			pallet_whitelist::Error::<Runtime>::DeferredDispatchNotFound
		);
		assert_noop!(System::authorize_upgrade(signed(Alice), code_hash), DispatchError::BadOrigin);
		assert_eq!(assembly_motion(&[Alice, Bob, Charlie, Dave], as_root(upgrade)), Some(Ok(())));
		assert!(events().iter().any(|event| matches!(
			event,
			RuntimeEvent::Whitelist(pallet_whitelist::Event::WhitelistedCallDispatched {
				result: Ok(_),
				..
			})
		)));
		assert!(upgrade_authorized(code_hash));
	});
}

#[test]
fn members_are_admitted_by_a_majority_and_removed_by_two_thirds() {
	local_chain().execute_with(|| {
		let admit = RuntimeCall::CouncilMembership(pallet_membership::Call::add_member {
			who: account(Ferdie).into(),
		});
		assert_noop!(
			CouncilMembership::add_member(signed(Alice), account(Ferdie).into()),
			DispatchError::BadOrigin
		);
		assert_eq!(assembly_motion(&[Alice, Bob], admit.clone()), BAD_ORIGIN);
		assert_eq!(assembly_motion(&[Alice, Bob, Charlie], admit.clone()), Some(Ok(())));
		assert!(Council::is_member(&account(Ferdie)));
		assert_eq!(pallet_collective::Members::<Runtime, AssemblyCollective>::get().len(), 6);
		// A member admitted twice: the membership's error, and the Assembly unchanged.
		assert_eq!(
			assembly_motion(&[Alice, Bob, Charlie, Dave], admit),
			Some(Err(
				pallet_membership::Error::<Runtime, pallet_membership::Instance1>::AlreadyMember
					.into()
			))
		);
		assert_eq!(pallet_collective::Members::<Runtime, AssemblyCollective>::get().len(), 6);
		// Six members: two thirds is four.
		let remove = RuntimeCall::CouncilMembership(pallet_membership::Call::remove_member {
			who: account(Ferdie).into(),
		});
		let members = |ayes: &[Sr25519Keyring]| {
			motion::<AssemblyCollective>(
				&[Alice, Bob, Charlie, Dave, Eve, Ferdie],
				ayes,
				remove.clone(),
			)
		};
		assert_eq!(members(&[Alice, Bob, Charlie]), BAD_ORIGIN);
		assert!(Council::is_member(&account(Ferdie)));
		assert_eq!(members(&[Alice, Bob, Charlie, Dave]), Some(Ok(())));
		assert!(!Council::is_member(&account(Ferdie)));
	});
}

#[test]
fn disputes_are_resolved_by_a_majority_of_the_panel() {
	local_chain().execute_with(|| {
		// No pledge is disputed at genesis: a verdict the panel may give fails on the pledge,
		// one it may not give fails on its origin.
		let verdict =
			RuntimeCall::ProductionPledges(pallet_production_pledges::Call::resolve_dispute {
				pledge: 7,
				producer_share: Perbill::from_percent(50),
			});
		let not_found =
			Some(Err(pallet_production_pledges::Error::<Runtime>::PledgeNotFound.into()));
		assert_eq!(panel_motion(&[Charlie], verdict.clone()), BAD_ORIGIN);
		assert_eq!(panel_motion(&[Charlie, Dave], verdict.clone()), not_found);
		// The Assembly is not the panel.
		assert_eq!(assembly_motion(&[Alice, Bob, Charlie, Dave, Eve], verdict), BAD_ORIGIN);
		assert_noop!(
			cosmolocal_runtime::ProductionPledges::resolve_dispute(
				signed(Charlie),
				7,
				Perbill::from_percent(50)
			),
			DispatchError::BadOrigin
		);
	});
}

fn bounded<S: frame_support::traits::Get<u32>>(text: &str) -> BoundedVec<u8, S> {
	BoundedVec::truncate_from(text.as_bytes().to_vec())
}

/// A pledge of `producer` for 4 units of a new design, backed by `backers` (the units shared
/// among them), delivered and disputed by the first backer.
fn disputed_pledge(producer: Sr25519Keyring, backers: &[Sr25519Keyring]) -> u32 {
	use cosmolocal_runtime::ProductionPledges;
	let design = register_design(Alice);
	assert_ok!(ProductionPledges::register_producer(
		signed(producer),
		bounded("Fab Lab Barcelona"),
		bounded("ES-CT"),
		None,
		BoundedVec::truncate_from(vec![cosmolocal_primitives::design::Process::Assembly]),
		None,
	));
	let pledge = pallet_production_pledges::NextPledgeId::<Runtime>::get();
	let units = 4;
	assert_ok!(ProductionPledges::create_pledge(
		signed(producer),
		design,
		0,
		NativeOrWithId::Native,
		10 * UNITS,
		units,
		units,
		100,
		200,
		5 * UNITS,
		Permill::one(),
	));
	let each = units / backers.len() as u32;
	for (index, backer) in backers.iter().enumerate() {
		let share = if index == 0 { units - each * (backers.len() as u32 - 1) } else { each };
		assert_ok!(ProductionPledges::back(signed(*backer), pledge, share));
	}
	assert_ok!(ProductionPledges::close_funding(signed(Ferdie), pledge));
	assert_ok!(ProductionPledges::report_delivery(
		signed(producer),
		pledge,
		units,
		bounded("ipfs://photos")
	));
	assert_ok!(ProductionPledges::dispute(signed(backers[0]), pledge, bounded("ipfs://cracked")));
	pledge
}

fn verdict(pledge: u32) -> RuntimeCall {
	RuntimeCall::ProductionPledges(pallet_production_pledges::Call::resolve_dispute {
		pledge,
		producer_share: Perbill::from_percent(60),
	})
}

fn pledge_state(pledge: u32) -> pallet_production_pledges::PledgeState {
	pallet_production_pledges::Pledges::<Runtime>::get(pledge).unwrap().state
}

#[test]
fn a_panel_member_who_produced_the_pledge_does_not_decide_it() {
	use pallet_production_pledges::PledgeState::{Disputed, Settled};
	local_chain().execute_with(|| {
		// Dave, on the panel, made the pledge: Charlie and Eve decide, both are needed.
		let pledge = disputed_pledge(Dave, &[Ferdie]);
		// The collective counts Dave's aye and executes; the verdict's origin does not.
		assert_eq!(panel_motion(&[Charlie, Dave], verdict(pledge)), BAD_ORIGIN);
		assert_eq!(pledge_state(pledge), Disputed);
		assert_eq!(panel_motion(&[Dave, Eve], verdict(pledge)), BAD_ORIGIN);
		assert_eq!(pledge_state(pledge), Disputed);
		// Charlie and Eve are all the panel members who are not parties: the verdict holds.
		assert_eq!(panel_motion(&[Charlie, Eve], verdict(pledge)), Some(Ok(())));
		assert_eq!(pledge_state(pledge), Settled);
	});
}

#[test]
fn a_panel_member_who_backed_the_pledge_does_not_decide_it() {
	use pallet_production_pledges::PledgeState::{Disputed, Settled};
	local_chain().execute_with(|| {
		// Ferdie made it; Alice and Eve (on the panel) backed it: Charlie and Dave decide.
		let pledge = disputed_pledge(Ferdie, &[Alice, Eve]);
		assert_eq!(panel_motion(&[Charlie, Eve], verdict(pledge)), BAD_ORIGIN);
		assert_eq!(pledge_state(pledge), Disputed);
		assert_eq!(panel_motion(&[Dave, Charlie], verdict(pledge)), Some(Ok(())));
		assert_eq!(pledge_state(pledge), Settled);
	});
}

#[test]
fn a_panel_of_parties_leaves_the_dispute_to_the_assembly() {
	use pallet_production_pledges::PledgeState::{Disputed, Settled};
	local_chain().execute_with(|| {
		// Charlie made it, Dave and Eve backed it: every panel member is a party.
		let pledge = disputed_pledge(Charlie, &[Dave, Eve]);
		assert_eq!(panel_motion(&PANEL, verdict(pledge)), BAD_ORIGIN);
		assert_eq!(pledge_state(pledge), Disputed);
		// The Assembly decides as root, with three quarters of its members.
		assert_eq!(assembly_motion(&[Alice, Bob, Charlie], as_root(verdict(pledge))), BAD_ORIGIN);
		assert_eq!(pledge_state(pledge), Disputed);
		assert_eq!(
			assembly_motion(&[Alice, Bob, Charlie, Dave], as_root(verdict(pledge))),
			Some(Ok(()))
		);
		assert_eq!(pledge_state(pledge), Settled);
	});
}

#[test]
fn a_verdict_wrapped_in_a_batch_is_not_the_panel_s() {
	use pallet_production_pledges::PledgeState::Disputed;
	local_chain().execute_with(|| {
		let pledge = disputed_pledge(Ferdie, &[Alice]);
		let batched =
			RuntimeCall::Utility(pallet_utility::Call::batch_all { calls: vec![verdict(pledge)] });
		assert!(matches!(panel_motion(&PANEL, batched), Some(Err(_))));
		assert_eq!(pledge_state(pledge), Disputed);
	});
}

#[test]
fn the_assembly_chooses_the_panel() {
	local_chain().execute_with(|| {
		let choose = RuntimeCall::TechnicalMembership(pallet_membership::Call::add_member {
			who: account(Ferdie).into(),
		});
		assert_eq!(panel_motion(&PANEL, choose.clone()), BAD_ORIGIN);
		assert_eq!(assembly_motion(&[Alice, Bob], choose.clone()), BAD_ORIGIN);
		assert_eq!(assembly_motion(&[Alice, Bob, Charlie], choose), Some(Ok(())));
		assert!(TechnicalCommittee::is_member(&account(Ferdie)));
	});
}

#[test]
fn a_share_of_every_fee_goes_to_the_treasury_and_the_rest_is_burnt() {
	local_chain().execute_with(|| {
		let treasury = TreasuryAccount::get();
		let before = Balances::balance(&treasury);
		let issuance = Balances::total_issuance();
		let fee: Balance = 1_000_003;
		let tip: Balance = 10;
		let credit = |amount| <Balances as Balanced<AccountId>>::issue(amount);
		FeesToTreasury::on_unbalanceds([credit(fee), credit(tip)].into_iter());
		// `ration` gives the first part its share rounded down: the remainder is burnt.
		let to_treasury = (fee + tip) * TREASURY_FEE_SHARE.deconstruct() as Balance / 100;
		assert_eq!(Balances::balance(&treasury) - before, to_treasury);
		assert_eq!(Balances::total_issuance(), issuance + to_treasury);
	});
}

#[test]
fn the_assembly_spends_the_treasury_by_a_majority() {
	local_chain().execute_with(|| {
		let treasury = TreasuryAccount::get();
		assert_ok!(Balances::transfer_allow_death(
			signed(Alice),
			treasury.clone().into(),
			500 * UNITS
		));
		let spend = RuntimeCall::Treasury(pallet_treasury::Call::spend {
			asset_kind: Box::new(NativeOrWithId::Native),
			amount: 200 * UNITS,
			beneficiary: Box::new(TreasuryBeneficiary::Account(account(Ferdie))),
			valid_from: None,
		});
		assert_noop!(
			Treasury::spend(
				signed(Alice),
				Box::new(NativeOrWithId::Native),
				200 * UNITS,
				Box::new(TreasuryBeneficiary::Account(account(Ferdie))),
				None
			),
			DispatchError::BadOrigin
		);
		assert_eq!(assembly_motion(&[Alice, Bob], spend.clone()), BAD_ORIGIN);
		assert_eq!(pallet_treasury::SpendCount::<Runtime>::get(), 0);
		assert_eq!(assembly_motion(&[Alice, Bob, Charlie], spend), Some(Ok(())));
		let ferdie = Balances::balance(&account(Ferdie));
		assert_ok!(Treasury::payout(signed(Ferdie), 0));
		assert_eq!(Balances::balance(&account(Ferdie)), ferdie + 200 * UNITS);
	});
}

#[test]
fn the_assembly_funds_a_value_network_from_the_treasury() {
	use cosmolocal_runtime::ContributiveAccounting;
	local_chain().execute_with(|| {
		let treasury = TreasuryAccount::get();
		assert_ok!(Balances::transfer_allow_death(
			signed(Alice),
			treasury.clone().into(),
			500 * UNITS
		));
		// Alice's design has a value network in which she holds every point.
		let design = register_design(Alice);
		let network =
			pallet_contributive_accounting::DesignNetworks::<Runtime>::get(design).unwrap();
		let network_account = ContributiveAccounting::network_account(network);
		let spend = |network, amount| {
			RuntimeCall::Treasury(pallet_treasury::Call::spend {
				asset_kind: Box::new(NativeOrWithId::Native),
				amount,
				beneficiary: Box::new(TreasuryBeneficiary::ValueNetwork(network)),
				valid_from: None,
			})
		};
		assert_eq!(
			assembly_motion(&[Alice, Bob, Charlie], spend(network, 100 * UNITS)),
			Some(Ok(()))
		);
		let in_network = Balances::balance(&network_account);
		let in_treasury = Balances::balance(&treasury);
		assert_ok!(Treasury::payout(signed(Ferdie), 0));
		assert_eq!(Balances::balance(&network_account), in_network + 100 * UNITS);
		assert_eq!(Balances::balance(&treasury), in_treasury - 100 * UNITS);
		assert!(events().iter().any(|event| matches!(
			event,
			RuntimeEvent::ContributiveAccounting(
				pallet_contributive_accounting::Event::RevenueReceived { network: paid, from, .. }
			) if *paid == network && *from == treasury
		)));
		// The first native revenue keeps the existential deposit in the network's account.
		let shared = 100 * UNITS - <Balances as Inspect<AccountId>>::minimum_balance();
		assert_eq!(
			ContributiveAccounting::claimable(network, &account(Alice), &NativeOrWithId::Native),
			Ok(shared)
		);
		// A spend to a network that does not exist is approved but cannot be paid: the treasury
		// keeps its money and the spend stays to be paid.
		assert_eq!(
			assembly_motion(&[Alice, Bob, Charlie], spend(network + 100, UNITS)),
			Some(Ok(()))
		);
		assert_noop!(
			Treasury::payout(signed(Ferdie), 1),
			pallet_treasury::Error::<Runtime>::PayoutError
		);
		// Nor can a spend that would leave the treasury below the existential deposit.
		let everything = Balances::balance(&treasury);
		assert_eq!(
			assembly_motion(&[Alice, Bob, Charlie], spend(network, everything)),
			Some(Ok(()))
		);
		assert_noop!(
			Treasury::payout(signed(Ferdie), 2),
			pallet_treasury::Error::<Runtime>::PayoutError
		);
	});
}

#[test]
fn bad_votes_and_motions_are_refused_without_a_change() {
	local_chain().execute_with(|| {
		let call = allow_licence("Unlicense");
		let length = call.encoded_size() as u32;
		let hash = BlakeTwo256::hash_of(&call);
		// A non-member proposes or votes.
		assert_noop!(
			Council::propose(signed(Ferdie), 3, Box::new(call.clone()), length),
			pallet_collective::Error::<Runtime, AssemblyCollective>::NotMember
		);
		// A proposal over its stated length, or heavier than half a block.
		assert_noop!(
			Council::propose(signed(Alice), 3, Box::new(call.clone()), length - 1),
			pallet_collective::Error::<Runtime, AssemblyCollective>::WrongProposalLength
		);
		// A call that says it weighs a whole block.
		let heavy = RuntimeCall::Utility(pallet_utility::Call::with_weight {
			call: Box::new(RuntimeCall::System(frame_system::Call::remark { remark: vec![] })),
			weight: <Runtime as frame_system::Config>::BlockWeights::get().max_block,
		});
		let heavy_length = heavy.encoded_size() as u32;
		assert_noop!(
			Council::propose(signed(Alice), 3, Box::new(heavy), heavy_length),
			pallet_collective::Error::<Runtime, AssemblyCollective>::WrongProposalWeight
		);
		assert_ok!(Council::propose(signed(Alice), 3, Box::new(call.clone()), length));
		assert_noop!(
			Council::vote(signed(Ferdie), hash, 0, true),
			pallet_collective::Error::<Runtime, AssemblyCollective>::NotMember
		);
		assert_ok!(Council::vote(signed(Alice), hash, 0, true));
		// A second aye of the same member is refused.
		assert_noop!(
			Council::vote(signed(Alice), hash, 0, true),
			pallet_collective::Error::<Runtime, AssemblyCollective>::DuplicateVote
		);
		assert_ok!(Council::vote(signed(Bob), hash, 0, true));
		// Closed before its end with two ayes of the three it asks for: too early.
		assert_noop!(
			Council::close(signed(Bob), hash, 0, call.get_dispatch_info().call_weight, length),
			pallet_collective::Error::<Runtime, AssemblyCollective>::TooEarly
		);
		// After its end, the members who did not vote count against it: disapproved.
		System::set_block_number(1 + ASSEMBLY_MOTION_DURATION);
		assert_ok!(Council::close(
			signed(Bob),
			hash,
			0,
			call.get_dispatch_info().call_weight,
			length
		));
		assert!(events().iter().any(|event| matches!(
			event,
			RuntimeEvent::Council(pallet_collective::Event::Disapproved { .. })
		)));
		assert!(!licence_listed("Unlicense"));
	});
}

#[cfg(not(feature = "fast-runtime"))]
#[test]
fn production_periods() {
	use cosmolocal_primitives::time::DAYS;
	assert_eq!(ASSEMBLY_MOTION_DURATION, 7 * DAYS);
	assert_eq!(PANEL_MOTION_DURATION, 3 * DAYS);
	assert_eq!(TREASURY_PAYOUT_PERIOD, 30 * DAYS);
}

#[cfg(feature = "fast-runtime")]
#[test]
fn fast_periods() {
	use cosmolocal_primitives::time::MINUTES;
	assert_eq!(ASSEMBLY_MOTION_DURATION, 2 * MINUTES);
	assert_eq!(PANEL_MOTION_DURATION, 2 * MINUTES);
	assert_eq!(TREASURY_PAYOUT_PERIOD, 10 * MINUTES);
}
