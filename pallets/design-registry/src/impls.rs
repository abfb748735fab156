//! What the registry offers other pallets, through the traits of `cosmolocal-primitives`.

use crate::{types::*, Config, Designs, Event, Pallet, Versions};
use alloc::vec::Vec;
use cosmolocal_primitives::design::{
	DesignId, DesignInspect, DesignProduction, DesignVersionSummary, VersionIndex,
};
use frame_support::traits::Get;

impl<T: Config> DesignInspect<T::AccountId> for Pallet<T> {
	fn design_version(
		design: DesignId,
		version: VersionIndex,
	) -> Option<DesignVersionSummary<T::AccountId>> {
		let record = Designs::<T>::get(design)?;
		if !Versions::<T>::contains_key(design, version) {
			return None;
		}
		Some(DesignVersionSummary {
			processes: record.processes.into_inner(),
			deprecated: record.status != DesignStatus::Active,
			maintainers: record.maintainers.into_inner(),
			commons_share: record.commons_share,
		})
	}

	fn ancestors(design: DesignId) -> Vec<DesignId> {
		let mut ancestors = Vec::new();
		let mut current = design;
		while (ancestors.len() as u32) < T::MaxLineageDepth::get() {
			match Designs::<T>::get(current).and_then(|record| record.lineage) {
				Some(lineage) => {
					ancestors.push(lineage.parent);
					current = lineage.parent;
				},
				None => break,
			}
		}
		ancestors
	}
}

impl<T: Config> DesignProduction for Pallet<T> {
	fn note_made_independently(design: DesignId) {
		Designs::<T>::mutate(design, |record| {
			if let Some(record) = record {
				if record.readiness != Readiness::MadeIndependently {
					record.readiness = Readiness::MadeIndependently;
					Pallet::<T>::deposit_event(Event::ReadinessRaised {
						design,
						readiness: Readiness::MadeIndependently,
					});
				}
			}
		});
	}
}
