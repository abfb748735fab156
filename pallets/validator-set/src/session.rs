//! How the validator set meets the session pallet (the set handed over at session boundaries,
//! the historical roots pruned) and the offences pallet (reported validators removed).

use crate::WeightInfo;
use crate::{Config, Event, Pallet, SetChanged, Validators};
use alloc::vec::Vec;
use frame_support::{traits::Get, weights::Weight};
use sp_runtime::Perbill;
use sp_staking::{
	offence::{OffenceDetails, OnOffenceHandler},
	SessionIndex,
};

impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	/// The set for session `index`, if it changed since it was last handed over.
	fn new_session(index: SessionIndex) -> Option<Vec<T::AccountId>> {
		if let Some(oldest_kept) = index.checked_sub(T::HistoryDepth::get()).filter(|i| *i > 0) {
			pallet_session::historical::Pallet::<T>::prune_up_to(oldest_kept);
		}
		SetChanged::<T>::take().then(|| Validators::<T>::get().into_inner())
	}

	/// At genesis, every account with session keys is a validator (the session pallet's
	/// `keys`; this chain does not use its `non_authority_keys`).
	fn new_session_genesis(_: SessionIndex) -> Option<Vec<T::AccountId>> {
		let mut validators: Vec<T::AccountId> =
			pallet_session::NextKeys::<T>::iter_keys().collect();
		validators.sort();
		Some(validators)
	}

	fn end_session(_: SessionIndex) {}

	fn start_session(_: SessionIndex) {}
}

impl<T: Config> pallet_session::historical::SessionManager<T::AccountId, T::FullIdentification>
	for Pallet<T>
{
	fn new_session(index: SessionIndex) -> Option<Vec<(T::AccountId, T::FullIdentification)>> {
		<Self as pallet_session::SessionManager<_>>::new_session(index).map(Self::identified)
	}

	fn new_session_genesis(
		index: SessionIndex,
	) -> Option<Vec<(T::AccountId, T::FullIdentification)>> {
		<Self as pallet_session::SessionManager<_>>::new_session_genesis(index)
			.map(Self::identified)
	}

	fn end_session(_: SessionIndex) {}

	fn start_session(_: SessionIndex) {}
}

impl<T: Config> Pallet<T> {
	/// The validators with their full identifications, for the historical session roots.
	fn identified(validators: Vec<T::AccountId>) -> Vec<(T::AccountId, T::FullIdentification)> {
		use sp_runtime::traits::Convert;
		validators
			.into_iter()
			.filter_map(|validator| {
				T::FullIdentificationOf::convert(validator.clone()).map(|id| (validator, id))
			})
			.collect()
	}

	/// Removes `validator` from the stored set at once (the session pallet takes the new set at
	/// the next boundary, and it stops validating a session later), unless the set is at its
	/// minimum or it is no longer in the set; tells whether it was removed.
	fn remove_offender(validator: &T::AccountId) -> bool {
		Validators::<T>::mutate(|validators| {
			let at_minimum = validators.len() as u32 <= T::MinValidators::get();
			match validators.binary_search(validator) {
				Ok(position) if !at_minimum => {
					validators.remove(position);
					SetChanged::<T>::put(true);
					true
				},
				_ => false,
			}
		})
	}
}

impl<T: Config>
	OnOffenceHandler<T::AccountId, pallet_session::historical::IdentificationTuple<T>, Weight>
	for Pallet<T>
{
	/// Removes each offender from the stored set at once, while the set stays at or above its
	/// minimum. Slashing fractions are not used: validators hold no stake.
	fn on_offence(
		offenders: &[OffenceDetails<
			T::AccountId,
			pallet_session::historical::IdentificationTuple<T>,
		>],
		_slash_fraction: &[Perbill],
		session: SessionIndex,
	) -> Weight {
		for details in offenders {
			let (validator, _) = &details.offender;
			let removed = Self::remove_offender(validator);
			Self::deposit_event(Event::OffenceReported {
				validator: validator.clone(),
				session,
				removed,
			});
		}
		<T as Config>::WeightInfo::report_offence().saturating_mul(offenders.len() as u64)
	}
}
