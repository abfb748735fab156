//! Governance by the member cooperatives, from FRAME's own pallets:
//!
//! - **the Assembly** (`Council`, a `pallet-collective`, one member one vote), whose members
//!   `CouncilMembership` keeps: the Assembly admits members by a majority and removes them by two
//!   thirds;
//! - **the arbitration panel** (`TechnicalCommittee`, a second collective), chosen by the Assembly
//!   (`TechnicalMembership`), which resolves disputed deliveries by a majority;
//! - **certifiers** (`Certifiers`, a `pallet-membership` kept by the Assembly), each of which
//!   certifies designs in its own name;
//! - **the commons treasury** (`Treasury`), funded by a share of every transaction fee and spent
//!   by the Assembly;
//! - **root** only through the Assembly: a motion carried by three quarters of its members
//!   whitelists a call and dispatches it as root (`Whitelist`, with `Preimage` for calls noted in
//!   advance). A runtime upgrade is such a call: `System::authorize_upgrade` with the new code's
//!   hash, after which anyone submits the code with `System::apply_authorized_upgrade`.
//!
//! Every governed origin below also accepts root, so that the sudo key of a development chain can
//! experiment; chains other than `--dev` have no sudo key, and root is then the Assembly's three
//! quarters. The thresholds are in the README's and the cooperative guide's table.

use crate::{
	AccountId, AssetId, Balance, Balances, BlockNumber, Council, Preimage, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeHoldReason, RuntimeOrigin, System, TechnicalCommittee, Treasury,
};
use cosmolocal_primitives::{currency::deposit, time::DAYS};
use frame_support::{
	parameter_types,
	traits::{
		fungible::{HoldConsideration, NativeOrWithId},
		tokens::{imbalance::ResolveTo, pay::PayAssetFromAccount, UnityAssetBalanceConversion},
		EitherOf, EitherOfDiverse, LinearStoragePrice, MapSuccess, NeverEnsureOrigin, OnUnbalanced,
	},
	weights::Weight,
	PalletId,
};
use frame_system::{EnsureRoot, EnsureRootWithSuccess, EnsureSignedBy, EnsureWithSuccess};
use pallet_collective::{EnsureProportionAtLeast, EnsureProportionMoreThan};
use sp_runtime::{
	traits::{IdentityLookup, MorphInto, Replace},
	Percent, Permill,
};

use super::{domain::NativeAndAssets, system::RuntimeBlockWeights};

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
/// A motion of the arbitration panel carried by more than half of its members.
pub type PanelMajority = RootOr<EnsureProportionMoreThan<AccountId, PanelCollective, 1, 2>>;

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

/// How long an approved treasury spend can be paid out before it expires: thirty days, or ten
/// minutes with `fast-runtime`.
#[cfg(not(feature = "fast-runtime"))]
pub const TREASURY_PAYOUT_PERIOD: BlockNumber = 30 * DAYS;
/// How long an approved treasury spend can be paid out (`fast-runtime`: ten minutes).
#[cfg(feature = "fast-runtime")]
pub const TREASURY_PAYOUT_PERIOD: BlockNumber = 10 * cosmolocal_primitives::time::MINUTES;

/// The share of every transaction fee (tips included) that goes to the commons treasury; the
/// rest is burnt.
pub const TREASURY_FEE_SHARE: Percent = Percent::from_percent(20);

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

impl pallet_collective::Config<AssemblyCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = AssemblyMotionDuration;
	type MaxProposals = MaxMotions;
	type MaxMembers = AssemblyMaxMembers;
	// One member one vote: members who did not vote when a motion closes count against it.
	type DefaultVote = pallet_collective::MoreThanMajorityThenPrimeDefaultVote;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	// The members are `CouncilMembership`'s: the collective's own `set_members` is closed, so
	// that the two never disagree.
	type SetMembersOrigin = NeverEnsureOrigin<()>;
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
	type PrimeOrigin = NeverEnsureOrigin<()>;
	type MembershipInitialized = Council;
	type MembershipChanged = Council;
	type MaxMembers = AssemblyMaxMembers;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

impl pallet_collective::Config<PanelCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = PanelMotionDuration;
	type MaxProposals = MaxMotions;
	type MaxMembers = PanelMaxMembers;
	type DefaultVote = pallet_collective::MoreThanMajorityThenPrimeDefaultVote;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	type SetMembersOrigin = NeverEnsureOrigin<()>;
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
	type PrimeOrigin = NeverEnsureOrigin<()>;
	type MembershipInitialized = TechnicalCommittee;
	type MembershipChanged = TechnicalCommittee;
	type MaxMembers = PanelMaxMembers;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

impl pallet_membership::Config<CertifierMembership> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = AssemblyMajority;
	type RemoveOrigin = AssemblyMajority;
	type SwapOrigin = AssemblyMajority;
	type ResetOrigin = AssemblyMajority;
	type PrimeOrigin = NeverEnsureOrigin<()>;
	type MembershipInitialized = ();
	type MembershipChanged = ();
	type MaxMembers = MaxCertifiers;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
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
	type WeightInfo = pallet_preimage::weights::SubstrateWeight<Runtime>;
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
	type WeightInfo = pallet_whitelist::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// The treasury's id: its account derives from it.
	pub const TreasuryPalletId: PalletId = PalletId(*b"py/trsry");
	/// The treasury's account.
	pub TreasuryAccount: AccountId = Treasury::account_id();
	/// How often the approvals of `spend_local` are paid out: every week (`spend` pays when its
	/// beneficiary or anyone calls `payout`).
	pub const SpendPeriod: BlockNumber = 7 * DAYS;
	/// Nothing of the treasury is burnt at the end of a spend period.
	pub const TreasuryBurn: Permill = Permill::zero();
	/// How long an approved spend can be paid out.
	pub const TreasuryPayoutPeriod: BlockNumber = TREASURY_PAYOUT_PERIOD;
	/// The most `spend_local` approvals waiting at once.
	pub const MaxTreasuryApprovals: u32 = 100;
	/// The most a single treasury spend may be: no limit but what the treasury holds.
	pub const MaxTreasurySpend: Balance = Balance::MAX;
}

impl pallet_treasury::Config for Runtime {
	type Currency = Balances;
	type RejectOrigin = AssemblyMajority;
	type RuntimeEvent = RuntimeEvent;
	type SpendPeriod = SpendPeriod;
	type Burn = TreasuryBurn;
	type PalletId = TreasuryPalletId;
	type BurnDestination = ();
	type WeightInfo = pallet_treasury::weights::SubstrateWeight<Runtime>;
	type SpendFunds = ();
	type MaxApprovals = MaxTreasuryApprovals;
	type SpendOrigin = EitherOf<
		EnsureRootWithSuccess<AccountId, MaxTreasurySpend>,
		EnsureWithSuccess<
			EnsureProportionMoreThan<AccountId, AssemblyCollective, 1, 2>,
			AccountId,
			MaxTreasurySpend,
		>,
	>;
	// Spends in the native token or in an asset, to an account.
	type AssetKind = NativeOrWithId<AssetId>;
	type Beneficiary = AccountId;
	type BeneficiaryLookup = IdentityLookup<AccountId>;
	type Paymaster = PayAssetFromAccount<NativeAndAssets, TreasuryAccount>;
	type BalanceConverter = UnityAssetBalanceConversion;
	type PayoutPeriod = TreasuryPayoutPeriod;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmarks::TreasuryArguments;
	type BlockNumberProvider = System;
}

/// Where transaction fees go: [`TREASURY_FEE_SHARE`] of each fee and tip to the commons
/// treasury, the rest burnt.
pub struct FeesToTreasury;

type NativeCredit = frame_support::traits::fungible::Credit<AccountId, Balances>;

impl OnUnbalanced<NativeCredit> for FeesToTreasury {
	fn on_unbalanceds(mut fees_then_tips: impl Iterator<Item = NativeCredit>) {
		if let Some(mut fees) = fees_then_tips.next() {
			if let Some(tips) = fees_then_tips.next() {
				fees = frame_support::traits::Imbalance::merge(fees, tips);
			}
			let share = TREASURY_FEE_SHARE.deconstruct();
			let (to_treasury, burnt) =
				frame_support::traits::Imbalance::ration(fees, share.into(), (100 - share).into());
			ResolveTo::<TreasuryAccount, Balances>::on_unbalanced(to_treasury);
			drop(burnt);
		}
	}
}

/// What the treasury's benchmarks pay with and to.
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks {
	use super::*;

	/// Spends in the native token, to accounts made from the benchmark's seed.
	pub struct TreasuryArguments;

	impl pallet_treasury::ArgumentsFactory<NativeOrWithId<AssetId>, AccountId> for TreasuryArguments {
		fn create_asset_kind(_seed: u32) -> NativeOrWithId<AssetId> {
			NativeOrWithId::Native
		}
		fn create_beneficiary(seed: [u8; 32]) -> AccountId {
			AccountId::from(seed)
		}
	}
}
