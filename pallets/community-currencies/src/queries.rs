//! What the runtime API tells of the currencies.

use crate::{approval::AssetDetailsOf, pallet::*, types::CurrencyInfoOf};
use alloc::vec::Vec;
use frame_support::traits::Get;

impl<T: Config> Pallet<T> {
	/// Every approved currency with its powers, in the order of the approvals' storage keys.
	pub fn approved_currencies() -> Vec<CurrencyInfoOf<T>> {
		Approved::<T>::iter_keys()
			.take(T::MaxCurrencies::get() as usize)
			.filter_map(Self::currency)
			.collect()
	}

	/// A currency of `pallet-assets`, approved or not, with its powers.
	pub fn currency(asset: T::AssetId) -> Option<CurrencyInfoOf<T>> {
		let details: AssetDetailsOf<T> = pallet_assets::Asset::<T>::get(&asset)?;
		let approved_at = Approved::<T>::get(&asset).map(|approval| approval.approved_at);
		let metadata = pallet_assets::Metadata::<T>::get(&asset);
		Some(CurrencyInfoOf::<T> {
			usable: approved_at.is_some() && Self::in_custody(&details),
			approved_at,
			name: metadata.name.into_inner(),
			symbol: metadata.symbol.into_inner(),
			decimals: metadata.decimals,
			asset,
			state: details.status.clone(),
			issuer: details.issuer,
			owner: details.owner,
			admin: details.admin,
			freezer: details.freezer,
			sufficient: details.is_sufficient,
			min_balance: details.min_balance,
			supply: details.supply,
		})
	}
}
