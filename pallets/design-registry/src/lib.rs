//! # Design registry
//!
//! The global commons of cosmo-local production: open designs — a machine, a garment pattern, a
//! farm tool, a building element, a recipe — with their versions, lineage, licences and
//! attestations, in the spirit of an Open Know-How manifest. The files stay off-chain; the chain
//! keeps each design's identity, the integrity of its versions (a manifest URI or CID and its
//! hash), its lineage and its licences.
//!
//! ## Rules
//! - Every licence must be on the registry's list of open licences (`allow_licence`,
//!   `disallow_licence`, by the admin origin); a closed licence is refused.
//! - A design derived from, or a variant of, a design whose hardware licence is share-alike must
//!   carry the same hardware licence (`ShareAlikeLicenceRequired`).
//! - Versions are immutable; a label is used once within a design.
//! - A manifest's content hash is attributed to the first version that published it (its
//!   original, `VersionByManifestHash`): only the original's design and the designs descending
//!   from it may publish it again, so that re-registering someone's design under another
//!   licence and without lineage is refused (`DuplicateManifest`).
//! - Readiness only moves up; `MadeIndependently` is set by the chain when someone other than the
//!   maintainers completes a production run (`DesignProduction`), never by hand.
//! - A deprecated design takes no new versions (and no new production pledges).
//!
//! ## Deposits
//! Everything a user stores is paid by a deposit held from them (hold reason
//! `DesignRegistry::Storage`): `DepositPerItem` per storage entry and `DepositPerByte` per byte.
//! - A design, with its tag and lineage index entries, is paid by its creator (the design record
//!   is charged at its largest size, so that maintainers can be added without a new deposit).
//! - A version, with its label index entry (and the manifest hash's entry, when the hash is
//!   new), is paid by its publisher.
//! - A maintainer's index entry is paid by the maintainer who added it, and released to that
//!   account when the maintainer is removed.
//! - An attestation is paid by its author, and released when the author revokes it.
//!
//! Designs and versions are the commons' permanent record: they are never removed, and so their
//! deposits stay held.

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
#[cfg(test)]
mod tests;
pub mod types;
pub mod validation;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

use frame_support::traits::fungible;

/// A balance of the currency that deposits are held in.
pub type BalanceOf<T> =
	<<T as Config>::Currency as fungible::Inspect<<T as frame_system::Config>::AccountId>>::Balance;

// `register_design` takes every field of a design: its arguments are its public API.
#[allow(clippy::too_many_arguments)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use cosmolocal_primitives::design::{DesignId, DesignRegistryHooks, Process, VersionIndex};
	use frame_support::{
		pallet_prelude::*,
		traits::fungible::{Inspect, Mutate, MutateHold},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::Permill;

	/// The version of the pallet's storage layout (the README's "Storage versions" lists them).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// What the runtime provides to the design registry.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The currency deposits are held in.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ Mutate<Self::AccountId>
			+ Inspect<Self::AccountId>;

		/// The runtime's hold reasons, of which this pallet's are a part.
		type RuntimeHoldReason: From<HoldReason>;

		/// May change the list of open licences.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// May certify versions of designs. It yields the account of the certifying body that
		/// certifies, or `None` when governance as a whole does (a vote of the members, or
		/// root); the certification and its event record which.
		type CertifierOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Option<Self::AccountId>>;

		/// Told when designs are registered, versions published and maintainers changed.
		type Hooks: DesignRegistryHooks<Self::AccountId>;

		/// Deposit per storage entry.
		#[pallet::constant]
		type DepositPerItem: Get<BalanceOf<Self>>;

		/// Deposit per byte stored.
		#[pallet::constant]
		type DepositPerByte: Get<BalanceOf<Self>>;

		/// The largest commons share a design may ask of its production pledges.
		#[pallet::constant]
		type MaxCommonsShare: Get<Permill>;

		/// The most maintainers a design may have.
		#[pallet::constant]
		type MaxMaintainers: Get<u32>;

		/// The longest name of a design, in bytes.
		#[pallet::constant]
		type MaxNameLen: Get<u32>;

		/// The most tags a design may have.
		#[pallet::constant]
		type MaxTags: Get<u32>;

		/// The longest tag, in bytes.
		#[pallet::constant]
		type MaxTagLen: Get<u32>;

		/// The most processes a design may need.
		#[pallet::constant]
		type MaxProcesses: Get<u32>;

		/// The longest manifest URI or CID, in bytes.
		#[pallet::constant]
		type MaxManifestLen: Get<u32>;

		/// The longest version label, in bytes.
		#[pallet::constant]
		type MaxVersionLabelLen: Get<u32>;

		/// The longest evidence URI or CID of an attestation or a certification, in bytes.
		#[pallet::constant]
		type MaxEvidenceLen: Get<u32>;

		/// How many generations of parents the registry follows up a design's lineage.
		#[pallet::constant]
		type MaxLineageDepth: Get<u32>;

		/// The weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit for data stored in the design registry.
		Storage,
	}

	/// The id the next registered design gets.
	#[pallet::storage]
	pub type NextDesignId<T> = StorageValue<_, DesignId, ValueQuery>;

	/// Every design, by id.
	#[pallet::storage]
	pub type Designs<T: Config> = StorageMap<_, Twox64Concat, DesignId, Design<T>>;

	/// The versions of each design, by design and version index.
	#[pallet::storage]
	pub type Versions<T: Config> =
		StorageDoubleMap<_, Twox64Concat, DesignId, Twox64Concat, VersionIndex, DesignVersion<T>>;

	/// The version index of each label, by design: a label is used once within a design.
	#[pallet::storage]
	pub type VersionByLabel<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		DesignId,
		Blake2_128Concat,
		VersionLabel<T>,
		VersionIndex,
	>;

	/// The first version published with each manifest hash: the content's original. A design
	/// may publish a hash found here only if it is the original's design or descends from it.
	#[pallet::storage]
	pub type VersionByManifestHash<T: Config> =
		StorageMap<_, Blake2_128Concat, [u8; 32], (DesignId, VersionIndex)>;

	/// The designs each account maintains, with the deposit of the entry and who paid it.
	#[pallet::storage]
	pub type DesignsByMaintainer<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		DesignId,
		(T::AccountId, BalanceOf<T>),
	>;

	/// The designs derived from each design, with how they relate.
	#[pallet::storage]
	pub type Derivatives<T: Config> =
		StorageDoubleMap<_, Twox64Concat, DesignId, Twox64Concat, DesignId, LineageKind>;

	/// The designs carrying each tag.
	#[pallet::storage]
	pub type DesignsByTag<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, Tag<T>, Twox64Concat, DesignId, ()>;

	/// Attestations, by design, version, author and kind.
	#[pallet::storage]
	pub type Attestations<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, DesignId>,
			NMapKey<Twox64Concat, VersionIndex>,
			NMapKey<Blake2_128Concat, T::AccountId>,
			NMapKey<Twox64Concat, AttestationKind>,
		),
		Attestation<T>,
	>;

	/// Certifications, by design and version.
	#[pallet::storage]
	pub type Certifications<T: Config> =
		StorageDoubleMap<_, Twox64Concat, DesignId, Twox64Concat, VersionIndex, Certification<T>>;

	/// The licences the registry knows: whether each is share-alike and allowed for new designs.
	#[pallet::storage]
	pub type Licences<T: Config> = StorageMap<_, Blake2_128Concat, LicenceId, LicenceInfo>;

	/// The open licences allowed at genesis, and designs registered at genesis (examples for a
	/// development chain).
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// SPDX identifiers with whether each is share-alike.
		pub licences: Vec<(Vec<u8>, bool)>,
		/// Designs to register, in order (ids from 0), each paid by its creator's deposit.
		pub designs: Vec<GenesisDesign<T::AccountId>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			fn licence(id: &[u8]) -> LicenceId {
				validation::licence_id(id)
					.unwrap_or_else(|| panic!("genesis licence {id:?} is not a valid SPDX id"))
			}
			for (id, share_alike) in &self.licences {
				Licences::<T>::insert(
					licence(id),
					LicenceInfo { share_alike: *share_alike, allowed: true },
				);
			}
			for design in &self.designs {
				fn bounded<S: Get<u32>>(bytes: &Vec<u8>) -> BoundedVec<u8, S> {
					BoundedVec::try_from(bytes.clone())
						.unwrap_or_else(|_| panic!("genesis design field {bytes:?} is too long"))
				}
				let registered = Pallet::<T>::do_register_design(
					design.creator.clone(),
					bounded(&design.name),
					DesignLicences {
						hardware: licence(&design.hardware_licence),
						documentation: licence(&design.documentation_licence),
						software: None,
					},
					BoundedVec::truncate_from(design.tags.iter().map(bounded).collect()),
					BoundedVec::truncate_from(design.processes.clone()),
					NewVersion {
						manifest: bounded(&design.manifest),
						manifest_hash: design.manifest_hash,
						label: bounded(&design.version_label),
					},
					design.derived_from.map(|parent| Lineage {
						kind: LineageKind::Derivative,
						parent,
						parent_version: 0,
					}),
				);
				if let Err(error) = registered {
					panic!("genesis design {:?} does not register: {error:?}", design.name);
				}
			}
		}
	}

	/// What happened in the registry.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A design was registered, with its version 0.
		DesignRegistered {
			/// The new design.
			design: DesignId,
			/// Its creator, and first maintainer.
			creator: T::AccountId,
			/// Where it comes from, if it derives from another design.
			lineage: Option<Lineage>,
		},
		/// A version of a design was published.
		VersionPublished {
			/// The design.
			design: DesignId,
			/// The new version's index.
			version: VersionIndex,
			/// Its label.
			label: VersionLabel<T>,
			/// Its manifest's hash.
			manifest_hash: [u8; 32],
		},
		/// A maintainer was added to a design.
		MaintainerAdded {
			/// The design.
			design: DesignId,
			/// The new maintainer.
			maintainer: T::AccountId,
		},
		/// A maintainer was removed from a design.
		MaintainerRemoved {
			/// The design.
			design: DesignId,
			/// The former maintainer.
			maintainer: T::AccountId,
		},
		/// A design's commons share changed.
		CommonsShareSet {
			/// The design.
			design: DesignId,
			/// The new share.
			share: Permill,
		},
		/// A design's readiness went up.
		ReadinessRaised {
			/// The design.
			design: DesignId,
			/// Its new readiness.
			readiness: Readiness,
		},
		/// A design was deprecated.
		DesignDeprecated {
			/// The design.
			design: DesignId,
			/// The design to use instead, if any.
			successor: Option<DesignId>,
		},
		/// An account attested something about a version.
		Attested {
			/// The design.
			design: DesignId,
			/// The version.
			version: VersionIndex,
			/// The author of the attestation.
			attester: T::AccountId,
			/// What it attests.
			kind: AttestationKind,
		},
		/// An attestation was revoked by its author.
		AttestationRevoked {
			/// The design.
			design: DesignId,
			/// The version.
			version: VersionIndex,
			/// The author of the attestation.
			attester: T::AccountId,
			/// What it attested.
			kind: AttestationKind,
		},
		/// A version was certified.
		Certified {
			/// The design.
			design: DesignId,
			/// The version.
			version: VersionIndex,
			/// The certifying body, or `None` when governance as a whole certified.
			certifier: Option<T::AccountId>,
		},
		/// A licence was put on the list of open licences.
		LicenceAllowed {
			/// Its SPDX identifier.
			licence: LicenceId,
			/// Whether it is share-alike.
			share_alike: bool,
		},
		/// A licence was taken off the list: new designs may not use it.
		LicenceDisallowed {
			/// Its SPDX identifier.
			licence: LicenceId,
		},
	}

	/// Why a call to the registry failed.
	#[pallet::error]
	pub enum Error<T> {
		/// There is no design with this id.
		DesignNotFound,
		/// The design has no version with this index.
		VersionNotFound,
		/// Only a maintainer of the design may do this.
		NotMaintainer,
		/// The account is already a maintainer of the design.
		AlreadyMaintainer,
		/// The account is not a maintainer of the design.
		UnknownMaintainer,
		/// The design has as many maintainers as it may have.
		TooManyMaintainers,
		/// A design keeps at least one maintainer: add another before removing the last.
		LastMaintainer,
		/// The name is empty.
		EmptyName,
		/// A licence is not on the registry's list of open licences.
		LicenceNotAllowed,
		/// The parent design's hardware licence is share-alike: a derivative or variant must carry
		/// the same hardware licence.
		ShareAlikeLicenceRequired,
		/// A tag is empty or has characters other than lower-case ASCII letters, digits and `-`.
		InvalidTag,
		/// The same tag is given twice.
		DuplicateTag,
		/// A design needs at least one process.
		NoProcesses,
		/// The same process is given twice.
		DuplicateProcess,
		/// The manifest URI or CID is empty.
		EmptyManifest,
		/// The version label is not `MAJOR.MINOR.PATCH` with optional `-pre-release` and `+build`.
		InvalidVersionLabel,
		/// The design already has a version with this label.
		DuplicateVersionLabel,
		/// The parent design does not exist.
		ParentNotFound,
		/// The parent design has no version with this index.
		ParentVersionNotFound,
		/// The design is deprecated: it takes no new versions.
		DesignDeprecated,
		/// The design is already deprecated.
		AlreadyDeprecated,
		/// The successor design does not exist.
		SuccessorNotFound,
		/// A design cannot succeed itself.
		SelfSuccessor,
		/// The successor design is itself deprecated.
		SuccessorDeprecated,
		/// The commons share is above the runtime's maximum.
		CommonsShareTooHigh,
		/// Readiness only moves up.
		ReadinessNotRaised,
		/// "Made independently" is set by the chain when another party's production settles.
		ReadinessReservedForChain,
		/// The evidence URI or CID is empty.
		EmptyEvidence,
		/// This account already made this kind of attestation about this version.
		AlreadyAttested,
		/// There is no such attestation by this account.
		AttestationNotFound,
		/// The version is already certified.
		AlreadyCertified,
		/// The licence id is empty or not an SPDX identifier (ASCII letters, digits, `.`, `-`,
		/// `+`).
		InvalidLicenceId,
		/// The licence is already on the list of open licences.
		LicenceAlreadyAllowed,
		/// The licence is not on the list of open licences.
		LicenceNotListed,
		/// No more designs can be registered: the id space is exhausted.
		DesignIdsExhausted,
		/// No more versions can be published for this design.
		VersionIndicesExhausted,
		/// A version of another design already published this manifest hash, and this design
		/// does not descend from it: register the design with lineage to that original
		/// (`versionByManifestHash` names it), or publish content of your own.
		DuplicateManifest,
	}

	/// Bounds that are not configuration, shown in the metadata beside the configured ones so
	/// that wallets and Polkadot.js Apps know every limit of the pallet's calls.
	#[pallet::extra_constants]
	impl<T: Config> Pallet<T> {
		/// The longest SPDX licence identifier the registry accepts, in bytes.
		#[pallet::constant_name(MaxLicenceIdLen)]
		fn max_licence_id_len() -> u32 {
			MAX_LICENCE_ID_LEN
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
		/// Register an open design with its first version (version 0); you become its first
		/// maintainer.
		///
		/// - `name`: a human-readable name.
		/// - `licences`: SPDX ids of the hardware, documentation and (optional) software licences;
		///   each must be on the list of open licences (storage `licences`).
		/// - `tags`: keywords for search: lower-case letters, digits and `-`.
		/// - `processes`: what making it needs; a producer must be able to run them all.
		/// - `manifest`: the URI or CID of the version's manifest; `manifest_hash`: its 32-byte
		///   hash. A hash another design published first is refused (`DuplicateManifest`)
		///   unless `lineage` leads to that design.
		/// - `version_label`: a semantic version such as `1.0.0`.
		/// - `lineage`: if the design derives from another, its kind, the parent design and the
		///   parent version. A share-alike parent requires the same hardware licence.
		///
		/// Holds a deposit for the design, its version and its index entries.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_design(tags.len() as u32))]
		#[allow(clippy::too_many_arguments)]
		pub fn register_design(
			origin: OriginFor<T>,
			name: BoundedVec<u8, T::MaxNameLen>,
			licences: DesignLicences,
			tags: BoundedVec<Tag<T>, T::MaxTags>,
			processes: BoundedVec<Process, T::MaxProcesses>,
			manifest: BoundedVec<u8, T::MaxManifestLen>,
			manifest_hash: [u8; 32],
			version_label: VersionLabel<T>,
			lineage: Option<Lineage>,
		) -> DispatchResult {
			let creator = ensure_signed(origin)?;
			Self::do_register_design(
				creator,
				name,
				licences,
				tags,
				processes,
				NewVersion { manifest, manifest_hash, label: version_label },
				lineage,
			)
		}

		/// Publish a new version of a design you maintain. Versions are immutable; the label must
		/// be new within the design, and a manifest hash another design published first is
		/// refused (`DuplicateManifest`) unless this design descends from it. Holds a deposit for
		/// the version.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::publish_version())]
		pub fn publish_version(
			origin: OriginFor<T>,
			design: DesignId,
			manifest: BoundedVec<u8, T::MaxManifestLen>,
			manifest_hash: [u8; 32],
			version_label: VersionLabel<T>,
		) -> DispatchResult {
			let publisher = ensure_signed(origin)?;
			Self::do_publish_version(
				publisher,
				design,
				NewVersion { manifest, manifest_hash, label: version_label },
			)
		}

		/// Add a maintainer to a design you maintain. Holds a deposit from you for the new
		/// maintainer's index entry, released to you when that maintainer is removed.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::add_maintainer())]
		pub fn add_maintainer(
			origin: OriginFor<T>,
			design: DesignId,
			maintainer: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_add_maintainer(who, design, maintainer)
		}

		/// Remove a maintainer (yourself included) from a design you maintain; never the last
		/// one. The deposit of the maintainer's entry goes back to whoever paid it.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::remove_maintainer())]
		pub fn remove_maintainer(
			origin: OriginFor<T>,
			design: DesignId,
			maintainer: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_maintainer(who, design, maintainer)
		}

		/// Set the share of each settled production pledge of a design you maintain that goes to
		/// the design's commons (its value network), up to the runtime's `MaxCommonsShare`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_commons_share())]
		pub fn set_commons_share(
			origin: OriginFor<T>,
			design: DesignId,
			share: Permill,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_commons_share(who, design, share)
		}

		/// Raise the readiness of a design you maintain: concept → prototype → made. "Made
		/// independently" is set by the chain, not by this call.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_readiness())]
		pub fn set_readiness(
			origin: OriginFor<T>,
			design: DesignId,
			readiness: Readiness,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_readiness(who, design, readiness)
		}

		/// Deprecate a design you maintain, optionally naming the active design that replaces
		/// it. A deprecated design takes no new versions and no new production pledges.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::deprecate())]
		pub fn deprecate(
			origin: OriginFor<T>,
			design: DesignId,
			successor: Option<DesignId>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_deprecate(who, design, successor)
		}

		/// Attest that you built, tested or reviewed a version, with evidence (a URI or CID).
		/// Holds a deposit, released when you revoke the attestation.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::attest())]
		pub fn attest(
			origin: OriginFor<T>,
			design: DesignId,
			version: VersionIndex,
			kind: AttestationKind,
			evidence: Evidence<T>,
		) -> DispatchResult {
			let attester = ensure_signed(origin)?;
			Self::do_attest(attester, design, version, kind, evidence)
		}

		/// Revoke an attestation you made; its deposit is released.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::revoke_attestation())]
		pub fn revoke_attestation(
			origin: OriginFor<T>,
			design: DesignId,
			version: VersionIndex,
			kind: AttestationKind,
		) -> DispatchResult {
			let attester = ensure_signed(origin)?;
			Self::do_revoke_attestation(attester, design, version, kind)
		}

		/// Certify a version, with evidence. Only the certifier origin (governance) may.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::certify())]
		pub fn certify(
			origin: OriginFor<T>,
			design: DesignId,
			version: VersionIndex,
			evidence: Evidence<T>,
		) -> DispatchResult {
			let certifier = T::CertifierOrigin::ensure_origin(origin)?;
			Self::do_certify(certifier, design, version, evidence)
		}

		/// Put a licence on the list of open licences designs may use, saying whether it is
		/// share-alike. Only the admin origin may.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::allow_licence())]
		pub fn allow_licence(
			origin: OriginFor<T>,
			licence: LicenceId,
			share_alike: bool,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_allow_licence(licence, share_alike)
		}

		/// Take a licence off the list: new designs may no longer use it; existing designs keep
		/// it. Only the admin origin may.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::disallow_licence())]
		pub fn disallow_licence(origin: OriginFor<T>, licence: LicenceId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_disallow_licence(licence)
		}
	}
}
