//! The read-only queries of the production pledges, served by the `ProductionPledgesApi`
//! runtime API.
//!
//! Lists are paginated: they return at most `limit` entries (capped at [`MAX_PAGE_SIZE`]) after
//! `start_after`, in the order of the storage keys, which is stable.

use crate::{pallet::*, types::*, validation, BalanceOf, Config, Pallet};
use alloc::vec::Vec;
use cosmolocal_primitives::design::DesignId;
use cosmolocal_primitives::lists::page;
pub use cosmolocal_primitives::lists::MAX_PAGE_SIZE;
use sp_runtime::traits::Saturating;

/// Where a region query looks: a whole country (`ES`) or one region (`ES-CT`).
enum RegionQuery {
	Country(CountryCode),
	Region(CountryCode, RegionCode),
}

impl RegionQuery {
	fn parse(code: &RegionCode) -> Option<Self> {
		let country = validation::country_of(code)?;
		Some(if code.len() == 2 {
			Self::Country(country)
		} else {
			Self::Region(country, code.clone())
		})
	}
}

impl<T: Config> Pallet<T> {
	/// A producer, if registered.
	pub fn producer(producer: T::AccountId) -> Option<Producer<T>> {
		Producers::<T>::get(producer)
	}

	/// A pledge, if it exists and has not been closed out.
	pub fn pledge(pledge: PledgeId) -> Option<Pledge<T>> {
		Pledges::<T>::get(pledge)
	}

	/// Whether `who` is a party to `pledge`: its producer or one of its backers (until the
	/// backer has claimed what a settled pledge owes it).
	pub fn is_party(pledge: PledgeId, who: &T::AccountId) -> bool {
		Pledges::<T>::get(pledge).is_some_and(|record| &record.producer == who)
			|| Backings::<T>::contains_key(pledge, who)
	}

	/// The producers in `region`: a country code (`ES`) gives every producer of the country, a
	/// region code (`ES-CT`) those of that region. Pages continue after `start_after`, the last
	/// `(region, producer)` of the previous page.
	pub fn producers_by_region(
		region: RegionCode,
		start_after: Option<(RegionCode, T::AccountId)>,
		limit: u32,
	) -> Vec<(RegionCode, T::AccountId)> {
		match RegionQuery::parse(&region) {
			None => Vec::new(),
			Some(RegionQuery::Country(country)) => {
				let keys = match start_after {
					Some((after_region, after)) => ProducersByRegion::<T>::iter_key_prefix_from(
						(country,),
						ProducersByRegion::<T>::hashed_key_for((country, after_region, after)),
					),
					None => ProducersByRegion::<T>::iter_key_prefix((country,)),
				};
				page(keys, limit)
			},
			Some(RegionQuery::Region(country, region)) => {
				let prefix = (country, region.clone());
				let keys = match start_after {
					Some((_, after)) => ProducersByRegion::<T>::iter_key_prefix_from(
						prefix.clone(),
						ProducersByRegion::<T>::hashed_key_for((country, &region, after)),
					),
					None => ProducersByRegion::<T>::iter_key_prefix(prefix),
				};
				page(keys.map(|producer| (region.clone(), producer)), limit)
			},
		}
	}

	/// The pledges made in `region`: a country code (`ES`) gives every pledge of the country, a
	/// region code (`ES-CT`) those of that region. Pages continue after `start_after`, the last
	/// `(region, pledge)` of the previous page.
	pub fn pledges_by_region(
		region: RegionCode,
		start_after: Option<(RegionCode, PledgeId)>,
		limit: u32,
	) -> Vec<(RegionCode, PledgeId)> {
		match RegionQuery::parse(&region) {
			None => Vec::new(),
			Some(RegionQuery::Country(country)) => {
				let keys = match start_after {
					Some((after_region, after)) => PledgesByRegion::<T>::iter_key_prefix_from(
						(country,),
						PledgesByRegion::<T>::hashed_key_for((country, after_region, after)),
					),
					None => PledgesByRegion::<T>::iter_key_prefix((country,)),
				};
				page(keys, limit)
			},
			Some(RegionQuery::Region(country, region)) => {
				let prefix = (country, region.clone());
				let keys = match start_after {
					Some((_, after)) => PledgesByRegion::<T>::iter_key_prefix_from(
						prefix.clone(),
						PledgesByRegion::<T>::hashed_key_for((country, &region, after)),
					),
					None => PledgesByRegion::<T>::iter_key_prefix(prefix),
				};
				page(keys.map(|pledge| (region.clone(), pledge)), limit)
			},
		}
	}

	/// The pledges of a design.
	pub fn pledges_by_design(
		design: DesignId,
		start_after: Option<PledgeId>,
		limit: u32,
	) -> Vec<PledgeId> {
		let keys = match start_after {
			Some(after) => PledgesByDesign::<T>::iter_key_prefix_from(
				design,
				PledgesByDesign::<T>::hashed_key_for(design, after),
			),
			None => PledgesByDesign::<T>::iter_key_prefix(design),
		};
		page(keys, limit)
	}

	/// The pledges of a producer.
	pub fn pledges_by_producer(
		producer: T::AccountId,
		start_after: Option<PledgeId>,
		limit: u32,
	) -> Vec<PledgeId> {
		let keys = match start_after {
			Some(after) => PledgesByProducer::<T>::iter_key_prefix_from(
				&producer,
				PledgesByProducer::<T>::hashed_key_for(&producer, after),
			),
			None => PledgesByProducer::<T>::iter_key_prefix(&producer),
		};
		page(keys, limit)
	}

	/// The pledges in `state`.
	pub fn pledges_by_state(
		state: PledgeState,
		start_after: Option<PledgeId>,
		limit: u32,
	) -> Vec<PledgeId> {
		let keys = match start_after {
			Some(after) => PledgesByState::<T>::iter_key_prefix_from(
				state,
				PledgesByState::<T>::hashed_key_for(state, after),
			),
			None => PledgesByState::<T>::iter_key_prefix(state),
		};
		page(keys, limit)
	}

	/// What `backer` would receive from `pledge` now, in the pledge's asset: the price of its
	/// units while the pledge runs (what withdrawing them all would return while funding), its
	/// part of the refunds once the pledge has ended, as a claim now would pay it (the last
	/// backer to claim gets what the others' rounded-down parts left). `None` if it does not
	/// back the pledge.
	pub fn owed_to(backer: T::AccountId, pledge: PledgeId) -> Option<BalanceOf<T>> {
		let backing = Backings::<T>::get(pledge, backer)?;
		let pledge = Pledges::<T>::get(pledge)?;
		if pledge.state.has_ended() {
			Self::refund_share(&pledge, backing.units).ok()
		} else {
			Some(pledge.terms.unit_price.saturating_mul(backing.units.into()))
		}
	}
}
