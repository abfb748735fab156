//! The benchmark chain: a development chain whose genesis already holds the state that throughput
//! measurements need, so that neither `benchmark extrinsic` nor a load generator has to build it
//! first, and so that the same measurement can run against a small and a large registry.
//!
//! `--chain benchmark` gives the defaults; `--chain benchmark:designs=100000,backers=10000` sets
//! any of the parameters of [`BenchmarkChain`]. Its genesis holds, besides the development chain's
//! examples:
//! - `accounts` funded senders, `//bench//0`, `//bench//1`, … (derived from the development
//!   phrase), who have done nothing yet, endowed like the development accounts;
//! - `designs` more designs, registered by `//designer`;
//! - pledge [`BenchmarkChain::PLEDGE`], funding, by Bob (Fab Lab Barcelona) for the solar food
//!   dryer, backed with one unit each by `backers` accounts `//backer//0`, …;
//! - a value network ([`BenchmarkChain::network`]) of steward `//steward` with `contributors`
//!   members `//contributor//0`, … who each have one accepted contribution, and native revenue
//!   that every member can claim.
//!
//! The parameters and the ids are in the chain spec's properties, under `benchmark`, which
//! `system_properties` serves.

use crate::chain_spec::{self, ChainSpec};
use cosmolocal_primitives::{contribution::ContributionKind, currency::UNITS, design::Process};
use cosmolocal_runtime::{
	genesis_config_presets::benchmark_config_genesis, AccountId, Balance, Balances,
	ContributiveAccounting, DesignRegistry, ProductionPledges, Runtime, RuntimeGenesisConfig,
	RuntimeOrigin,
};
use frame_support::{
	traits::fungible::{self, NativeOrWithId},
	BoundedVec,
};
use pallet_contributive_accounting::ValueEquation;
use pallet_design_registry::DesignLicences;
use sc_chain_spec::ChainSpec as _;
use sc_service::{ChainType, Properties};
use serde::{Deserialize, Serialize};
use sp_core::{crypto::DeriveJunction, sr25519, storage::Storage, Pair};
use sp_runtime::{traits::Hash, DispatchError};

/// The prefix of the benchmark chain's id on the command line.
const ID: &str = "benchmark";

/// What the benchmark chain's genesis holds; see the module's documentation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BenchmarkChain {
	/// Validators, the first of Alice, Bob, Charlie and Dave: 1 for a single node, 4 for a
	/// network.
	pub validators: u32,
	/// Funded senders that have done nothing yet.
	pub accounts: u32,
	/// Designs registered besides the development chain's three examples.
	pub designs: u32,
	/// Backers of the benchmark pledge.
	pub backers: u32,
	/// Members of the benchmark network, each with revenue to claim.
	pub contributors: u32,
}

impl Default for BenchmarkChain {
	fn default() -> Self {
		Self { validators: 1, accounts: 10_000, designs: 10, backers: 10, contributors: 10 }
	}
}

/// The most of each kind of entry the benchmark chain accepts: enough for the measurements,
/// small enough that the node builds the genesis in seconds.
const MOST_ENTRIES: u32 = 1_000_000;

/// The price of one unit of the benchmark pledge.
const UNIT_PRICE: Balance = UNITS;

/// What each member of the benchmark network can claim at genesis.
const REVENUE_PER_MEMBER: Balance = UNITS;

impl BenchmarkChain {
	/// The benchmark pledge: the first pledge of the chain.
	pub const PLEDGE: u32 = 0;

	/// The development chain's example designs, which come before the benchmark's.
	const EXAMPLE_DESIGNS: u32 = 3;

	/// The benchmark network: created after the networks of the examples' and the benchmark's
	/// designs (one each).
	pub fn network(&self) -> u32 {
		Self::EXAMPLE_DESIGNS + self.designs
	}

	/// The benchmark chain a chain id names, if it names one: `benchmark` or
	/// `benchmark:key=value,…`.
	pub fn from_id(id: &str) -> Option<Result<Self, String>> {
		let parameters = match id.strip_prefix(ID)? {
			"" => "",
			rest => rest.strip_prefix(':')?,
		};
		Some(Self::parse(parameters))
	}

	fn parse(parameters: &str) -> Result<Self, String> {
		let mut chain = Self::default();
		for pair in parameters.split(',').filter(|pair| !pair.is_empty()) {
			let (key, value) = pair
				.split_once('=')
				.ok_or_else(|| format!("benchmark chain: `{pair}` is not `key=value`"))?;
			let value: u32 = value
				.parse()
				.map_err(|_| format!("benchmark chain: `{key}` must be a number, not `{value}`"))?;
			let field = match key {
				"validators" => &mut chain.validators,
				"accounts" => &mut chain.accounts,
				"designs" => &mut chain.designs,
				"backers" => &mut chain.backers,
				"contributors" => &mut chain.contributors,
				_ => {
					return Err(format!(
						"benchmark chain: unknown parameter `{key}`; the parameters are \
						 validators, accounts, designs, backers and contributors"
					))
				},
			};
			*field = value;
		}
		if !(1..=4).contains(&chain.validators) {
			return Err("benchmark chain: `validators` must be from 1 to 4".into());
		}
		if chain.contributors == 0 {
			return Err("benchmark chain: the network needs at least one contributor".into());
		}
		let largest = chain.accounts.max(chain.designs).max(chain.backers).max(chain.contributors);
		if largest > MOST_ENTRIES {
			return Err(format!("benchmark chain: at most {MOST_ENTRIES} of each kind"));
		}
		Ok(chain)
	}

	/// The benchmark chain that a chain spec's properties describe, if they describe one.
	pub fn from_properties(properties: &Properties) -> Option<Self> {
		serde_json::from_value(properties.get(ID)?.clone()).ok()
	}

	/// The chain spec, its genesis state built natively.
	pub fn chain_spec(&self) -> Result<ChainSpec, String> {
		let mut properties = chain_spec::token_properties();
		let mut description =
			serde_json::to_value(self).map_err(|error| format!("benchmark chain: {error}"))?;
		description["pledge"] = Self::PLEDGE.into();
		description["network"] = self.network().into();
		properties.insert(ID.into(), description);
		let mut spec = ChainSpec::builder(chain_spec::wasm_binary()?, None)
			.with_name("Cosmolocal Benchmark")
			.with_id("cosmolocal_benchmark")
			.with_chain_type(ChainType::Development)
			.with_genesis_config_patch(serde_json::Value::Null)
			.with_protocol_id(chain_spec::PROTOCOL_ID)
			.with_properties(properties)
			.build();
		spec.set_storage(self.genesis_storage()?);
		Ok(spec)
	}

	/// The genesis state: the development chain's with the benchmark's accounts endowed, then
	/// the benchmark's designs, pledge and network added through the pallets' own calls.
	fn genesis_storage(&self) -> Result<Storage, String> {
		let endowed = (0..self.accounts)
			.map(sender)
			.chain((0..self.backers).map(backer))
			.chain((0..self.contributors).map(contributor))
			.chain([designer(), steward()])
			.map(|pair| AccountId::from(pair.public()))
			.collect();
		let mut config = serde_json::to_value(RuntimeGenesisConfig::default())
			.map_err(|error| format!("benchmark chain: {error}"))?;
		sc_chain_spec::json_merge(
			&mut config,
			benchmark_config_genesis(self.validators as usize, endowed),
		);
		let config = serde_json::to_vec(&config).map_err(|error| error.to_string())?;
		let mut externalities = sp_io::TestExternalities::default();
		externalities.execute_with(|| {
			frame_support::genesis_builder_helper::build_state::<RuntimeGenesisConfig>(config)
				.map_err(|error| format!("benchmark chain: genesis: {error}"))?;
			sp_io::storage::set(
				sp_core::storage::well_known_keys::CODE,
				chain_spec::wasm_binary()?,
			);
			self.add_load().map_err(|error| format!("benchmark chain: {error:?}"))?;
			Ok(Storage { top: all_storage(), children_default: Default::default() })
		})
	}

	/// Registers the designs, creates and backs the pledge, and fills the network.
	fn add_load(&self) -> Result<(), DispatchError> {
		let designer = origin(&designer());
		for index in 0..self.designs {
			let name = format!("Benchmark design {index}");
			DesignRegistry::register_design(
				designer.clone(),
				bounded(name.as_bytes()),
				benchmark_licences(),
				BoundedVec::truncate_from(vec![bounded(b"benchmark"), bounded(b"solar")]),
				BoundedVec::truncate_from(vec![Process::Woodworking, Process::Assembly]),
				bounded(format!("ipfs://benchmark/design-{index}").as_bytes()),
				sp_runtime::traits::BlakeTwo256::hash(name.as_bytes()).0,
				bounded(b"1.0.0"),
				None,
			)?;
		}

		// Bob is Fab Lab Barcelona, whose processes cover the solar food dryer (design 0).
		let producer = RuntimeOrigin::signed(sp_keyring::Sr25519Keyring::Bob.to_account_id());
		ProductionPledges::create_pledge(
			producer,
			0,
			0,
			NativeOrWithId::Native,
			UNIT_PRICE,
			u32::MAX,
			1,
			u32::MAX - 1,
			u32::MAX,
			10 * UNITS,
			sp_runtime::Permill::one(),
		)?;
		for index in 0..self.backers {
			ProductionPledges::back(origin(&backer(index)), Self::PLEDGE, 1)?;
		}

		let steward_account = AccountId::from(steward().public());
		let steward = origin(&self::steward());
		ContributiveAccounting::create_network(
			steward.clone(),
			bounded(b"Benchmark network"),
			BoundedVec::truncate_from(vec![steward_account]),
			1,
			ValueEquation::Equal,
		)?;
		for index in 0..self.contributors {
			let contribution = pallet_contributive_accounting::NextContributionId::<Runtime>::get();
			ContributiveAccounting::log_contribution(
				origin(&contributor(index)),
				self.network(),
				ContributionKind::Documentation,
				1,
				bounded(format!("ipfs://benchmark/evidence-{index}").as_bytes()),
			)?;
			ContributiveAccounting::review_contribution(steward.clone(), contribution, true)?;
		}
		// The first revenue of the network keeps the minimum balance in its account.
		let revenue = REVENUE_PER_MEMBER
			.saturating_mul(self.contributors.into())
			.saturating_add(<Balances as fungible::Inspect<AccountId>>::minimum_balance());
		ContributiveAccounting::deposit_revenue(
			steward,
			self.network(),
			NativeOrWithId::Native,
			revenue,
		)
	}
}

/// The licences of the benchmark's designs.
fn benchmark_licences() -> DesignLicences {
	DesignLicences {
		hardware: bounded(b"CERN-OHL-S-2.0"),
		documentation: bounded(b"CC-BY-SA-4.0"),
		software: None,
	}
}

fn bounded<S: frame_support::traits::Get<u32>>(bytes: &[u8]) -> BoundedVec<u8, S> {
	BoundedVec::truncate_from(bytes.to_vec())
}

fn origin(pair: &sr25519::Pair) -> RuntimeOrigin {
	RuntimeOrigin::signed(AccountId::from(pair.public()))
}

/// Every key and value of the externalities' main trie.
fn all_storage() -> std::collections::BTreeMap<Vec<u8>, Vec<u8>> {
	let mut storage = std::collections::BTreeMap::new();
	let mut key = Vec::new();
	while let Some(next) = sp_io::storage::next_key(&key) {
		if let Some(value) = sp_io::storage::get(&next) {
			storage.insert(next.clone(), value.to_vec());
		}
		key = next;
	}
	storage
}

/// The development phrase's account at the hard derivation path `//<junctions[0]>//…`, as
/// `Pair::from_string` derives it; the phrase's seed is computed once, not per account.
fn derived(junctions: &[&str]) -> sr25519::Pair {
	static ROOT: std::sync::OnceLock<sr25519::Pair> = std::sync::OnceLock::new();
	let root = ROOT.get_or_init(|| {
		sr25519::Pair::from_string(sp_core::crypto::DEV_PHRASE, None)
			.expect("the development phrase is valid")
	});
	let path = junctions.iter().map(|junction| DeriveJunction::from(*junction).harden());
	root.derive(path, None).expect("sr25519 derives hard junctions").0
}

/// The benchmark sender number `index`: `//bench//<index>`.
pub fn sender(index: u32) -> sr25519::Pair {
	derived(&["bench", &index.to_string()])
}

/// The backer of the benchmark pledge number `index`: `//backer//<index>`.
pub fn backer(index: u32) -> sr25519::Pair {
	derived(&["backer", &index.to_string()])
}

/// The member of the benchmark network number `index`: `//contributor//<index>`.
pub fn contributor(index: u32) -> sr25519::Pair {
	derived(&["contributor", &index.to_string()])
}

/// Who registers the benchmark's designs.
fn designer() -> sr25519::Pair {
	derived(&["designer"])
}

/// The steward of the benchmark network.
fn steward() -> sr25519::Pair {
	derived(&["steward"])
}

#[cfg(test)]
mod tests {
	use super::*;
	use cosmolocal_runtime::genesis_config_presets;

	fn small() -> BenchmarkChain {
		BenchmarkChain { validators: 1, accounts: 3, designs: 2, backers: 2, contributors: 3 }
	}

	#[test]
	fn ids_name_benchmark_chains_with_their_parameters() {
		assert_eq!(BenchmarkChain::from_id("dev"), None);
		assert_eq!(BenchmarkChain::from_id("benchmarks"), None);
		assert_eq!(BenchmarkChain::from_id("benchmark"), Some(Ok(BenchmarkChain::default())));
		assert_eq!(
			BenchmarkChain::from_id("benchmark:designs=100000,validators=4"),
			Some(Ok(BenchmarkChain { designs: 100_000, validators: 4, ..Default::default() }))
		);
		for (id, error) in [
			("benchmark:designs", "`designs` is not `key=value`"),
			("benchmark:designs=many", "`designs` must be a number"),
			("benchmark:producers=3", "unknown parameter `producers`"),
			("benchmark:validators=5", "`validators` must be from 1 to 4"),
			("benchmark:contributors=0", "at least one contributor"),
			("benchmark:accounts=1000001", "at most 1000000"),
		] {
			let Some(Err(message)) = BenchmarkChain::from_id(id) else {
				panic!("{id} must be refused")
			};
			assert!(message.contains(error), "{id}: {message}");
		}
	}

	#[test]
	fn accounts_are_those_of_their_derivation_paths() {
		let from_uri = |uri: &str| {
			sr25519::Pair::from_string(uri, None).expect("a valid development path").public()
		};
		assert_eq!(sender(7).public(), from_uri("//bench//7"));
		assert_eq!(backer(0).public(), from_uri("//backer//0"));
		assert_eq!(contributor(12).public(), from_uri("//contributor//12"));
		assert_eq!(designer().public(), from_uri("//designer"));
		assert_eq!(steward().public(), from_uri("//steward"));
		assert_ne!(sender(1).public(), sender(2).public());
	}

	#[test]
	fn the_properties_describe_the_chain() {
		let chain = small();
		let spec = chain.chain_spec().expect("the benchmark chain builds");
		let properties = spec.properties();
		assert_eq!(BenchmarkChain::from_properties(&properties), Some(chain.clone()));
		assert_eq!(properties["benchmark"]["network"], 5);
		assert_eq!(properties["benchmark"]["pledge"], 0);
		assert_eq!(properties["tokenSymbol"], "CML");
	}

	#[test]
	fn the_genesis_holds_the_load() {
		let chain = small();
		let storage = chain.genesis_storage().expect("the genesis builds");
		sp_io::TestExternalities::new(storage).execute_with(|| {
			let account = |pair: sr25519::Pair| AccountId::from(pair.public());
			let free = |who: AccountId| pallet_balances::Pallet::<Runtime>::free_balance(who);
			assert_eq!(free(account(sender(2))), genesis_config_presets::ENDOWMENT);
			assert_eq!(pallet_design_registry::NextDesignId::<Runtime>::get(), 5);
			let pledge =
				pallet_production_pledges::Pledges::<Runtime>::get(0).expect("the pledge exists");
			assert_eq!(pledge.backed_units, 2);
			for index in 0..2 {
				assert!(pallet_production_pledges::Backings::<Runtime>::contains_key(
					0,
					account(backer(index))
				));
			}
			assert_eq!(
				pallet_contributive_accounting::NextNetworkId::<Runtime>::get(),
				chain.network() + 1
			);
			for index in 0..3 {
				let claimable = ContributiveAccounting::claimable(
					chain.network(),
					&account(contributor(index)),
					&NativeOrWithId::Native,
				);
				assert_eq!(claimable, Ok(REVENUE_PER_MEMBER));
			}
			assert!(sp_io::storage::get(sp_core::storage::well_known_keys::CODE).is_some());
		});
	}
}
