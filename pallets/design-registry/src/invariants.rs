//! The registry's invariants, checked by `try_state` after every test and by try-runtime.

use crate::{pallet::*, BalanceOf, Config, HoldReason, Pallet};
use alloc::collections::btree_map::BTreeMap;
use frame_support::{
	ensure,
	traits::{fungible::InspectHold, Get},
};
use sp_runtime::{traits::Saturating, TryRuntimeError};

impl<T: Config> Pallet<T> {
	/// Checks that the indexes agree with the designs and that every deposit recorded is held.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let next_design = NextDesignId::<T>::get();
		let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut add_held = |who: &T::AccountId, amount: BalanceOf<T>| {
			let entry = held.entry(who.clone()).or_default();
			*entry = entry.saturating_add(amount);
		};

		let mut designs = 0u32;
		for (id, design) in Designs::<T>::iter() {
			designs += 1;
			ensure!(id < next_design, "a design id is not below the next id");
			ensure!(!design.maintainers.is_empty(), "a design has no maintainer");
			for (position, maintainer) in design.maintainers.iter().enumerate() {
				ensure!(
					!design.maintainers[..position].contains(maintainer),
					"a maintainer is listed twice"
				);
				ensure!(
					DesignsByMaintainer::<T>::contains_key(maintainer, id),
					"a maintainer is not indexed"
				);
			}
			ensure!(design.commons_share <= T::MaxCommonsShare::get(), "commons share above max");
			for tag in design.tags.iter() {
				ensure!(DesignsByTag::<T>::contains_key(tag, id), "a tag is not indexed");
			}
			if let Some(lineage) = design.lineage {
				ensure!(lineage.parent < id, "a parent is younger than its derivative");
				ensure!(
					Derivatives::<T>::get(lineage.parent, id) == Some(lineage.kind),
					"a derivative is not indexed"
				);
				ensure!(
					Versions::<T>::contains_key(lineage.parent, lineage.parent_version),
					"a parent version is missing"
				);
			}
			let versions = Versions::<T>::iter_prefix(id).count() as u32;
			ensure!(versions == design.version_count, "version count differs from versions");
			ensure!(versions >= 1, "a design has no version");
			add_held(&design.depositor, design.deposit);
		}
		ensure!(designs == next_design, "designs are never removed: one per id");

		for (id, index, version) in Versions::<T>::iter() {
			ensure!(
				VersionByLabel::<T>::get(id, &version.label) == Some(index),
				"a version label is not indexed"
			);
			let (original, original_index) = VersionByManifestHash::<T>::get(version.manifest_hash)
				.ok_or("a manifest hash is not indexed")?;
			ensure!(
				(original, original_index) <= (id, index),
				"a manifest hash's original is not its first version"
			);
			add_held(&version.publisher, version.deposit);
		}
		for (hash, (id, index)) in VersionByManifestHash::<T>::iter() {
			let version =
				Versions::<T>::get(id, index).ok_or("a manifest hash entry names no version")?;
			ensure!(version.manifest_hash == hash, "a manifest hash entry names another hash");
		}
		ensure!(
			VersionByLabel::<T>::iter().count() == Versions::<T>::iter().count(),
			"a label indexes no version"
		);
		for (maintainer, id, (payer, deposit)) in DesignsByMaintainer::<T>::iter() {
			let design = Designs::<T>::get(id).ok_or("an index entry names no design")?;
			ensure!(design.maintainers.contains(&maintainer), "an index entry names no maintainer");
			add_held(&payer, deposit);
		}
		for (tag, id, ()) in DesignsByTag::<T>::iter() {
			let design = Designs::<T>::get(id).ok_or("a tag entry names no design")?;
			ensure!(design.tags.contains(&tag), "a tag entry is not among the design's tags");
		}
		for (parent, child, kind) in Derivatives::<T>::iter() {
			let design = Designs::<T>::get(child).ok_or("a derivative entry names no design")?;
			ensure!(
				design.lineage.is_some_and(|l| l.parent == parent && l.kind == kind),
				"a derivative entry disagrees with the design's lineage"
			);
		}
		for ((id, index, attester, _), attestation) in Attestations::<T>::iter() {
			ensure!(Versions::<T>::contains_key(id, index), "an attestation names no version");
			add_held(&attester, attestation.deposit);
		}
		for (id, index, _) in Certifications::<T>::iter() {
			ensure!(Versions::<T>::contains_key(id, index), "a certification names no version");
		}
		for (who, amount) in held {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::Storage.into(), &who) == amount,
				"the deposits recorded differ from what is held"
			);
		}
		Ok(())
	}
}
