//! What each call does, and the contributions the chain records by itself.

use crate::{pallet::*, types::*, BalanceOf};
use alloc::vec::Vec;
use cosmolocal_primitives::{design::DesignId, lists::sorted_unique};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
};
use sp_runtime::{
	traits::{Convert, Saturating, Zero},
	DispatchResult,
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_create_network(
		creator: T::AccountId,
		name: NetworkName<T>,
		stewards: Stewards<T>,
		approval_threshold: u32,
		equation: ValueEquation,
	) -> DispatchResult {
		ensure!(!name.is_empty(), Error::<T>::EmptyName);
		Self::ensure_stewards(&stewards, approval_threshold)?;
		Self::ensure_equation(&equation)?;
		Self::insert_network(creator, name, stewards, approval_threshold, equation, None)
			.map(|_| ())
	}

	/// Stores a new network, with a deposit held from `depositor`, and returns its id.
	pub(crate) fn insert_network(
		depositor: T::AccountId,
		name: NetworkName<T>,
		stewards: Stewards<T>,
		approval_threshold: u32,
		equation: ValueEquation,
		design: Option<DesignId>,
	) -> Result<NetworkId, DispatchError> {
		let id = NextNetworkId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::NetworkIdsExhausted)?;
		let deposit = Self::deposit_for(
			if design.is_some() { 2 } else { 1 },
			Network::<T>::max_encoded_len() as u32,
		);
		Self::hold(&depositor, deposit)?;
		frame_system::Pallet::<T>::inc_providers(&Self::network_account(id));
		Networks::<T>::insert(
			id,
			Network {
				name,
				stewards,
				approval_threshold,
				equation,
				design,
				total_points: 0,
				revenue_assets: BoundedVec::new(),
				depositor,
				deposit,
			},
		);
		if let Some(design) = design {
			DesignNetworks::<T>::insert(design, id);
		}
		NextNetworkId::<T>::put(next);
		Self::deposit_event(Event::NetworkCreated { network: id, design });
		Ok(id)
	}

	pub(crate) fn do_set_value_equation(
		who: T::AccountId,
		network_id: NetworkId,
		equation: ValueEquation,
	) -> DispatchResult {
		let mut network = Networks::<T>::get(network_id).ok_or(Error::<T>::NetworkNotFound)?;
		Self::ensure_steward_authority(&who, &network)?;
		Self::ensure_equation(&equation)?;
		network.equation = equation;
		Networks::<T>::insert(network_id, network);
		Self::deposit_event(Event::ValueEquationSet { network: network_id, equation });
		Ok(())
	}

	pub(crate) fn do_set_stewards(
		who: T::AccountId,
		network_id: NetworkId,
		stewards: Stewards<T>,
		approval_threshold: u32,
	) -> DispatchResult {
		let mut network = Networks::<T>::get(network_id).ok_or(Error::<T>::NetworkNotFound)?;
		Self::ensure_steward_authority(&who, &network)?;
		ensure!(network.design.is_none(), Error::<T>::StewardsFollowMaintainers);
		Self::ensure_stewards(&stewards, approval_threshold)?;
		network.stewards = stewards.clone();
		network.approval_threshold = approval_threshold;
		Networks::<T>::insert(network_id, network);
		Self::deposit_event(Event::StewardsSet {
			network: network_id,
			stewards,
			approval_threshold,
		});
		Ok(())
	}

	pub(crate) fn do_log_contribution(
		contributor: T::AccountId,
		network: NetworkId,
		kind: ContributionKind,
		quantity: u32,
		evidence: BoundedVec<u8, T::MaxEvidenceLen>,
	) -> DispatchResult {
		ensure!(Networks::<T>::contains_key(network), Error::<T>::NetworkNotFound);
		ensure!(quantity > 0, Error::<T>::ZeroQuantity);
		ensure!(!evidence.is_empty(), Error::<T>::EmptyEvidence);
		let deposit = Self::deposit_for(2, Contribution::<T>::max_encoded_len() as u32);
		Self::hold(&contributor, deposit)?;
		let id = Self::insert_contribution(Contribution::pending(
			network,
			contributor.clone(),
			kind,
			quantity,
			evidence,
			deposit,
		))?;
		Self::deposit_event(Event::ContributionLogged {
			contribution: id,
			network,
			contributor,
			kind,
			quantity,
		});
		Ok(())
	}

	pub(crate) fn do_review_contribution(
		steward: T::AccountId,
		id: ContributionId,
		approve: bool,
	) -> DispatchResult {
		let mut contribution =
			Contributions::<T>::get(id).ok_or(Error::<T>::ContributionNotFound)?;
		ensure!(contribution.state == ContributionState::Pending, Error::<T>::NotPending);
		let mut network =
			Networks::<T>::get(contribution.network).ok_or(Error::<T>::NetworkNotFound)?;
		ensure!(network.stewards.contains(&steward), Error::<T>::NotSteward);
		ensure!(steward != contribution.contributor, Error::<T>::OwnContribution);
		ensure!(
			!contribution.approvals.contains(&steward)
				&& !contribution.rejections.contains(&steward),
			Error::<T>::AlreadyReviewed
		);
		let reviews =
			if approve { &mut contribution.approvals } else { &mut contribution.rejections };
		// Reviews by stewards who have since left the network no longer count, and make room.
		reviews.retain(|reviewer| network.stewards.contains(reviewer));
		// A steward reviews once: there are never more reviews than the network has stewards.
		reviews.try_push(steward.clone()).map_err(|_| Error::<T>::AlreadyReviewed)?;
		let decided =
			reviews.len() as u32 >= Self::reviews_needed(&network, &contribution.contributor);
		Self::deposit_event(Event::ContributionReviewed { contribution: id, steward, approve });
		if !decided {
			Contributions::<T>::insert(id, contribution);
			return Ok(());
		}
		Self::release(&contribution.contributor, contribution.deposit)?;
		contribution.deposit = Zero::zero();
		let network_id = contribution.network;
		if approve {
			let points = Self::points_of(&network, contribution.kind, contribution.quantity);
			Self::add_points(network_id, &mut network, &contribution.contributor, points)?;
			Networks::<T>::insert(network_id, network);
			contribution.points = points;
			Self::deposit_event(Event::ContributionAccepted {
				contribution: id,
				network: network_id,
				contributor: contribution.contributor.clone(),
				points,
			});
			Self::decide(id, contribution, ContributionState::Accepted);
		} else {
			Self::deposit_event(Event::ContributionRejected { contribution: id });
			Self::decide(id, contribution, ContributionState::Rejected);
		}
		Ok(())
	}

	/// How many approvals (or rejections) decide a contribution of `contributor` in `network`:
	/// the network's threshold, but never more than the stewards other than the contributor,
	/// since nobody reviews their own contribution. A steward's own contribution in a network
	/// of two stewards thus needs the other's review; in a network whose only steward is the
	/// contributor it waits (at least one review is always needed) until another steward joins.
	pub(crate) fn reviews_needed(network: &Network<T>, contributor: &T::AccountId) -> u32 {
		let others = network.stewards.iter().filter(|steward| *steward != contributor).count();
		let others = u32::try_from(others).unwrap_or(u32::MAX);
		network.approval_threshold.min(others).max(1)
	}

	pub(crate) fn do_withdraw_contribution(
		contributor: T::AccountId,
		id: ContributionId,
	) -> DispatchResult {
		let contribution = Contributions::<T>::get(id).ok_or(Error::<T>::ContributionNotFound)?;
		ensure!(contribution.contributor == contributor, Error::<T>::NotContributor);
		ensure!(contribution.state == ContributionState::Pending, Error::<T>::NotPending);
		Self::release(&contributor, contribution.deposit)?;
		ContributionsByNetwork::<T>::remove((contribution.network, ContributionState::Pending, id));
		Contributions::<T>::remove(id);
		Self::deposit_event(Event::ContributionWithdrawn { contribution: id });
		Ok(())
	}

	/// Records an accepted contribution the chain grants by itself (a design's creation, a
	/// version's publication) in `network_id`.
	pub(crate) fn grant_contribution(
		network_id: NetworkId,
		contributor: &T::AccountId,
		kind: ContributionKind,
		quantity: u32,
		evidence: &[u8],
	) -> DispatchResult {
		let mut network = Networks::<T>::get(network_id).ok_or(Error::<T>::NetworkNotFound)?;
		let points = Self::points_of(&network, kind, quantity);
		Self::add_points(network_id, &mut network, contributor, points)?;
		Networks::<T>::insert(network_id, network);
		let id = Self::insert_contribution(Contribution {
			state: ContributionState::Accepted,
			points,
			..Contribution::pending(
				network_id,
				contributor.clone(),
				kind,
				quantity,
				BoundedVec::truncate_from(evidence.to_vec()),
				Zero::zero(),
			)
		})?;
		Self::deposit_event(Event::ContributionAccepted {
			contribution: id,
			network: network_id,
			contributor: contributor.clone(),
			points,
		});
		Ok(())
	}

	/// Records a contribution the chain logs on someone's behalf (a delivered production run),
	/// pending the stewards' review like any other, without a deposit.
	pub(crate) fn propose_contribution(
		network: NetworkId,
		contributor: &T::AccountId,
		kind: ContributionKind,
		quantity: u32,
		evidence: &[u8],
	) -> DispatchResult {
		ensure!(Networks::<T>::contains_key(network), Error::<T>::NetworkNotFound);
		let id = Self::insert_contribution(Contribution::pending(
			network,
			contributor.clone(),
			kind,
			quantity,
			BoundedVec::truncate_from(evidence.to_vec()),
			Zero::zero(),
		))?;
		Self::deposit_event(Event::ContributionLogged {
			contribution: id,
			network,
			contributor: contributor.clone(),
			kind,
			quantity,
		});
		Ok(())
	}

	/// Stores a new contribution under the next id, indexed by network and state.
	fn insert_contribution(contribution: Contribution<T>) -> Result<ContributionId, DispatchError> {
		let id = NextContributionId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::ContributionIdsExhausted)?;
		ContributionsByNetwork::<T>::insert((contribution.network, contribution.state, id), ());
		Contributions::<T>::insert(id, contribution);
		NextContributionId::<T>::put(next);
		Ok(id)
	}

	/// Moves a pending contribution to `state`, keeping the index in step.
	fn decide(id: ContributionId, mut contribution: Contribution<T>, state: ContributionState) {
		ContributionsByNetwork::<T>::remove((contribution.network, ContributionState::Pending, id));
		ContributionsByNetwork::<T>::insert((contribution.network, state, id), ());
		contribution.state = state;
		Contributions::<T>::insert(id, contribution);
	}

	/// The points `quantity` of `kind` is worth in `network` now.
	fn points_of(network: &Network<T>, kind: ContributionKind, quantity: u32) -> Points {
		Points::from(quantity).saturating_mul(network.equation.weights().of(kind).into())
	}

	/// `who` may change `network`'s rules: a steward if the threshold is 1, otherwise the
	/// stewards' multisig account.
	pub(crate) fn ensure_steward_authority(
		who: &T::AccountId,
		network: &Network<T>,
	) -> DispatchResult {
		let allowed = if network.approval_threshold <= 1 {
			network.stewards.contains(who)
		} else {
			*who == Self::stewards_account(&network.stewards, network.approval_threshold)
		};
		ensure!(allowed, Error::<T>::NotStewardAuthority);
		Ok(())
	}

	/// The multisig account of `stewards` with `threshold`.
	pub fn stewards_account(stewards: &[T::AccountId], threshold: u32) -> T::AccountId {
		let mut sorted: Vec<T::AccountId> = stewards.to_vec();
		sorted.sort();
		T::StewardsAccount::convert((sorted, threshold.try_into().unwrap_or(u16::MAX)))
	}

	fn ensure_stewards(stewards: &Stewards<T>, threshold: u32) -> DispatchResult {
		ensure!(!stewards.is_empty(), Error::<T>::NoStewards);
		ensure!(sorted_unique(stewards.to_vec()).is_some(), Error::<T>::DuplicateSteward);
		ensure!(threshold >= 1 && threshold <= stewards.len() as u32, Error::<T>::InvalidThreshold);
		Ok(())
	}

	fn ensure_equation(equation: &ValueEquation) -> DispatchResult {
		ensure!(equation.weights().is_bounded(), Error::<T>::WeightTooHigh);
		Ok(())
	}

	/// The deposit for `items` storage entries of `bytes` bytes in all.
	pub(crate) fn deposit_for(items: u32, bytes: u32) -> BalanceOf<T> {
		T::DepositPerItem::get()
			.saturating_mul(items.into())
			.saturating_add(T::DepositPerByte::get().saturating_mul(bytes.into()))
	}

	pub(crate) fn hold(who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
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
