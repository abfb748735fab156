//! The approved currencies' invariants, checked by `try_state` after every test and by
//! try-runtime.

use crate::{pallet::*, Pallet};
use frame_support::{ensure, traits::Get};
use sp_runtime::TryRuntimeError;

impl<T: Config> Pallet<T> {
	/// Checks that the count matches the approvals and stays within `MaxCurrencies`. (Root may
	/// still take an approved currency out of the custodian's hands, with `force_asset_status` or
	/// `start_destroy`: it is then no longer usable, see `Contains`, and the Assembly revokes it;
	/// root may also reap the custodian's account, which anyone then opens again by sending it
	/// the existential deposit.)
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let count = ApprovedCount::<T>::get();
		ensure!(
			Approved::<T>::iter_keys().count() as u32 == count,
			"the count of approved currencies differs from the approvals"
		);
		ensure!(count <= T::MaxCurrencies::get(), "more currencies approved than MaxCurrencies");
		Ok(())
	}
}
