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
						Self::receive_revenue(network, asset.clone(), payer, kept)
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
			let _ = Self::grant_contribution(
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
