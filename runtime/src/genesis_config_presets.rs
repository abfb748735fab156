//! The genesis presets the node builds its chain specs from, served by the genesis-builder
//! runtime API: `development` (one validator, Alice) and `local_testnet` (two validators, Alice
//! and Bob). In both, the well-known development accounts are endowed and governance starts with
//! an Assembly of five (Alice, Bob, Charlie, Dave, Eve), an arbitration panel of three (Charlie,
//! Dave, Eve) and one certifying body (Ferdie). Only `development` has a sudo key (Alice's): on
//! `local_testnet`, and every chain spec made from it, nobody acts as root but the Assembly.

use crate::{
	currency::UNITS, AccountId, Balance, BalancesConfig, CertifiersConfig, CouncilMembershipConfig,
	DesignRegistryConfig, ProductionPledgesConfig, RuntimeGenesisConfig, SessionConfig,
	SessionKeys, SudoConfig, TechnicalMembershipConfig,
};
use alloc::{vec, vec::Vec};
use cosmolocal_primitives::design::Process;
use frame_support::{build_struct_json_patch, BoundedVec};
use pallet_design_registry::GenesisDesign;
use pallet_production_pledges::GenesisProducer;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use sp_runtime::traits::Hash as _;

/// What each endowed development account holds at genesis: a million CML.
pub const ENDOWMENT: Balance = 1_000_000 * UNITS;

/// Example data of a development chain: designs and producers.
#[derive(Default)]
struct Examples {
	designs: Vec<GenesisDesign<AccountId>>,
	producers: Vec<GenesisProducer<AccountId>>,
}

/// A validator at genesis: its account and its session keys.
type GenesisValidator = (AccountId, SessionKeys);

/// Who governs a chain at genesis.
pub struct GenesisGovernance {
	/// The sudo key, on development chains only.
	pub sudo: Option<AccountId>,
	/// The members of the Assembly.
	pub assembly: Vec<AccountId>,
	/// The members of the arbitration panel.
	pub panel: Vec<AccountId>,
	/// The certifying bodies.
	pub certifiers: Vec<AccountId>,
}

impl GenesisGovernance {
	/// The well-known development accounts' governance: an Assembly of Alice, Bob, Charlie, Dave
	/// and Eve, a panel of Charlie, Dave and Eve, Ferdie as a certifying body, and `sudo`.
	pub fn well_known(sudo: Option<AccountId>) -> Self {
		let accounts =
			|keys: &[Sr25519Keyring]| keys.iter().map(|key| key.to_account_id()).collect();
		use Sr25519Keyring::*;
		Self {
			sudo,
			assembly: accounts(&[Alice, Bob, Charlie, Dave, Eve]),
			panel: accounts(&[Charlie, Dave, Eve]),
			certifiers: accounts(&[Ferdie]),
		}
	}
}

/// The genesis of a chain with the given validators, endowed accounts, governance and examples.
/// The validators' session keys make them the first validator set, and the Aura and GRANDPA
/// authorities.
fn testnet_genesis(
	initial_validators: Vec<GenesisValidator>,
	endowed_accounts: Vec<AccountId>,
	governance: GenesisGovernance,
	examples: Examples,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed_accounts
				.iter()
				.cloned()
				.map(|account| (account, ENDOWMENT))
				.collect::<Vec<_>>(),
		},
		session: SessionConfig {
			keys: initial_validators
				.into_iter()
				.map(|(account, keys)| (account.clone(), account, keys))
				.collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: governance.sudo },
		council_membership: CouncilMembershipConfig {
			members: BoundedVec::truncate_from(governance.assembly),
		},
		technical_membership: TechnicalMembershipConfig {
			members: BoundedVec::truncate_from(governance.panel),
		},
		certifiers: CertifiersConfig { members: BoundedVec::truncate_from(governance.certifiers) },
		design_registry: DesignRegistryConfig {
			licences: open_licences(),
			designs: examples.designs,
		},
		production_pledges: ProductionPledgesConfig { producers: examples.producers },
	})
}

/// The open licences designs may use from genesis, with whether each is share-alike.
fn open_licences() -> Vec<(Vec<u8>, bool)> {
	[
		("CERN-OHL-S-2.0", true),
		("CERN-OHL-W-2.0", false),
		("CERN-OHL-P-2.0", false),
		("CC-BY-4.0", false),
		("CC-BY-SA-4.0", true),
		("CC0-1.0", false),
		("GPL-3.0-or-later", true),
		("MIT", false),
		("Apache-2.0", false),
		("TAPR-OHL-1.0", false),
	]
	.into_iter()
	.map(|(id, share_alike)| (id.as_bytes().to_vec(), share_alike))
	.collect()
}

/// Example designs for a development chain, so that a newcomer sees data in Polkadot.js Apps: a
/// solar food dryer (Alice), a community bread oven (Bob) and a bamboo variant of the dryer
/// (Charlie). Their manifests are placeholders.
fn example_designs() -> Vec<GenesisDesign<AccountId>> {
	let design = |creator: Sr25519Keyring,
	              name: &str,
	              hardware: &str,
	              tags: &[&str],
	              processes: Vec<Process>,
	              derived_from: Option<u32>| GenesisDesign {
		creator: creator.to_account_id(),
		name: name.as_bytes().to_vec(),
		hardware_licence: hardware.as_bytes().to_vec(),
		documentation_licence: b"CC-BY-SA-4.0".to_vec(),
		tags: tags.iter().map(|tag| tag.as_bytes().to_vec()).collect(),
		processes,
		manifest: alloc::format!("ipfs://example/{}", name.to_lowercase().replace(' ', "-"))
			.into_bytes(),
		manifest_hash: sp_runtime::traits::BlakeTwo256::hash(name.as_bytes()).0,
		version_label: b"1.0.0".to_vec(),
		derived_from,
	};
	vec![
		design(
			Sr25519Keyring::Alice,
			"Solar food dryer",
			"CERN-OHL-S-2.0",
			&["solar", "food-preservation"],
			vec![Process::Woodworking, Process::Assembly],
			None,
		),
		design(
			Sr25519Keyring::Bob,
			"Community bread oven",
			"CERN-OHL-W-2.0",
			&["food", "masonry"],
			vec![Process::FoodProcessing, Process::Construction],
			None,
		),
		design(
			Sr25519Keyring::Charlie,
			"Solar food dryer bamboo frame",
			"CERN-OHL-S-2.0",
			&["solar", "bamboo"],
			vec![Process::Woodworking, Process::Assembly],
			Some(0),
		),
	]
}

/// Example producers for a development chain, in four regions: a fab lab in Catalonia (Bob),
/// a makers' cooperative in Nairobi (Dave), a repair café in Berlin (Eve) and a bakers'
/// cooperative in Oaxaca (Ferdie).
fn example_producers() -> Vec<GenesisProducer<AccountId>> {
	let producer = |account: Sr25519Keyring,
	                name: &str,
	                region: &str,
	                plus_code: Option<&str>,
	                processes: Vec<Process>| GenesisProducer {
		account: account.to_account_id(),
		name: name.as_bytes().to_vec(),
		region: region.as_bytes().to_vec(),
		plus_code: plus_code.map(|code| code.as_bytes().to_vec()),
		processes,
		facility_manifest: None,
	};
	vec![
		producer(
			Sr25519Keyring::Bob,
			"Fab Lab Barcelona",
			"ES-CT",
			Some("8FH49500+"),
			vec![
				Process::ThreeDPrinting,
				Process::LaserCutting,
				Process::CncMilling,
				Process::Electronics,
				Process::Woodworking,
				Process::Assembly,
			],
		),
		producer(
			Sr25519Keyring::Dave,
			"Nairobi Makers Cooperative",
			"KE-30",
			None,
			vec![
				Process::Welding,
				Process::Metalworking,
				Process::Woodworking,
				Process::Assembly,
				Process::RepairAndRefurbishment,
			],
		),
		producer(
			Sr25519Keyring::Eve,
			"Kreuzberg Repair Cafe",
			"DE-BE",
			None,
			vec![Process::RepairAndRefurbishment, Process::Electronics, Process::Sewing],
		),
		producer(
			Sr25519Keyring::Ferdie,
			"Oaxaca Bakers Cooperative",
			"MX-OAX",
			None,
			vec![Process::FoodProcessing, Process::Construction],
		),
	]
}

/// A well-known development validator: its account, and its Aura (sr25519) and GRANDPA
/// (ed25519) keys, which `--alice`, `--bob`, … put in the node's keystore.
fn validator(account: Sr25519Keyring, grandpa: Ed25519Keyring) -> GenesisValidator {
	let aura: AuraId = account.public().into();
	let grandpa: GrandpaId = grandpa.public().into();
	(account.to_account_id(), SessionKeys { aura, grandpa })
}

/// One validator, Alice: the chain of `--dev`.
pub fn development_config_genesis() -> Value {
	testnet_genesis(
		vec![validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect::<Vec<_>>(),
		GenesisGovernance::well_known(Some(Sr25519Keyring::Alice.to_account_id())),
		Examples { designs: example_designs(), producers: example_producers() },
	)
}

/// Two validators, Alice and Bob: the chain of `--chain local`.
pub fn local_config_genesis() -> Value {
	testnet_genesis(
		vec![
			validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			validator(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect::<Vec<_>>(),
		GenesisGovernance::well_known(None),
		Examples::default(),
	)
}

/// The development chain's genesis with the first `validators` of Alice, Bob, Charlie and Dave
/// as validators and `extra_endowed` accounts endowed besides the well-known ones: the base of
/// the node's benchmark chain, whose load the node adds natively.
#[cfg(feature = "std")]
pub fn benchmark_config_genesis(validators: usize, extra_endowed: Vec<AccountId>) -> Value {
	let candidates = [
		validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
		validator(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		validator(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
		validator(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
	];
	testnet_genesis(
		candidates.into_iter().take(validators).collect(),
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).chain(extra_endowed).collect(),
		// The benchmark chain is a development chain: it keeps the sudo key.
		GenesisGovernance::well_known(Some(Sr25519Keyring::Alice.to_account_id())),
		Examples { designs: example_designs(), producers: example_producers() },
	)
}

/// The JSON of the preset with the given id, if there is one.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		_ => return None,
	};
	serde_json::to_vec(&patch).ok()
}

/// The ids of the presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}

#[cfg(test)]
mod tests {
	use super::*;

	fn preset(id: &str) -> Value {
		let bytes = get_preset(&PresetId::from(id)).expect("the preset exists");
		serde_json::from_slice(&bytes).expect("a preset is JSON")
	}

	#[test]
	fn both_presets_are_offered() {
		let names = preset_names();
		assert_eq!(names.len(), 2);
		assert!(get_preset(&PresetId::from("no-such-preset")).is_none());
	}

	#[test]
	fn development_has_one_validator_and_local_two() {
		let validators = |id: &str| -> Vec<String> {
			preset(id)["session"]["keys"]
				.as_array()
				.expect("the preset sets session keys")
				.iter()
				.map(|entry| entry[0].as_str().expect("an account").to_owned())
				.collect()
		};
		let address = |keyring: Sr25519Keyring| {
			use sp_core::crypto::Ss58Codec;
			keyring.to_account_id().to_ss58check()
		};
		assert_eq!(validators("development"), vec![address(Sr25519Keyring::Alice)]);
		assert_eq!(
			validators("local_testnet"),
			vec![address(Sr25519Keyring::Alice), address(Sr25519Keyring::Bob)]
		);
		assert!(
			preset("development").get("aura").is_none(),
			"Aura takes its authorities from the session"
		);
	}

	#[test]
	fn presets_build_a_genesis_state() {
		for id in preset_names() {
			let mut config = serde_json::to_value(RuntimeGenesisConfig::default())
				.expect("the default genesis config is JSON");
			sc_chain_spec::json_merge(&mut config, preset(id.as_ref()));
			let json = serde_json::to_vec(&config).expect("a merged config is JSON");
			sp_io::TestExternalities::default().execute_with(|| {
				frame_support::genesis_builder_helper::build_state::<RuntimeGenesisConfig>(json)
					.expect("the preset is a valid genesis config");
				let endowed = Sr25519Keyring::Alice.to_account_id();
				// Part of it may be held for the deposits of the example designs.
				assert_eq!(
					<crate::Balances as frame_support::traits::fungible::Inspect<_>>::total_balance(
						&endowed
					),
					ENDOWMENT
				);
				let development = id.as_str() == sp_genesis_builder::DEV_RUNTIME_PRESET;
				let sudo = pallet_sudo::Key::<crate::Runtime>::get();
				assert_eq!(sudo, development.then_some(endowed.clone()));
				let well_known = GenesisGovernance::well_known(None);
				let mut assembly = well_known.assembly.clone();
				assembly.sort();
				assert_eq!(
					pallet_collective::Members::<
						crate::Runtime,
						crate::configs::governance::AssemblyCollective,
					>::get(),
					assembly
				);
				let mut panel = well_known.panel.clone();
				panel.sort();
				assert_eq!(
					pallet_collective::Members::<
						crate::Runtime,
						crate::configs::governance::PanelCollective,
					>::get(),
					panel
				);
				assert_eq!(crate::Certifiers::members().to_vec(), well_known.certifiers);
				let validators = pallet_validator_set::Validators::<crate::Runtime>::get();
				let expected =
					if id.as_str() == sp_genesis_builder::DEV_RUNTIME_PRESET { 1 } else { 2 };
				assert_eq!(validators.len(), expected);
				assert_eq!(pallet_aura::Authorities::<crate::Runtime>::get().len(), expected);
				assert_eq!(crate::Grandpa::grandpa_authorities().len(), expected);
				let licence = |id: &str| {
					pallet_design_registry::Licences::<crate::Runtime>::get(
						pallet_design_registry::LicenceId::truncate_from(id.as_bytes().to_vec()),
					)
				};
				assert_eq!(open_licences().len(), 10);
				for (id, share_alike) in open_licences() {
					let id = String::from_utf8(id).expect("licence ids are ASCII");
					assert_eq!(licence(&id).map(|info| info.share_alike), Some(share_alike));
				}
				assert_eq!(licence("Proprietary"), None);
				let examples =
					if id.as_str() == sp_genesis_builder::DEV_RUNTIME_PRESET { 3 } else { 0 };
				assert_eq!(pallet_design_registry::NextDesignId::<crate::Runtime>::get(), examples);
				let producers = if id.as_str() == sp_genesis_builder::DEV_RUNTIME_PRESET {
					example_producers().len()
				} else {
					0
				};
				assert_eq!(
					pallet_production_pledges::Producers::<crate::Runtime>::iter().count(),
					producers
				);
			});
		}
	}
}
