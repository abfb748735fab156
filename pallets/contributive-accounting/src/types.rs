//! The records contributive accounting keeps.

use crate::{AssetKindOf, BalanceOf, Config};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use cosmolocal_primitives::design::DesignId;
use frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use scale_info::TypeInfo;
use sp_runtime::FixedU128;

pub use cosmolocal_primitives::contribution::{ContributionKind, NetworkId};

/// The identifier of a contribution, counted from 0.
pub type ContributionId = u64;

/// Points: accepted contributions, valued by the network's equation.
pub type Points = u128;

/// The most a value equation may weigh one unit of a contribution kind.
pub const MAX_KIND_WEIGHT: u32 = 1_000;

/// How much one unit of each kind of contribution weighs in a network.
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
pub struct KindWeights {
	/// Designing: drawings, models, code of the design itself.
	pub design: u32,
	/// Writing documentation and instructions.
	pub documentation: u32,
	/// Testing and reviewing.
	pub testing: u32,
	/// Making units.
	pub production: u32,
	/// Providing materials or tools.
	pub materials: u32,
	/// Providing money.
	pub funding: u32,
	/// Care work: looking after people and the community.
	pub care: u32,
	/// Coordination: meetings, planning, administration.
	pub coordination: u32,
}

impl KindWeights {
	/// The weight of `kind`.
	pub fn of(&self, kind: ContributionKind) -> u32 {
		match kind {
			ContributionKind::Design => self.design,
			ContributionKind::Documentation => self.documentation,
			ContributionKind::Testing => self.testing,
			ContributionKind::Production => self.production,
			ContributionKind::Materials => self.materials,
			ContributionKind::Funding => self.funding,
			ContributionKind::Care => self.care,
			ContributionKind::Coordination => self.coordination,
		}
	}

	/// Every weight at most [`MAX_KIND_WEIGHT`].
	pub fn is_bounded(&self) -> bool {
		ContributionKind::all().into_iter().all(|kind| self.of(kind) <= MAX_KIND_WEIGHT)
	}
}

/// How a network values each kind of contribution: a ready preset, or a weight per kind.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum ValueEquation {
	/// Every kind weighs the same (10 per unit).
	Equal,
	/// DisCO's three streams: care work (20) and coordination (15) weigh most, then the
	/// livelihood and commons work of design, documentation, testing and production (10), then
	/// materials and funding (5).
	Disco,
	/// A makers' network: design and production weigh most (20), then documentation, testing
	/// and materials (10), then funding, care and coordination (5).
	Maker,
	/// A weight per kind, each at most 1 000.
	Custom(KindWeights),
}

impl ValueEquation {
	/// The weight per unit of each kind.
	pub fn weights(&self) -> KindWeights {
		match self {
			Self::Equal => KindWeights {
				design: 10,
				documentation: 10,
				testing: 10,
				production: 10,
				materials: 10,
				funding: 10,
				care: 10,
				coordination: 10,
			},
			Self::Disco => KindWeights {
				design: 10,
				documentation: 10,
				testing: 10,
				production: 10,
				materials: 5,
				funding: 5,
				care: 20,
				coordination: 15,
			},
			Self::Maker => KindWeights {
				design: 20,
				documentation: 10,
				testing: 10,
				production: 20,
				materials: 10,
				funding: 5,
				care: 5,
				coordination: 5,
			},
			Self::Custom(weights) => *weights,
		}
	}
}

/// A network's name.
pub type NetworkName<T> = BoundedVec<u8, <T as Config>::MaxNameLen>;

/// A network's stewards.
pub type Stewards<T> =
	BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxStewards>;

/// A value network: a cooperative's, or a design's own.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
pub struct Network<T: Config> {
	/// Its name.
	pub name: NetworkName<T>,
	/// Who review contributions and change the network's rules.
	pub stewards: Stewards<T>,
	/// How many steward approvals accept a contribution (or rejections reject it); above 1,
	/// rule changes come from the multisig account of the stewards with this threshold.
	pub approval_threshold: u32,
	/// How it values contributions.
	pub equation: ValueEquation,
	/// The design it belongs to, for a design's network.
	pub design: Option<DesignId>,
	/// The points of all its members.
	pub total_points: Points,
	/// The assets it has received revenue in.
	pub revenue_assets: BoundedVec<AssetKindOf<T>, <T as Config>::MaxRevenueAssets>,
	/// Who paid its deposit.
	pub depositor: T::AccountId,
	/// The deposit held for it.
	pub deposit: BalanceOf<T>,
}

/// A member's standing in a network.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Membership {
	/// Its points.
	pub points: Points,
}

/// The revenue of a network in one asset.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
pub struct RevenuePool<T: Config> {
	/// Revenue per point received so far, since the network began.
	pub reward_per_point: FixedU128,
	/// Everything received, the asset's minimum balance kept in the network's account excluded.
	pub received: BalanceOf<T>,
	/// Everything members have claimed.
	pub claimed: BalanceOf<T>,
	/// Revenue received while the network had no points, shared when it has some.
	pub waiting: BalanceOf<T>,
	/// The asset's minimum balance, kept in the network's account so that it stays open.
	pub kept_minimum: BalanceOf<T>,
}

/// A member's account of a network's revenue in one asset.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
pub struct MemberRevenue<T: Config> {
	/// The network's revenue per point when this was last brought up to date.
	pub reward_per_point_paid: FixedU128,
	/// Accrued and not yet claimed, as of then.
	pub accrued: BalanceOf<T>,
}

/// Where a contribution stands.
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
pub enum ContributionState {
	/// Waiting for stewards' reviews.
	Pending,
	/// Accepted: it became points.
	Accepted,
	/// Rejected by the stewards.
	Rejected,
}

/// A contribution logged in a network.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
pub struct Contribution<T: Config> {
	/// The network.
	pub network: NetworkId,
	/// Who contributed.
	pub contributor: T::AccountId,
	/// What kind of contribution.
	pub kind: ContributionKind,
	/// How much: hours, units, or an amount, as the network agrees.
	pub quantity: u32,
	/// Evidence (URI or CID).
	pub evidence: BoundedVec<u8, <T as Config>::MaxEvidenceLen>,
	/// Where it stands.
	pub state: ContributionState,
	/// The stewards who approved it.
	pub approvals: Stewards<T>,
	/// The stewards who rejected it.
	pub rejections: Stewards<T>,
	/// The points it became, once accepted.
	pub points: Points,
	/// The deposit held from the contributor while it is pending.
	pub deposit: BalanceOf<T>,
}

impl<T: Config> Contribution<T> {
	/// A contribution pending review, with no reviews yet and no points.
	pub fn pending(
		network: NetworkId,
		contributor: T::AccountId,
		kind: ContributionKind,
		quantity: u32,
		evidence: BoundedVec<u8, <T as Config>::MaxEvidenceLen>,
		deposit: BalanceOf<T>,
	) -> Self {
		Self {
			network,
			contributor,
			kind,
			quantity,
			evidence,
			state: ContributionState::Pending,
			approvals: BoundedVec::new(),
			rejections: BoundedVec::new(),
			points: 0,
			deposit,
		}
	}
}

/// Where revenue comes from, which decides whether it may open a new asset.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RevenueSource {
	/// A donation: only the network's stewards open an asset other than the native token.
	Donation,
	/// The commons share of a settled pledge, which may open the pledge's asset.
	CommonsShare,
	/// A grant of the commons treasury, which the Assembly voted: it may open its asset.
	Grant,
}
