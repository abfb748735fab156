//! Governance by the member cooperatives, from FRAME's own pallets:
//!
//! - **the Assembly** (`Council`, a `pallet-collective`, one member one vote), whose members
//!   `CouncilMembership` keeps: the Assembly admits members by a majority and removes them by two
//!   thirds;
//! - **the arbitration panel** (`TechnicalCommittee`, a second collective), chosen by the Assembly
//!   (`TechnicalMembership`), which resolves disputed deliveries by a majority of its members who
//!   are not parties to the pledge ([`super::arbitration`]);
//! - **certifiers** (`Certifiers`, a `pallet-membership` kept by the Assembly), each of which
//!   certifies designs in its own name;
//! - **the commons treasury** (`Treasury`, [`super::treasury`]), funded by a share of every
//!   transaction fee and spent by the Assembly, into accounts or value networks;
//! - **root** only through the Assembly: a motion carried by three quarters of its members
//!   whitelists a call and dispatches it as root (`Whitelist`, with `Preimage` for calls noted in
//!   advance). A runtime upgrade is such a call: `System::authorize_upgrade` with the new code's
//!   hash, after which anyone submits the code with `System::apply_authorized_upgrade`.
//!
//! Every governed origin below also accepts root, so that the sudo key of a development chain can
//! experiment; chains other than `--dev` have no sudo key, and root is then the Assembly's three
//! quarters. The thresholds are in the README's and the cooperative guide's table.

use crate::{
	AccountId, Balance, Balances, BlockNumber, Council, Preimage, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeHoldReason, RuntimeOrigin, System, TechnicalCommittee,
};
use cosmolocal_primitives::{currency::deposit, time::DAYS};
use frame_support::{
	parameter_types,
	traits::{
		fungible::HoldConsideration, EitherOf, EitherOfDiverse, LinearStoragePrice, MapSuccess,
	},
	weights::Weight,
};
use frame_system::{EnsureRoot, EnsureSignedBy};
use pallet_collective::{EnsureProportionAtLeast, EnsureProportionMoreThan};
use sp_runtime::traits::{MorphInto, Replace};

use super::system::RuntimeBlockWeights;

/// The Assembly's collective.
pub type AssemblyCollective = pallet_collective::Instance1;
/// The arbitration panel's collective.
pub type PanelCollective = pallet_collective::Instance2;
/// The Assembly's membership.
pub type AssemblyMembership = pallet_membership::Instance1;
/// The arbitration panel's membership.
pub type PanelMembership = pallet_membership::Instance2;
/// The certifying bodies.
pub type CertifierMembership = pallet_membership::Instance3;

/// Root, or `Origin`: every governed power is also root's.
pub type RootOr<Origin> = EitherOfDiverse<EnsureRoot<AccountId>, Origin>;
/// A motion of the Assembly carried by more than half of its members.
pub type AssemblyMajority = RootOr<EnsureProportionMoreThan<AccountId, AssemblyCollective, 1, 2>>;
/// A motion of the Assembly carried by at least two thirds of its members.
pub type AssemblyTwoThirds = RootOr<EnsureProportionAtLeast<AccountId, AssemblyCollective, 2, 3>>;
/// A motion of the Assembly carried by at least three quarters of its members: what may act as
/// root.
pub type AssemblyThreeQuarters =
	RootOr<EnsureProportionAtLeast<AccountId, AssemblyCollective, 3, 4>>;

/// How long a motion of the Assembly stays open for votes; it closes earlier once its outcome
/// is certain. Members are cooperatives that deliberate: a week, or two minutes with the
/// `fast-runtime` feature (for tests).
#[cfg(not(feature = "fast-runtime"))]
pub const ASSEMBLY_MOTION_DURATION: BlockNumber = 7 * DAYS;
/// How long a motion of the Assembly stays open for votes (`fast-runtime`: two minutes).
#[cfg(feature = "fast-runtime")]
pub const ASSEMBLY_MOTION_DURATION: BlockNumber = 2 * cosmolocal_primitives::time::MINUTES;

/// How long a motion of the arbitration panel stays open: three days, as long as backers have to
/// dispute a delivery, or two minutes with `fast-runtime`.
#[cfg(not(feature = "fast-runtime"))]
pub const PANEL_MOTION_DURATION: BlockNumber = 3 * DAYS;
/// How long a motion of the arbitration panel stays open (`fast-runtime`: two minutes).
#[cfg(feature = "fast-runtime")]
pub const PANEL_MOTION_DURATION: BlockNumber = 2 * cosmolocal_primitives::time::MINUTES;

parameter_types! {
	/// How long a motion of the Assembly stays open.
	pub const AssemblyMotionDuration: BlockNumber = ASSEMBLY_MOTION_DURATION;
	/// How long a motion of the arbitration panel stays open.
	pub const PanelMotionDuration: BlockNumber = PANEL_MOTION_DURATION;
	/// The most members the Assembly has.
	pub const AssemblyMaxMembers: u32 = 100;
	/// The most members the arbitration panel has.
	pub const PanelMaxMembers: u32 = 9;
	/// The most certifying bodies.
	pub const MaxCertifiers: u32 = 32;
	/// The most motions open at once in each collective.
	pub const MaxMotions: u32 = 100;
	/// A motion's call may weigh at most half a block.
	pub MaxMotionWeight: Weight = sp_runtime::Perbill::from_percent(50)
		* RuntimeBlockWeights::get().max_block;
	/// What governance as a whole (a vote, or root) certifies as: no certifying body.
	pub const NoCertifyingBody: Option<AccountId> = None;
}

/// A power nobody holds: the collectives' own `set_members` (their members are the memberships')
/// and the memberships' prime member (one member one vote). Only the benchmarks, which set members
/// and a prime to measure every path, open it to root; a runtime built without
/// `runtime-benchmarks` has no way to it.
#[cfg(not(feature = "runtime-benchmarks"))]
pub type Closed = frame_support::traits::NeverEnsureOrigin<()>;
/// In the benchmarks only: root, with which they set members and a prime.
#[cfg(feature = "runtime-benchmarks")]
pub type Closed = EnsureRoot<AccountId>;

impl pallet_collective::Config<AssemblyCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = AssemblyMotionDuration;
	type MaxProposals = MaxMotions;
	type MaxMembers = AssemblyMaxMembers;
	// One member one vote: members who did not vote when a motion closes count against it.
	type DefaultVote = pallet_collective::MoreThanMajorityThenPrimeDefaultVote;
	type WeightInfo = crate::weights::pallet_collective_council::WeightInfo<Runtime>;
	// The members are `CouncilMembership`'s: the collective's own `set_members` is closed, so
	// that the two never disagree.
	type SetMembersOrigin = Closed;
	type MaxProposalWeight = MaxMotionWeight;
	type DisapproveOrigin = EnsureRoot<AccountId>;
	type KillOrigin = EnsureRoot<AccountId>;
	// Only members propose, at most `MaxMotions` at once: no deposit.
	type Consideration = ();
}

impl pallet_membership::Config<AssemblyMembership> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = AssemblyMajority;
	type RemoveOrigin = AssemblyTwoThirds;
	type SwapOrigin = AssemblyTwoThirds;
	type ResetOrigin = AssemblyThreeQuarters;
	// One member one vote: no prime member whose vote would count for the absent.
	type PrimeOrigin = Closed;
	type MembershipInitialized = Council;
	type MembershipChanged = Council;
	type MaxMembers = AssemblyMaxMembers;
	type WeightInfo = crate::weights::pallet_membership_council_membership::WeightInfo<Runtime>;
}

impl pallet_collective::Config<PanelCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = PanelMotionDuration;
	type MaxProposals = MaxMotions;
	type MaxMembers = PanelMaxMembers;
	type DefaultVote = pallet_collective::MoreThanMajorityThenPrimeDefaultVote;
	type WeightInfo = crate::weights::pallet_collective_technical_committee::WeightInfo<Runtime>;
	type SetMembersOrigin = Closed;
	type MaxProposalWeight = MaxMotionWeight;
	type DisapproveOrigin = AssemblyMajority;
	type KillOrigin = AssemblyMajority;
	type Consideration = ();
}

impl pallet_membership::Config<PanelMembership> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = AssemblyMajority;
	type RemoveOrigin = AssemblyMajority;
	type SwapOrigin = AssemblyMajority;
	type ResetOrigin = AssemblyMajority;
	type PrimeOrigin = Closed;
	type MembershipInitialized = TechnicalCommittee;
	type MembershipChanged = TechnicalCommittee;
	type MaxMembers = PanelMaxMembers;
	type WeightInfo = crate::weights::pallet_membership_technical_membership::WeightInfo<Runtime>;
}

impl pallet_membership::Config<CertifierMembership> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = AssemblyMajority;
	type RemoveOrigin = AssemblyMajority;
	type SwapOrigin = AssemblyMajority;
	type ResetOrigin = AssemblyMajority;
	type PrimeOrigin = Closed;
	type MembershipInitialized = ();
	type MembershipChanged = ();
	type MaxMembers = MaxCertifiers;
	// Not benchmarked (runtime/src/benchmarks.rs): the Assembly membership's calls do what these
	// do and change the Assembly's members too, so their weights bound these.
	type WeightInfo = crate::weights::pallet_membership_council_membership::WeightInfo<Runtime>;
}

/// Who may certify designs: a certifying body in its own name, or the Assembly by a majority
/// (and root), which certify as governance as a whole.
pub type CertifierOrigin = EitherOf<
	MapSuccess<EnsureSignedBy<crate::Certifiers, AccountId>, MorphInto<Option<AccountId>>>,
	MapSuccess<AssemblyMajority, Replace<NoCertifyingBody>>,
>;

parameter_types! {
	/// Held per noted preimage: a storage entry and its 64 bytes of bookkeeping.
	pub const PreimageBaseDeposit: Balance = deposit(2, 64);
	/// Held per byte of a noted preimage.
	pub const PreimageByteDeposit: Balance = deposit(0, 1);
	/// Why a preimage's deposit is held.
	pub const PreimageHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
	/// How long a dispatch the Assembly deferred (dispatched before it whitelisted the call) can
	/// still be relayed by anyone once the call is whitelisted.
	pub const DeferredDispatchExpiration: BlockNumber = 7 * DAYS;
}

impl pallet_preimage::Config for Runtime {
	type WeightInfo = crate::weights::pallet_preimage::WeightInfo<Runtime>;
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<AccountId>;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		PreimageHoldReason,
		LinearStoragePrice<PreimageBaseDeposit, PreimageByteDeposit, Balance>,
	>;
}

impl pallet_whitelist::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WhitelistOrigin = AssemblyThreeQuarters;
	type DispatchWhitelistedOrigin = AssemblyThreeQuarters;
	type Preimages = Preimage;
	type DeferredDispatchExpiration = DeferredDispatchExpiration;
	type BlockNumberProvider = System;
	type WeightInfo = crate::weights::pallet_whitelist::WeightInfo<Runtime>;
}
