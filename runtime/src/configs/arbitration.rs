//! Who decides a disputed delivery: the arbitration panel by a majority of its members who are not
//! parties to the pledge (its producer and its backers), or root.
//!
//! The panel votes with `pallet-collective` motions like the Assembly, but a panel member who
//! produced or backed the pledge does not decide it. The collective itself cannot tell: it
//! counts every member's vote. So the verdict's origin counts again, when the motion is executed,
//! from the motion's own record of votes: the ayes of members who are not parties must be more
//! than half of the members who are not parties. A party's vote, whichever way, counts for
//! nothing; a panel whose members are all parties cannot decide, and the dispute goes to the
//! Assembly (root, three quarters).
//!
//! The motion must be the call `ProductionPledges::resolve_dispute` itself, not wrapped in a
//! batch: its record of votes is found by the call's hash.

use super::governance::PanelCollective;
use crate::{
	AccountId, BlockNumber, OriginCaller, ProductionPledges, Runtime, RuntimeCall, RuntimeOrigin,
};
use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_support::traits::{EnsureOriginWithArg, OriginTrait};
use pallet_production_pledges::Verdict;
use sp_runtime::traits::Hash;

/// A panel motion's votes as `pallet-collective` stores them (its `Votes`, whose fields it does
/// not expose): decoded from the same bytes.
#[derive(Encode, Decode)]
struct RecordedVotes {
	_index: u32,
	_threshold: u32,
	ayes: Vec<AccountId>,
	_nays: Vec<AccountId>,
	_end: BlockNumber,
}

/// The dispute resolver origin: root, or a panel motion carried by more than half of the panel
/// members who are not parties to the disputed pledge.
pub struct PanelMajorityOfNonParties;

impl EnsureOriginWithArg<RuntimeOrigin, Verdict> for PanelMajorityOfNonParties {
	type Success = ();

	fn try_origin(origin: RuntimeOrigin, verdict: &Verdict) -> Result<(), RuntimeOrigin> {
		let allowed = match origin.caller() {
			OriginCaller::system(frame_system::RawOrigin::Root) => true,
			OriginCaller::TechnicalCommittee(pallet_collective::RawOrigin::Members(..)) => {
				carried_by_non_parties(verdict)
			},
			_ => false,
		};
		if allowed {
			Ok(())
		} else {
			Err(origin)
		}
	}

	/// The costliest way through: a full panel, every member an aye and none a party.
	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(verdict: &Verdict) -> Result<RuntimeOrigin, ()> {
		let seats = super::governance::PanelMaxMembers::get();
		let mut members: Vec<AccountId> =
			(0..seats).map(|seat| AccountId::from([seat as u8 + 100; 32])).collect();
		members.sort();
		pallet_collective::Members::<Runtime, PanelCollective>::put(&members);
		let motion_hash =
			<Runtime as frame_system::Config>::Hashing::hash_of(&verdict_motion(verdict));
		let votes = RecordedVotes {
			_index: 0,
			_threshold: seats,
			ayes: members,
			_nays: Vec::new(),
			_end: 1,
		};
		frame_support::storage::unhashed::put_raw(
			&pallet_collective::Voting::<Runtime, PanelCollective>::hashed_key_for(motion_hash),
			&votes.encode(),
		);
		Ok(pallet_collective::RawOrigin::<AccountId, PanelCollective>::Members(seats, seats).into())
	}
}

/// The motion that decides `verdict`, as the panel proposes it.
pub fn verdict_motion(verdict: &Verdict) -> RuntimeCall {
	RuntimeCall::ProductionPledges(pallet_production_pledges::Call::resolve_dispute {
		pledge: verdict.pledge,
		producer_share: verdict.producer_share,
	})
}

/// Whether the panel's motion for `verdict` has the ayes of more than half of the panel members
/// who are not parties to the pledge.
fn carried_by_non_parties(verdict: &Verdict) -> bool {
	let motion_hash = <Runtime as frame_system::Config>::Hashing::hash_of(&verdict_motion(verdict));
	let Some(votes) = pallet_collective::Voting::<Runtime, PanelCollective>::get(motion_hash)
	else {
		return false;
	};
	let Ok(votes) = RecordedVotes::decode(&mut &votes.encode()[..]) else {
		return false;
	};
	let members = pallet_collective::Members::<Runtime, PanelCollective>::get();
	// Each member's part in the pledge is read once; the ayes are then matched against them.
	let deciders: Vec<&AccountId> = members
		.iter()
		.filter(|member| !ProductionPledges::is_party(verdict.pledge, member))
		.collect();
	let ayes = votes.ayes.iter().filter(|voter| deciders.contains(voter)).count();
	ayes.saturating_mul(2) > deciders.len()
}
