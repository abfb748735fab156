//! What the production pledges tell the rest of the chain when a pledge settles: the commons
//! share of the money goes to the design's commons, and the production is recorded.

use crate::design::DesignId;
use sp_runtime::DispatchError;

/// The identifier of a production pledge, counted from 0.
pub type PledgeId = u32;

/// The commons of open designs, which settled production pledges pay into.
pub trait DesignCommons<AccountId, AssetKind, Balance> {
	/// Moves up to `amount` of `asset` from `payer` (a pledge's escrow) to the commons of
	/// `design`, and returns how much it moved: less than `amount`, or nothing, when the commons
	/// cannot take it (an amount below the asset's minimum balance for an account that holds
	/// none); what it does not take stays with the payer.
	fn pay_commons_share(
		design: DesignId,
		payer: &AccountId,
		asset: AssetKind,
		amount: Balance,
	) -> Result<Balance, DispatchError>;

	/// Records that `producer` delivered `units` of `design` in a pledge that settled.
	fn note_production(design: DesignId, producer: &AccountId, units: u32);
}
