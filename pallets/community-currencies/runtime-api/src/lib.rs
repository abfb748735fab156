//! `CommunityCurrenciesApi`: the community currencies prices and revenue may be in, with who holds
//! each power over them. Through Polkadot.js: `api.call.communityCurrenciesApi.<method>(...)`.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;

sp_api::decl_runtime_apis! {
	/// Queries of the approved community currencies.
	pub trait CommunityCurrenciesApi<AccountId, AssetId, Currency>
	where
		AccountId: Codec,
		AssetId: Codec,
		Currency: Codec,
	{
		/// Every approved currency, in the order of their asset ids (at most `MaxCurrencies`):
		/// its issuer, the keyless account that holds its owner, admin and freezer powers, its
		/// minimum balance, supply and metadata, and when it was approved.
		fn approved_currencies() -> Vec<Currency>;

		/// One currency of `pallet-assets`, approved or not, with its powers: `None` if no such
		/// asset exists.
		fn currency(asset: AssetId) -> Option<Currency>;

		/// The keyless account an asset's owner must hand it to (`assets.transferOwnership`)
		/// before the Assembly can approve it.
		fn custodian() -> AccountId;
	}
}
