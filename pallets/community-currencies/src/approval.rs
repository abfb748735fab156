//! Approving and revoking currencies, and whether one is usable.

use crate::{pallet::*, types::Approval};
use frame_support::{
	ensure,
	traits::{Contains, Currency, Get},
};
use pallet_assets::{AssetDetails, AssetStatus};
use sp_runtime::{
	traits::{AccountIdConversion, StaticLookup},
	DispatchResult,
};

impl<T: Config> Pallet<T> {
	/// The keyless account that holds an approved currency's owner, admin and freezer powers.
	pub fn custodian() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// Endows the custodian's account with the native token's existential deposit, unless it
	/// holds it, as the treasury's genesis does for the treasury's account: it exists from
	/// then on, and nothing can move that balance out.
	pub(crate) fn open_custodian_account() {
		let custodian = Self::custodian();
		let existential = NativeOf::<T>::minimum_balance();
		if NativeOf::<T>::free_balance(&custodian) < existential {
			let _ = NativeOf::<T>::make_free_balance_be(&custodian, existential);
		}
	}

	/// Approves `asset`: checks that its owner handed it to the custodian, gives the custodian
	/// its admin and freezer powers and makes it sufficient (through `force_asset_status`,
	/// dispatched as root), then records the approval.
	pub(crate) fn do_approve(asset: T::AssetId) -> DispatchResult {
		ensure!(!Approved::<T>::contains_key(&asset), Error::<T>::AlreadyApproved);
		let details = pallet_assets::Asset::<T>::get(&asset).ok_or(Error::<T>::UnknownAsset)?;
		ensure!(details.status == AssetStatus::Live, Error::<T>::AssetNotLive);
		let custodian = Self::custodian();
		ensure!(details.owner == custodian, Error::<T>::OwnerNotCustodian);
		let count = ApprovedCount::<T>::get()
			.checked_add(1)
			.filter(|count| *count <= T::MaxCurrencies::get())
			.ok_or(Error::<T>::TooManyCurrencies)?;
		let custodian_address = T::Lookup::unlookup(custodian);
		pallet_assets::Pallet::<T>::force_asset_status(
			frame_system::RawOrigin::Root.into(),
			asset.clone().into(),
			custodian_address.clone(),
			T::Lookup::unlookup(details.issuer.clone()),
			custodian_address.clone(),
			custodian_address,
			details.min_balance,
			true,
			false,
		)?;
		let approved_at = frame_system::Pallet::<T>::block_number();
		Approved::<T>::insert(&asset, Approval { issuer: details.issuer.clone(), approved_at });
		ApprovedCount::<T>::put(count);
		Self::deposit_event(Event::CurrencyApproved { asset, issuer: details.issuer });
		Ok(())
	}

	/// Revokes the approval of `asset`; its powers stay with the custodian.
	pub(crate) fn do_revoke(asset: T::AssetId) -> DispatchResult {
		ensure!(Approved::<T>::contains_key(&asset), Error::<T>::NotApproved);
		Approved::<T>::remove(&asset);
		ApprovedCount::<T>::mutate(|count| *count = count.saturating_sub(1));
		Self::deposit_event(Event::CurrencyRevoked { asset });
		Ok(())
	}

	/// Whether an asset with these details is in the custodian's hands: owner, admin and
	/// freezer the custodian's, sufficient, and live.
	pub(crate) fn in_custody(details: &AssetDetailsOf<T>) -> bool {
		let custodian = Self::custodian();
		details.owner == custodian
			&& details.admin == custodian
			&& details.freezer == custodian
			&& details.is_sufficient
			&& details.status == AssetStatus::Live
	}
}

/// The native token, in which `pallet-assets` reserves its deposits.
type NativeOf<T> = <T as pallet_assets::Config>::Currency;

/// The details `pallet-assets` keeps of an asset.
pub(crate) type AssetDetailsOf<T> = AssetDetails<
	<T as pallet_assets::Config>::Balance,
	<T as frame_system::Config>::AccountId,
	pallet_assets::DepositBalanceOf<T>,
>;

/// An asset is usable for prices and revenue while its approval stands and it is in the
/// custodian's hands.
impl<T: Config> Contains<T::AssetId> for Pallet<T> {
	fn contains(asset: &T::AssetId) -> bool {
		Approved::<T>::contains_key(asset)
			&& pallet_assets::Asset::<T>::get(asset)
				.is_some_and(|details| Self::in_custody(&details))
	}
}
