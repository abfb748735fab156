//! Tests of the design registry, by topic. Every test runs in `new_test_ext`, which checks the
//! registry's invariants afterwards.

mod attestations;
mod licences;
mod lineage;
mod maintainers;
mod manifests;
mod queries;
mod register;
mod settings;
mod versions;

use crate::{mock::*, types::*, Designs, DesignsByMaintainer, Event, HoldReason, Versions};
use codec::Encode;
use cosmolocal_primitives::design::{DesignId, Process, VersionIndex};
use frame_support::{
	assert_ok,
	traits::{fungible::InspectHold, Get},
	BoundedVec,
};

/// Bytes as a bounded vector.
pub fn bounded<S: Get<u32>>(bytes: &str) -> BoundedVec<u8, S> {
	BoundedVec::try_from(bytes.as_bytes().to_vec()).expect("the test input fits")
}

/// A licence id.
pub fn licence(id: &str) -> LicenceId {
	bounded(id)
}

/// The arguments of `register_design`, with sensible defaults to change one at a time.
#[derive(Clone)]
pub struct NewDesign {
	pub name: &'static str,
	pub hardware: &'static str,
	pub documentation: &'static str,
	pub software: Option<&'static str>,
	pub tags: Vec<&'static str>,
	pub processes: Vec<Process>,
	pub manifest: &'static str,
	pub label: &'static str,
	/// `None`: a hash of its own, [`registered_hash`] of the design's id.
	pub manifest_hash: Option<[u8; 32]>,
	pub lineage: Option<Lineage>,
}

impl Default for NewDesign {
	fn default() -> Self {
		Self {
			name: "Solar food dryer",
			hardware: "CERN-OHL-W-2.0",
			documentation: "CC-BY-4.0",
			software: None,
			tags: vec!["solar", "food"],
			processes: vec![Process::Woodworking, Process::Assembly],
			manifest: "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi",
			label: "1.0.0",
			manifest_hash: None,
			lineage: None,
		}
	}
}

impl NewDesign {
	/// A derivative of `parent`'s version 0.
	pub fn derived_from(parent: DesignId) -> Self {
		Self {
			name: "Solar food dryer, bamboo",
			lineage: Some(Lineage { kind: LineageKind::Derivative, parent, parent_version: 0 }),
			..Self::default()
		}
	}

	/// Calls `register_design` as `who`.
	pub fn register(self, who: u64) -> frame_support::dispatch::DispatchResult {
		DesignRegistry::register_design(
			RuntimeOrigin::signed(who),
			bounded(self.name),
			DesignLicences {
				hardware: licence(self.hardware),
				documentation: licence(self.documentation),
				software: self.software.map(licence),
			},
			BoundedVec::try_from(self.tags.iter().map(|tag| bounded(tag)).collect::<Vec<_>>())
				.expect("the test's tags fit"),
			BoundedVec::try_from(self.processes).expect("the test's processes fit"),
			bounded(self.manifest),
			self.manifest_hash
				.unwrap_or_else(|| registered_hash(crate::NextDesignId::<Test>::get())),
			bounded(self.label),
			self.lineage,
		)
	}
}

/// The manifest hash a design registered by [`NewDesign::register`] gets unless it names one:
/// its own, from its id.
pub fn registered_hash(design: DesignId) -> [u8; 32] {
	let mut hash = [7u8; 32];
	hash[..4].copy_from_slice(&design.to_le_bytes());
	hash
}

/// The manifest hash [`publish`] gives version `label` of `design`: its own.
pub fn published_hash(design: DesignId, label: &str) -> [u8; 32] {
	sp_io::hashing::blake2_256(&(design, label).encode())
}

/// Registers the default design as `who` and returns its id.
pub fn register_default(who: u64) -> DesignId {
	let id = crate::NextDesignId::<Test>::get();
	assert_ok!(NewDesign::default().register(who));
	id
}

/// Publishes a version of `design` labelled `label`, as `who`, with a manifest hash of its own.
pub fn publish(who: u64, design: DesignId, label: &str) -> frame_support::dispatch::DispatchResult {
	publish_hash(who, design, label, published_hash(design, label))
}

/// Publishes version `label` of `design` with the manifest `hash`, as `who`.
pub fn publish_hash(
	who: u64,
	design: DesignId,
	label: &str,
	hash: [u8; 32],
) -> frame_support::dispatch::DispatchResult {
	DesignRegistry::publish_version(
		RuntimeOrigin::signed(who),
		design,
		bounded("ipfs://bafkreih5aznjvttude6c3wbvqeebb6rlx5wkbzyppv7garjiubll2ceym4"),
		hash,
		bounded(label),
	)
}

/// What the registry holds from `who`.
pub fn held(who: u64) -> u64 {
	Balances::balance_on_hold(&HoldReason::Storage.into(), &who)
}

/// The design, which must exist.
pub fn design(id: DesignId) -> Design<Test> {
	Designs::<Test>::get(id).expect("the design exists")
}

/// The version, which must exist.
pub fn version(id: DesignId, index: VersionIndex) -> DesignVersion<Test> {
	Versions::<Test>::get(id, index).expect("the version exists")
}

/// The deposit of `maintainer`'s index entry for `design`.
pub fn maintainer_deposit(maintainer: u64, design: DesignId) -> u64 {
	DesignsByMaintainer::<Test>::get(maintainer, design).expect("the maintainer is indexed").1
}

/// The last event of the registry.
pub fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|record| match record.event {
			RuntimeEvent::DesignRegistry(event) => Some(event),
			_ => None,
		})
		.expect("the registry deposited an event")
}
