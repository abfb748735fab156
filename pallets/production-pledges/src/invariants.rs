//! The invariants of the production pledges, checked by `try_state` and after every test.

use crate::{pallet::*, types::*, validation, BalanceOf, Config, Pallet};
use alloc::collections::btree_map::BTreeMap;
use frame_support::{ensure, traits::fungible::InspectHold};
use sp_runtime::{
	traits::{CheckedAdd, CheckedMul, Saturating, Zero},
	TryRuntimeError,
};

/// What the backings of one pledge add up to.
#[derive(Default)]
struct BackingTotals {
	units: u32,
	confirmed_units: u32,
	backers: u32,
}

impl<T: Config> Pallet<T> {
	/// Checks every invariant of the pallet's storage.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut backing_totals: BTreeMap<PledgeId, BackingTotals> = BTreeMap::new();
		for (pledge, _, backing) in Backings::<T>::iter() {
			ensure!(Pledges::<T>::contains_key(pledge), "a backing of a pledge that is gone");
			ensure!(backing.units > 0, "a backing of no units");
			let totals = backing_totals.entry(pledge).or_default();
			totals.units = totals.units.saturating_add(backing.units);
			totals.backers = totals.backers.saturating_add(1);
			if backing.confirmed {
				totals.confirmed_units = totals.confirmed_units.saturating_add(backing.units);
			}
		}

		let mut open_pledges: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		let mut dispute_deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let next_id = NextPledgeId::<T>::get();
		for (id, pledge) in Pledges::<T>::iter() {
			ensure!(id < next_id, "a pledge id at or above the next id");
			let totals = backing_totals.remove(&id).unwrap_or_default();
			Self::check_pledge(id, &pledge, &totals)?;
			if !pledge.state.has_ended() {
				let count = open_pledges.entry(pledge.producer.clone()).or_default();
				*count = count.saturating_add(1);
			}
			if let Some(dispute) =
				pledge.dispute.as_ref().filter(|_| pledge.state == PledgeState::Disputed)
			{
				let held = dispute_deposits.entry(dispute.by.clone()).or_default();
				*held = held.saturating_add(dispute.deposit);
			}
		}
		for (backer, deposits) in dispute_deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::Dispute.into(), &backer) == deposits,
				"a backer's dispute hold differs from the deposits of its open disputes"
			);
		}

		for (state, id, ()) in PledgesByState::<T>::iter() {
			let pledge = Pledges::<T>::get(id).ok_or("a state index entry of no pledge")?;
			ensure!(pledge.state == state, "a state index entry with the wrong state");
		}
		for (design, id, ()) in PledgesByDesign::<T>::iter() {
			let pledge = Pledges::<T>::get(id).ok_or("a design index entry of no pledge")?;
			ensure!(pledge.terms.design == design, "a design index entry with the wrong design");
		}
		for (producer, id, ()) in PledgesByProducer::<T>::iter() {
			let pledge = Pledges::<T>::get(id).ok_or("a producer index entry of no pledge")?;
			ensure!(pledge.producer == producer, "a producer index entry of another producer");
		}
		for ((country, region, id), ()) in PledgesByRegion::<T>::iter() {
			let pledge = Pledges::<T>::get(id).ok_or("a region index entry of no pledge")?;
			ensure!(pledge.region == region, "a region index entry with the wrong region");
			ensure!(
				validation::country_of(&region) == Some(country),
				"a region index entry under the wrong country"
			);
		}

		for (account, producer) in Producers::<T>::iter() {
			let country = validation::country_of(&producer.region)
				.ok_or("a producer with an invalid region")?;
			ensure!(
				ProducersByRegion::<T>::contains_key((country, &producer.region, &account)),
				"a producer missing from the region index"
			);
			ensure!(
				producer.open_pledges == open_pledges.remove(&account).unwrap_or_default(),
				"a producer's open pledge count differs from its open pledges"
			);
		}
		ensure!(open_pledges.is_empty(), "an open pledge of an unregistered producer");
		for ((country, region, account), ()) in ProducersByRegion::<T>::iter() {
			let producer =
				Producers::<T>::get(&account).ok_or("a region index entry of no producer")?;
			ensure!(
				producer.region == region,
				"a producer region index entry with the wrong region"
			);
			ensure!(
				validation::country_of(&region) == Some(country),
				"a producer region index entry under the wrong country"
			);
		}
		Ok(())
	}

	fn check_pledge(
		id: PledgeId,
		pledge: &Pledge<T>,
		totals: &BackingTotals,
	) -> Result<(), TryRuntimeError> {
		let terms = &pledge.terms;
		ensure!(
			PledgesByState::<T>::contains_key(pledge.state, id),
			"a pledge missing from the state index"
		);
		ensure!(
			PledgesByDesign::<T>::contains_key(terms.design, id),
			"a pledge missing from the design index"
		);
		ensure!(
			PledgesByProducer::<T>::contains_key(&pledge.producer, id),
			"a pledge missing from the producer index"
		);
		let country =
			validation::country_of(&pledge.region).ok_or("a pledge with an invalid region")?;
		ensure!(
			PledgesByRegion::<T>::contains_key((country, &pledge.region, id)),
			"a pledge missing from the region index"
		);
		ensure!(
			pledge.backers == totals.backers,
			"a pledge's backer count differs from its backings"
		);
		ensure!(pledge.backed_units <= terms.quantity, "a pledge backed past its quantity");
		ensure!(terms.min_quantity > 0 && terms.min_quantity <= terms.quantity, "bad quantities");
		ensure!(terms.funding_deadline < terms.delivery_deadline, "deadlines out of order");

		let delivered_states =
			matches!(pledge.state, PledgeState::Delivered | PledgeState::Disputed);
		let funded_states = matches!(
			pledge.state,
			PledgeState::Funded
				| PledgeState::Delivered
				| PledgeState::Disputed
				| PledgeState::Settled
				| PledgeState::Defaulted
		);
		if funded_states {
			ensure!(pledge.backed_units >= terms.min_quantity, "a funded pledge below its minimum");
		}
		if delivered_states {
			ensure!(pledge.delivery.is_some(), "a delivered pledge without its delivery");
		}
		if matches!(
			pledge.state,
			PledgeState::Funding
				| PledgeState::Funded
				| PledgeState::Failed
				| PledgeState::Cancelled
				| PledgeState::Defaulted
		) {
			ensure!(pledge.delivery.is_none(), "a delivery on a pledge that was never delivered");
		}
		ensure!(
			pledge.dispute.is_some() == (pledge.state == PledgeState::Disputed)
				|| pledge.state == PledgeState::Settled,
			"a dispute on a pledge that is not disputed"
		);
		if let Some(delivery) = &pledge.delivery {
			ensure!(
				delivery.units > 0 && delivery.units <= pledge.backed_units,
				"a delivery of more units than were backed"
			);
		}

		let owed: BalanceOf<T> = if pledge.state.has_ended() {
			let refunds = &pledge.refunds;
			ensure!(
				totals.units == refunds.unclaimed_units,
				"an ended pledge's unclaimed units differ from its backings"
			);
			ensure!(refunds.unclaimed <= refunds.total, "more refunds unclaimed than owed");
			let held = terms
				.unit_price
				.checked_mul(&pledge.backed_units.into())
				.and_then(|backed| backed.checked_add(&terms.bond))
				.ok_or("a pledge's escrow overflows")?;
			ensure!(refunds.total <= held, "a pledge refunds more than its escrow held");
			ensure!(
				refunds.total.saturating_add(pledge.unpaid_to_producer) <= held,
				"an ended pledge owes more than its escrow held"
			);
			refunds.unclaimed.checked_add(&pledge.unpaid_to_producer).ok_or("owed overflows")?
		} else {
			ensure!(pledge.refunds == Refunds::default(), "refunds on a pledge that runs");
			ensure!(pledge.unpaid_to_producer.is_zero(), "a running pledge owes its producer");
			ensure!(
				totals.units == pledge.backed_units,
				"a running pledge's backings differ from its backed units"
			);
			ensure!(
				totals.confirmed_units == pledge.confirmed_units,
				"a pledge's confirmed units differ from its confirmed backings"
			);
			terms
				.unit_price
				.checked_mul(&pledge.backed_units.into())
				.and_then(|backed| backed.checked_add(&terms.bond))
				.ok_or("a pledge's escrow overflows")?
		};
		let expected = owed.checked_add(&pledge.escrow_minimum).ok_or("escrow overflows")?;
		// Anyone may send more to an escrow account; it never holds less than what it owes.
		ensure!(
			Self::escrow_balance(terms.asset.clone(), id) >= expected,
			"a pledge's escrow holds less than its bond and unrefunded backings"
		);
		Ok(())
	}
}
