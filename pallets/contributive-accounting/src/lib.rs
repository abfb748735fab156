//! # Contributive accounting
//!
//! Value networks record and value the contributions of many kinds that make a design or a
//! cooperative live — design, documentation, testing, production, materials, funding, care,
//! coordination — and share the network's revenue by contribution, in the spirit of Sensorica's
//! Open Value Network and DisCO, with ready value equations instead of a formula language.
//!
//! ## Networks
//! - A cooperative creates its own network with `create_network`. Every design gets one when it
//!   is registered (through `DesignRegistryHooks`): its stewards are the design's maintainers,
//!   kept in step when maintainers change, with a majority of them as the threshold.
//! - Stewards act together. With a threshold of 1 any steward may change the network's rules
//!   alone; above 1, rule changes (`set_value_equation`, `set_stewards`) come from the multisig
//!   account of the stewards with the threshold — the account Polkadot.js Apps creates from the
//!   same stewards and threshold. Reviews of contributions are the stewards' own: each steward
//!   reviews once, and the threshold of approvals (or rejections) of current stewards decides.
//!   A steward's own contribution needs at most as many reviews as there are other stewards
//!   (in a network of two with a threshold of 2, the other steward's review decides it); the
//!   contribution of a network's only steward waits until another steward joins.
//! - A design's network follows its maintainers, so it is only as collective as they are: the
//!   registry lets any maintainer add or remove maintainers.
//!
//! ## Contributions and points
//! Anyone logs a contribution (pending); the stewards review it; accepted, it becomes points:
//! quantity × the weight of its kind in the network's value equation at acceptance time. The
//! contributor cannot review its own. A design's creator gets an accepted `Design` contribution
//! when the design is registered, and each later version's publisher another, so that a design's
//! network has members from its first block. A producer whose pledge of the design settles gets
//! a `Production` contribution of the units it delivered, logged for it and reviewed by the
//! design's stewards like any other: a settlement alone cannot tell a real production run from a
//! self-backed one at the smallest price, and points decide who shares the commons. Backers are
//! not credited automatically (settlement never loops over backers): they may log a `Funding`
//! contribution, reviewed like any other.
//!
//! ## Revenue
//! Revenue reaches a network as donations (`deposit_revenue`) or as the commons share of settled
//! production pledges, and is shared pro rata to points at the moment it arrives, through a
//! revenue-per-point accumulator: depositing and claiming cost the same whatever the number of
//! members, and points accepted later do not share revenue already received. Revenue arriving
//! while a network has no points waits until it has some. Each asset (the native token or an
//! asset of `pallet-assets`) is accounted apart; the first revenue of an asset keeps the asset's
//! minimum balance in the network's account so that the account stays open. Besides the native
//! token a network takes at most `MaxRevenueAssets` assets, opened by its stewards' donations or
//! by the commons share of a settled pledge priced in the asset. Rounding dust stays
//! in the network: members never claim more than it received.
//!
//! ## The loop
//! The commons share of a settled pledge goes to the design's network; `UpstreamShare` of it
//! flows on to the parent design's network, and so on up the lineage (at most `MaxUpstreamDepth`
//! ancestors, the last one keeping what reaches it), so that a trivial fork cannot capture what
//! its parent earned.
//!
//! ## Deposits
//! Held in the native token (hold reason `ContributiveAccounting::Storage`): a network's record,
//! from its creator (for a design's network, the design's creator), kept while the network
//! exists; a pending contribution, from its contributor, released when it is accepted, rejected
//! or withdrawn. Records created by the stewards' decisions or by revenue (accepted
//! contributions, members, revenue accounts) carry no deposit.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod dispatchable_impls;
mod impls;
#[cfg(any(test, feature = "try-runtime"))]
mod invariants;
#[cfg(test)]
mod mock;
pub mod queries;
mod revenue;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

use frame_support::traits::{fungible, fungibles};

/// A balance of the native token, in which deposits are held; revenue uses the same type.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// The number of members at which revenue deposits and claims are weighed: their cost does not
/// grow with the number of members (the benchmarks measure 1 to 10 000), so any number will do.
pub const MEMBERS_WEIGHED: u32 = 10_000;

/// What revenue is in: the native token or an asset.
pub type AssetKindOf<T> =
	<<T as Config>::Assets as fungibles::Inspect<<T as frame_system::Config>::AccountId>>::AssetId;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use cosmolocal_primitives::design::{DesignId, DesignInspect};
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate, MutateHold},
			Contains,
		},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{traits::Convert, Permill};

	/// The version of the pallet's storage layout.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// What the runtime provides to contributive accounting.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The native currency, in which deposits are held.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ Mutate<Self::AccountId>
			+ Inspect<Self::AccountId>;

		/// The runtime's hold reasons, of which this pallet's are a part.
		type RuntimeHoldReason: From<HoldReason>;

		/// The native token and the assets, which revenue comes in.
		type Assets: fungibles::Mutate<Self::AccountId, Balance = BalanceOf<Self>>;

		/// The currencies donations and grants may be in: the native token and the community
		/// currencies the Assembly approved. A commons share comes in its pledge's currency,
		/// which was approved when the pledge was created.
		type Currencies: Contains<AssetKindOf<Self>>;

		/// The design registry: the lineage the commons share flows up.
		type Designs: DesignInspect<Self::AccountId>;

		/// The native token, as an asset kind: always accepted as revenue, outside the limit of
		/// `MaxRevenueAssets`.
		type NativeAsset: Get<AssetKindOf<Self>>;

		/// The multisig account of a set of stewards (sorted) with a threshold: where the rule
		/// changes of a network whose threshold is above 1 come from.
		type StewardsAccount: Convert<(Vec<Self::AccountId>, u16), Self::AccountId>;

		/// The pallet's id, from which every network's account is derived.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The part of a commons share that a design's network passes on to its parent's.
		#[pallet::constant]
		type UpstreamShare: Get<Permill>;

		/// How many ancestors the commons share flows up to at most.
		#[pallet::constant]
		type MaxUpstreamDepth: Get<u32>;

		/// The quantity of the `Design` contribution a design's creator gets at registration.
		#[pallet::constant]
		type DesignCreationQuantity: Get<u32>;

		/// The quantity of the `Design` contribution a new version's publisher gets.
		#[pallet::constant]
		type VersionPublicationQuantity: Get<u32>;

		/// Deposit per storage entry.
		#[pallet::constant]
		type DepositPerItem: Get<BalanceOf<Self>>;

		/// Deposit per byte stored.
		#[pallet::constant]
		type DepositPerByte: Get<BalanceOf<Self>>;

		/// The longest network name, in bytes.
		#[pallet::constant]
		type MaxNameLen: Get<u32>;

		/// The most stewards a network may have (at least the registry's most maintainers).
		#[pallet::constant]
		type MaxStewards: Get<u32>;

		/// The longest evidence URI or CID, in bytes.
		#[pallet::constant]
		type MaxEvidenceLen: Get<u32>;

		/// The most assets other than the native token a network may receive revenue in.
		#[pallet::constant]
		type MaxRevenueAssets: Get<u32>;

		/// The weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Creates assets for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, AssetKindOf<Self>, BalanceOf<Self>>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit for networks and pending contributions.
		Storage,
	}

	/// The id the next network gets.
	#[pallet::storage]
	pub type NextNetworkId<T> = StorageValue<_, NetworkId, ValueQuery>;

	/// Every network, by id.
	#[pallet::storage]
	pub type Networks<T: Config> = StorageMap<_, Twox64Concat, NetworkId, Network<T>>;

	/// The network of each design.
	#[pallet::storage]
	pub type DesignNetworks<T: Config> = StorageMap<_, Twox64Concat, DesignId, NetworkId>;

	/// The members of each network, with their points.
	#[pallet::storage]
	pub type Members<T: Config> =
		StorageDoubleMap<_, Twox64Concat, NetworkId, Blake2_128Concat, T::AccountId, Membership>;

	/// The revenue of each network, per asset.
	#[pallet::storage]
	pub type Revenue<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		NetworkId,
		Blake2_128Concat,
		AssetKindOf<T>,
		RevenuePool<T>,
	>;

	/// Each member's account of its network's revenue, per asset.
	#[pallet::storage]
	pub type MemberRevenues<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, NetworkId>,
			NMapKey<Blake2_128Concat, AssetKindOf<T>>,
			NMapKey<Blake2_128Concat, T::AccountId>,
		),
		MemberRevenue<T>,
	>;

	/// The id the next contribution gets.
	#[pallet::storage]
	pub type NextContributionId<T> = StorageValue<_, ContributionId, ValueQuery>;

	/// Every contribution, by id.
	#[pallet::storage]
	pub type Contributions<T: Config> =
		StorageMap<_, Twox64Concat, ContributionId, Contribution<T>>;

	/// Contributions by network and state.
	#[pallet::storage]
	pub type ContributionsByNetwork<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, NetworkId>,
			NMapKey<Twox64Concat, ContributionState>,
			NMapKey<Twox64Concat, ContributionId>,
		),
		(),
	>;

	/// What happened in the value networks.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A network was created.
		NetworkCreated {
			/// The new network.
			network: NetworkId,
			/// The design it belongs to, for a design's network.
			design: Option<DesignId>,
		},
		/// A network's value equation changed.
		ValueEquationSet {
			/// The network.
			network: NetworkId,
			/// The new equation.
			equation: ValueEquation,
		},
		/// A network's stewards or threshold changed.
		StewardsSet {
			/// The network.
			network: NetworkId,
			/// The stewards.
			stewards: Stewards<T>,
			/// The threshold.
			approval_threshold: u32,
		},
		/// A contribution was logged, pending review.
		ContributionLogged {
			/// The contribution.
			contribution: ContributionId,
			/// The network.
			network: NetworkId,
			/// The contributor.
			contributor: T::AccountId,
			/// Its kind.
			kind: ContributionKind,
			/// Its quantity.
			quantity: u32,
		},
		/// A steward reviewed a contribution.
		ContributionReviewed {
			/// The contribution.
			contribution: ContributionId,
			/// The steward.
			steward: T::AccountId,
			/// Whether it approved.
			approve: bool,
		},
		/// A contribution was accepted and became points.
		ContributionAccepted {
			/// The contribution.
			contribution: ContributionId,
			/// The network.
			network: NetworkId,
			/// The contributor.
			contributor: T::AccountId,
			/// The points it became.
			points: Points,
		},
		/// A contribution was rejected.
		ContributionRejected {
			/// The contribution.
			contribution: ContributionId,
		},
		/// The contributor withdrew a pending contribution.
		ContributionWithdrawn {
			/// The contribution.
			contribution: ContributionId,
		},
		/// Revenue reached a network.
		RevenueReceived {
			/// The network.
			network: NetworkId,
			/// The asset.
			asset: AssetKindOf<T>,
			/// The amount shared among members (or waiting for points).
			amount: BalanceOf<T>,
			/// Who paid it.
			from: T::AccountId,
		},
		/// A member claimed its share of a network's revenue.
		Claimed {
			/// The network.
			network: NetworkId,
			/// The member.
			member: T::AccountId,
			/// The asset.
			asset: AssetKindOf<T>,
			/// The amount.
			amount: BalanceOf<T>,
		},
	}

	/// Why a call to contributive accounting failed.
	#[pallet::error]
	pub enum Error<T> {
		/// There is no network with this id.
		NetworkNotFound,
		/// The name is empty.
		EmptyName,
		/// A network needs at least one steward.
		NoStewards,
		/// The same steward is given twice.
		DuplicateSteward,
		/// The threshold must be at least 1 and at most the number of stewards.
		InvalidThreshold,
		/// A custom value equation weighs a kind above 1 000.
		WeightTooHigh,
		/// Only the network's stewards (with a threshold above 1, their multisig account) may do
		/// this.
		NotStewardAuthority,
		/// A design's network has the design's maintainers as stewards: change the maintainers.
		StewardsFollowMaintainers,
		/// The quantity is zero.
		ZeroQuantity,
		/// The evidence is empty.
		EmptyEvidence,
		/// There is no contribution with this id.
		ContributionNotFound,
		/// The contribution has already been decided.
		NotPending,
		/// Only a steward of the contribution's network may review it.
		NotSteward,
		/// A contributor cannot review its own contribution.
		OwnContribution,
		/// This steward already reviewed the contribution.
		AlreadyReviewed,
		/// Only the contributor may withdraw its contribution.
		NotContributor,
		/// The amount is zero.
		ZeroAmount,
		/// There is no such asset.
		UnknownAsset,
		/// The asset is not an approved community currency: donations and grants are in the
		/// native token or in a currency the Assembly approved.
		CurrencyNotApproved,
		/// The first revenue of an asset must be above the asset's minimum balance, which stays
		/// in the network's account.
		BelowMinimumBalance,
		/// The network already receives revenue in as many assets as it may.
		TooManyRevenueAssets,
		/// The network receives no revenue in this asset yet: only its stewards (or a settled
		/// pledge's commons share) may open an asset other than the native token.
		AssetNotOpened,
		/// There is nothing to claim.
		NothingToClaim,
		/// No more networks can be created: the id space is exhausted.
		NetworkIdsExhausted,
		/// No more contributions can be logged: the id space is exhausted.
		ContributionIdsExhausted,
	}

	/// Bounds that are not configuration, shown in the metadata beside the configured ones so
	/// that wallets and Polkadot.js Apps know every limit of the pallet's calls.
	#[pallet::extra_constants]
	impl<T: Config> Pallet<T> {
		/// The most a value equation may weigh one unit of a contribution kind.
		#[pallet::constant_name(MaxKindWeight)]
		fn max_kind_weight() -> u32 {
			MAX_KIND_WEIGHT
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Create a value network for a cooperative or a project.
		///
		/// - `name`: its name.
		/// - `stewards`: the accounts that review contributions and change the rules (you need
		///   not be one).
		/// - `approval_threshold`: how many steward approvals accept a contribution (or
		///   rejections reject it), from 1 to the number of stewards. Above 1, rule changes must
		///   come from the multisig account of the stewards with this threshold.
		/// - `value_equation`: `Equal`, `Disco`, `Maker`, or `Custom` weights per kind (each at
		///   most 1 000).
		///
		/// Holds a deposit from you for the network (0.806 CML on Cosmolocal), for good: no call
		/// removes a network.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_network())]
		pub fn create_network(
			origin: OriginFor<T>,
			name: NetworkName<T>,
			stewards: Stewards<T>,
			approval_threshold: u32,
			value_equation: ValueEquation,
		) -> DispatchResult {
			let creator = ensure_signed(origin)?;
			Self::do_create_network(creator, name, stewards, approval_threshold, value_equation)
		}

		/// Change how the network values contributions; contributions already accepted keep
		/// their points. By the stewards: any of them with a threshold of 1, otherwise their
		/// multisig account.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_value_equation())]
		pub fn set_value_equation(
			origin: OriginFor<T>,
			network: NetworkId,
			equation: ValueEquation,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_value_equation(who, network, equation)
		}

		/// Replace the network's stewards and threshold. By the stewards: any of them with a
		/// threshold of 1, otherwise their multisig account. A design's network follows the
		/// design's maintainers instead.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_stewards())]
		pub fn set_stewards(
			origin: OriginFor<T>,
			network: NetworkId,
			stewards: Stewards<T>,
			approval_threshold: u32,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_stewards(who, network, stewards, approval_threshold)
		}

		/// Log a contribution to a network, pending the stewards' review.
		///
		/// - `kind`: design, documentation, testing, production, materials, funding, care or
		///   coordination.
		/// - `quantity`: how much (hours, units, an amount — as the network agrees), at least 1.
		/// - `evidence`: a URI or CID showing the work.
		///
		/// Holds a deposit (1.43 CML on Cosmolocal) until the contribution is accepted, rejected
		/// or withdrawn.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::log_contribution())]
		pub fn log_contribution(
			origin: OriginFor<T>,
			network: NetworkId,
			kind: ContributionKind,
			quantity: u32,
			evidence: BoundedVec<u8, T::MaxEvidenceLen>,
		) -> DispatchResult {
			let contributor = ensure_signed(origin)?;
			Self::do_log_contribution(contributor, network, kind, quantity, evidence)
		}

		/// Review a pending contribution, as a steward of its network (not your own; once). At
		/// the threshold of approvals it is accepted and becomes points (quantity × the weight of
		/// its kind now); at the threshold of rejections it is rejected. For a steward's own
		/// contribution the threshold is at most the number of the other stewards.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::review_contribution())]
		pub fn review_contribution(
			origin: OriginFor<T>,
			contribution: ContributionId,
			approve: bool,
		) -> DispatchResult {
			let steward = ensure_signed(origin)?;
			Self::do_review_contribution(steward, contribution, approve)
		}

		/// Withdraw your pending contribution; its deposit is released.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::withdraw_contribution())]
		pub fn withdraw_contribution(
			origin: OriginFor<T>,
			contribution: ContributionId,
		) -> DispatchResult {
			let contributor = ensure_signed(origin)?;
			Self::do_withdraw_contribution(contributor, contribution)
		}

		/// Give `amount` of `asset` (`Native`, or `WithId(id)` of a community currency the
		/// Assembly approved) to a network, shared among its members by points now (or when it
		/// first has points). The first revenue of an asset
		/// must be above the asset's minimum balance, which stays in the network's account. A
		/// network takes few assets besides the native token: only its stewards open a new one.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::deposit_revenue(MEMBERS_WEIGHED))]
		pub fn deposit_revenue(
			origin: OriginFor<T>,
			network: NetworkId,
			asset: AssetKindOf<T>,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let from = ensure_signed(origin)?;
			Self::receive_revenue(network, asset, &from, amount, RevenueSource::Donation)
		}

		/// Claim everything you have accrued in a network in `asset`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::claim(MEMBERS_WEIGHED))]
		pub fn claim(
			origin: OriginFor<T>,
			network: NetworkId,
			asset: AssetKindOf<T>,
		) -> DispatchResult {
			let member = ensure_signed(origin)?;
			Self::do_claim(member, network, asset)
		}
	}
}

/// Creates what the benchmarks need that other pallets own: assets.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, AssetKind, Balance> {
	/// The asset number `index` (distinct indices give distinct assets, none of them the native
	/// token), with `who` funded with `amount` of it.
	fn funded_asset(index: u32, who: &AccountId, amount: Balance) -> AssetKind;
}
