//! What must hold after every block, whatever was called: every pallet's `try_state`, and the
//! chain-wide rules that no single pallet can see — no money appears or vanishes, holds are
//! backed by reserved balance, and every account that something depends on exists.

use cosmolocal_primitives::{AssetId, Balance, BlockNumber};
use cosmolocal_runtime::{AllPalletsWithSystem, Runtime};
use frame_support::traits::{TryState, TryStateSelect};
use std::{collections::BTreeMap, fmt};

/// An invariant that broke, and the block after which it did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
	/// The block after which the check failed (0: building the genesis state).
	pub block: BlockNumber,
	/// What broke.
	pub message: String,
}

impl Violation {
	/// An invariant that broke after `block`.
	pub fn new(block: BlockNumber, message: impl Into<String>) -> Self {
		Self { block, message: message.into() }
	}

	/// A failure to build the genesis state.
	pub fn at_genesis(message: impl Into<String>) -> Self {
		Self::new(0, message)
	}
}

impl fmt::Display for Violation {
	fn fmt(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
		write!(formatter, "after block {}: {}", self.block, self.message)
	}
}

impl std::error::Error for Violation {}

/// Checks every invariant after `block`. `issuance_at_block_start` is the native issuance when
/// the block began; it may only have grown if governance acted as root in the block
/// (`root_acted`), since nothing else mints the native token.
pub fn check(
	block: BlockNumber,
	issuance_at_block_start: Balance,
	root_acted: bool,
) -> Result<(), Violation> {
	let fail = |message: String| Violation::new(block, message);
	AllPalletsWithSystem::try_state(block, TryStateSelect::All)
		.map_err(|error| fail(format!("try_state: {error:?}")))?;
	native_token(issuance_at_block_start, root_acted).map_err(fail)?;
	account_references().map_err(fail)?;
	assets().map_err(fail)
}

/// The native issuance is the sum of every account's free and reserved balance; each account's
/// holds are within its reserved balance; and the issuance grew only if root acted.
fn native_token(issuance_at_block_start: Balance, root_acted: bool) -> Result<(), String> {
	let mut sum: Balance = 0;
	for (who, account) in frame_system::Account::<Runtime>::iter() {
		let total = account
			.data
			.free
			.checked_add(account.data.reserved)
			.ok_or_else(|| format!("{who}: free and reserved overflow"))?;
		sum = sum.checked_add(total).ok_or("the balances' sum overflows")?;
	}
	let issuance = pallet_balances::TotalIssuance::<Runtime>::get();
	if issuance != sum {
		return Err(format!("the native issuance {issuance} differs from the balances' sum {sum}"));
	}
	if issuance > issuance_at_block_start && !root_acted {
		return Err(format!(
			"the native issuance grew from {issuance_at_block_start} to {issuance} without root"
		));
	}
	for (who, holds) in pallet_balances::Holds::<Runtime>::iter() {
		let held = holds.iter().try_fold(0 as Balance, |sum, hold| sum.checked_add(hold.amount));
		let reserved = frame_system::Account::<Runtime>::get(&who).data.reserved;
		if held.is_none_or(|held| held > reserved) {
			return Err(format!("{who}: holds {held:?} exceed the reserved balance {reserved}"));
		}
	}
	Ok(())
}

/// No account has consumers (something that depends on it existing, such as a hold or an
/// asset balance) without a provider keeping it alive.
fn account_references() -> Result<(), String> {
	for (who, account) in frame_system::Account::<Runtime>::iter() {
		if account.consumers > 0 && account.providers == 0 {
			return Err(format!(
				"{who} has {} consumers and no provider (sufficients: {})",
				account.consumers, account.sufficients
			));
		}
	}
	Ok(())
}

/// Each asset's supply is the sum of its holders' balances, and its account count is the
/// number of its holders.
fn assets() -> Result<(), String> {
	let mut holdings: BTreeMap<AssetId, (Balance, u32)> = BTreeMap::new();
	for (asset, _, account) in pallet_assets::Account::<Runtime>::iter() {
		let (sum, holders) = holdings.entry(asset).or_default();
		*sum = sum.checked_add(account.balance).ok_or("an asset's balances overflow")?;
		*holders = holders.saturating_add(1);
	}
	for (asset, details) in pallet_assets::Asset::<Runtime>::iter() {
		let (sum, holders) = holdings.remove(&asset).unwrap_or_default();
		if details.supply != sum || details.accounts != holders {
			return Err(format!(
				"asset {asset}: supply {} over {} accounts, but {holders} accounts hold {sum}",
				details.supply, details.accounts
			));
		}
	}
	match holdings.keys().next() {
		Some(asset) => Err(format!("balances of asset {asset}, which does not exist")),
		None => Ok(()),
	}
}
