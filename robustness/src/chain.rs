//! A chain in memory that applies a run block by block, as a block author would, and checks the
//! invariants after every block.

use crate::{
	actors::{self, governance, poor, POOR_ENDOWMENT},
	invariants::{self, Violation},
	step::{Origin, Step},
};
use codec::Encode;
use cosmolocal_primitives::{currency::UNITS, time::SLOT_DURATION, BlockNumber};
use cosmolocal_runtime::{
	genesis_config_presets::development_config_genesis, immortal_transaction_extension, AccountId,
	Balances, Executive, Hash, Header, Runtime, RuntimeCall, RuntimeError, RuntimeEvent,
	RuntimeGenesisConfig, RuntimeOrigin, System, TxExtension, UncheckedExtrinsic,
};
use frame_support::{dispatch::GetDispatchInfo, traits::GetCallMetadata};
use serde_json::Value;
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_core::sr25519;
use sp_runtime::{
	generic::{CheckedExtrinsic, ExtrinsicFormat},
	traits::{Applyable, Header as _},
	transaction_validity::TransactionValidityError,
	BuildStorage, Digest, DigestItem, DispatchError, MultiSignature, Storage,
};
use std::{collections::BTreeMap, sync::OnceLock};

/// What became of a step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
	/// The call was included and succeeded.
	Succeeded,
	/// The call was included, its fee paid, and it failed with this error.
	Failed(DispatchError),
	/// The transaction was refused before inclusion (bad nonce, no fee, block full, …).
	Refused(TransactionValidityError),
	/// A root call that a run leaves out because it breaks the invariants by design (see
	/// [`ROOT_BALANCE_LIMIT`] and `is_left_out_of_root`).
	LeftOut,
}

/// How often each call succeeded, failed and was refused, over one or more runs.
#[derive(Clone, Debug, Default)]
pub struct Tally {
	/// Blocks finalised and checked.
	pub blocks: u32,
	/// Per `(pallet, call)`: succeeded, failed, refused, left out.
	pub calls: BTreeMap<(&'static str, &'static str), [u32; 4]>,
	/// Per `(pallet, call)`: how often it failed or was refused with each error.
	pub errors: BTreeMap<(&'static str, &'static str), BTreeMap<String, u32>>,
}

impl Tally {
	fn record(&mut self, call: &RuntimeCall, outcome: &Outcome) {
		let metadata = call.get_call_metadata();
		let counts = self.calls.entry((metadata.pallet_name, metadata.function_name)).or_default();
		let column = match outcome {
			Outcome::Succeeded => 0,
			Outcome::Failed(_) => 1,
			Outcome::Refused(_) => 2,
			Outcome::LeftOut => 3,
		};
		counts[column] = counts[column].saturating_add(1);
		let error = match outcome {
			Outcome::Failed(error) => RuntimeError::from_dispatch_error(*error)
				.map_or_else(|| format!("{error:?}"), |error| format!("{error:?}")),
			Outcome::Refused(refusal) => format!("{refusal:?}"),
			Outcome::Succeeded | Outcome::LeftOut => return,
		};
		let errors = self.errors.entry((metadata.pallet_name, metadata.function_name)).or_default();
		let count = errors.entry(error).or_default();
		*count = count.saturating_add(1);
	}

	/// Adds another tally to this one.
	pub fn merge(&mut self, other: &Tally) {
		self.blocks = self.blocks.saturating_add(other.blocks);
		for (call, counts) in &other.calls {
			let mine = self.calls.entry(*call).or_default();
			for (mine, theirs) in mine.iter_mut().zip(counts) {
				*mine = mine.saturating_add(*theirs);
			}
		}
		for (call, errors) in &other.errors {
			let mine = self.errors.entry(*call).or_default();
			for (error, count) in errors {
				let entry = mine.entry(error.clone()).or_default();
				*entry = entry.saturating_add(*count);
			}
		}
	}

	/// How many times `pallet::call` succeeded.
	pub fn succeeded(&self, pallet: &str, call: &str) -> u32 {
		self.calls
			.iter()
			.find(|((p, c), _)| *p == pallet && *c == call)
			.map_or(0, |(_, counts)| counts[0])
	}
}

/// What governance holds at the start, to pay the fees of its `Sudo::sudo` calls.
const GOVERNANCE_ENDOWMENT: u128 = 1_000 * UNITS;

/// The development chain's genesis (example designs and producers, the open licences, six
/// endowed accounts) with the poor account endowed and governance as the sudo key.
fn genesis() -> Result<&'static Storage, String> {
	static GENESIS: OnceLock<Result<Storage, String>> = OnceLock::new();
	GENESIS.get_or_init(build_genesis).as_ref().map_err(Clone::clone)
}

fn build_genesis() -> Result<Storage, String> {
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default())
		.map_err(|error| format!("genesis: {error}"))?;
	merge_json(&mut config, development_config_genesis());
	let config: RuntimeGenesisConfig =
		serde_json::from_value(config).map_err(|error| format!("genesis: {error}"))?;
	let mut externalities = sp_io::TestExternalities::new(config.build_storage()?);
	externalities.execute_with(|| -> Result<(), String> {
		for (who, amount) in [(poor(), POOR_ENDOWMENT), (governance(), GOVERNANCE_ENDOWMENT)] {
			Balances::force_set_balance(RuntimeOrigin::root(), who.into(), amount)
				.map_err(|error| format!("genesis: endowing: {error:?}"))?;
		}
		pallet_sudo::Key::<Runtime>::put(governance());
		System::reset_events();
		Ok(())
	})?;
	externalities.commit_all()?;
	Ok(Storage {
		top: externalities.execute_with(all_storage),
		children_default: Default::default(),
	})
}

/// Every key and value in the state.
fn all_storage() -> BTreeMap<Vec<u8>, Vec<u8>> {
	let mut storage = BTreeMap::new();
	let mut key = Vec::new();
	while let Some(next) = sp_io::storage::next_key(&key) {
		if let Some(value) = sp_io::storage::get(&next) {
			storage.insert(next.clone(), value.to_vec());
		}
		key = next;
	}
	storage
}

/// Writes the fields of `patch` over those of `base`, object by object, as a chain spec's genesis
/// patch is applied.
fn merge_json(base: &mut Value, patch: Value) {
	match (base, patch) {
		(Value::Object(base), Value::Object(patch)) => {
			for (key, value) in patch {
				merge_json(base.entry(key).or_insert(Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

/// Applies `run` to a fresh chain from genesis: each step in its block, each block finalised and
/// checked. Returns the tally of outcomes, or the first invariant that broke.
pub fn run(steps: &[Step]) -> Result<Tally, Violation> {
	let genesis = genesis().map_err(Violation::at_genesis)?;
	let mut externalities = sp_io::TestExternalities::new(genesis.clone());
	externalities.execute_with(|| {
		let mut chain = Chain::start()?;
		for step in steps {
			chain.apply(step)?;
		}
		chain.end_block()?;
		Ok(chain.tally)
	})
}

/// The chain while a run is applied (inside the run's externalities).
struct Chain {
	number: BlockNumber,
	parent_hash: Hash,
	issuance_at_block_start: u128,
	root_acted_in_block: bool,
	tally: Tally,
}

impl Chain {
	/// Starts block 1 on the genesis state.
	fn start() -> Result<Self, Violation> {
		let mut chain = Self {
			number: 0,
			parent_hash: frame_system::BlockHash::<Runtime>::get(0),
			issuance_at_block_start: 0,
			root_acted_in_block: false,
			tally: Tally::default(),
		};
		chain.start_block(1)?;
		Ok(chain)
	}

	/// Applies one step, first ending the current block and starting the one `lapse` blocks on
	/// if the step asks for time to pass.
	fn apply(&mut self, step: &Step) -> Result<(), Violation> {
		if step.lapse > 0 {
			self.end_block()?;
			self.start_block(self.number.saturating_add(u32::from(step.lapse)))?;
		}
		let outcome = match step.origin {
			Origin::Signed(actor) => apply_signed(actors::actor(actor), step.call.clone()),
			Origin::Root if is_left_out_of_root(&step.call) => Outcome::LeftOut,
			Origin::Root => {
				let sudo = RuntimeCall::Sudo(pallet_sudo::Call::sudo {
					call: Box::new(step.call.clone()),
				});
				match apply_signed(governance(), sudo) {
					Outcome::Succeeded => root_outcome(),
					other => other,
				}
			},
		};
		if step.origin == Origin::Root && outcome == Outcome::Succeeded {
			self.root_acted_in_block = true;
		}
		self.tally.record(&step.call, &outcome);
		Ok(())
	}

	/// Initialises block `number` with its Aura slot and applies the timestamp inherent.
	fn start_block(&mut self, number: BlockNumber) -> Result<(), Violation> {
		let slot = u64::from(number);
		let digest = Digest {
			logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, Slot::from(slot).encode())],
		};
		let header =
			Header::new(number, Default::default(), Default::default(), self.parent_hash, digest);
		// The empty blocks a lapse skips are not built: the chain moves on as if they had been.
		System::set_block_number(number.saturating_sub(1));
		Executive::initialize_block(&header);
		self.number = number;
		self.issuance_at_block_start = pallet_balances::TotalIssuance::<Runtime>::get();
		self.root_acted_in_block = false;
		let timestamp = RuntimeCall::Timestamp(pallet_timestamp::Call::set {
			now: slot.saturating_mul(SLOT_DURATION),
		});
		match Executive::apply_extrinsic(UncheckedExtrinsic::new_bare(timestamp)) {
			Ok(Ok(())) => Ok(()),
			other => Err(Violation::new(number, format!("the timestamp inherent: {other:?}"))),
		}
	}

	/// Finalises the current block and checks every invariant.
	fn end_block(&mut self) -> Result<(), Violation> {
		let header = Executive::finalize_block();
		self.parent_hash = header.hash();
		self.tally.blocks = self.tally.blocks.saturating_add(1);
		invariants::check(self.number, self.issuance_at_block_start, self.root_acted_in_block)
	}
}

/// The most governance may set a balance to in a run: 10^18 units, far above any real
/// issuance. Above it, `pallet_balances` lets root give an account more than the issuance can
/// count (free plus reserved overflows, the issuance saturates): a limit of the tool, not a
/// call any user can make.
pub const ROOT_BALANCE_LIMIT: u128 = 1_000_000_000_000_000_000 * UNITS;

/// Root calls a run leaves out: those that rewrite storage, code or issuance directly, those
/// that wrap other calls (whose inner calls would escape this filter), balances set above
/// [`ROOT_BALANCE_LIMIT`], and `Balances::force_unreserve`, which unreserves funds that holds
/// (deposits, escrows) still count on: `pallet_balances` lets root do that, and the project's
/// governance must not.
fn is_left_out_of_root(call: &RuntimeCall) -> bool {
	matches!(
		call,
		RuntimeCall::System(_)
			| RuntimeCall::Sudo(_)
			| RuntimeCall::Utility(_)
			| RuntimeCall::Proxy(_)
			| RuntimeCall::Multisig(_)
			| RuntimeCall::Balances(
				pallet_balances::Call::force_adjust_total_issuance { .. }
					| pallet_balances::Call::force_unreserve { .. }
			)
	) || matches!(
		call,
		RuntimeCall::Balances(pallet_balances::Call::force_set_balance { new_free, .. })
			if *new_free > ROOT_BALANCE_LIMIT
	)
}

/// The outcome of the root call that `Sudo::sudo` just dispatched, from its `Sudid` event.
fn root_outcome() -> Outcome {
	let sudid = System::read_events_no_consensus()
		.filter_map(|record| match record.event {
			RuntimeEvent::Sudo(pallet_sudo::Event::Sudid { sudo_result }) => Some(sudo_result),
			_ => None,
		})
		.last();
	match sudid {
		Some(Ok(())) => Outcome::Succeeded,
		Some(Err(error)) => Outcome::Failed(error),
		None => Outcome::Failed(DispatchError::Other("Sudo::sudo without a Sudid event")),
	}
}

/// Applies `call` signed by `who` with their next nonce, as `Executive::apply_extrinsic` does
/// after the signature check, inside a storage transaction that a refusal rolls back (as the
/// block builder rolls back a transaction it cannot include).
fn apply_signed(who: AccountId, call: RuntimeCall) -> Outcome {
	let extension = immortal_transaction_extension(System::account_nonce(&who));
	let unsigned_signature = MultiSignature::Sr25519(sr25519::Signature::from_raw([0; 64]));
	let encoded = UncheckedExtrinsic::new_signed(
		call.clone(),
		who.clone().into(),
		unsigned_signature,
		extension.clone(),
	)
	.encode();
	let encoded_len = encoded.len();
	let checked: CheckedExtrinsic<AccountId, RuntimeCall, TxExtension> =
		CheckedExtrinsic { format: ExtrinsicFormat::Signed(who, extension), function: call };
	let info = checked.get_dispatch_info();

	sp_io::storage::start_transaction();
	if !System::inherents_applied() {
		Executive::inherents_applied();
	}
	System::note_extrinsic(encoded);
	match checked.apply::<Runtime>(&info, encoded_len) {
		Ok(result) => {
			System::note_applied_extrinsic(&result, info);
			sp_io::storage::commit_transaction();
			match result {
				Ok(_) => Outcome::Succeeded,
				Err(error) => Outcome::Failed(error.error),
			}
		},
		Err(refusal) => {
			sp_io::storage::rollback_transaction();
			Outcome::Refused(refusal)
		},
	}
}
