//! What the pallets know of open designs, and the traits through which they ask the design
//! registry about them.

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{DispatchResult, Permill};

/// The identifier of a design in the registry, given in order of registration from 0.
pub type DesignId = u32;

/// The index of a version of a design: 0 for the version published at registration, then 1, 2…
pub type VersionIndex = u32;

/// A production process: what a design needs to be made, and what a producer can run.
///
/// Covers fabrication and the rest of local provisioning (food, clothing, building, repair).
/// The codec index of each process never changes.
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
	serde::Serialize,
	serde::Deserialize,
)]
pub enum Process {
	/// Additive manufacturing: FDM, resin or powder 3D printing.
	ThreeDPrinting = 0,
	/// CNC milling and routing.
	CncMilling = 1,
	/// Laser cutting and engraving.
	LaserCutting = 2,
	/// Assembly of printed circuit boards (soldering, pick and place).
	PcbAssembly = 3,
	/// Electronics and wiring other than PCB assembly.
	Electronics = 4,
	/// Sewing garments and soft goods.
	Sewing = 5,
	/// Textiles: weaving, knitting, dyeing.
	Textiles = 6,
	/// Welding.
	Welding = 7,
	/// Metalworking other than welding: bending, turning, forging.
	Metalworking = 8,
	/// Woodworking and joinery.
	Woodworking = 9,
	/// Casting and moulding.
	Casting = 10,
	/// Growing food, fibre or other crops.
	Growing = 11,
	/// Food processing, cooking and baking.
	FoodProcessing = 12,
	/// Construction of buildings and building elements.
	Construction = 13,
	/// Repair and refurbishment of existing things.
	RepairAndRefurbishment = 14,
	/// Final assembly of parts made by other processes.
	Assembly = 15,
	/// A process not in this list.
	Other = 16,
}

/// What other pallets need to know of one version of a design.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct DesignVersionSummary<AccountId> {
	/// The processes needed to make the design.
	pub processes: Vec<Process>,
	/// Whether the design is deprecated: it takes no new versions and no new pledges.
	pub deprecated: bool,
	/// The design's maintainers.
	pub maintainers: Vec<AccountId>,
	/// The share of a settled pledge that goes to the design's commons.
	pub commons_share: Permill,
}

/// Read access to the design registry.
pub trait DesignInspect<AccountId> {
	/// What a version of a design is, if the design and the version exist.
	fn design_version(
		design: DesignId,
		version: VersionIndex,
	) -> Option<DesignVersionSummary<AccountId>>;

	/// The designs this design derives from, nearest first, as far as the registry follows
	/// lineage (a bounded depth).
	fn ancestors(design: DesignId) -> Vec<DesignId>;
}

/// Tells the design registry that a design was made by someone other than its maintainers.
pub trait DesignProduction {
	/// A production run of `design` by a producer who is not one of its maintainers completed.
	fn note_made_independently(design: DesignId);
}

/// What the design registry tells other pallets when designs change. An error undoes the
/// registry's change (a hook may hold a deposit from the account that made it).
pub trait DesignRegistryHooks<AccountId> {
	/// A design was registered by `creator`, its first maintainer.
	fn on_design_registered(design: DesignId, creator: &AccountId) -> DispatchResult;
	/// `publisher` published a new version of `design`.
	fn on_version_published(
		design: DesignId,
		version: VersionIndex,
		publisher: &AccountId,
	) -> DispatchResult;
	/// The maintainers of `design` changed; `maintainers` is the new set.
	fn on_maintainers_changed(design: DesignId, maintainers: &[AccountId]) -> DispatchResult;

	/// Puts what the hooks keep about `design` in the state where `on_version_published` costs
	/// the most, for the registry's benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn prepare_costliest_version(_design: DesignId) {}
}

impl<AccountId> DesignRegistryHooks<AccountId> for () {
	fn on_design_registered(_: DesignId, _: &AccountId) -> DispatchResult {
		Ok(())
	}
	fn on_version_published(_: DesignId, _: VersionIndex, _: &AccountId) -> DispatchResult {
		Ok(())
	}
	fn on_maintainers_changed(_: DesignId, _: &[AccountId]) -> DispatchResult {
		Ok(())
	}
}
