//! `ContributiveAccountingApi`: what cooperatives, dashboards and the node's RPC may ask of
//! contributive accounting. Through Polkadot.js: `api.call.contributiveAccountingApi.<method>(...)`.
//!
//! Lists are paginated: at most `limit` entries (capped at 100) after `start_after`, in a stable
//! order; pass the last entry of a page as `start_after` to get the next one.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
use cosmolocal_primitives::{contribution::NetworkId, design::DesignId};
use sp_runtime::Perbill;

sp_api::decl_runtime_apis! {
	/// Queries of contributive accounting.
	pub trait ContributiveAccountingApi<AccountId, AssetKind, Balance, Network, RevenuePool, Contribution, State>
	where
		AccountId: Codec,
		AssetKind: Codec,
		Balance: Codec,
		Network: Codec,
		RevenuePool: Codec,
		Contribution: Codec,
		State: Codec,
	{
		/// A network: name, stewards, threshold, value equation, design, total points and the
		/// assets it receives revenue in.
		fn network(network: NetworkId) -> Option<Network>;

		/// The account of a network, which holds its revenue: the account that settlement and
		/// donation events name as the network's. It exists for any id, a network or not.
		fn network_account(network: NetworkId) -> AccountId;

		/// The network of a design.
		fn design_network(design: DesignId) -> Option<NetworkId>;

		/// The revenue of a network per asset: received, claimed, waiting for points.
		fn revenue(network: NetworkId) -> Vec<(AssetKind, RevenuePool)>;

		/// A member's points in a network, and its share of the network's points.
		fn member(network: NetworkId, member: AccountId) -> Option<(u128, Perbill)>;

		/// What a member can claim from a network: the assets in which it has something to
		/// claim, with the amounts.
		fn claimable(network: NetworkId, member: AccountId) -> Vec<(AssetKind, Balance)>;

		/// The contributions of a network in a state (`Pending`, `Accepted`, `Rejected`), with
		/// their ids.
		fn contributions(
			network: NetworkId,
			state: State,
			start_after: Option<u64>,
			limit: u32,
		) -> Vec<(u64, Contribution)>;
	}
}
