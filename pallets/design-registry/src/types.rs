//! The records the design registry keeps.

use crate::{BalanceOf, Config};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use cosmolocal_primitives::design::{DesignId, Process, VersionIndex};
use frame_support::{
	pallet_prelude::ConstU32, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_runtime::Permill;

/// An SPDX licence identifier, such as `CERN-OHL-S-2.0` or `CC-BY-SA-4.0`.
pub type LicenceId = BoundedVec<u8, ConstU32<MAX_LICENCE_ID_LEN>>;

/// The longest SPDX identifier the registry accepts.
pub const MAX_LICENCE_ID_LEN: u32 = 32;

/// The licences a design is published under: all must be on the registry's list of open
/// licences.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct DesignLicences {
	/// The licence of the hardware itself (the design files), which lineage rules look at.
	pub hardware: LicenceId,
	/// The licence of the documentation.
	pub documentation: LicenceId,
	/// The licence of the software or firmware, if the design has any.
	pub software: Option<LicenceId>,
}

/// How a design relates to the design it comes from.
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
pub enum LineageKind {
	/// A new design built on the parent (a modification, an adaptation).
	Derivative,
	/// A variant of the parent for other conditions (size, materials, local parts).
	Variant,
}

/// Where a design comes from: a version of a parent design.
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
pub struct Lineage {
	/// Derivative or variant.
	pub kind: LineageKind,
	/// The parent design.
	pub parent: DesignId,
	/// The version of the parent this design starts from.
	pub parent_version: VersionIndex,
}

/// Whether a design is still developed.
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
pub enum DesignStatus {
	/// Takes new versions and new pledges.
	Active,
	/// Takes no new versions and no new pledges; `successor` is the design to use instead.
	Deprecated {
		/// The design that replaces this one, if any.
		successor: Option<DesignId>,
	},
}

/// How far a design has come, in the spirit of open-hardware readiness levels. Only moves up.
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
pub enum Readiness {
	/// An idea with drawings or models; nothing built yet.
	Concept,
	/// A prototype has been built.
	Prototype,
	/// It has been made and works as documented.
	Made,
	/// Someone other than its maintainers made it from the documentation alone: set by the
	/// chain when such a production pledge settles, never by hand.
	MadeIndependently,
}

/// A design: its identity, licences, lineage and state. Its files stay off-chain; each version
/// points to them.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Design<T: Config> {
	/// Who may publish versions and change the design; never empty.
	pub maintainers: BoundedVec<T::AccountId, T::MaxMaintainers>,
	/// A human-readable name.
	pub name: BoundedVec<u8, T::MaxNameLen>,
	/// The open licences it is published under.
	pub licences: DesignLicences,
	/// Free keywords for search (lower-case ASCII letters, digits and `-`), sorted.
	pub tags: BoundedVec<Tag<T>, T::MaxTags>,
	/// The processes needed to make it, sorted, without repetition.
	pub processes: BoundedVec<Process, T::MaxProcesses>,
	/// The design it comes from, if any.
	pub lineage: Option<Lineage>,
	/// Active or deprecated.
	pub status: DesignStatus,
	/// How far it has come.
	pub readiness: Readiness,
	/// The share of each settled production pledge that goes to the design's commons.
	pub commons_share: Permill,
	/// How many versions have been published; the next version gets this index.
	pub version_count: VersionIndex,
	/// The block it was registered in.
	pub registered_at: BlockNumberFor<T>,
	/// Who paid the deposit for this record.
	pub depositor: T::AccountId,
	/// The deposit held from `depositor`.
	pub deposit: BalanceOf<T>,
}

/// A tag of a design: lower-case ASCII letters, digits and `-`.
pub type Tag<T> = BoundedVec<u8, <T as Config>::MaxTagLen>;

/// A published version of a design. Immutable.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct DesignVersion<T: Config> {
	/// Where the version's manifest is: a URI or a content identifier (CID).
	pub manifest: BoundedVec<u8, T::MaxManifestLen>,
	/// The 32-byte hash of the manifest, so that anyone can check the files they fetched.
	pub manifest_hash: [u8; 32],
	/// A semantic version label such as `1.2.0`, unique within the design.
	pub label: VersionLabel<T>,
	/// Who published it (and paid its deposit).
	pub publisher: T::AccountId,
	/// The block it was published in.
	pub published_at: BlockNumberFor<T>,
	/// The deposit held from `publisher`.
	pub deposit: BalanceOf<T>,
}

/// A semantic version label: `MAJOR.MINOR.PATCH`, optionally followed by `-pre-release` and
/// `+build` parts.
pub type VersionLabel<T> = BoundedVec<u8, <T as Config>::MaxVersionLabelLen>;

/// What an attestation says about a version.
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
pub enum AttestationKind {
	/// The attester built it.
	Built,
	/// The attester tested it.
	Tested,
	/// The attester reviewed its documentation.
	Reviewed,
}

/// A statement by an account about a version, with evidence (a URI or CID).
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Attestation<T: Config> {
	/// Where the evidence is.
	pub evidence: Evidence<T>,
	/// The block it was made in.
	pub attested_at: BlockNumberFor<T>,
	/// The deposit held from the attester, released when it revokes the attestation.
	pub deposit: BalanceOf<T>,
}

/// A certification of a version by the certifier origin (governance).
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Certification<T: Config> {
	/// Where the evidence is.
	pub evidence: Evidence<T>,
	/// The block it was certified in.
	pub certified_at: BlockNumberFor<T>,
	/// The certifying body that certified it, or `None` when governance as a whole did.
	pub certifier: Option<T::AccountId>,
}

/// Where the evidence of an attestation or a certification is: a URI or a CID.
pub type Evidence<T> = BoundedVec<u8, <T as Config>::MaxEvidenceLen>;

/// What the registry knows of a licence.
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
pub struct LicenceInfo {
	/// Whether derivatives must carry the same licence (copyleft / share-alike). Kept when the
	/// licence is disallowed, since designs already published under it stay bound by it.
	pub share_alike: bool,
	/// Whether new designs may use it.
	pub allowed: bool,
}

/// A version about to be published.
pub struct NewVersion<T: Config> {
	/// The manifest's URI or CID.
	pub manifest: BoundedVec<u8, T::MaxManifestLen>,
	/// The manifest's 32-byte hash.
	pub manifest_hash: [u8; 32],
	/// The version's label.
	pub label: VersionLabel<T>,
}

/// A design registered at genesis (its version 0 included).
#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GenesisDesign<AccountId> {
	/// Who registers it, pays its deposits and maintains it.
	pub creator: AccountId,
	/// Its name.
	pub name: alloc::vec::Vec<u8>,
	/// SPDX id of its hardware licence.
	pub hardware_licence: alloc::vec::Vec<u8>,
	/// SPDX id of its documentation licence.
	pub documentation_licence: alloc::vec::Vec<u8>,
	/// Its tags.
	pub tags: alloc::vec::Vec<alloc::vec::Vec<u8>>,
	/// The processes it needs.
	pub processes: alloc::vec::Vec<Process>,
	/// The URI or CID of its first version's manifest.
	pub manifest: alloc::vec::Vec<u8>,
	/// The manifest's hash.
	pub manifest_hash: [u8; 32],
	/// Its first version's label.
	pub version_label: alloc::vec::Vec<u8>,
	/// The design (registered before it) it derives from, if any.
	pub derived_from: Option<DesignId>,
}
