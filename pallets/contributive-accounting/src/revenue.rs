//! The revenue of networks: each network's account, the revenue-per-point accumulators, and
//! members' points.

use crate::{pallet::*, types::*, AssetKindOf, BalanceOf};
use cosmolocal_primitives::{contribution::NetworkId, payments::payment_error};
use frame_support::{
	ensure,
	traits::{
		fungibles::{Inspect, Mutate},
		tokens::Preservation,
		Contains, Get,
	},
};
use sp_runtime::{
	traits::{
		AccountIdConversion, CheckedAdd, Saturating, UniqueSaturatedFrom, UniqueSaturatedInto, Zero,
	},
	ArithmeticError, DispatchError, DispatchResult, FixedPointNumber, FixedU128,
};

impl<T: Config> Pallet<T> {
	/// The account of `network`, which holds its revenue.
	pub fn network_account(network: NetworkId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(network)
	}

	/// Gives `network` a grant of `amount` of `asset` from `from` (the commons treasury's
	/// account), shared among its members by their points as any revenue; unlike a donation, a
	/// grant may open a new asset for the network (the Assembly voted it).
	///
	/// ### Errors
	/// As [`Self::receive_revenue`], but never `AssetNotOpened`; `CurrencyNotApproved` when the
	/// grant is in a currency the Assembly did not approve.
	pub fn receive_grant(
		network: NetworkId,
		asset: AssetKindOf<T>,
		from: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		Self::receive_revenue(network, asset, from, amount, RevenueSource::Grant)
	}

	/// Moves `amount` of `asset` from `from` to `network` and shares it among the members by
	/// their points (or keeps it waiting for points). The first revenue of an asset keeps the
	/// asset's minimum balance in the network's account; unless it is the native token, it takes
	/// one of the network's few asset slots, which a donation opens only from the stewards.
	pub(crate) fn receive_revenue(
		network_id: NetworkId,
		asset: AssetKindOf<T>,
		from: &T::AccountId,
		amount: BalanceOf<T>,
		source: RevenueSource,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		ensure!(T::Assets::asset_exists(asset.clone()), Error::<T>::UnknownAsset);
		ensure!(
			source == RevenueSource::CommonsShare || T::Currencies::contains(&asset),
			Error::<T>::CurrencyNotApproved
		);
		let mut network = Networks::<T>::get(network_id).ok_or(Error::<T>::NetworkNotFound)?;
		let (mut pool, shared) = match Revenue::<T>::get(network_id, &asset) {
			Some(pool) => (pool, amount),
			None => {
				if asset != T::NativeAsset::get() {
					if source == RevenueSource::Donation {
						Self::ensure_steward_authority(from, &network)
							.map_err(|_| Error::<T>::AssetNotOpened)?;
					}
					network
						.revenue_assets
						.try_push(asset.clone())
						.map_err(|_| Error::<T>::TooManyRevenueAssets)?;
				}
				let minimum = T::Assets::minimum_balance(asset.clone());
				ensure!(amount > minimum, Error::<T>::BelowMinimumBalance);
				let pool = RevenuePool {
					reward_per_point: FixedU128::zero(),
					received: Zero::zero(),
					claimed: Zero::zero(),
					waiting: Zero::zero(),
					kept_minimum: minimum,
				};
				(pool, amount.saturating_sub(minimum))
			},
		};
		T::Assets::transfer(
			asset.clone(),
			from,
			&Self::network_account(network_id),
			amount,
			Preservation::Preserve,
		)
		.map_err(payment_error)?;
		pool.received = pool.received.checked_add(&shared).ok_or(ArithmeticError::Overflow)?;
		pool.waiting = pool.waiting.checked_add(&shared).ok_or(ArithmeticError::Overflow)?;
		Self::share_waiting(&mut pool, network.total_points);
		Revenue::<T>::insert(network_id, &asset, pool);
		Networks::<T>::insert(network_id, network);
		Self::deposit_event(Event::RevenueReceived {
			network: network_id,
			asset,
			amount: shared,
			from: from.clone(),
		});
		Ok(())
	}

	/// Shares what waits in `pool` among `total_points`, if there are any.
	fn share_waiting(pool: &mut RevenuePool<T>, total_points: Points) {
		if total_points == 0 || pool.waiting.is_zero() {
			return;
		}
		let waiting: u128 = pool.waiting.unique_saturated_into();
		// Should the accumulator ever overflow, the revenue keeps waiting rather than being lost.
		if let Some(reward_per_point) = FixedU128::checked_from_rational(waiting, total_points)
			.and_then(|per_point| pool.reward_per_point.checked_add(&per_point))
		{
			pool.reward_per_point = reward_per_point;
			pool.waiting = Zero::zero();
		}
	}

	/// What `member` has accrued in `network` in `asset`, and its account brought up to date.
	pub(crate) fn accrued(
		network: NetworkId,
		asset: &AssetKindOf<T>,
		member: &T::AccountId,
		points: Points,
		pool: &RevenuePool<T>,
	) -> MemberRevenue<T> {
		// A member without an account of this asset has had its points since before the
		// network's first revenue in it (points added later always bring the account up to date).
		let mut account =
			MemberRevenues::<T>::get((network, asset, member)).unwrap_or(MemberRevenue {
				reward_per_point_paid: FixedU128::zero(),
				accrued: Zero::zero(),
			});
		let unpaid = pool.reward_per_point.saturating_sub(account.reward_per_point_paid);
		let earned = BalanceOf::<T>::unique_saturated_from(unpaid.saturating_mul_int(points));
		account.accrued = account.accrued.saturating_add(earned);
		account.reward_per_point_paid = pool.reward_per_point;
		account
	}

	/// Adds `points` to `member` in `network`: its accounts of every revenue asset are brought up
	/// to date first (points earn only revenue that arrives later), and revenue waiting for
	/// points is shared.
	pub(crate) fn add_points(
		network_id: NetworkId,
		network: &mut Network<T>,
		member: &T::AccountId,
		points: Points,
	) -> DispatchResult {
		let mut record = Members::<T>::get(network_id, member).unwrap_or_default();
		for asset in Self::revenue_assets_of(network) {
			if let Some(mut pool) = Revenue::<T>::get(network_id, &asset) {
				let account = Self::accrued(network_id, &asset, member, record.points, &pool);
				MemberRevenues::<T>::insert((network_id, &asset, member), account);
				let total = network.total_points.saturating_add(points);
				if !pool.waiting.is_zero() {
					Self::share_waiting(&mut pool, total);
					Revenue::<T>::insert(network_id, &asset, pool);
				}
			}
		}
		record.points = record.points.checked_add(points).ok_or(ArithmeticError::Overflow)?;
		network.total_points =
			network.total_points.checked_add(points).ok_or(ArithmeticError::Overflow)?;
		Members::<T>::insert(network_id, member, record);
		Ok(())
	}

	pub(crate) fn do_claim(
		member: T::AccountId,
		network_id: NetworkId,
		asset: AssetKindOf<T>,
	) -> DispatchResult {
		ensure!(Networks::<T>::contains_key(network_id), Error::<T>::NetworkNotFound);
		let points = Members::<T>::get(network_id, &member).map_or(0, |record| record.points);
		let mut pool = Revenue::<T>::get(network_id, &asset).ok_or(Error::<T>::NothingToClaim)?;
		let mut account = Self::accrued(network_id, &asset, &member, points, &pool);
		let amount = account.accrued;
		ensure!(!amount.is_zero(), Error::<T>::NothingToClaim);
		T::Assets::transfer(
			asset.clone(),
			&Self::network_account(network_id),
			&member,
			amount,
			Preservation::Preserve,
		)?;
		pool.claimed = pool.claimed.checked_add(&amount).ok_or(ArithmeticError::Overflow)?;
		account.accrued = Zero::zero();
		MemberRevenues::<T>::insert((network_id, &asset, &member), account);
		Revenue::<T>::insert(network_id, &asset, pool);
		Self::deposit_event(Event::Claimed { network: network_id, member, asset, amount });
		Ok(())
	}

	/// The assets `network` may have revenue in: the native token, and the assets it opened.
	pub(crate) fn revenue_assets_of(network: &Network<T>) -> impl Iterator<Item = AssetKindOf<T>> {
		core::iter::once(T::NativeAsset::get()).chain(network.revenue_assets.clone())
	}

	/// What `member` could claim in `network` in `asset` now.
	pub fn claimable(
		network: NetworkId,
		member: &T::AccountId,
		asset: &AssetKindOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let points = Members::<T>::get(network, member).map_or(0, |record| record.points);
		let pool = Revenue::<T>::get(network, asset).ok_or(Error::<T>::NothingToClaim)?;
		Ok(Self::accrued(network, asset, member, points, &pool).accrued)
	}
}
