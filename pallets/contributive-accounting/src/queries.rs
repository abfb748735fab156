//! The read-only queries of contributive accounting, served by the `ContributiveAccountingApi`
//! runtime API.
//!
//! Lists are paginated: they return at most `limit` entries (capped at [`MAX_PAGE_SIZE`]) after
//! `start_after`, in the order of the storage keys, which is stable.

use crate::{pallet::*, types::*, AssetKindOf, BalanceOf, Config, Pallet};
use alloc::vec::Vec;
use cosmolocal_primitives::design::DesignId;
use cosmolocal_primitives::lists::page;
pub use cosmolocal_primitives::lists::MAX_PAGE_SIZE;
use frame_support::traits::Get;
use sp_runtime::{traits::Zero, Perbill};

impl<T: Config> Pallet<T> {
	/// A network: stewards, threshold, value equation, total points, revenue assets.
	pub fn network(network: NetworkId) -> Option<Network<T>> {
		Networks::<T>::get(network)
	}

	/// The network of a design.
	pub fn design_network(design: DesignId) -> Option<NetworkId> {
		DesignNetworks::<T>::get(design)
	}

	/// The revenue of a network in each asset: received, claimed, waiting for points.
	pub fn revenue(network: NetworkId) -> Vec<(AssetKindOf<T>, RevenuePool<T>)> {
		Revenue::<T>::iter_prefix(network)
			.take(T::MaxRevenueAssets::get().saturating_add(1) as usize)
			.collect()
	}

	/// A member's points in a network and its share of the network's points.
	pub fn member(network: NetworkId, member: T::AccountId) -> Option<(Points, Perbill)> {
		let points = Members::<T>::get(network, member)?.points;
		let total = Networks::<T>::get(network)?.total_points;
		Some((points, Perbill::from_rational(points, total.max(1))))
	}

	/// What a member can claim from a network: the assets in which it has something to claim,
	/// with the amounts.
	pub fn claimable_by(
		network: NetworkId,
		member: T::AccountId,
	) -> Vec<(AssetKindOf<T>, BalanceOf<T>)> {
		let Some(record) = Networks::<T>::get(network) else { return Vec::new() };
		Self::revenue_assets_of(&record)
			.filter_map(|asset| {
				let amount = Self::claimable(network, &member, &asset).ok()?;
				(!amount.is_zero()).then_some((asset, amount))
			})
			.collect()
	}

	/// The contributions of a network in a state, with their ids.
	pub fn contributions(
		network: NetworkId,
		state: ContributionState,
		start_after: Option<ContributionId>,
		limit: u32,
	) -> Vec<(ContributionId, Contribution<T>)> {
		let ids = match start_after {
			Some(after) => ContributionsByNetwork::<T>::iter_key_prefix_from(
				(network, state),
				ContributionsByNetwork::<T>::hashed_key_for((network, state, after)),
			),
			None => ContributionsByNetwork::<T>::iter_key_prefix((network, state)),
		};
		let contributions =
			ids.filter_map(|id| Contributions::<T>::get(id).map(|contribution| (id, contribution)));
		page(contributions, limit)
	}
}
