//! # Community currencies
//!
//! The community and local currencies (assets of `pallet-assets`) that pledges may be priced in
//! and value networks may receive revenue in, besides the native token. Anyone may create an
//! asset, but only the Assembly approves one for the domain pallets, and only once nobody can
//! turn the asset's powers against the accounts those pallets hold (pledge escrows, networks'
//! accounts):
//!
//! 1. the asset's owner hands the asset to the pallet's **custodian**, a keyless account derived
//!    from `PalletId` (`assets.transferOwnership(asset, custodian)`; the runtime API
//!    `CommunityCurrenciesApi::custodian` gives its address);
//! 2. the Assembly approves it (`approve`): the custodian then holds the owner, admin and freezer
//!    powers (the admin's `force_transfer` and `burn`, the freezer's `freeze`, `block` and
//!    `freeze_asset`, the owner's `set_team` and `start_destroy`); the issuer keeps minting; and
//!    the asset becomes *sufficient*, so that an account holding it needs no consumer reference
//!    (the pallets' accounts never run out of them whatever unsolicited balances they are sent).
//!
//! Nothing signs for the custodian and this pallet has no call that acts as it, so after
//! approval only root (the Assembly's three quarters, `pallet-assets`' `ForceOrigin`) can change
//! the asset's powers. `revoke` ends an approval: no new pledge or revenue in the currency, while
//! pledges and revenue already in it go on as before. Its powers stay with the custodian, since
//! the pallets' accounts may still hold it.
//!
//! What the issuer can still do is mint: a community currency is worth what its issuer's
//! promise is worth, and the chain guarantees only that what the pallets hold in it cannot be
//! taken, frozen or destroyed.
//!
//! Handing an asset over hands over its deposit too: `pallet-assets` moves the asset's deposit
//! (and its metadata deposit) to the new owner's reserve, where it stays while the asset exists.
//! The custodian's account exists from genesis for that.
//!
//! Other pallets ask through `Contains<AssetId>`: an asset is approved while its approval stands
//! and its powers are still the custodian's.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

mod approval;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod invariants;
#[cfg(test)]
mod mock;
mod queries;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, PalletId};
	use frame_system::pallet_prelude::*;

	/// The version of the pallet's storage layout.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	/// The community currencies pallet.
	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// What the runtime provides to the community currencies.
	#[pallet::config]
	pub trait Config:
		frame_system::Config<RuntimeEvent: From<Event<Self>>> + pallet_assets::Config
	{
		/// May approve a currency: the Assembly. `approve` also makes the asset sufficient and
		/// gives its powers to the custodian through `pallet-assets`' `force_asset_status`, which
		/// it dispatches as root: that pallet's `ForceOrigin` must accept root.
		type ApproveOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// May revoke an approval: the Assembly.
		type RevokeOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The pallet's id, from which the custodian's keyless account derives.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The most currencies approved at once.
		#[pallet::constant]
		type MaxCurrencies: Get<u32>;

		/// Weights of the calls, measured by the benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// The approved currencies: who issued each when it was approved, and when.
	#[pallet::storage]
	pub type Approved<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AssetId, Approval<T::AccountId, BlockNumberFor<T>>>;

	/// How many currencies are approved (at most `MaxCurrencies`).
	#[pallet::storage]
	pub type ApprovedCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// The custodian's account exists from genesis (endowed with the existential deposit), so
	/// that an asset's owner can hand it over: `transfer_ownership` moves the asset's deposit to the
	/// new owner's reserve, which needs an existing account.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		#[serde(skip)]
		_config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			Pallet::<T>::open_custodian_account();
		}
	}

	/// What happened to the approved currencies.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A currency was approved: pledges may be priced in it and networks receive it. Its
		/// owner, admin and freezer powers are the custodian's and it is sufficient.
		CurrencyApproved {
			/// The asset.
			asset: T::AssetId,
			/// Its issuer, who keeps minting it.
			issuer: T::AccountId,
		},
		/// An approval was revoked: no new pledge or revenue in the currency; what the pallets
		/// hold in it stays, its powers still the custodian's.
		CurrencyRevoked {
			/// The asset.
			asset: T::AssetId,
		},
	}

	/// Why a change to the approved currencies was refused.
	#[pallet::error]
	pub enum Error<T> {
		/// No asset of `pallet-assets` has this id.
		UnknownAsset,
		/// The asset is frozen or being destroyed: only a live asset is approved.
		AssetNotLive,
		/// The asset's owner is not the custodian: its owner must first hand it over with
		/// `assets.transferOwnership(asset, custodian)`.
		OwnerNotCustodian,
		/// The currency is approved already.
		AlreadyApproved,
		/// The currency is not approved.
		NotApproved,
		/// `MaxCurrencies` currencies are approved already: one must be revoked first.
		TooManyCurrencies,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Approve `asset` for prices and revenue (`ApproveOrigin`, the Assembly). Its owner must
		/// have handed it to the custodian. The custodian becomes its admin and freezer too, the
		/// issuer stays, and the asset becomes sufficient with its minimum balance unchanged.
		///
		/// ### Errors
		/// - `BadOrigin`: not `ApproveOrigin`.
		/// - `AlreadyApproved`: approved already.
		/// - `UnknownAsset`: no such asset.
		/// - `AssetNotLive`: the asset is frozen or being destroyed.
		/// - `OwnerNotCustodian`: its owner has not handed it to the custodian.
		/// - `TooManyCurrencies`: `MaxCurrencies` are approved.
		#[pallet::call_index(0)]
		#[pallet::weight(<T as Config>::WeightInfo::approve())]
		pub fn approve(origin: OriginFor<T>, asset: T::AssetId) -> DispatchResult {
			T::ApproveOrigin::ensure_origin(origin)?;
			Self::do_approve(asset)
		}

		/// Revoke the approval of `asset` (`RevokeOrigin`, the Assembly): no new pledge may be
		/// priced in it and networks receive no new revenue in it; pledges and revenue in it go
		/// on. Its powers stay with the custodian.
		///
		/// ### Errors
		/// - `BadOrigin`: not `RevokeOrigin`.
		/// - `NotApproved`: the currency is not approved.
		#[pallet::call_index(1)]
		#[pallet::weight(<T as Config>::WeightInfo::revoke())]
		pub fn revoke(origin: OriginFor<T>, asset: T::AssetId) -> DispatchResult {
			T::RevokeOrigin::ensure_origin(origin)?;
			Self::do_revoke(asset)
		}
	}
}
