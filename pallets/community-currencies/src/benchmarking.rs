//! Benchmarks of approving and revoking a currency.

use super::*;
use crate::Pallet as CommunityCurrencies;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use pallet_assets::BenchmarkHelper as _;
use sp_runtime::traits::StaticLookup;

/// An asset handed to the custodian by its owner, with a full list of approvals but one.
fn handed_over_asset<T: Config>() -> T::AssetId {
	let asset: T::AssetId =
		<T as pallet_assets::Config>::BenchmarkHelper::create_asset_id_parameter(4_200).into();
	let custodian = T::Lookup::unlookup(CommunityCurrencies::<T>::custodian());
	let created = pallet_assets::Pallet::<T>::force_create(
		frame_system::RawOrigin::Root.into(),
		asset.clone().into(),
		custodian,
		false,
		1u32.into(),
	);
	assert!(created.is_ok(), "the benchmark asset is created: {created:?}");
	ApprovedCount::<T>::put(T::MaxCurrencies::get().saturating_sub(1));
	asset
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Approving a handed-over asset, the last of `MaxCurrencies`.
	#[benchmark]
	fn approve() -> Result<(), BenchmarkError> {
		let origin =
			T::ApproveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let asset = handed_over_asset::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, asset.clone());

		assert!(Approved::<T>::contains_key(&asset));
		Ok(())
	}

	/// Revoking an approval.
	#[benchmark]
	fn revoke() -> Result<(), BenchmarkError> {
		let approving =
			T::ApproveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let origin =
			T::RevokeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let asset = handed_over_asset::<T>();
		CommunityCurrencies::<T>::approve(approving, asset.clone())?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, asset.clone());

		assert!(!Approved::<T>::contains_key(&asset));
		Ok(())
	}

	impl_benchmark_test_suite!(
		CommunityCurrencies,
		crate::mock::new_bench_ext(),
		crate::mock::Test
	);
}
