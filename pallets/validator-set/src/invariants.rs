//! The validator set's invariants, checked by `try_state` after every test and by try-runtime.

use crate::{Config, Pallet, Validators};
use frame_support::{ensure, traits::Get};
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Checks that the set is sorted, without repetition, and within its bounds (or empty, in a
	/// genesis without session keys).
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let validators = Validators::<T>::get();
		ensure!(
			validators.windows(2).all(|pair| pair[0] < pair[1]),
			"the validators are not sorted, or one is listed twice"
		);
		ensure!(
			validators.is_empty() || validators.len() as u32 >= T::MinValidators::get(),
			"the validator set is below its minimum"
		);
		Ok(())
	}
}
