//! # Production pledges
//!
//! The local side of cosmo-local production: workshops, makerspaces and cooperatives register as
//! producers in their region and pledge to make units of an open design at a unit price; local
//! people back the pledge, and their money waits in the pledge's own escrow account until the
//! producer delivers. Settlement pays the producer and sends the design's commons share to the
//! design's commons.
//!
//! ## A pledge's life
//! `Funding → Funded → Delivered → Settled`, or `Funding → Failed` (not enough units backed by
//! the funding deadline), `Funding → Cancelled` (by the producer), `Funded → Defaulted` (no
//! delivery by the delivery deadline), `Delivered → Disputed → Settled` (by the dispute
//! resolver's verdict, or as reported when no verdict came by the verdict deadline). States
//! only move forward.
//!
//! ## Money
//! - Each pledge has an escrow account derived from the pallet id and the pledge id. The producer
//!   puts in its bond and the asset's minimum balance (which keeps the escrow open); backers put
//!   in `unit_price` per unit. Prices, bonds and backings are all in the pledge's asset: the
//!   native token or an asset of `pallet-assets`.
//! - When a pledge ends, the pallet works out once what its backers get back in all (`refunds`)
//!   and pays the producer's part in one transfer; every backer then pulls its part with
//!   `claim_refund`. Nothing loops over backers.
//!   - Settled: the producer gets the price of the delivered units, minus the commons share;
//!     the backers get the price of the undelivered units back. The bond is forfeited to the
//!     backers in proportion to the undelivered units, rounded up: `ceil(bond × undelivered /
//!     backed)`; the producer keeps the rest of it.
//!   - Settled by a verdict: the producer gets `producer_share` of the backed money (minus the
//!     commons share) and the same share of its bond, both rounded down; the backers get the
//!     rest of each.
//!   - Failed or cancelled: backers get their money back; the producer its bond.
//!   - Defaulted: backers get their money back and the whole bond.
//! - A backer's part of the refunds is worked out when it claims: `floor(refunds × units /
//!   backed units)`, and the last backer to claim gets everything still unclaimed. The
//!   remainders of the divisions (less than one smallest unit per backer) thus go to a backer,
//!   never back to the producer.
//! - Disputes: a backer who disputes a delivery puts up `DisputeDeposit` (held in the native
//!   token). The dispute resolver has `VerdictPeriod` blocks to decide. The verdict upholds the
//!   dispute when it gives the backers more than settling as reported would: the deposit goes
//!   back to the backer; otherwise it goes to the producer. Without a verdict by the deadline,
//!   anyone may `settle` the pledge as reported, and the deposit goes back to the backer.
//! - When the last backer has claimed and the producer has been paid (see `pay_producer`), the
//!   escrow's minimum balance goes back to the producer and the pledge's record is removed: events
//!   are the permanent history, and the producer's record keeps the counts.
//!
//! ## Deposits
//! Held in the native token (hold reason `ProductionPledges::Storage`):
//! - a producer's record and its region index entry, from the producer, released by
//!   `retire_producer`;
//! - a pledge's record and its four index entries, from the producer, released when the pledge
//!   closes (the last backer has claimed and the producer has been paid);
//! - a backing, from the backer, released when the backer withdraws all its units or claims.
//!
//! And a dispute's deposit (hold reason `ProductionPledges::Dispute`), from the backer who
//! disputes, until the pledge settles (see Disputes above).

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod dispatchable_impls;
mod escrow;
#[cfg(any(test, feature = "try-runtime"))]
mod invariants;
#[cfg(test)]
mod mock;
pub mod queries;
mod settlement;
#[cfg(test)]
mod tests;
pub mod types;
pub mod validation;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

use frame_support::traits::{fungible, fungibles};

/// A balance of the native token, in which deposits are held; prices use the same type.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// What a pledge is priced in: the native token or an asset.
pub type AssetKindOf<T> =
	<<T as Config>::Assets as fungibles::Inspect<<T as frame_system::Config>::AccountId>>::AssetId;

/// Creates what the benchmarks need that other pallets own: design versions and assets.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, AssetKind, Balance> {
	/// Registers a design whose version 0 needs `processes`, maintained by `maintainer`, with a
	/// non-zero commons share.
	fn design_version(
		maintainer: &AccountId,
		processes: alloc::vec::Vec<cosmolocal_primitives::design::Process>,
	) -> (cosmolocal_primitives::design::DesignId, cosmolocal_primitives::design::VersionIndex);
	/// An asset that pledges can be priced in, with `who` funded with `amount` of it.
	fn funded_asset(who: &AccountId, amount: Balance) -> AssetKind;
	/// Blocks `who`'s account of the asset of `funded_asset` (it can neither send nor
	/// receive it), or lifts the block.
	fn set_blocked(who: &AccountId, blocked: bool);
}

// `create_pledge` takes every term of a pledge: its arguments are its public API.
#[allow(clippy::too_many_arguments)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use cosmolocal_primitives::{
		design::{DesignId, DesignInspect, DesignProduction, VersionIndex},
		production::DesignCommons,
	};
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate, MutateHold},
			Contains, EnsureOriginWithArg,
		},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{Perbill, Permill};

	/// The version of the pallet's storage layout (the README's "Storage versions" lists them).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// What the runtime provides to the production pledges.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The native currency, in which deposits are held.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ Mutate<Self::AccountId>
			+ Inspect<Self::AccountId>;

		/// The runtime's hold reasons, of which this pallet's are a part.
		type RuntimeHoldReason: From<HoldReason>;

		/// The native token and the assets, which pledges are priced in.
		type Assets: fungibles::Mutate<Self::AccountId, Balance = BalanceOf<Self>>;

		/// The currencies a pledge may be priced in: the native token and the community
		/// currencies the Assembly approved, whose powers cannot reach the escrows.
		type Currencies: Contains<AssetKindOf<Self>>;

		/// The design registry: the designs pledged and the processes they need.
		type Designs: DesignInspect<Self::AccountId>;

		/// Told when a design was made by a producer that does not maintain it.
		type Production: DesignProduction;

		/// Where the commons share of settled pledges goes.
		type Commons: DesignCommons<Self::AccountId, AssetKindOf<Self>, BalanceOf<Self>>;

		/// Decides disputes: how a disputed pledge's escrow is split. It is given the verdict
		/// to approve, so that it can tell who may decide this one (not the pledge's parties).
		type DisputeResolverOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, Verdict>;

		/// The pallet's id, from which every pledge's escrow account is derived.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// How many blocks backers have, after a delivery is reported, to confirm or dispute it.
		#[pallet::constant]
		type ChallengePeriod: Get<BlockNumberFor<Self>>;

		/// The deposit a backer puts up to dispute a delivery, in the native token: returned
		/// when the verdict upholds the dispute (or none comes in time), paid to the producer
		/// when the verdict rejects it.
		#[pallet::constant]
		type DisputeDeposit: Get<BalanceOf<Self>>;

		/// How many blocks the dispute resolver has, after a dispute, to give its verdict; after
		/// them anyone may settle the pledge as its producer reported it.
		#[pallet::constant]
		type VerdictPeriod: Get<BlockNumberFor<Self>>;

		/// Deposit per storage entry.
		#[pallet::constant]
		type DepositPerItem: Get<BalanceOf<Self>>;

		/// Deposit per byte stored.
		#[pallet::constant]
		type DepositPerByte: Get<BalanceOf<Self>>;

		/// The longest producer name, in bytes.
		#[pallet::constant]
		type MaxNameLen: Get<u32>;

		/// The longest URI or CID (facility manifest, delivery evidence, dispute reason), in
		/// bytes.
		#[pallet::constant]
		type MaxUriLen: Get<u32>;

		/// The most processes a producer may list.
		#[pallet::constant]
		type MaxProcesses: Get<u32>;

		/// The weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Creates designs and assets for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, AssetKindOf<Self>, BalanceOf<Self>>;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit for producer, pledge and backing records.
		Storage,
		/// The deposit for a dispute, until the pledge settles.
		Dispute,
	}

	/// Every registered producer, by account.
	#[pallet::storage]
	pub type Producers<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, Producer<T>>;

	/// Producers by country, then full region code.
	#[pallet::storage]
	pub type ProducersByRegion<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, CountryCode>,
			NMapKey<Twox64Concat, RegionCode>,
			NMapKey<Blake2_128Concat, T::AccountId>,
		),
		(),
	>;

	/// The id the next pledge gets.
	#[pallet::storage]
	pub type NextPledgeId<T> = StorageValue<_, PledgeId, ValueQuery>;

	/// Every pledge that has not been closed out, by id.
	#[pallet::storage]
	pub type Pledges<T: Config> = StorageMap<_, Twox64Concat, PledgeId, Pledge<T>>;

	/// Each backer's part of each pledge.
	#[pallet::storage]
	pub type Backings<T: Config> =
		StorageDoubleMap<_, Twox64Concat, PledgeId, Blake2_128Concat, T::AccountId, Backing<T>>;

	/// Pledges by country, then the producer's full region code when it pledged.
	#[pallet::storage]
	pub type PledgesByRegion<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, CountryCode>,
			NMapKey<Twox64Concat, RegionCode>,
			NMapKey<Twox64Concat, PledgeId>,
		),
		(),
	>;

	/// Pledges by design.
	#[pallet::storage]
	pub type PledgesByDesign<T: Config> =
		StorageDoubleMap<_, Twox64Concat, DesignId, Twox64Concat, PledgeId, ()>;

	/// Pledges by producer.
	#[pallet::storage]
	pub type PledgesByProducer<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, PledgeId, ()>;

	/// Pledges by state.
	#[pallet::storage]
	pub type PledgesByState<T: Config> =
		StorageDoubleMap<_, Twox64Concat, PledgeState, Twox64Concat, PledgeId, ()>;

	/// Producers registered at genesis (examples for a development chain).
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The producers, each paying its deposit.
		pub producers: alloc::vec::Vec<GenesisProducer<T::AccountId>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			fn bounded<S: Get<u32>>(bytes: &[u8]) -> BoundedVec<u8, S> {
				BoundedVec::try_from(bytes.to_vec())
					.unwrap_or_else(|_| panic!("genesis producer field {bytes:?} is too long"))
			}
			for producer in &self.producers {
				let processes =
					BoundedVec::try_from(producer.processes.clone()).unwrap_or_else(|_| {
						panic!("genesis producer {:?} lists too many processes", producer.name)
					});
				let registered = Pallet::<T>::do_register_producer(
					producer.account.clone(),
					ProducerDetails {
						name: bounded(&producer.name),
						region: bounded(&producer.region),
						plus_code: producer.plus_code.as_deref().map(bounded),
						processes,
						facility_manifest: producer.facility_manifest.as_deref().map(bounded),
					},
				);
				if let Err(error) = registered {
					panic!("genesis producer {:?} does not register: {error:?}", producer.name);
				}
			}
		}
	}

	/// What happened to producers and pledges.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A producer registered.
		ProducerRegistered {
			/// The producer's account.
			producer: T::AccountId,
			/// Its region.
			region: RegionCode,
		},
		/// A producer changed its details.
		ProducerUpdated {
			/// The producer's account.
			producer: T::AccountId,
			/// Its region.
			region: RegionCode,
		},
		/// A producer retired; its deposit was released.
		ProducerRetired {
			/// The producer's account.
			producer: T::AccountId,
		},
		/// A producer pledged to make units of a design.
		PledgeCreated {
			/// The new pledge.
			pledge: PledgeId,
			/// The producer.
			producer: T::AccountId,
			/// The design.
			design: DesignId,
			/// The version of the design.
			version: VersionIndex,
			/// Where it will be made.
			region: RegionCode,
		},
		/// A backer backed units of a pledge.
		Backed {
			/// The pledge.
			pledge: PledgeId,
			/// The backer.
			backer: T::AccountId,
			/// Units added.
			units: u32,
			/// What the backer paid into the escrow.
			amount: BalanceOf<T>,
		},
		/// A backer withdrew units while the pledge was funding.
		BackingWithdrawn {
			/// The pledge.
			pledge: PledgeId,
			/// The backer.
			backer: T::AccountId,
			/// Units withdrawn.
			units: u32,
			/// What the backer got back.
			amount: BalanceOf<T>,
		},
		/// Funding ended with enough units backed: the producer makes them.
		Funded {
			/// The pledge.
			pledge: PledgeId,
			/// Units backed.
			backed_units: u32,
		},
		/// Funding ended below the minimum: backers claim their money back.
		FundingFailed {
			/// The pledge.
			pledge: PledgeId,
			/// Units backed.
			backed_units: u32,
		},
		/// The producer reported its delivery: backers may confirm or dispute it.
		DeliveryReported {
			/// The pledge.
			pledge: PledgeId,
			/// Units delivered.
			units: u32,
			/// The last block for confirming or disputing.
			challenge_ends: BlockNumberFor<T>,
		},
		/// A backer confirmed that it received its units.
		ReceiptConfirmed {
			/// The pledge.
			pledge: PledgeId,
			/// The backer.
			backer: T::AccountId,
			/// The backer's units.
			units: u32,
		},
		/// A backer disputed the delivery.
		Disputed {
			/// The pledge.
			pledge: PledgeId,
			/// The backer.
			backer: T::AccountId,
			/// Why.
			reason: Uri<T>,
			/// The deposit held from the backer.
			deposit: BalanceOf<T>,
			/// The last block for the verdict; after it the pledge settles as reported.
			verdict_due: BlockNumberFor<T>,
		},
		/// A dispute's deposit was paid out as the pledge settled: back to the backer who
		/// opened it (the verdict upheld it, or none came in time) or to the producer (the
		/// verdict rejected it).
		DisputeDepositPaid {
			/// The pledge.
			pledge: PledgeId,
			/// Who received the deposit.
			to: T::AccountId,
			/// How much.
			amount: BalanceOf<T>,
		},
		/// The pledge settled: the producer was paid and the commons share sent.
		Settled {
			/// The pledge.
			pledge: PledgeId,
			/// What the producer gets, what it keeps of its bond included: paid at once, or
			/// by `pay_producer` if its account could not receive it (`ProducerPaymentPending`).
			producer_paid: BalanceOf<T>,
			/// What went to the design's commons.
			commons_paid: BalanceOf<T>,
			/// What the backers get back in all, each claiming its part: the price of the
			/// undelivered units and the bond in proportion to them, or the verdict's split.
			refunds: BalanceOf<T>,
			/// The dispute resolver's verdict, if the pledge was disputed: the producer's share
			/// of the backed money.
			verdict: Option<Perbill>,
		},
		/// Nothing was delivered by the delivery deadline: backers claim their money and a share
		/// of the bond.
		PledgeDefaulted {
			/// The pledge.
			pledge: PledgeId,
			/// What the backers get back in all (all their money and the whole bond), each
			/// claiming its part.
			refunds: BalanceOf<T>,
		},
		/// The producer cancelled the pledge while funding.
		PledgeCancelled {
			/// The pledge.
			pledge: PledgeId,
		},
		/// A backer claimed what the ended pledge owed it, and its deposit.
		RefundClaimed {
			/// The pledge.
			pledge: PledgeId,
			/// The backer.
			backer: T::AccountId,
			/// What it received from the escrow.
			amount: BalanceOf<T>,
		},
		/// Every backer has claimed: the escrow was closed, the producer got the escrow's
		/// minimum balance and its deposit back, and the record was removed.
		PledgeClosed {
			/// The pledge.
			pledge: PledgeId,
		},
		/// The producer's account could not receive what the escrow owes it (below the asset's
		/// minimum balance, or blocked): it waits in the escrow, and `pay_producer` pays it once
		/// the account can receive it. The pledge ends, and its backers claim, all the same.
		ProducerPaymentPending {
			/// The pledge.
			pledge: PledgeId,
			/// What waits in the escrow for the producer.
			amount: BalanceOf<T>,
		},
		/// `pay_producer` paid the producer what the escrow owed it from the pledge's end.
		ProducerPaid {
			/// The pledge.
			pledge: PledgeId,
			/// How much.
			amount: BalanceOf<T>,
		},
	}

	/// Why a call to the production pledges failed.
	#[pallet::error]
	pub enum Error<T> {
		/// This account is already a registered producer.
		AlreadyProducer,
		/// This account is not a registered producer.
		NotProducer,
		/// The producer's name is empty.
		EmptyName,
		/// The region is not an ISO 3166-2 code (`ES-CT`) or a country code (`KE`) in upper case.
		InvalidRegion,
		/// The Plus Code is not an Open Location Code (`8FH495PF+29`).
		InvalidPlusCode,
		/// A producer lists at least one process.
		NoProcesses,
		/// The same process is listed twice.
		DuplicateProcess,
		/// A URI or CID is empty.
		EmptyUri,
		/// The producer has pledges that have not ended.
		HasOpenPledges,
		/// The design has no version with this index.
		DesignVersionNotFound,
		/// The design is deprecated: it takes no new pledges.
		DesignDeprecated,
		/// The producer cannot run a process the design needs.
		MissingProcess,
		/// There is no such asset.
		UnknownAsset,
		/// The asset is not an approved community currency: a pledge is priced in the native
		/// token or in a currency the Assembly approved (`communityCurrencies.approve`).
		CurrencyNotApproved,
		/// The unit price is zero.
		ZeroPrice,
		/// The minimum quantity is zero: at least one unit must be backed.
		ZeroMinQuantity,
		/// The minimum quantity is above the quantity.
		MinQuantityAboveQuantity,
		/// The funding deadline is not in the future.
		FundingDeadlineNotInFuture,
		/// The delivery deadline is not after the funding deadline.
		DeadlinesOutOfOrder,
		/// There is no pledge with this id (or it was closed out).
		PledgeNotFound,
		/// Only the pledge's producer may do this.
		NotPledgeProducer,
		/// The pledge is not funding.
		NotFunding,
		/// The funding deadline has passed.
		FundingEnded,
		/// Funding goes on: the deadline has not passed and not every unit is backed.
		FundingNotEnded,
		/// The number of units is zero.
		ZeroUnits,
		/// Backing these units would go past the pledge's quantity.
		Overbacked,
		/// This account does not back the pledge.
		NotBacker,
		/// The backer has fewer units than it asks to withdraw.
		InsufficientBacking,
		/// The pledge is not funded (or it already reported a delivery).
		NotFunded,
		/// The delivery deadline has passed.
		DeliveryDeadlinePassed,
		/// The delivery deadline has not passed yet.
		DeliveryDeadlineNotPassed,
		/// A delivery has at least one unit.
		NothingDelivered,
		/// More units are reported delivered than were backed.
		DeliveredAboveBacked,
		/// The pledge has no delivery waiting for confirmation.
		NotDelivered,
		/// The challenge window has closed.
		ChallengeWindowClosed,
		/// The challenge window is open and not every unit's receipt is confirmed.
		ChallengeWindowOpen,
		/// The backer already confirmed receipt.
		AlreadyConfirmed,
		/// The pledge is not disputed.
		NotDisputed,
		/// The backer cannot pay the dispute deposit (`DisputeDeposit`) from its free balance.
		CannotPayDisputeDeposit,
		/// The pledge is disputed and its verdict deadline has not passed: the dispute resolver
		/// decides first.
		AwaitingVerdict,
		/// The dispute's verdict deadline has passed: the pledge settles as reported, by
		/// `settle`.
		VerdictDeadlinePassed,
		/// The pledge has not ended: there is nothing to claim yet.
		NotEnded,
		/// No more pledges can be created: the id space is exhausted.
		PledgeIdsExhausted,
		/// The unit price times the quantity, plus the bond, is more than a balance can hold:
		/// lower the price, the quantity or the bond.
		PledgeTooLarge,
		/// The design's commons share is above the highest the producer accepted
		/// (`max_commons_share`): a maintainer may have raised it. Read the design's share and
		/// pledge again if you accept it.
		CommonsShareAboveAccepted,
		/// The escrow owes the producer nothing now: it was paid when the pledge ended, or the
		/// pledge has not ended.
		NothingToPay,
	}

	/// Bounds that are not configuration, shown in the metadata beside the configured ones so
	/// that wallets and Polkadot.js Apps know every limit of the pallet's calls.
	#[pallet::extra_constants]
	impl<T: Config> Pallet<T> {
		/// The longest region code, in bytes: two letters, `-`, and up to three letters or digits.
		#[pallet::constant_name(MaxRegionLen)]
		fn max_region_len() -> u32 {
			MAX_REGION_LEN
		}

		/// The longest Plus Code a producer may give, in bytes.
		#[pallet::constant_name(MaxPlusCodeLen)]
		fn max_plus_code_len() -> u32 {
			MAX_PLUS_CODE_LEN
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
		/// Register yourself as a producer: a workshop, makerspace or cooperative.
		///
		/// - `name`: your public name.
		/// - `region`: where you work, as an ISO 3166-2 code in upper case (`ES-CT`, `DE-BE`) or
		///   a country code alone (`KE`); maps find you by country or by region.
		/// - `plus_code`: optionally, a finer location as a Plus Code (`8FH495PF+29`); a
		///   city-level code is enough and better for privacy.
		/// - `processes`: the production processes you can run; you can only pledge designs whose
		///   processes are all on this list.
		/// - `facility_manifest`: optionally, the URI or CID of an Open Know-Where facility
		///   manifest.
		///
		/// Holds a deposit for the record (0.487 CML on Cosmolocal), released when you retire.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_producer())]
		pub fn register_producer(
			origin: OriginFor<T>,
			name: ProducerName<T>,
			region: RegionCode,
			plus_code: Option<PlusCode>,
			processes: Processes<T>,
			facility_manifest: Option<Uri<T>>,
		) -> DispatchResult {
			let producer = ensure_signed(origin)?;
			Self::do_register_producer(
				producer,
				ProducerDetails { name, region, plus_code, processes, facility_manifest },
			)
		}

		/// Change your producer details; the arguments are those of `register_producer`. Your
		/// open pledges keep the region they were made in.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::update_producer())]
		pub fn update_producer(
			origin: OriginFor<T>,
			name: ProducerName<T>,
			region: RegionCode,
			plus_code: Option<PlusCode>,
			processes: Processes<T>,
			facility_manifest: Option<Uri<T>>,
		) -> DispatchResult {
			let producer = ensure_signed(origin)?;
			Self::do_update_producer(
				producer,
				ProducerDetails { name, region, plus_code, processes, facility_manifest },
			)
		}

		/// Stop being a producer, once none of your pledges is open (funding, funded, delivered
		/// or disputed). Your deposit is released.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::retire_producer())]
		pub fn retire_producer(origin: OriginFor<T>) -> DispatchResult {
			let producer = ensure_signed(origin)?;
			Self::do_retire_producer(producer)
		}

		/// Pledge to make units of a design version in your region.
		///
		/// - `design`, `version`: what to make; the design must not be deprecated, and you must
		///   be able to run every process it needs.
		/// - `asset`: what the price is in: `Native` (CML) or `WithId(id)` of a community
		///   currency the Assembly approved (`CurrencyNotApproved` otherwise).
		/// - `unit_price`: the price of one unit, in the asset's smallest unit.
		/// - `quantity`: how many units you will make at most; `min_quantity`: how many must be
		///   backed for the pledge to go ahead (all or nothing), at least 1.
		/// - `funding_deadline`: the last block in which units can be backed; it must be in the
		///   future. `delivery_deadline`: the last block in which you may report the delivery;
		///   it must be after the funding deadline.
		/// - `bond`: your own stake, in the asset: returned when the pledge settles, fails or is
		///   cancelled; shared among the backers if you do not deliver.
		/// - `max_commons_share`: the highest commons share of the design you accept, in parts
		///   per million (`100000` = 10 %). The design's maintainers may change its share at any
		///   time; the pledge keeps the share in force when it is created, and this bound makes
		///   sure that share is not one raised just before your pledge. Refused with
		///   `CommonsShareAboveAccepted` when the design asks more.
		///
		/// The bond and the asset's minimum balance (which keeps the escrow open, returned at the
		/// end) move to the pledge's escrow; a deposit is held for the record (1.023 CML on
		/// Cosmolocal), released when the pledge closes: the last backer has claimed and the
		/// producer has been paid.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::create_pledge())]
		#[allow(clippy::too_many_arguments)]
		pub fn create_pledge(
			origin: OriginFor<T>,
			design: DesignId,
			version: VersionIndex,
			asset: AssetKindOf<T>,
			unit_price: BalanceOf<T>,
			quantity: u32,
			min_quantity: u32,
			funding_deadline: BlockNumberFor<T>,
			delivery_deadline: BlockNumberFor<T>,
			bond: BalanceOf<T>,
			max_commons_share: Permill,
		) -> DispatchResult {
			let producer = ensure_signed(origin)?;
			Self::do_create_pledge(
				producer,
				PledgeTerms {
					design,
					version,
					asset,
					unit_price,
					quantity,
					min_quantity,
					funding_deadline,
					delivery_deadline,
					bond,
				},
				max_commons_share,
			)
		}

		/// Back `units` units of a funding pledge: `units × unit_price` of the pledge's asset
		/// moves from you to the pledge's escrow. Backing past the pledge's quantity is refused.
		/// The first backing of a pledge holds a deposit for your entry (0.157 CML on Cosmolocal),
		/// released when you withdraw all your units or claim.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::back())]
		pub fn back(origin: OriginFor<T>, pledge: PledgeId, units: u32) -> DispatchResult {
			let backer = ensure_signed(origin)?;
			Self::do_back(backer, pledge, units)
		}

		/// Take back `units` of your units while the pledge is funding and its funding deadline
		/// has not passed; their price comes back from the escrow. Withdrawing all your units
		/// releases your deposit.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::withdraw_backing())]
		pub fn withdraw_backing(
			origin: OriginFor<T>,
			pledge: PledgeId,
			units: u32,
		) -> DispatchResult {
			let backer = ensure_signed(origin)?;
			Self::do_withdraw_backing(backer, pledge, units)
		}

		/// End a pledge's funding: anyone may, once the funding deadline has passed or every
		/// unit is backed. With at least `min_quantity` units backed the pledge is `Funded`;
		/// otherwise it `Failed`: the producer gets its bond back and backers claim refunds.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::close_funding())]
		pub fn close_funding(origin: OriginFor<T>, pledge: PledgeId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_close_funding(pledge)
		}

		/// Report that you delivered `delivered_units` units (at least 1, at most the backed
		/// units) of your funded pledge, before its delivery deadline, with `evidence` (a URI or
		/// CID). This opens the challenge window (`ChallengePeriod` blocks) in which backers
		/// confirm or dispute.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::report_delivery())]
		pub fn report_delivery(
			origin: OriginFor<T>,
			pledge: PledgeId,
			delivered_units: u32,
			evidence: Uri<T>,
		) -> DispatchResult {
			let producer = ensure_signed(origin)?;
			Self::do_report_delivery(producer, pledge, delivered_units, evidence)
		}

		/// Confirm, as a backer, that you received your units, within the challenge window.
		/// Once the backers of every unit have confirmed, the pledge can settle at once.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::confirm_receipt())]
		pub fn confirm_receipt(origin: OriginFor<T>, pledge: PledgeId) -> DispatchResult {
			let backer = ensure_signed(origin)?;
			Self::do_confirm_receipt(backer, pledge)
		}

		/// Dispute the delivery, as a backer, within the challenge window, with a `reason` (a URI
		/// or CID, or a short text). The dispute resolver then has `VerdictPeriod` blocks to
		/// decide how the escrow is split.
		///
		/// Holds `DisputeDeposit` (1 CML on Cosmolocal) from you until the pledge settles: it
		/// comes back when the verdict gives the backers more than the delivery as reported would,
		/// or when no verdict comes in time; it goes to the producer when the verdict does not.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::dispute())]
		pub fn dispute(origin: OriginFor<T>, pledge: PledgeId, reason: Uri<T>) -> DispatchResult {
			let backer = ensure_signed(origin)?;
			Self::do_dispute(backer, pledge, reason)
		}

		/// Decide a dispute (dispute resolver origin only), by its verdict deadline: the producer
		/// gets `producer_share` of the backed money (minus the design's commons share) and the
		/// same share of its bond, both rounded down; the backers get the rest and claim their
		/// parts. The pledge is then settled, and the dispute's deposit paid (see `dispute`).
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::resolve_dispute())]
		pub fn resolve_dispute(
			origin: OriginFor<T>,
			pledge: PledgeId,
			producer_share: Perbill,
		) -> DispatchResult {
			T::DisputeResolverOrigin::ensure_origin(origin, &Verdict { pledge, producer_share })?;
			Self::do_resolve_dispute(pledge, producer_share)
		}

		/// Settle a delivered pledge as its producer reported the delivery: anyone may, once the
		/// challenge window has passed without a dispute, at once when the backers of every unit
		/// confirmed receipt, or once a dispute's verdict deadline has passed without a verdict
		/// (the dispute's deposit then goes back to its backer). The producer gets the price of
		/// the delivered units minus the design's commons share, and its bond but for
		/// `ceil(bond × undelivered / backed)`; the commons share goes to the design's commons;
		/// the price of the undelivered units and the forfeited bond go to the backers, who
		/// claim their parts.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::settle())]
		pub fn settle(origin: OriginFor<T>, pledge: PledgeId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_settle(pledge)
		}

		/// Mark a funded pledge defaulted: anyone may, once its delivery deadline has passed
		/// without a delivery. Backers then claim their money back and the whole bond, each its
		/// part.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::mark_defaulted())]
		pub fn mark_defaulted(origin: OriginFor<T>, pledge: PledgeId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_mark_defaulted(pledge)
		}

		/// Cancel your pledge while it is funding: your bond comes back, backers claim refunds.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::cancel_pledge())]
		pub fn cancel_pledge(origin: OriginFor<T>, pledge: PledgeId) -> DispatchResult {
			let producer = ensure_signed(origin)?;
			Self::do_cancel_pledge(producer, pledge)
		}

		/// Claim, as a backer of an ended pledge, what it owes you (your refund and any share of
		/// the bond: `floor(refunds × your units / backed units)`, or all that is left if you
		/// are the last to claim) and your deposit. Once: your entry is removed. When the last backer has
		/// claimed, the pledge is closed. Every backer must claim, even one owed nothing: until
		/// then the pledge, the producer's deposit and each backer's deposit stay held;
		/// `claim_refund_for` lets anyone close a backer's entry on its behalf.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::claim_refund())]
		pub fn claim_refund(origin: OriginFor<T>, pledge: PledgeId) -> DispatchResult {
			let backer = ensure_signed(origin)?;
			Self::do_claim_refund(backer, pledge)
		}

		/// Pay `backer` what an ended pledge owes it, and release its deposit, on its behalf:
		/// anyone may, so that a backer who does not claim (a lost key) cannot keep the pledge
		/// from closing. Everything goes to the backer, as with `claim_refund`.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::claim_refund())]
		pub fn claim_refund_for(
			origin: OriginFor<T>,
			pledge: PledgeId,
			backer: T::AccountId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_claim_refund(backer, pledge)
		}

		/// Pay the producer of an ended pledge what the escrow could not pay it when the pledge
		/// ended or closed, because the producer's account could not receive the asset then
		/// (`ProducerPaymentPending`): once every backer has claimed, this also closes the
		/// pledge. Anyone may call it; everything goes to the producer.
		///
		/// ### Errors
		/// - `PledgeNotFound`: no such pledge (a closed pledge is removed).
		/// - `NothingToPay`: the pledge has not ended, or owes the producer nothing now.
		/// - the asset's error (for example `TokenError::BelowMinimum`, `TokenError::Blocked`)
		///   when the producer's account still cannot receive it.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::pay_producer())]
		pub fn pay_producer(origin: OriginFor<T>, pledge: PledgeId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_pay_producer(pledge)
		}
	}
}
