//! `DesignRegistryApi`: what integrators, wallets and the node's RPC may ask of the design
//! registry. Through Polkadot.js: `api.call.designRegistryApi.<method>(...)`.
//!
//! Lists are paginated: at most `limit` entries (capped at 100) after `start_after`, in a stable
//! order; pass the last entry of a page as `start_after` to get the next one.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
use cosmolocal_primitives::design::{DesignId, VersionIndex};

sp_api::decl_runtime_apis! {
	/// Queries of the design registry.
	pub trait DesignRegistryApi<AccountId, Design, Version, Tag>
	where
		AccountId: Codec,
		Design: Codec,
		Version: Codec,
		Tag: Codec,
	{
		/// A design: maintainers, name, licences, tags, processes, lineage, status, readiness,
		/// commons share and version count.
		fn design(design: DesignId) -> Option<Design>;

		/// The versions of a design, with their indices, in the order they were published.
		fn versions(
			design: DesignId,
			start_after: Option<VersionIndex>,
			limit: u32,
		) -> Vec<(VersionIndex, Version)>;

		/// The designs derived from `parent` (derivatives and variants).
		fn derivatives(parent: DesignId, start_after: Option<DesignId>, limit: u32) -> Vec<DesignId>;

		/// The designs an account maintains.
		fn designs_of(
			maintainer: AccountId,
			start_after: Option<DesignId>,
			limit: u32,
		) -> Vec<DesignId>;

		/// The designs carrying a tag.
		fn designs_by_tag(tag: Tag, start_after: Option<DesignId>, limit: u32) -> Vec<DesignId>;
	}
}
