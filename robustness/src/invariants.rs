//! What must hold after every block, whatever was called: every pallet's `try_state`, and the
//! chain-wide rules that no single pallet can see — no money appears or vanishes, holds are
//! backed by reserved balance, and every account that something depends on exists.

use cosmolocal_primitives::{AssetId, Balance, BlockNumber};
use cosmolocal_runtime::{
	configs::treasury::TREASURY_FEE_SHARE, AccountId, AllPalletsWithSystem, Runtime, RuntimeEvent,
};
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

/// The native token at the start of a block, before its hooks ran: what the block may change
/// only as the chain's rules allow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NativeAtBlockStart {
	/// The total issuance.
	pub issuance: Balance,
	/// The commons treasury's free balance.
	pub treasury: Balance,
}

impl NativeAtBlockStart {
	/// Reads the issuance and the treasury's balance from the state.
	pub fn read() -> Self {
		Self {
			issuance: pallet_balances::TotalIssuance::<Runtime>::get(),
			treasury: treasury_balance(),
		}
	}
}

/// Checks every invariant after `block`. `at_block_start` is the native token when the block
/// began; `root_acted` says whether governance acted as root in the block, which alone may mint
/// or move any account's money.
pub fn check(
	block: BlockNumber,
	at_block_start: NativeAtBlockStart,
	root_acted: bool,
) -> Result<(), Violation> {
	let fail = |message: String| Violation::new(block, message);
	AllPalletsWithSystem::try_state(block, TryStateSelect::All)
		.map_err(|error| fail(format!("try_state: {error:?}")))?;
	native_token(at_block_start.issuance, root_acted).map_err(fail)?;
	if !root_acted {
		fees(at_block_start).map_err(fail)?;
	}
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

/// In a block where root did not act, each transaction's fee (its tip included) went
/// [`TREASURY_FEE_SHARE`] to the treasury, rounded down, and the rest was burnt: the treasury's
/// balance changed by exactly its shares plus what was transferred to it and minus what it paid
/// out (spends paid by `payout` or at the end of a spend period), and the issuance fell by at
/// least the burnt rest (more when dust or a `burn` was burnt too).
fn fees(at_block_start: NativeAtBlockStart) -> Result<(), String> {
	let treasury = treasury_account();
	let (mut shares, mut burnt, mut received, mut paid): (Balance, Balance, Balance, Balance) =
		(0, 0, 0, 0);
	for record in frame_system::Pallet::<Runtime>::events() {
		match record.event {
			RuntimeEvent::TransactionPayment(
				pallet_transaction_payment::Event::TransactionFeePaid { actual_fee, .. },
			) => {
				let share = actual_fee
					.checked_mul(Balance::from(TREASURY_FEE_SHARE.deconstruct()))
					.ok_or("a fee's share overflows")?
					/ 100;
				shares = shares.saturating_add(share);
				burnt = burnt.saturating_add(actual_fee.saturating_sub(share));
			},
			// Approved `spend_local` proposals, paid at the end of a spend period, and the
			// period's burn (none in this runtime).
			RuntimeEvent::Treasury(
				pallet_treasury::Event::Awarded { award: amount, .. }
				| pallet_treasury::Event::Burnt { burnt_funds: amount },
			) => paid = paid.saturating_add(amount),
			RuntimeEvent::Balances(pallet_balances::Event::Transfer { from, to, amount }) => {
				if to == treasury {
					received = received.saturating_add(amount);
				}
				if from == treasury {
					paid = paid.saturating_add(amount);
				}
			},
			_ => {},
		}
	}
	let expected = at_block_start
		.treasury
		.checked_add(shares)
		.and_then(|balance| balance.checked_add(received))
		.and_then(|balance| balance.checked_sub(paid))
		.ok_or("the treasury's expected balance overflows")?;
	let balance = treasury_balance();
	if balance != expected {
		return Err(format!(
			"the treasury holds {balance}, not {expected}: {} at the block's start, fee shares \
			 {shares}, {received} received, {paid} paid",
			at_block_start.treasury
		));
	}
	let issuance = pallet_balances::TotalIssuance::<Runtime>::get();
	if at_block_start.issuance.saturating_sub(issuance) < burnt {
		return Err(format!(
			"the issuance fell from {} to {issuance}, by less than the burnt part of the fees \
			 {burnt}",
			at_block_start.issuance
		));
	}
	Ok(())
}

/// The commons treasury's account.
fn treasury_account() -> AccountId {
	pallet_treasury::Pallet::<Runtime>::account_id()
}

/// The commons treasury's free balance.
fn treasury_balance() -> Balance {
	frame_system::Account::<Runtime>::get(treasury_account()).data.free
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

#[cfg(test)]
mod tests {
	use super::*;
	use cosmolocal_runtime::Balances;
	use frame_support::traits::fungible::Mutate;

	/// In the development genesis: a fee of 1 000 units paid by Alice, with `to_treasury` of it
	/// given to the treasury and `burnt` burnt; returns what the fee checks make of the block.
	fn block_with_a_fee(to_treasury: Balance, burnt: Balance) -> Result<(), String> {
		let genesis = crate::chain::genesis().expect("the run's genesis");
		sp_io::TestExternalities::new(genesis.clone()).execute_with(|| {
			frame_system::Pallet::<Runtime>::set_block_number(1);
			let at_block_start = NativeAtBlockStart::read();
			let alice = sp_keyring::Sr25519Keyring::Alice.to_account_id();
			Balances::burn_from(
				&alice,
				to_treasury.saturating_add(burnt),
				frame_support::traits::tokens::Preservation::Preserve,
				frame_support::traits::tokens::Precision::Exact,
				frame_support::traits::tokens::Fortitude::Polite,
			)
			.expect("Alice pays the fee");
			Balances::mint_into(&treasury_account(), to_treasury).expect("the treasury's share");
			frame_system::Pallet::<Runtime>::deposit_event(pallet_transaction_payment::Event::<
				Runtime,
			>::TransactionFeePaid {
				who: alice,
				actual_fee: 1_000,
				tip: 0,
			});
			fees(at_block_start)
		})
	}

	#[test]
	fn a_fee_split_as_the_runtime_splits_it_passes() {
		assert_eq!(block_with_a_fee(200, 800), Ok(()));
	}

	#[test]
	fn a_treasury_short_of_its_share_is_caught() {
		let violation = block_with_a_fee(199, 801).expect_err("a unit short");
		assert!(violation.starts_with("the treasury holds"), "{violation}");
	}

	#[test]
	fn a_fee_not_burnt_is_caught() {
		let violation = block_with_a_fee(200, 799).expect_err("a unit not burnt");
		assert!(violation.starts_with("the issuance fell"), "{violation}");
	}
}
