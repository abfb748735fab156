//! Each pledge's escrow account: where the bond and the backers' money wait.

use crate::{AssetKindOf, BalanceOf, Config, Pallet, PledgeId};
use cosmolocal_primitives::payments::payment_error;
use frame_support::{
	storage::with_storage_layer,
	traits::{
		fungibles::{Inspect, Mutate},
		tokens::Preservation,
		Defensive, Get,
	},
};
use sp_runtime::{
	traits::{AccountIdConversion, Zero},
	DispatchResult,
};

impl<T: Config> Pallet<T> {
	/// The escrow account of `pledge`, derived from the pallet id.
	pub fn escrow_account(pledge: PledgeId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(pledge)
	}

	/// Opens the escrow of `pledge`: it exists as an account from now on, whatever the asset.
	pub(crate) fn open_escrow(pledge: PledgeId) {
		frame_system::Pallet::<T>::inc_providers(&Self::escrow_account(pledge));
	}

	/// Moves `amount` of `asset` from `from` into the escrow of `pledge`; `from` stays alive.
	pub(crate) fn pay_into_escrow(
		asset: AssetKindOf<T>,
		from: &T::AccountId,
		pledge: PledgeId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		T::Assets::transfer(
			asset,
			from,
			&Self::escrow_account(pledge),
			amount,
			Preservation::Preserve,
		)
		.map(|_| ())
		.map_err(payment_error)
	}

	/// Pays `amount` of `asset` out of the escrow of `pledge` to `to`; the escrow keeps its
	/// minimum balance.
	pub(crate) fn pay_from_escrow(
		asset: AssetKindOf<T>,
		pledge: PledgeId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount == 0u32.into() {
			return Ok(());
		}
		T::Assets::transfer(
			asset,
			&Self::escrow_account(pledge),
			to,
			amount,
			Preservation::Preserve,
		)
		.map(|_| ())
	}

	/// Pays what it can of `amount` out of the escrow of `pledge` to `to`: all of it, or
	/// nothing when `to` cannot receive it (below the asset's minimum balance, blocked), in
	/// which case nothing changes. Returns what was not paid.
	pub(crate) fn pay_from_escrow_or_keep(
		asset: AssetKindOf<T>,
		pledge: PledgeId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> BalanceOf<T> {
		match with_storage_layer(|| Self::pay_from_escrow(asset, pledge, to, amount)) {
			Ok(()) => Zero::zero(),
			Err(_) => amount,
		}
	}

	/// Empties the escrow of `pledge` into `to` and lets the account go.
	pub(crate) fn close_escrow(
		asset: AssetKindOf<T>,
		pledge: PledgeId,
		to: &T::AccountId,
	) -> DispatchResult {
		let escrow = Self::escrow_account(pledge);
		let remaining = T::Assets::balance(asset.clone(), &escrow);
		if remaining != 0u32.into() {
			T::Assets::transfer(asset, &escrow, to, remaining, Preservation::Expendable)?;
		}
		let _ = frame_system::Pallet::<T>::dec_providers(&escrow).defensive();
		Ok(())
	}

	/// What the escrow of `pledge` holds of `asset`.
	pub fn escrow_balance(asset: AssetKindOf<T>, pledge: PledgeId) -> BalanceOf<T> {
		T::Assets::balance(asset, &Self::escrow_account(pledge))
	}
}
