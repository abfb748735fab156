//! How an ending pledge's escrow is split between its backers, its producer and the design's
//! commons, and what each backer's part of the refunds is.
//!
//! Rounding never favours the party at fault: a forfeited bond is rounded up against the
//! producer, a verdict's shares for the producer are rounded down, and the remainders of the
//! backers' parts go to the last backer to claim.

use crate::{pallet::*, types::*, BalanceOf};
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{CheckedAdd, CheckedMul, CheckedSub, UniqueSaturatedFrom, UniqueSaturatedInto, Zero},
	ArithmeticError, DispatchError, Perbill, Rounding,
};

/// How the escrow of an ending pledge is split: the backers get `refunds` in all, the producer
/// `earned` (of which the design's commons takes its share) and the rest of its bond.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Split<Balance> {
	/// Everything the backers get back: money for undelivered units and part of the bond.
	pub refunds: Balance,
	/// What the producer earned by its delivery, before the commons share.
	pub earned: Balance,
}

impl<T: Config> Pallet<T> {
	/// A pledge that failed or was cancelled: the backers get all their money back, the
	/// producer its whole bond.
	pub(crate) fn split_returning_backings(
		pledge: &Pledge<T>,
	) -> Result<Split<BalanceOf<T>>, DispatchError> {
		Ok(Split { refunds: Self::price_of(pledge, pledge.backed_units)?, earned: Zero::zero() })
	}

	/// A defaulted pledge: the backers get all their money back and the whole bond.
	pub(crate) fn split_on_default(
		pledge: &Pledge<T>,
	) -> Result<Split<BalanceOf<T>>, DispatchError> {
		let refunds = Self::price_of(pledge, pledge.backed_units)?
			.checked_add(&pledge.terms.bond)
			.ok_or(ArithmeticError::Overflow)?;
		Ok(Split { refunds, earned: Zero::zero() })
	}

	/// A delivery settled as the producer reported it: the producer earns the price of the
	/// delivered units; the backers get the price of the undelivered units back and the bond in
	/// proportion to them, `ceil(bond × undelivered / backed)`.
	pub(crate) fn split_as_reported(
		pledge: &Pledge<T>,
	) -> Result<Split<BalanceOf<T>>, DispatchError> {
		let delivered = pledge.delivery.as_ref().map_or(0, |delivery| delivery.units);
		let undelivered = pledge.backed_units.saturating_sub(delivered);
		let forfeited = Self::proportion(
			pledge.terms.bond,
			undelivered,
			pledge.backed_units.max(1),
			Rounding::Up,
		)?;
		let refunds = Self::price_of(pledge, undelivered)?
			.checked_add(&forfeited)
			.ok_or(ArithmeticError::Overflow)?;
		Ok(Split { refunds, earned: Self::price_of(pledge, delivered)? })
	}

	/// A verdict giving the producer `producer_share` of the backed money and the same share
	/// of its bond, both rounded down; the backers get the rest of each.
	pub(crate) fn split_by_verdict(
		pledge: &Pledge<T>,
		producer_share: Perbill,
	) -> Result<Split<BalanceOf<T>>, DispatchError> {
		let backed = Self::price_of(pledge, pledge.backed_units)?;
		let earned = producer_share.mul_floor(backed);
		let bond_returned = producer_share.mul_floor(pledge.terms.bond);
		let refunds = backed
			.checked_sub(&earned)
			.zip(pledge.terms.bond.checked_sub(&bond_returned))
			.and_then(|(money, bond)| money.checked_add(&bond))
			.ok_or(ArithmeticError::Underflow)?;
		Ok(Split { refunds, earned })
	}

	/// What a backer of `units` units gets of the refunds of an ended `pledge` when it claims:
	/// `floor(total × units / backed_units)`, or everything still unclaimed when it is the last
	/// backer to claim.
	pub(crate) fn refund_share(
		pledge: &Pledge<T>,
		units: u32,
	) -> Result<BalanceOf<T>, DispatchError> {
		let refunds = &pledge.refunds;
		if units >= refunds.unclaimed_units {
			return Ok(refunds.unclaimed);
		}
		let share =
			Self::proportion(refunds.total, units, pledge.backed_units.max(1), Rounding::Down)?;
		Ok(share.min(refunds.unclaimed))
	}

	/// `amount × part / whole`, rounded as `rounding` says.
	fn proportion(
		amount: BalanceOf<T>,
		part: u32,
		whole: u32,
		rounding: Rounding,
	) -> Result<BalanceOf<T>, DispatchError> {
		multiply_by_rational_with_rounding(
			amount.unique_saturated_into(),
			part.into(),
			whole.into(),
			rounding,
		)
		.map(BalanceOf::<T>::unique_saturated_from)
		.ok_or_else(|| ArithmeticError::Overflow.into())
	}

	/// The price of `units` units of `pledge`.
	pub(crate) fn price_of(pledge: &Pledge<T>, units: u32) -> Result<BalanceOf<T>, DispatchError> {
		pledge
			.terms
			.unit_price
			.checked_mul(&units.into())
			.ok_or_else(|| ArithmeticError::Overflow.into())
	}
}
