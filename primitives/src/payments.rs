//! What a payer is told when a payment fails.

use sp_runtime::{ArithmeticError, DispatchError, TokenError};

/// The error of a payment that failed: a payment of more than the whole issuance fails in the
/// balances and assets pallets with an arithmetic underflow, which to the payer means what any
/// payment above their balance means — funds they do not have.
pub fn payment_error(error: DispatchError) -> DispatchError {
	match error {
		DispatchError::Arithmetic(ArithmeticError::Underflow) => {
			TokenError::FundsUnavailable.into()
		},
		other => other,
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_payment_above_the_issuance_is_funds_unavailable_and_other_errors_stay() {
		assert_eq!(
			payment_error(ArithmeticError::Underflow.into()),
			DispatchError::Token(TokenError::FundsUnavailable)
		);
		for error in [
			DispatchError::Token(TokenError::NotExpendable),
			DispatchError::Arithmetic(ArithmeticError::Overflow),
			DispatchError::BadOrigin,
		] {
			assert_eq!(payment_error(error), error);
		}
	}
}
