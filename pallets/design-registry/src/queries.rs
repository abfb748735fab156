//! The registry's read-only queries, served by the `DesignRegistryApi` runtime API.
//!
//! Lists are paginated: they return at most `limit` entries (capped at [`MAX_PAGE_SIZE`]) after
//! `start_after`, in the order of the storage keys, which is stable; a design's versions come in
//! the order they were published.

use crate::{pallet::*, types::*, Config, Pallet};
use alloc::vec::Vec;
use cosmolocal_primitives::design::{DesignId, VersionIndex};
use cosmolocal_primitives::lists::page;
pub use cosmolocal_primitives::lists::MAX_PAGE_SIZE;

impl<T: Config> Pallet<T> {
	/// A design, if it exists.
	pub fn design(design: DesignId) -> Option<Design<T>> {
		Designs::<T>::get(design)
	}

	/// The versions of a design, with their indices, in the order they were published (unlike
	/// the other lists, not in storage order): at most `limit` of them after `start_after`.
	pub fn versions(
		design: DesignId,
		start_after: Option<VersionIndex>,
		limit: u32,
	) -> Vec<(VersionIndex, DesignVersion<T>)> {
		let Some(found) = Designs::<T>::get(design) else {
			return Vec::new();
		};
		let first = start_after.map_or(0, |after| after.saturating_add(1));
		let published = (first..found.version_count)
			.filter_map(|index| Versions::<T>::get(design, index).map(|version| (index, version)));
		page(published, limit)
	}

	/// The designs derived from `parent` (derivatives and variants).
	pub fn derivatives(
		parent: DesignId,
		start_after: Option<DesignId>,
		limit: u32,
	) -> Vec<DesignId> {
		let keys = match start_after {
			Some(after) => Derivatives::<T>::iter_key_prefix_from(
				parent,
				Derivatives::<T>::hashed_key_for(parent, after),
			),
			None => Derivatives::<T>::iter_key_prefix(parent),
		};
		page(keys, limit)
	}

	/// The designs `maintainer` maintains.
	pub fn designs_of(
		maintainer: T::AccountId,
		start_after: Option<DesignId>,
		limit: u32,
	) -> Vec<DesignId> {
		let keys = match start_after {
			Some(after) => DesignsByMaintainer::<T>::iter_key_prefix_from(
				&maintainer,
				DesignsByMaintainer::<T>::hashed_key_for(&maintainer, after),
			),
			None => DesignsByMaintainer::<T>::iter_key_prefix(&maintainer),
		};
		page(keys, limit)
	}

	/// The designs carrying `tag`.
	pub fn designs_by_tag(tag: Tag<T>, start_after: Option<DesignId>, limit: u32) -> Vec<DesignId> {
		let keys = match start_after {
			Some(after) => DesignsByTag::<T>::iter_key_prefix_from(
				&tag,
				DesignsByTag::<T>::hashed_key_for(&tag, after),
			),
			None => DesignsByTag::<T>::iter_key_prefix(&tag),
		};
		page(keys, limit)
	}
}
