//! The validators: a set kept by the Assembly (two thirds of its members), sessions of
//! ten minutes at whose boundaries the set changes, and GRANDPA equivocations reported as
//! offences, which remove the offender from the set.

use crate::{
	AccountId, Aura, Balances, Historical, Offences, Runtime, RuntimeCall, RuntimeEvent,
	SessionKeys, UncheckedExtrinsic, ValidatorSet,
};
use cosmolocal_primitives::{currency::deposit, time::MINUTES, Balance, BlockNumber};
use frame_support::{parameter_types, traits::ConstU32};
use sp_runtime::traits::{ConvertInto, OpaqueKeys};
use sp_staking::SessionIndex;

use super::consensus::MaxAuthorities;

/// Blocks per session: validator set changes take effect at session boundaries.
pub const SESSION_PERIOD: BlockNumber = 10 * MINUTES;

/// Sessions during which an equivocation can still be reported: a week.
pub const HISTORY_DEPTH: SessionIndex = 7 * 24 * 6;

parameter_types! {
	/// Blocks per session.
	pub const SessionPeriod: BlockNumber = SESSION_PERIOD;
	/// Sessions start at block 0.
	pub const SessionOffset: BlockNumber = 0;
	/// Held from a validator while its session keys are registered: one entry for its keys
	/// and one per key for the key's owner (2 × 32 bytes of keys, 2 × 32 bytes of owner).
	pub const SessionKeyDeposit: Balance = deposit(3, 128);
	/// How long an equivocation report stays valid in the transaction pool, in blocks.
	pub const ReportLongevity: u64 = HISTORY_DEPTH as u64 * SESSION_PERIOD as u64;
}

impl pallet_authorship::Config for Runtime {
	/// The author of a block is the Aura authority of its slot.
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, Aura>;
	type EventHandler = ();
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// A validator is identified by its account.
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
	type NextSessionRotation = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
	/// The validator set decides the validators; each session's root is kept for equivocation
	/// proofs.
	type SessionManager = pallet_session::historical::NoteHistoricalRoot<Self, ValidatorSet>;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	/// Validators are not disabled: an offender leaves the set at the next boundary instead.
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = SessionKeyDeposit;
}

impl pallet_session::historical::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// Validators hold no stake: their account identifies them fully.
	type FullIdentification = AccountId;
	type FullIdentificationOf = ConvertInto;
}

impl pallet_offences::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type IdentificationTuple = pallet_session::historical::IdentificationTuple<Self>;
	type OnOffenceHandler = ValidatorSet;
}

impl pallet_validator_set::Config for Runtime {
	type AddRemoveOrigin = super::governance::AssemblyTwoThirds;
	/// A chain needs one validator to make blocks.
	type MinValidators = ConstU32<1>;
	type MaxValidators = MaxAuthorities;
	type HistoryDepth = ConstU32<HISTORY_DEPTH>;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
}

impl<LocalCall> frame_system::offchain::CreateTransactionBase<LocalCall> for Runtime
where
	RuntimeCall: From<LocalCall>,
{
	type Extrinsic = UncheckedExtrinsic;
	type RuntimeCall = RuntimeCall;
}

/// Equivocation reports are unsigned transactions, built by the node that saw the equivocation.
impl<LocalCall> frame_system::offchain::CreateBare<LocalCall> for Runtime
where
	RuntimeCall: From<LocalCall>,
{
	fn create_bare(call: RuntimeCall) -> UncheckedExtrinsic {
		UncheckedExtrinsic::new_bare(call)
	}
}

/// Keeps the offences pallet and the historical roots referenced for the report system.
pub type GrandpaEquivocationReports =
	pallet_grandpa::EquivocationReportSystem<Runtime, Offences, Historical, ReportLongevity>;
