//! What each call does.

use crate::{pallet::*, settlement::Split, types::*, validation, BalanceOf};
use cosmolocal_primitives::{
	design::{DesignInspect, DesignProduction},
	lists::sorted_unique,
	production::DesignCommons,
};
use frame_support::{
	ensure,
	pallet_prelude::*,
	storage::with_storage_layer,
	traits::{
		fungible::MutateHold,
		fungibles::Inspect as AssetsInspect,
		tokens::{Fortitude, Precision, Restriction},
		Contains,
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{CheckedAdd, CheckedMul, CheckedSub, Saturating, Zero},
	ArithmeticError, DispatchResult, Perbill, Permill,
};

/// The number of index entries stored with each pledge: by region, design, producer and state.
const PLEDGE_INDEX_ENTRIES: u32 = 4;

impl<T: Config> Pallet<T> {
	pub(crate) fn do_register_producer(
		producer: T::AccountId,
		details: ProducerDetails<T>,
	) -> DispatchResult {
		ensure!(!Producers::<T>::contains_key(&producer), Error::<T>::AlreadyProducer);
		let country = Self::validate_producer_details(&details)?;
		let deposit = Self::deposit_for(
			2,
			Producer::<T>::max_encoded_len().saturating_add(RegionCode::max_encoded_len()) as u32,
		);
		Self::hold(&producer, deposit)?;
		ProducersByRegion::<T>::insert((country, &details.region, &producer), ());
		Producers::<T>::insert(
			&producer,
			Producer {
				name: details.name,
				region: details.region.clone(),
				plus_code: details.plus_code,
				processes: details.processes,
				facility_manifest: details.facility_manifest,
				open_pledges: 0,
				record: ProducerRecord::default(),
				deposit,
			},
		);
		Self::deposit_event(Event::ProducerRegistered { producer, region: details.region });
		Ok(())
	}

	pub(crate) fn do_update_producer(
		producer: T::AccountId,
		details: ProducerDetails<T>,
	) -> DispatchResult {
		let mut record = Producers::<T>::get(&producer).ok_or(Error::<T>::NotProducer)?;
		let country = Self::validate_producer_details(&details)?;
		if record.region != details.region {
			let old_country = validation::country_of(&record.region).unwrap_or_default();
			ProducersByRegion::<T>::remove((old_country, &record.region, &producer));
			ProducersByRegion::<T>::insert((country, &details.region, &producer), ());
		}
		record.name = details.name;
		record.region = details.region.clone();
		record.plus_code = details.plus_code;
		record.processes = details.processes;
		record.facility_manifest = details.facility_manifest;
		Producers::<T>::insert(&producer, record);
		Self::deposit_event(Event::ProducerUpdated { producer, region: details.region });
		Ok(())
	}

	pub(crate) fn do_retire_producer(producer: T::AccountId) -> DispatchResult {
		let record = Producers::<T>::get(&producer).ok_or(Error::<T>::NotProducer)?;
		ensure!(record.open_pledges == 0, Error::<T>::HasOpenPledges);
		let country = validation::country_of(&record.region).unwrap_or_default();
		ProducersByRegion::<T>::remove((country, &record.region, &producer));
		Producers::<T>::remove(&producer);
		Self::release(&producer, record.deposit)?;
		Self::deposit_event(Event::ProducerRetired { producer });
		Ok(())
	}

	/// Creates a pledge of `producer` on `terms`, taking the design's commons share in force
	/// now, which must be at most `max_commons_share`.
	pub(crate) fn do_create_pledge(
		producer: T::AccountId,
		terms: PledgeTerms<T>,
		max_commons_share: Permill,
	) -> DispatchResult {
		let mut record = Producers::<T>::get(&producer).ok_or(Error::<T>::NotProducer)?;
		let design = T::Designs::design_version(terms.design, terms.version)
			.ok_or(Error::<T>::DesignVersionNotFound)?;
		ensure!(!design.deprecated, Error::<T>::DesignDeprecated);
		ensure!(design.commons_share <= max_commons_share, Error::<T>::CommonsShareAboveAccepted);
		ensure!(
			design.processes.iter().all(|process| record.processes.contains(process)),
			Error::<T>::MissingProcess
		);
		ensure!(T::Assets::asset_exists(terms.asset.clone()), Error::<T>::UnknownAsset);
		ensure!(T::Currencies::contains(&terms.asset), Error::<T>::CurrencyNotApproved);
		ensure!(!terms.unit_price.is_zero(), Error::<T>::ZeroPrice);
		ensure!(terms.min_quantity > 0, Error::<T>::ZeroMinQuantity);
		ensure!(terms.min_quantity <= terms.quantity, Error::<T>::MinQuantityAboveQuantity);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(terms.funding_deadline > now, Error::<T>::FundingDeadlineNotInFuture);
		ensure!(terms.delivery_deadline > terms.funding_deadline, Error::<T>::DeadlinesOutOfOrder);
		// Every unit backed must fit in the balance type, so that later sums cannot overflow.
		terms
			.unit_price
			.checked_mul(&terms.quantity.into())
			.and_then(|total| total.checked_add(&terms.bond))
			.ok_or(Error::<T>::PledgeTooLarge)?;

		let id = NextPledgeId::<T>::get();
		let next_id = id.checked_add(1).ok_or(Error::<T>::PledgeIdsExhausted)?;
		record.open_pledges =
			record.open_pledges.checked_add(1).ok_or(ArithmeticError::Overflow)?;

		let deposit = Self::deposit_for(
			1u32.saturating_add(PLEDGE_INDEX_ENTRIES),
			Pledge::<T>::max_encoded_len() as u32,
		);
		Self::hold(&producer, deposit)?;
		let escrow_minimum = T::Assets::minimum_balance(terms.asset.clone());
		Self::open_escrow(id);
		Self::pay_into_escrow(
			terms.asset.clone(),
			&producer,
			id,
			terms.bond.checked_add(&escrow_minimum).ok_or(ArithmeticError::Overflow)?,
		)?;

		let country = validation::country_of(&record.region).unwrap_or_default();
		PledgesByRegion::<T>::insert((country, &record.region, id), ());
		PledgesByDesign::<T>::insert(terms.design, id, ());
		PledgesByProducer::<T>::insert(&producer, id, ());
		PledgesByState::<T>::insert(PledgeState::Funding, id, ());
		let (design_id, version) = (terms.design, terms.version);
		Pledges::<T>::insert(
			id,
			Pledge {
				producer: producer.clone(),
				region: record.region.clone(),
				terms,
				commons_share: design.commons_share,
				state: PledgeState::Funding,
				backed_units: 0,
				backers: 0,
				confirmed_units: 0,
				delivery: None,
				dispute: None,
				refunds: Refunds::default(),
				unpaid_to_producer: Zero::zero(),
				escrow_minimum,
				deposit,
			},
		);
		NextPledgeId::<T>::put(next_id);
		let region = record.region.clone();
		Producers::<T>::insert(&producer, record);
		Self::deposit_event(Event::PledgeCreated {
			pledge: id,
			producer,
			design: design_id,
			version,
			region,
		});
		Ok(())
	}

	pub(crate) fn do_back(backer: T::AccountId, id: PledgeId, units: u32) -> DispatchResult {
		let mut pledge = Self::funding_pledge(id)?;
		ensure!(units > 0, Error::<T>::ZeroUnits);
		let backed_units = pledge.backed_units.checked_add(units).ok_or(Error::<T>::Overbacked)?;
		ensure!(backed_units <= pledge.terms.quantity, Error::<T>::Overbacked);
		let amount = Self::price_of(&pledge, units)?;

		let mut backing = match Backings::<T>::get(id, &backer) {
			Some(backing) => backing,
			None => {
				let deposit = Self::deposit_for(
					1,
					Backing::<T>::max_encoded_len()
						.saturating_add(T::AccountId::max_encoded_len())
						.saturating_add(PledgeId::max_encoded_len()) as u32,
				);
				Self::hold(&backer, deposit)?;
				pledge.backers = pledge.backers.saturating_add(1);
				Backing { units: 0, confirmed: false, deposit }
			},
		};
		Self::pay_into_escrow(pledge.terms.asset.clone(), &backer, id, amount)?;
		backing.units = backing.units.saturating_add(units);
		pledge.backed_units = backed_units;
		Backings::<T>::insert(id, &backer, backing);
		Pledges::<T>::insert(id, pledge);
		Self::deposit_event(Event::Backed { pledge: id, backer, units, amount });
		Ok(())
	}

	pub(crate) fn do_withdraw_backing(
		backer: T::AccountId,
		id: PledgeId,
		units: u32,
	) -> DispatchResult {
		let mut pledge = Self::funding_pledge(id)?;
		ensure!(units > 0, Error::<T>::ZeroUnits);
		let mut backing = Backings::<T>::get(id, &backer).ok_or(Error::<T>::NotBacker)?;
		backing.units = backing.units.checked_sub(units).ok_or(Error::<T>::InsufficientBacking)?;
		let amount = Self::price_of(&pledge, units)?;
		Self::pay_from_escrow(pledge.terms.asset.clone(), id, &backer, amount)?;
		pledge.backed_units = pledge.backed_units.saturating_sub(units);
		if backing.units == 0 {
			Self::release(&backer, backing.deposit)?;
			Backings::<T>::remove(id, &backer);
			pledge.backers = pledge.backers.saturating_sub(1);
		} else {
			Backings::<T>::insert(id, &backer, backing);
		}
		Pledges::<T>::insert(id, pledge);
		Self::deposit_event(Event::BackingWithdrawn { pledge: id, backer, units, amount });
		Ok(())
	}

	pub(crate) fn do_close_funding(id: PledgeId) -> DispatchResult {
		let mut pledge = Pledges::<T>::get(id).ok_or(Error::<T>::PledgeNotFound)?;
		ensure!(pledge.state == PledgeState::Funding, Error::<T>::NotFunding);
		let deadline_passed = Self::now() > pledge.terms.funding_deadline;
		ensure!(
			deadline_passed || pledge.backed_units == pledge.terms.quantity,
			Error::<T>::FundingNotEnded
		);
		let backed_units = pledge.backed_units;
		if backed_units >= pledge.terms.min_quantity {
			Self::move_to(id, &mut pledge, PledgeState::Funded);
			Pledges::<T>::insert(id, pledge);
			Self::deposit_event(Event::Funded { pledge: id, backed_units });
		} else {
			let split = Self::split_returning_backings(&pledge)?;
			Self::end(id, &mut pledge, PledgeState::Failed, split)?;
			Self::deposit_event(Event::FundingFailed { pledge: id, backed_units });
			Self::store_or_close(id, pledge)?;
		}
		Ok(())
	}

	pub(crate) fn do_report_delivery(
		producer: T::AccountId,
		id: PledgeId,
		units: u32,
		evidence: Uri<T>,
	) -> DispatchResult {
		let mut pledge = Pledges::<T>::get(id).ok_or(Error::<T>::PledgeNotFound)?;
		ensure!(pledge.producer == producer, Error::<T>::NotPledgeProducer);
		ensure!(pledge.state == PledgeState::Funded, Error::<T>::NotFunded);
		let now = Self::now();
		ensure!(now <= pledge.terms.delivery_deadline, Error::<T>::DeliveryDeadlinePassed);
		ensure!(units > 0, Error::<T>::NothingDelivered);
		ensure!(units <= pledge.backed_units, Error::<T>::DeliveredAboveBacked);
		ensure!(!evidence.is_empty(), Error::<T>::EmptyUri);
		let challenge_ends = now.saturating_add(T::ChallengePeriod::get());
		pledge.delivery = Some(Delivery { units, evidence, challenge_ends });
		Self::move_to(id, &mut pledge, PledgeState::Delivered);
		Pledges::<T>::insert(id, pledge);
		Self::deposit_event(Event::DeliveryReported { pledge: id, units, challenge_ends });
		Ok(())
	}

	pub(crate) fn do_confirm_receipt(backer: T::AccountId, id: PledgeId) -> DispatchResult {
		let mut pledge = Self::pledge_in_challenge_window(id)?;
		let mut backing = Backings::<T>::get(id, &backer).ok_or(Error::<T>::NotBacker)?;
		ensure!(!backing.confirmed, Error::<T>::AlreadyConfirmed);
		backing.confirmed = true;
		pledge.confirmed_units = pledge.confirmed_units.saturating_add(backing.units);
		let units = backing.units;
		Backings::<T>::insert(id, &backer, backing);
		Pledges::<T>::insert(id, pledge);
		Self::deposit_event(Event::ReceiptConfirmed { pledge: id, backer, units });
		Ok(())
	}

	pub(crate) fn do_dispute(backer: T::AccountId, id: PledgeId, reason: Uri<T>) -> DispatchResult {
		let mut pledge = Self::pledge_in_challenge_window(id)?;
		let backing = Backings::<T>::get(id, &backer).ok_or(Error::<T>::NotBacker)?;
		ensure!(!backing.confirmed, Error::<T>::AlreadyConfirmed);
		ensure!(!reason.is_empty(), Error::<T>::EmptyUri);
		let deposit = T::DisputeDeposit::get();
		T::Currency::hold(&HoldReason::Dispute.into(), &backer, deposit)
			.map_err(|_| Error::<T>::CannotPayDisputeDeposit)?;
		let verdict_due = Self::now().saturating_add(T::VerdictPeriod::get());
		Producers::<T>::mutate(&pledge.producer, |record| {
			if let Some(record) = record {
				record.record.disputed = record.record.disputed.saturating_add(1);
			}
		});
		pledge.dispute =
			Some(Dispute { by: backer.clone(), reason: reason.clone(), deposit, verdict_due });
		Self::move_to(id, &mut pledge, PledgeState::Disputed);
		Pledges::<T>::insert(id, pledge);
		Self::deposit_event(Event::Disputed { pledge: id, backer, reason, deposit, verdict_due });
		Ok(())
	}

	pub(crate) fn do_resolve_dispute(id: PledgeId, producer_share: Perbill) -> DispatchResult {
		let pledge = Pledges::<T>::get(id).ok_or(Error::<T>::PledgeNotFound)?;
		let dispute = pledge.dispute.as_ref().filter(|_| pledge.state == PledgeState::Disputed);
		let dispute = dispute.ok_or(Error::<T>::NotDisputed)?;
		ensure!(Self::now() <= dispute.verdict_due, Error::<T>::VerdictDeadlinePassed);
		let split = Self::split_by_verdict(&pledge, producer_share)?;
		let upheld = split.refunds > Self::split_as_reported(&pledge)?.refunds;
		let deposit_to = if upheld { dispute.by.clone() } else { pledge.producer.clone() };
		Self::pay_dispute_deposit(id, dispute, &deposit_to)?;
		let delivered = if split.earned.is_zero() {
			0
		} else {
			pledge.delivery.as_ref().map_or(0, |delivery| delivery.units)
		};
		Self::settle_with(id, pledge, split, delivered, Some(producer_share))
	}

	pub(crate) fn do_settle(id: PledgeId) -> DispatchResult {
		let pledge = Pledges::<T>::get(id).ok_or(Error::<T>::PledgeNotFound)?;
		match (&pledge.state, &pledge.dispute) {
			(PledgeState::Delivered, _) => {
				let window_passed = pledge
					.delivery
					.as_ref()
					.is_some_and(|delivery| Self::now() > delivery.challenge_ends);
				ensure!(
					window_passed || pledge.confirmed_units >= pledge.backed_units,
					Error::<T>::ChallengeWindowOpen
				);
			},
			(PledgeState::Disputed, Some(dispute)) => {
				ensure!(Self::now() > dispute.verdict_due, Error::<T>::AwaitingVerdict);
				Self::pay_dispute_deposit(id, dispute, &dispute.by)?;
			},
			_ => return Err(Error::<T>::NotDelivered.into()),
		}
		let delivered = pledge.delivery.as_ref().map_or(0, |delivery| delivery.units);
		let split = Self::split_as_reported(&pledge)?;
		Self::settle_with(id, pledge, split, delivered, None)
	}

	pub(crate) fn do_mark_defaulted(id: PledgeId) -> DispatchResult {
		let mut pledge = Pledges::<T>::get(id).ok_or(Error::<T>::PledgeNotFound)?;
		ensure!(pledge.state == PledgeState::Funded, Error::<T>::NotFunded);
		ensure!(
			Self::now() > pledge.terms.delivery_deadline,
			Error::<T>::DeliveryDeadlineNotPassed
		);
		let split = Self::split_on_default(&pledge)?;
		Self::end(id, &mut pledge, PledgeState::Defaulted, split)?;
		Self::deposit_event(Event::PledgeDefaulted { pledge: id, refunds: split.refunds });
		Self::store_or_close(id, pledge)
	}

	pub(crate) fn do_cancel_pledge(producer: T::AccountId, id: PledgeId) -> DispatchResult {
		let mut pledge = Pledges::<T>::get(id).ok_or(Error::<T>::PledgeNotFound)?;
		ensure!(pledge.producer == producer, Error::<T>::NotPledgeProducer);
		ensure!(pledge.state == PledgeState::Funding, Error::<T>::NotFunding);
		let split = Self::split_returning_backings(&pledge)?;
		Self::end(id, &mut pledge, PledgeState::Cancelled, split)?;
		Self::deposit_event(Event::PledgeCancelled { pledge: id });
		Self::store_or_close(id, pledge)
	}

	pub(crate) fn do_claim_refund(backer: T::AccountId, id: PledgeId) -> DispatchResult {
		let mut pledge = Pledges::<T>::get(id).ok_or(Error::<T>::PledgeNotFound)?;
		let backing = Backings::<T>::get(id, &backer).ok_or(Error::<T>::NotBacker)?;
		ensure!(pledge.state.has_ended(), Error::<T>::NotEnded);
		let amount = Self::refund_share(&pledge, backing.units)?;
		Self::pay_from_escrow(pledge.terms.asset.clone(), id, &backer, amount)?;
		Self::release(&backer, backing.deposit)?;
		Backings::<T>::remove(id, &backer);
		pledge.backers = pledge.backers.saturating_sub(1);
		pledge.refunds.unclaimed = pledge.refunds.unclaimed.saturating_sub(amount);
		pledge.refunds.unclaimed_units =
			pledge.refunds.unclaimed_units.saturating_sub(backing.units);
		Self::deposit_event(Event::RefundClaimed { pledge: id, backer, amount });
		Self::store_or_close(id, pledge)
	}

	/// Settles `pledge` as `split` says: the producer is paid what it earned minus the commons
	/// share, plus what it keeps of its bond; the backers claim the refunds. `delivered` units
	/// count as made by the producer.
	fn settle_with(
		id: PledgeId,
		mut pledge: Pledge<T>,
		split: Split<BalanceOf<T>>,
		delivered: u32,
		verdict: Option<Perbill>,
	) -> DispatchResult {
		let (design, version, producer) =
			(pledge.terms.design, pledge.terms.version, pledge.producer.clone());
		let (producer_paid, commons_paid) =
			Self::end(id, &mut pledge, PledgeState::Settled, split)?;
		if delivered > 0 {
			T::Commons::note_production(design, &producer, delivered);
			let maintains = T::Designs::design_version(design, version)
				.is_some_and(|summary| summary.maintainers.contains(&producer));
			if !maintains {
				T::Production::note_made_independently(design);
			}
		}
		Self::deposit_event(Event::Settled {
			pledge: id,
			producer_paid,
			commons_paid,
			refunds: split.refunds,
			verdict,
		});
		Self::store_or_close(id, pledge)
	}

	/// Ends `pledge` in `state`, split as `split` says: the backers will claim `split.refunds`,
	/// the design's commons gets its share of what the producer earned, and the producer gets
	/// the rest at once, or, when its account cannot receive it, as soon as `pay_producer`
	/// can pay it: no ending waits on a payment to the producer. Returns what the producer
	/// gets and what the commons was paid; the caller then stores the pledge with
	/// `store_or_close`.
	fn end(
		id: PledgeId,
		pledge: &mut Pledge<T>,
		state: PledgeState,
		split: Split<BalanceOf<T>>,
	) -> Result<(BalanceOf<T>, BalanceOf<T>), DispatchError> {
		let held = Self::price_of(pledge, pledge.backed_units)?
			.checked_add(&pledge.terms.bond)
			.ok_or(ArithmeticError::Overflow)?;
		let asset = pledge.terms.asset.clone();
		let commons_due = pledge.commons_share.mul_floor(split.earned);
		let commons_paid = if commons_due.is_zero() {
			Zero::zero()
		} else {
			T::Commons::pay_commons_share(
				pledge.terms.design,
				&Self::escrow_account(id),
				asset.clone(),
				commons_due,
			)?
			.min(commons_due)
		};
		let producer_paid = held
			.checked_sub(&split.refunds)
			.and_then(|rest| rest.checked_sub(&commons_paid))
			.ok_or(ArithmeticError::Underflow)?;
		pledge.unpaid_to_producer =
			Self::pay_from_escrow_or_keep(asset, id, &pledge.producer, producer_paid);
		if !pledge.unpaid_to_producer.is_zero() {
			Self::deposit_event(Event::ProducerPaymentPending {
				pledge: id,
				amount: pledge.unpaid_to_producer,
			});
		}
		pledge.refunds = Refunds {
			total: split.refunds,
			unclaimed: split.refunds,
			unclaimed_units: pledge.backed_units,
		};
		Producers::<T>::mutate(&pledge.producer, |producer| {
			if let Some(producer) = producer {
				producer.open_pledges = producer.open_pledges.saturating_sub(1);
				let count = match state {
					// A verdict that refunds the backers in full fulfilled nothing.
					PledgeState::Settled if split.earned.is_zero() => None,
					PledgeState::Settled => Some(&mut producer.record.fulfilled),
					PledgeState::Failed => Some(&mut producer.record.failed),
					PledgeState::Defaulted => Some(&mut producer.record.defaulted),
					_ => Some(&mut producer.record.cancelled),
				};
				if let Some(count) = count {
					*count = count.saturating_add(1);
				}
			}
		});
		Self::move_to(id, pledge, state);
		Ok((producer_paid, commons_paid))
	}

	/// Pays the deposit of `dispute` on `pledge` to `to`: released when `to` opened the dispute,
	/// moved from the disputer's hold to `to` otherwise.
	fn pay_dispute_deposit(
		id: PledgeId,
		dispute: &Dispute<T>,
		to: &T::AccountId,
	) -> DispatchResult {
		let reason = HoldReason::Dispute.into();
		let amount = if *to == dispute.by {
			T::Currency::release(&reason, to, dispute.deposit, Precision::BestEffort)?
		} else {
			T::Currency::transfer_on_hold(
				&reason,
				&dispute.by,
				to,
				dispute.deposit,
				Precision::BestEffort,
				Restriction::Free,
				Fortitude::Polite,
			)?
		};
		Self::deposit_event(Event::DisputeDepositPaid { pledge: id, to: to.clone(), amount });
		Ok(())
	}

	/// Stores `pledge`, or closes it if it has ended and every backer has claimed: everything
	/// left in the escrow (its minimum balance, and what the producer could not be paid) goes
	/// to the producer, its deposit is released and its record removed. When the producer's
	/// account cannot receive that, the pledge is stored as it is, to be closed by
	/// `pay_producer`: a backer's claim never fails on the producer's account.
	fn store_or_close(id: PledgeId, pledge: Pledge<T>) -> DispatchResult {
		if Self::is_closable(&pledge) {
			match with_storage_layer(|| Self::close(id, &pledge)) {
				Ok(()) => return Ok(()),
				Err(_) => Self::deposit_event(Event::ProducerPaymentPending {
					pledge: id,
					amount: Self::escrow_balance(pledge.terms.asset.clone(), id),
				}),
			}
		}
		Pledges::<T>::insert(id, pledge);
		Ok(())
	}

	/// Whether `pledge` has ended and every backer has claimed.
	fn is_closable(pledge: &Pledge<T>) -> bool {
		pledge.state.has_ended() && pledge.backers == 0
	}

	/// Closes `pledge`: the escrow is emptied into the producer's account, the deposit released
	/// and the record and its index entries removed.
	fn close(id: PledgeId, pledge: &Pledge<T>) -> DispatchResult {
		Self::close_escrow(pledge.terms.asset.clone(), id, &pledge.producer)?;
		Self::release(&pledge.producer, pledge.deposit)?;
		let country = validation::country_of(&pledge.region).unwrap_or_default();
		PledgesByRegion::<T>::remove((country, &pledge.region, id));
		PledgesByDesign::<T>::remove(pledge.terms.design, id);
		PledgesByProducer::<T>::remove(&pledge.producer, id);
		PledgesByState::<T>::remove(pledge.state, id);
		Pledges::<T>::remove(id);
		Self::deposit_event(Event::PledgeClosed { pledge: id });
		Ok(())
	}

	/// Pays the producer of the ended pledge `id` what its escrow could not pay it before:
	/// what it was owed when the pledge ended, and, once every backer has claimed, the rest of
	/// the escrow, closing the pledge. Refused with `NothingToPay` when the producer is owed
	/// nothing now, and with the asset's own error when its account still cannot receive.
	pub(crate) fn do_pay_producer(id: PledgeId) -> DispatchResult {
		let mut pledge = Pledges::<T>::get(id).ok_or(Error::<T>::PledgeNotFound)?;
		if Self::is_closable(&pledge) {
			return Self::close(id, &pledge);
		}
		let amount = pledge.unpaid_to_producer;
		ensure!(pledge.state.has_ended() && !amount.is_zero(), Error::<T>::NothingToPay);
		Self::pay_from_escrow(pledge.terms.asset.clone(), id, &pledge.producer, amount)?;
		pledge.unpaid_to_producer = Zero::zero();
		Pledges::<T>::insert(id, pledge);
		Self::deposit_event(Event::ProducerPaid { pledge: id, amount });
		Ok(())
	}

	/// Moves `pledge` to `state`, keeping the index by state in step.
	fn move_to(id: PledgeId, pledge: &mut Pledge<T>, state: PledgeState) {
		PledgesByState::<T>::remove(pledge.state, id);
		PledgesByState::<T>::insert(state, id, ());
		pledge.state = state;
	}

	/// The pledge `id`, if it is funding and its funding deadline has not passed.
	fn funding_pledge(id: PledgeId) -> Result<Pledge<T>, DispatchError> {
		let pledge = Pledges::<T>::get(id).ok_or(Error::<T>::PledgeNotFound)?;
		ensure!(pledge.state == PledgeState::Funding, Error::<T>::NotFunding);
		ensure!(Self::now() <= pledge.terms.funding_deadline, Error::<T>::FundingEnded);
		Ok(pledge)
	}

	/// The pledge `id`, if it is delivered and its challenge window is open.
	fn pledge_in_challenge_window(id: PledgeId) -> Result<Pledge<T>, DispatchError> {
		let pledge = Pledges::<T>::get(id).ok_or(Error::<T>::PledgeNotFound)?;
		ensure!(pledge.state == PledgeState::Delivered, Error::<T>::NotDelivered);
		let open =
			pledge.delivery.as_ref().is_some_and(|delivery| Self::now() <= delivery.challenge_ends);
		ensure!(open, Error::<T>::ChallengeWindowClosed);
		Ok(pledge)
	}

	fn validate_producer_details(
		details: &ProducerDetails<T>,
	) -> Result<CountryCode, DispatchError> {
		ensure!(!details.name.is_empty(), Error::<T>::EmptyName);
		let country = validation::country_of(&details.region).ok_or(Error::<T>::InvalidRegion)?;
		if let Some(plus_code) = &details.plus_code {
			ensure!(validation::is_plus_code(plus_code), Error::<T>::InvalidPlusCode);
		}
		ensure!(!details.processes.is_empty(), Error::<T>::NoProcesses);
		ensure!(sorted_unique(details.processes.to_vec()).is_some(), Error::<T>::DuplicateProcess);
		if let Some(manifest) = &details.facility_manifest {
			ensure!(!manifest.is_empty(), Error::<T>::EmptyUri);
		}
		Ok(country)
	}

	fn now() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number()
	}

	/// The deposit for `items` storage entries of `bytes` bytes in all.
	pub(crate) fn deposit_for(items: u32, bytes: u32) -> BalanceOf<T> {
		T::DepositPerItem::get()
			.saturating_mul(items.into())
			.saturating_add(T::DepositPerByte::get().saturating_mul(bytes.into()))
	}

	fn hold(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		T::Currency::hold(&HoldReason::Storage.into(), who, amount)
	}

	fn release(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::release(&HoldReason::Storage.into(), who, amount, Precision::BestEffort)
			.map(|_| ())
	}
}
