//! A chain in memory that applies a run block by block, as a block author would, and checks the
//! invariants after every block.

use crate::{
	actors::{self, assembly, panel, poor, POOR_ENDOWMENT},
	invariants::{self, NativeAtBlockStart, Violation},
	step::{Origin, Step},
};
use codec::Encode;
use cosmolocal_primitives::{currency::UNITS, time::SLOT_DURATION, BlockNumber};
use cosmolocal_runtime::{
	genesis_config_presets::development_config_genesis, immortal_transaction_extension, AccountId,
	Balances, CouncilMembership, Executive, Hash, Header, Runtime, RuntimeCall, RuntimeError,
	RuntimeEvent, RuntimeGenesisConfig, RuntimeOrigin, System, TechnicalMembership, TxExtension,
	UncheckedExtrinsic,
};
use frame_support::{dispatch::GetDispatchInfo, traits::GetCallMetadata};
use serde_json::Value;
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_core::sr25519;
use sp_runtime::{
	generic::{CheckedExtrinsic, ExtrinsicFormat},
	traits::{Applyable, Hash as _, Header as _},
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

/// What each member of the Assembly and of the panel holds at the start, to pay the fees of its
/// motions.
const GOVERNANCE_ENDOWMENT: u128 = 1_000 * UNITS;

/// The development chain's genesis (example designs and producers, the open licences, six
/// endowed accounts) with the poor account endowed, the run's own Assembly and panel (see
/// [`assembly`], [`panel`]) and no sudo key.
pub(crate) fn genesis() -> Result<&'static Storage, String> {
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
		let governance = assembly().into_iter().chain(panel());
		let endowments = governance
			.map(|member| (member, GOVERNANCE_ENDOWMENT))
			.chain([(poor(), POOR_ENDOWMENT)]);
		for (who, amount) in endowments {
			Balances::force_set_balance(RuntimeOrigin::root(), who.into(), amount)
				.map_err(|error| format!("genesis: endowing: {error:?}"))?;
		}
		CouncilMembership::reset_members(RuntimeOrigin::root(), assembly().to_vec())
			.map_err(|error| format!("genesis: the Assembly: {error:?}"))?;
		TechnicalMembership::reset_members(RuntimeOrigin::root(), panel().to_vec())
			.map_err(|error| format!("genesis: the panel: {error:?}"))?;
		pallet_sudo::Key::<Runtime>::kill();
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
	native_at_block_start: NativeAtBlockStart,
	root_acted_in_block: bool,
	tally: Tally,
}

impl Chain {
	/// Starts block 1 on the genesis state.
	fn start() -> Result<Self, Violation> {
		let mut chain = Self {
			number: 0,
			parent_hash: frame_system::BlockHash::<Runtime>::get(0),
			native_at_block_start: NativeAtBlockStart::default(),
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
			Origin::Root if is_verdict(&step.call) => panel_verdict(step.call.clone()),
			Origin::Root => assembly_as_root(step.call.clone()),
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
		// Read before the block's hooks, whose events the checks count.
		self.native_at_block_start = NativeAtBlockStart::read();
		Executive::initialize_block(&header);
		self.number = number;
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
		invariants::check(self.number, self.native_at_block_start, self.root_acted_in_block)
	}
}

/// The most governance may set a balance to in a run: 10^18 units, far above any real
/// issuance. Above it, `pallet_balances` lets root give an account more than the issuance can
/// count (free plus reserved overflows, the issuance saturates): a limit of the tool, not a
/// call any user can make.
pub const ROOT_BALANCE_LIMIT: u128 = 1_000_000_000_000_000_000 * UNITS;

/// Root calls a run leaves out: those that rewrite storage, code or issuance directly, those
/// that wrap other calls (whose inner calls would escape this filter), those that would change
/// the run's own Assembly and panel (the rest of the run could no longer act as governance),
/// balances set above
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
			| RuntimeCall::Council(_)
			| RuntimeCall::CouncilMembership(_)
			| RuntimeCall::TechnicalCommittee(_)
			| RuntimeCall::TechnicalMembership(_)
			| RuntimeCall::Whitelist(_)
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

/// Whether `call` is a verdict on a dispute: the arbitration panel's.
fn is_verdict(call: &RuntimeCall) -> bool {
	matches!(
		call,
		RuntimeCall::ProductionPledges(pallet_production_pledges::Call::resolve_dispute { .. })
	)
}

/// How many of the Assembly's five members carry a root motion: three quarters.
const ROOT_AYES: usize = 4;
/// How many of the panel's three members carry a verdict: a majority.
const VERDICT_AYES: usize = 2;

/// `call` dispatched as root as the project's governance does it: a motion of the Assembly,
/// carried by [`ROOT_AYES`] members, that whitelists the call and dispatches it. The outcome is
/// the call's own, from the `WhitelistedCallDispatched` event; a motion refused on the way (too
/// heavy, say) is that refusal.
fn assembly_as_root(call: RuntimeCall) -> Outcome {
	let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
	let whitelisted = RuntimeCall::Utility(pallet_utility::Call::batch_all {
		calls: vec![
			RuntimeCall::Whitelist(pallet_whitelist::Call::whitelist_call { call_hash: hash }),
			RuntimeCall::Whitelist(
				pallet_whitelist::Call::dispatch_whitelisted_call_with_preimage {
					call: Box::new(call),
				},
			),
		],
	});
	match motion(&assembly()[..ROOT_AYES], whitelisted, RuntimeCall::Council) {
		Outcome::Succeeded => {},
		other => return other,
	}
	let dispatched = System::read_events_no_consensus()
		.filter_map(|record| match record.event {
			RuntimeEvent::Whitelist(pallet_whitelist::Event::WhitelistedCallDispatched {
				result,
				..
			}) => Some(result.map(|_| ()).map_err(|error| error.error)),
			_ => None,
		})
		.last();
	outcome_of(dispatched, "a root motion without its dispatch")
}

/// The outcome a governance event reported (the last of its kind in the block), or a failure
/// saying that `missing` happened when there was none.
fn outcome_of(reported: Option<Result<(), DispatchError>>, missing: &'static str) -> Outcome {
	match reported {
		Some(Ok(())) => Outcome::Succeeded,
		Some(Err(error)) => Outcome::Failed(error),
		None => Outcome::Failed(DispatchError::Other(missing)),
	}
}

/// A verdict as the arbitration panel gives it: a motion carried by [`VERDICT_AYES`] members.
fn panel_verdict(call: RuntimeCall) -> Outcome {
	motion(&panel()[..VERDICT_AYES], call, RuntimeCall::TechnicalCommittee)
}

/// A motion of a collective (`wrap` makes its calls) whose `ayes` propose `call`, asking for as
/// many ayes as they are, vote for it, and close it. The outcome is the first refusal on the way,
/// or the result of the call the motion executed.
fn motion<I: 'static>(
	ayes: &[AccountId],
	call: RuntimeCall,
	wrap: fn(pallet_collective::Call<Runtime, I>) -> RuntimeCall,
) -> Outcome
where
	Runtime: pallet_collective::Config<I, Proposal = RuntimeCall>,
{
	let [proposer, ..] = ayes else {
		return Outcome::Failed(DispatchError::Other("a motion without members"));
	};
	let length_bound = call.encoded_size() as u32;
	let proposal_weight_bound = call.get_dispatch_info().call_weight;
	let proposal = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
	let index = pallet_collective::ProposalCount::<Runtime, I>::get();
	let threshold = ayes.len() as u32;
	let propose =
		pallet_collective::Call::propose { threshold, proposal: Box::new(call), length_bound };
	let votes = ayes
		.iter()
		.map(|member| (member, pallet_collective::Call::vote { proposal, index, approve: true }));
	let close = pallet_collective::Call::close {
		proposal_hash: proposal,
		index,
		proposal_weight_bound,
		length_bound,
	};
	for (member, step) in [(proposer, propose)].into_iter().chain(votes).chain([(proposer, close)])
	{
		match apply_signed(member.clone(), wrap(step)) {
			Outcome::Succeeded => {},
			other => return other,
		}
	}
	let executed = System::read_events_no_consensus()
		.filter_map(|record| match record.event {
			RuntimeEvent::Council(pallet_collective::Event::Executed { result, .. })
			| RuntimeEvent::TechnicalCommittee(pallet_collective::Event::Executed {
				result, ..
			}) => Some(result),
			_ => None,
		})
		.last();
	outcome_of(executed, "a motion that was not executed")
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
