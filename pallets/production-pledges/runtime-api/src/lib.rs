//! `ProductionPledgesApi`: what maps, shops, wallets and the node's RPC may ask of the production
//! pledges. Through Polkadot.js: `api.call.productionPledgesApi.<method>(...)`.
//!
//! Lists are paginated: at most `limit` entries (capped at 100) after `start_after`, in a stable
//! order; pass the last entry of a page as `start_after` to get the next one. Regions are ISO
//! 3166-2 codes (`ES-CT`) or country codes (`ES`); a country code matches all its regions.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
use cosmolocal_primitives::{design::DesignId, production::PledgeId};

sp_api::decl_runtime_apis! {
	/// Queries of the production pledges.
	pub trait ProductionPledgesApi<AccountId, Balance, Producer, Pledge, Region, State>
	where
		AccountId: Codec,
		Balance: Codec,
		Producer: Codec,
		Pledge: Codec,
		Region: Codec,
		State: Codec,
	{
		/// A producer: name, region, Plus Code, processes, facility manifest, open pledges and
		/// its record (fulfilled, failed, disputed, defaulted, cancelled).
		fn producer(producer: AccountId) -> Option<Producer>;

		/// A pledge that has not been closed out: producer, region, terms, commons share, state,
		/// backed and confirmed units, delivery, dispute.
		fn pledge(pledge: PledgeId) -> Option<Pledge>;

		/// The escrow account of a pledge, which holds its bond and backings.
		fn escrow_account(pledge: PledgeId) -> AccountId;

		/// The producers of a country or region, with their region codes.
		fn producers_by_region(
			region: Region,
			start_after: Option<(Region, AccountId)>,
			limit: u32,
		) -> Vec<(Region, AccountId)>;

		/// The pledges of a country or region, with their region codes.
		fn pledges_by_region(
			region: Region,
			start_after: Option<(Region, PledgeId)>,
			limit: u32,
		) -> Vec<(Region, PledgeId)>;

		/// The pledges of a design.
		fn pledges_by_design(
			design: DesignId,
			start_after: Option<PledgeId>,
			limit: u32,
		) -> Vec<PledgeId>;

		/// The pledges of a producer.
		fn pledges_by_producer(
			producer: AccountId,
			start_after: Option<PledgeId>,
			limit: u32,
		) -> Vec<PledgeId>;

		/// The pledges in a state (`Funding`, `Funded`, `Delivered`, `Disputed`, `Settled`,
		/// `Failed`, `Defaulted`, `Cancelled`).
		fn pledges_by_state(state: State, start_after: Option<PledgeId>, limit: u32) -> Vec<PledgeId>;

		/// What a backer would receive from a pledge now, in the pledge's asset: the price of its
		/// units while the pledge runs, its refund once the pledge has ended; `None` if it does
		/// not back the pledge.
		fn owed_to(backer: AccountId, pledge: PledgeId) -> Option<Balance>;
	}
}
