//! How contributive accounting hears of designs (their networks follow them) and receives the
//! commons share of settled production pledges (the loop).

use crate::{pallet::*, types::*, AssetKindOf, BalanceOf};
use alloc::vec::Vec;
use cosmolocal_primitives::{
	design::{DesignId, DesignInspect, DesignRegistryHooks, VersionIndex},
	production::DesignCommons,
};
use frame_support::{
	storage::with_storage_layer,
	traits::{Defensive, Get},
	BoundedVec,
};
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchError, DispatchResult,
};

/// The evidence of the contributions the chain grants by itself.
const DESIGN_REGISTERED: &[u8] = b"registered the design";
const VERSION_PUBLISHED: &[u8] = b"published a version of the design";
const PRODUCTION_DELIVERED: &[u8] = b"delivered units of a settled production pledge";

impl<T: Config> DesignRegistryHooks<T::AccountId> for Pallet<T> {
	fn on_design_registered(design: DesignId, creator: &T::AccountId) -> DispatchResult {
		let name = alloc::format!("Design {design}").into_bytes();
		let network = Self::insert_network(
			creator.clone(),
			BoundedVec::truncate_from(name),
			BoundedVec::truncate_from(alloc::vec![creator.clone()]),
			1,
			ValueEquation::Maker,
			Some(design),
		)?;
		Self::grant_contribution(
			network,
			creator,
			ContributionKind::Design,
			T::DesignCreationQuantity::get(),
			DESIGN_REGISTERED,
		)
	}

	fn on_version_published(
		design: DesignId,
		version: VersionIndex,
		publisher: &T::AccountId,
	) -> DispatchResult {
		// Version 0 comes with the design's registration, which already counted.
		if version == 0 {
			return Ok(());
		}
		let Some(network) = DesignNetworks::<T>::get(design) else { return Ok(()) };
		Self::grant_contribution(
			network,
			publisher,
			ContributionKind::Design,
			T::VersionPublicationQuantity::get(),
			VERSION_PUBLISHED,
		)
	}

	/// Revenue in the native token and in as many assets as a network may take, so that the
	/// publisher's new points bring every revenue account up to date.
	#[cfg(feature = "runtime-benchmarks")]
	fn prepare_costliest_version(design: DesignId) {
		use crate::BenchmarkHelper;
		use frame_support::traits::{fungible::Mutate, fungibles::Inspect};
		use sp_runtime::traits::Bounded;
		let Some(network) = DesignNetworks::<T>::get(design) else { return };
		let donor: T::AccountId = frame_benchmarking::account("version donor", 0, 0);
		let plenty = BalanceOf::<T>::max_value() / 1_000_000_000u32.into();
		T::Currency::set_balance(&donor, plenty);
		let assets = core::iter::once(T::NativeAsset::get()).chain(
			(0..T::MaxRevenueAssets::get())
				.map(|index| T::BenchmarkHelper::funded_asset(index, &donor, plenty)),
		);
		for asset in assets {
			let amount =
				T::Assets::minimum_balance(asset.clone()).saturating_add(1_000_000u32.into());
			let received =
				Self::receive_revenue(network, asset, &donor, amount, RevenueSource::CommonsShare);
			assert!(received.is_ok(), "the benchmark's revenue is received: {received:?}");
		}
	}

	fn on_maintainers_changed(design: DesignId, maintainers: &[T::AccountId]) -> DispatchResult {
		let Some(network_id) = DesignNetworks::<T>::get(design) else { return Ok(()) };
		let Some(mut network) = Networks::<T>::get(network_id) else { return Ok(()) };
		network.stewards = BoundedVec::truncate_from(maintainers.to_vec());
		network.approval_threshold = majority(network.stewards.len() as u32);
		Self::deposit_event(Event::StewardsSet {
			network: network_id,
			stewards: network.stewards.clone(),
			approval_threshold: network.approval_threshold,
		});
		Networks::<T>::insert(network_id, network);
		Ok(())
	}
}

/// More than half of `count`.
pub(crate) fn majority(count: u32) -> u32 {
	count / 2 + 1
}

impl<T: Config> DesignCommons<T::AccountId, AssetKindOf<T>, BalanceOf<T>> for Pallet<T> {
	fn pay_commons_share(
		design: DesignId,
		payer: &T::AccountId,
		asset: AssetKindOf<T>,
		amount: BalanceOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let mut recipients: Vec<DesignId> = alloc::vec![design];
		recipients.extend(
			T::Designs::ancestors(design).into_iter().take(T::MaxUpstreamDepth::get() as usize),
		);
		let mut remaining = amount;
		let mut paid: BalanceOf<T> = Zero::zero();
		let last = recipients.len().saturating_sub(1);
		for (generation, recipient) in recipients.into_iter().enumerate() {
			let passed_up = if generation == last {
				Zero::zero()
			} else {
				T::UpstreamShare::get().mul_floor(remaining)
			};
			let kept = remaining.saturating_sub(passed_up);
			if let Some(network) = DesignNetworks::<T>::get(recipient) {
				// A network that cannot take its part (below the asset's minimum balance for a
				// first revenue, too many assets) leaves it with the payer.
				if !kept.is_zero()
					&& with_storage_layer(|| {
						Self::receive_revenue(
							network,
							asset.clone(),
							payer,
							kept,
							RevenueSource::CommonsShare,
						)
					})
					.is_ok()
				{
					paid = paid.saturating_add(kept);
				}
			}
			remaining = passed_up;
		}
		Ok(paid)
	}

	fn note_production(design: DesignId, producer: &T::AccountId, units: u32) {
		if let Some(network) = DesignNetworks::<T>::get(design) {
			let _ = Self::propose_contribution(
				network,
				producer,
				ContributionKind::Production,
				units,
				PRODUCTION_DELIVERED,
			)
			.defensive();
		}
	}
}
