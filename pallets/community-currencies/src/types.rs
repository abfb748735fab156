//! The records of the approved currencies and what the runtime API tells of a currency.

use alloc::vec::Vec;
use codec::{Decode, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// The approval of a currency.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Approval<AccountId, BlockNumber> {
	/// Who issued it when it was approved.
	pub issuer: AccountId,
	/// The block it was approved in.
	pub approved_at: BlockNumber,
}

/// A currency of `pallet-assets` with who holds each of its powers, as the runtime API gives it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct CurrencyInfo<AssetId, AccountId, Balance, BlockNumber> {
	/// The asset.
	pub asset: AssetId,
	/// When the Assembly approved it, if its approval stands.
	pub approved_at: Option<BlockNumber>,
	/// Whether prices and revenue may be in it now: approved, with its owner, admin and freezer
	/// powers the custodian's, sufficient and live.
	pub usable: bool,
	/// Who may mint it.
	pub issuer: AccountId,
	/// Who may change its team, metadata and minimum balance, and destroy it.
	pub owner: AccountId,
	/// Who may force transfers, burn from any account and thaw.
	pub admin: AccountId,
	/// Who may freeze accounts and the whole asset.
	pub freezer: AccountId,
	/// Whether an account holding it needs no consumer reference.
	pub sufficient: bool,
	/// Where it stands: live, frozen by its freezer, or being destroyed.
	pub state: pallet_assets::AssetStatus,
	/// The smallest balance an account of it may hold.
	pub min_balance: Balance,
	/// How much of it exists.
	pub supply: Balance,
	/// Its name, from its metadata.
	pub name: Vec<u8>,
	/// Its symbol, from its metadata.
	pub symbol: Vec<u8>,
	/// Its decimals, from its metadata.
	pub decimals: u8,
}

/// A currency as the runtime API gives it, for a runtime's configuration `T`.
pub type CurrencyInfoOf<T> = CurrencyInfo<
	<T as pallet_assets::Config>::AssetId,
	<T as frame_system::Config>::AccountId,
	<T as pallet_assets::Config>::Balance,
	frame_system::pallet_prelude::BlockNumberFor<T>,
>;
