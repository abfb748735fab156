//! Block time, Aura block authoring and GRANDPA finality (with equivocation reports).

use super::validators::{GrandpaEquivocationReports, HISTORY_DEPTH};
use crate::{Aura, Runtime, RuntimeEvent};
use cosmolocal_primitives::time::SLOT_DURATION;
use frame_support::traits::{ConstBool, ConstU32, ConstU64};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;

/// The largest number of validators the chain can have.
pub type MaxAuthorities = ConstU32<32>;

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	/// Two blocks are at least half a slot apart.
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = crate::weights::pallet_timestamp::WeightInfo<Runtime>;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = MaxAuthorities;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// Substrate's reference weights of equivocation reports (the pallet ships no other).
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	/// Validators have no nominators.
	type MaxNominators = ConstU32<0>;
	/// The set id of each session is kept as long as the session's historical root.
	type MaxSetIdSessionEntries = ConstU64<{ HISTORY_DEPTH as u64 }>;
	/// An equivocation is proven against the historical root of its session.
	type KeyOwnerProof = sp_session::MembershipProof;
	type EquivocationReportSystem = GrandpaEquivocationReports;
}
