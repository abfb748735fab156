//! The records the production pledges keep.

use crate::{AssetKindOf, BalanceOf, Config};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use cosmolocal_primitives::design::{DesignId, Process, VersionIndex};
use frame_support::{
	pallet_prelude::ConstU32, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_runtime::Permill;

pub use cosmolocal_primitives::production::PledgeId;

/// An ISO 3166-2 region code (`ES-CT`, `DE-BE`) or an ISO 3166-1 alpha-2 country code alone
/// (`KE`), in upper case.
pub type RegionCode = BoundedVec<u8, ConstU32<MAX_REGION_LEN>>;

/// The longest region code: two letters, `-`, and up to three letters or digits.
pub const MAX_REGION_LEN: u32 = 6;

/// The country part of a region code: two upper-case letters.
pub type CountryCode = [u8; 2];

/// An Open Location Code ("Plus Code"), such as `8FH495PF+29` or the shorter `8FH49500+`.
pub type PlusCode = BoundedVec<u8, ConstU32<MAX_PLUS_CODE_LEN>>;

/// The longest Plus Code the pallet accepts.
pub const MAX_PLUS_CODE_LEN: u32 = 16;

/// A producer's name.
pub type ProducerName<T> = BoundedVec<u8, <T as Config>::MaxNameLen>;

/// A URI or CID.
pub type Uri<T> = BoundedVec<u8, <T as Config>::MaxUriLen>;

/// The processes a producer can run.
pub type Processes<T> = BoundedVec<Process, <T as Config>::MaxProcesses>;

/// What a producer has done: the record maps and shops show.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct ProducerRecord {
	/// Pledges settled after a delivery, including by a dispute's verdict that paid the
	/// producer for part of the backed units.
	pub fulfilled: u32,
	/// Pledges that did not reach their minimum before the funding deadline.
	pub failed: u32,
	/// Pledges whose delivery a backer disputed.
	pub disputed: u32,
	/// Pledges not delivered by their delivery deadline.
	pub defaulted: u32,
	/// Pledges the producer cancelled while funding.
	pub cancelled: u32,
}

/// A workshop, makerspace or cooperative that makes things from open designs.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
pub struct Producer<T: Config> {
	/// Its public name.
	pub name: ProducerName<T>,
	/// Where it works: an ISO 3166-2 region code, or a country code alone.
	pub region: RegionCode,
	/// A finer, city-level location, if it gives one.
	pub plus_code: Option<PlusCode>,
	/// The production processes it can run.
	pub processes: Processes<T>,
	/// An Open Know-Where facility manifest (URI or CID), if it publishes one.
	pub facility_manifest: Option<Uri<T>>,
	/// Its pledges that have not ended yet (funding, funded, delivered or disputed).
	pub open_pledges: u32,
	/// What it has done so far.
	pub record: ProducerRecord,
	/// The deposit held from it for this record.
	pub deposit: BalanceOf<T>,
}

/// Where a pledge is in its life. States only move forward:
/// `Funding → Funded → Delivered → Settled`, `Funding → Failed`, `Funding → Cancelled`,
/// `Funded → Defaulted`, `Delivered → Disputed → Settled`.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum PledgeState {
	/// Backers may back and withdraw units until the funding deadline.
	Funding,
	/// Enough units were backed: the producer is making them.
	Funded,
	/// The producer reported a delivery: backers may confirm or dispute until the challenge
	/// window ends.
	Delivered,
	/// A backer disputed the delivery: the dispute resolver decides how the escrow is split,
	/// by the dispute's verdict deadline; after it, the pledge settles as reported.
	Disputed,
	/// The producer was paid; backers claim any refund and their deposits.
	Settled,
	/// Funding ended below the minimum: backers claim their money back.
	Failed,
	/// Nothing was delivered by the delivery deadline: backers claim their money and a share of
	/// the producer's bond.
	Defaulted,
	/// The producer cancelled while funding: backers claim their money back.
	Cancelled,
}

impl PledgeState {
	/// Whether the pledge has ended: no more delivery, backers claim what they are owed.
	pub fn has_ended(self) -> bool {
		matches!(self, Self::Settled | Self::Failed | Self::Defaulted | Self::Cancelled)
	}
}

/// A verdict on a disputed pledge, as `resolve_dispute` is given it: what the dispute resolver
/// origin approves.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Verdict {
	/// The disputed pledge.
	pub pledge: PledgeId,
	/// The share of the backed money the producer gets (before the commons share).
	pub producer_share: sp_runtime::Perbill,
}

/// A delivery reported by the producer.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
pub struct Delivery<T: Config> {
	/// How many units were delivered.
	pub units: u32,
	/// Evidence of the delivery (URI or CID: photos, delivery notes).
	pub evidence: Uri<T>,
	/// The last block in which backers may confirm or dispute.
	pub challenge_ends: BlockNumberFor<T>,
}

/// A dispute opened by a backer.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
pub struct Dispute<T: Config> {
	/// The backer who opened it.
	pub by: T::AccountId,
	/// Why (URI or CID, or a short text).
	pub reason: Uri<T>,
	/// The deposit held from the backer (`DisputeDeposit`, in the native token) until the
	/// pledge settles: returned when the verdict upholds the dispute or when no verdict came
	/// by `verdict_due`, paid to the producer when the verdict rejects it.
	pub deposit: BalanceOf<T>,
	/// The last block in which the dispute resolver may give its verdict; after it, anyone may
	/// settle the pledge as the producer reported it.
	pub verdict_due: BlockNumberFor<T>,
}

/// What an ended pledge owes its backers in all, and what of it is still to be claimed.
///
/// Each backer's part is worked out when it claims, `floor(total × units / backed_units)`, and
/// the last backer to claim gets what is left: the remainders of the divisions (less than one
/// smallest unit per backer) go to a backer, never back to the producer.
#[derive(
	Clone,
	Copy,
	Default,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Refunds<Balance> {
	/// Everything the backers get back: their money for undelivered units and the part of the
	/// producer's bond they are owed.
	pub total: Balance,
	/// What of `total` no backer has claimed yet.
	pub unclaimed: Balance,
	/// The backed units whose backers have not claimed yet.
	pub unclaimed_units: u32,
}

/// The terms of a pledge, as the producer sets them.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
pub struct PledgeTerms<T: Config> {
	/// The design to make.
	pub design: DesignId,
	/// The version of the design to make.
	pub version: VersionIndex,
	/// What the pledge is priced in: the native token or an asset.
	pub asset: AssetKindOf<T>,
	/// The price of one unit.
	pub unit_price: BalanceOf<T>,
	/// How many units the producer will make at most.
	pub quantity: u32,
	/// How many units must be backed for the pledge to go ahead (all or nothing).
	pub min_quantity: u32,
	/// The last block in which units may be backed.
	pub funding_deadline: BlockNumberFor<T>,
	/// The last block in which the producer may report its delivery.
	pub delivery_deadline: BlockNumberFor<T>,
	/// The producer's own stake, held in the escrow: lost to the backers on a default, and in
	/// proportion to the undelivered units on a partial delivery.
	pub bond: BalanceOf<T>,
}

/// A producer's promise to make units of a design version, backed by local people.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
pub struct Pledge<T: Config> {
	/// The producer.
	pub producer: T::AccountId,
	/// The producer's region when it pledged.
	pub region: RegionCode,
	/// What it pledged.
	pub terms: PledgeTerms<T>,
	/// The design's commons share when the pledge was made: the part of the producer's earnings
	/// that goes to the design's commons at settlement.
	pub commons_share: Permill,
	/// Where the pledge is in its life.
	pub state: PledgeState,
	/// Units backed so far (after funding: units that were backed).
	pub backed_units: u32,
	/// Backers that still have a backing entry.
	pub backers: u32,
	/// Units whose backers confirmed receipt.
	pub confirmed_units: u32,
	/// The delivery, once reported.
	pub delivery: Option<Delivery<T>>,
	/// The dispute, if a backer opened one.
	pub dispute: Option<Dispute<T>>,
	/// After the pledge ended: what its backers get back, and what of it they have claimed.
	pub refunds: Refunds<BalanceOf<T>>,
	/// After the pledge ended: what the escrow owes the producer and could not pay it then,
	/// because the producer's account could not receive the asset (below the asset's minimum
	/// balance, blocked). It waits in the escrow until `pay_producer` pays it.
	pub unpaid_to_producer: BalanceOf<T>,
	/// The asset's minimum balance, put in the escrow by the producer to keep it open, and
	/// returned to the producer when the pledge closes.
	pub escrow_minimum: BalanceOf<T>,
	/// The deposit held from the producer for this record and its index entries.
	pub deposit: BalanceOf<T>,
}

/// A backer's part of a pledge.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
pub struct Backing<T: Config> {
	/// Units backed.
	pub units: u32,
	/// Whether the backer confirmed receipt of the delivery.
	pub confirmed: bool,
	/// The deposit held from the backer for this entry.
	pub deposit: BalanceOf<T>,
}

/// What a producer tells about itself when it registers or updates its record.
#[derive(CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
pub struct ProducerDetails<T: Config> {
	/// Its public name.
	pub name: ProducerName<T>,
	/// Its region code.
	pub region: RegionCode,
	/// Its Plus Code, if any.
	pub plus_code: Option<PlusCode>,
	/// The processes it can run.
	pub processes: Processes<T>,
	/// Its facility manifest, if any.
	pub facility_manifest: Option<Uri<T>>,
}

/// A producer registered at genesis (examples for a development chain).
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GenesisProducer<AccountId> {
	/// Its account, which pays the deposit.
	pub account: AccountId,
	/// Its name.
	pub name: alloc::vec::Vec<u8>,
	/// Its region code.
	pub region: alloc::vec::Vec<u8>,
	/// Its Plus Code, if any.
	pub plus_code: Option<alloc::vec::Vec<u8>>,
	/// The processes it can run.
	pub processes: alloc::vec::Vec<Process>,
	/// Its facility manifest, if any.
	pub facility_manifest: Option<alloc::vec::Vec<u8>>,
}
