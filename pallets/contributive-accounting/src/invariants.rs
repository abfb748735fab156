//! The invariants of contributive accounting, checked by `try_state` and after every test.

use crate::{pallet::*, types::*, BalanceOf, Config, Pallet};
use alloc::collections::btree_map::BTreeMap;
use frame_support::{
	ensure,
	traits::{fungibles::Inspect, Get},
};
use sp_runtime::{
	traits::{CheckedAdd, CheckedSub, Zero},
	TryRuntimeError,
};

impl<T: Config> Pallet<T> {
	/// Checks every invariant of the pallet's storage.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut points: BTreeMap<NetworkId, Points> = BTreeMap::new();
		for (network, _, member) in Members::<T>::iter() {
			ensure!(Networks::<T>::contains_key(network), "a member of no network");
			let total = points.entry(network).or_default();
			*total = total.checked_add(member.points).ok_or("points overflow")?;
		}

		let next_network = NextNetworkId::<T>::get();
		for (id, network) in Networks::<T>::iter() {
			ensure!(id < next_network, "a network id at or above the next id");
			ensure!(
				network.total_points == points.remove(&id).unwrap_or_default(),
				"a network's points total differs from the sum of its members' points"
			);
			ensure!(
				network.approval_threshold >= 1
					&& network.approval_threshold <= network.stewards.len() as u32,
				"a network's threshold is out of range"
			);
			if let Some(design) = network.design {
				ensure!(
					DesignNetworks::<T>::get(design) == Some(id),
					"a design's network missing from the design index"
				);
			}
			for asset in network.revenue_assets.iter() {
				ensure!(Revenue::<T>::contains_key(id, asset), "a revenue asset without its pool");
			}
		}

		for (network_id, asset, pool) in Revenue::<T>::iter() {
			let network = Networks::<T>::get(network_id).ok_or("revenue of no network")?;
			ensure!(
				asset == T::NativeAsset::get() || network.revenue_assets.contains(&asset),
				"a pool of an unlisted asset"
			);
			let mut claimable: BalanceOf<T> = Zero::zero();
			for (member, _) in Members::<T>::iter_prefix(network_id) {
				let amount = Self::claimable(network_id, &member, &asset)
					.map_err(|_| "a member's claim cannot be computed")?;
				claimable = claimable.checked_add(&amount).ok_or("claims overflow")?;
			}
			let paid_or_owed = pool.claimed.checked_add(&claimable).ok_or("claims overflow")?;
			ensure!(
				paid_or_owed <= pool.received,
				"claimed and claimable exceed what was received"
			);
			let held = T::Assets::balance(asset.clone(), &Self::network_account(network_id));
			let unclaimed = pool
				.received
				.checked_add(&pool.kept_minimum)
				.and_then(|total| total.checked_sub(&pool.claimed))
				.ok_or("a pool's claims exceed its revenue")?;
			ensure!(held >= unclaimed, "a network's account holds less than its unclaimed revenue");
		}

		let next_contribution = NextContributionId::<T>::get();
		for (id, contribution) in Contributions::<T>::iter() {
			ensure!(id < next_contribution, "a contribution id at or above the next id");
			ensure!(
				ContributionsByNetwork::<T>::contains_key((
					contribution.network,
					contribution.state,
					id
				)),
				"a contribution missing from its index"
			);
			if contribution.state != ContributionState::Pending {
				ensure!(contribution.deposit.is_zero(), "a decided contribution holds a deposit");
			}
		}
		for ((network, state, id), ()) in ContributionsByNetwork::<T>::iter() {
			let contribution = Contributions::<T>::get(id).ok_or("an index entry of nothing")?;
			ensure!(
				contribution.network == network && contribution.state == state,
				"an index entry that does not match its contribution"
			);
		}
		for (design, network) in DesignNetworks::<T>::iter() {
			let record = Networks::<T>::get(network).ok_or("a design index entry of nothing")?;
			ensure!(record.design == Some(design), "a design index entry of another network");
		}
		Ok(())
	}
}
