//! Benchmarks of the validator set's calls and of an offence report, in their worst cases.

use super::*;
use crate::Pallet as ValidatorSet;
use alloc::{vec, vec::Vec};
use codec::Decode;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use sp_runtime::{
	traits::{Convert, TrailingZeroInput},
	Perbill,
};
use sp_staking::offence::{OffenceDetails, OnOffenceHandler};

/// Gives `who` session keys of its own (derived from its account), as `session.setKeys` does.
fn register_keys<T: Config>(who: &T::AccountId) {
	let keys = <T as pallet_session::Config>::Keys::decode(&mut TrailingZeroInput::new(
		&codec::Encode::encode(who),
	))
	.expect("session keys decode from any input");
	pallet_session::NextKeys::<T>::insert(who, keys);
}

/// A set of `n` validators with keys, and nothing changed yet.
fn validators<T: Config>(n: u32) -> Vec<T::AccountId> {
	let mut set: Vec<T::AccountId> = (0..n).map(|i| account("validator", i, 0)).collect();
	set.iter().for_each(register_keys::<T>);
	set.sort();
	Validators::<T>::put(ValidatorList::<T>::truncate_from(set.clone()));
	SetChanged::<T>::kill();
	set
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Adding to a set of `n` validators.
	#[benchmark]
	fn add_validator(
		n: Linear<1, { T::MaxValidators::get().saturating_sub(1) }>,
	) -> Result<(), BenchmarkError> {
		validators::<T>(n);
		let newcomer: T::AccountId = account("newcomer", 0, 0);
		register_keys::<T>(&newcomer);
		let origin =
			T::AddRemoveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, newcomer.clone());

		assert!(Validators::<T>::get().contains(&newcomer));
		Ok(())
	}

	/// Removing from a set of `n` validators.
	#[benchmark]
	fn remove_validator(
		n: Linear<{ T::MinValidators::get().saturating_add(1) }, { T::MaxValidators::get() }>,
	) -> Result<(), BenchmarkError> {
		let set = validators::<T>(n);
		let leaving = set[0].clone();
		let origin =
			T::AddRemoveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, leaving.clone());

		assert!(!Validators::<T>::get().contains(&leaving));
		Ok(())
	}

	/// An offence reported against one validator of a full set, which removes it.
	#[benchmark]
	fn report_offence() -> Result<(), BenchmarkError> {
		let set = validators::<T>(T::MaxValidators::get());
		let offender = set[0].clone();
		let identification =
			T::FullIdentificationOf::convert(offender.clone()).ok_or(BenchmarkError::Weightless)?;
		let details = vec![OffenceDetails {
			offender: (offender.clone(), identification),
			reporters: vec![],
		}];

		#[block]
		{
			let _: frame_support::weights::Weight =
				<ValidatorSet<T> as OnOffenceHandler<_, _, _>>::on_offence(
					&details,
					&[Perbill::from_percent(10)],
					0,
				);
		}

		assert!(!Validators::<T>::get().contains(&offender));
		Ok(())
	}

	impl_benchmark_test_suite!(ValidatorSet, crate::mock::new_bench_ext(), crate::mock::Test);
}
