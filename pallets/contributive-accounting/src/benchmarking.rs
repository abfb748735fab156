//! Benchmarks of every call of contributive accounting, in their worst cases. Revenue deposits
//! and claims are measured with 1 to 10 000 members, to show that their cost does not grow with
//! the number of members.

use super::*;
use crate::Pallet as ContributiveAccounting;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, fungibles, Get},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::traits::{Bounded, One, Saturating, Zero};

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(event.into());
}

/// Plenty of money, in the native token or in an asset.
fn plenty<T: Config>() -> BalanceOf<T> {
	BalanceOf::<T>::max_value() / 1_000_000_000u32.into()
}

/// Moves the chain to block 1 if it is still at genesis (where no events are deposited).
fn start<T: Config>() {
	if frame_system::Pallet::<T>::block_number().is_zero() {
		frame_system::Pallet::<T>::set_block_number(One::one());
	}
}

/// An account with plenty of the native token.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Currency::set_balance(&who, plenty::<T>());
	who
}

/// As many stewards as a network may have.
fn most_stewards<T: Config>() -> Stewards<T> {
	BoundedVec::truncate_from(
		(0..T::MaxStewards::get()).map(|index| funded::<T>("steward", index)).collect(),
	)
}

/// A network of the most stewards with `threshold`, created by a funded account.
fn network<T: Config>(threshold: u32) -> (NetworkId, Stewards<T>) {
	start::<T>();
	let stewards = most_stewards::<T>();
	let id = NextNetworkId::<T>::get();
	let created = ContributiveAccounting::<T>::do_create_network(
		funded::<T>("creator", 0),
		BoundedVec::truncate_from(alloc::vec![b'n'; T::MaxNameLen::get() as usize]),
		stewards.clone(),
		threshold,
		ValueEquation::Equal,
	);
	assert!(created.is_ok(), "the benchmark's network is created: {created:?}");
	(id, stewards)
}

/// The longest evidence.
fn evidence<T: Config>() -> BoundedVec<u8, T::MaxEvidenceLen> {
	BoundedVec::truncate_from(alloc::vec![b'e'; T::MaxEvidenceLen::get() as usize])
}

/// Gives `network` revenue in the asset number `index`, paid by a funded donor.
fn revenue<T: Config>(network: NetworkId, index: u32) -> AssetKindOf<T> {
	let donor = funded::<T>("donor", index);
	let asset = T::BenchmarkHelper::funded_asset(index, &donor, plenty::<T>());
	let minimum = <T::Assets as fungibles::Inspect<T::AccountId>>::minimum_balance(asset.clone());
	let amount = minimum.saturating_add(1_000_000u32.into());
	let received = ContributiveAccounting::<T>::receive_revenue(
		network,
		asset.clone(),
		&donor,
		amount,
		RevenueSource::CommonsShare,
	);
	assert!(received.is_ok(), "the benchmark's revenue is received: {received:?}");
	asset
}

/// Gives `network` `members` members of one point each, written directly.
fn members<T: Config>(network: NetworkId, members: u32) -> T::AccountId {
	let mut record = Networks::<T>::get(network).expect("the benchmark's network exists");
	for index in 0..members {
		let member: T::AccountId = account("member", index, 0);
		let added = ContributiveAccounting::<T>::add_points(network, &mut record, &member, 1);
		assert!(added.is_ok(), "a member is added: {added:?}");
	}
	Networks::<T>::insert(network, record);
	let first: T::AccountId = account("member", 0, 0);
	T::Currency::set_balance(&first, plenty::<T>());
	first
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_network() {
		start::<T>();
		let caller = funded::<T>("creator", 0);
		let stewards = most_stewards::<T>();
		let threshold = stewards.len() as u32;
		let name = BoundedVec::truncate_from(alloc::vec![b'n'; T::MaxNameLen::get() as usize]);
		let network = NextNetworkId::<T>::get();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(caller),
			name,
			stewards,
			threshold,
			ValueEquation::Custom(KindWeights::default()),
		);

		assert_last_event::<T>(Event::NetworkCreated { network, design: None });
	}

	/// By the stewards' multisig account, which is computed from all the stewards.
	#[benchmark]
	fn set_value_equation() {
		let (network, stewards) = network::<T>(T::MaxStewards::get());
		let multisig =
			ContributiveAccounting::<T>::stewards_account(&stewards, stewards.len() as u32);

		#[extrinsic_call]
		_(RawOrigin::Signed(multisig), network, ValueEquation::Disco);

		assert_last_event::<T>(Event::ValueEquationSet { network, equation: ValueEquation::Disco });
	}

	/// By the stewards' multisig account, to as many new stewards.
	#[benchmark]
	fn set_stewards() {
		let (network, stewards) = network::<T>(T::MaxStewards::get());
		let multisig =
			ContributiveAccounting::<T>::stewards_account(&stewards, stewards.len() as u32);
		let new: Stewards<T> = BoundedVec::truncate_from(
			(0..T::MaxStewards::get()).map(|index| account("new steward", index, 0)).collect(),
		);

		#[extrinsic_call]
		_(RawOrigin::Signed(multisig), network, new.clone(), 1);

		assert_last_event::<T>(Event::StewardsSet {
			network,
			stewards: new,
			approval_threshold: 1,
		});
	}

	#[benchmark]
	fn log_contribution() {
		let (network, _) = network::<T>(1);
		let caller = funded::<T>("contributor", 0);
		let contribution = NextContributionId::<T>::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), network, ContributionKind::Care, 1, evidence::<T>());

		assert!(Contributions::<T>::contains_key(contribution));
	}

	/// The last approval that accepts a contribution in a network receiving revenue in the
	/// native token and as many assets as it may, all of it waiting for points.
	#[benchmark]
	fn review_contribution() {
		let threshold = T::MaxStewards::get();
		let (network, stewards) = network::<T>(threshold);
		let mut assets: Vec<AssetKindOf<T>> =
			(0..T::MaxRevenueAssets::get()).map(|index| revenue::<T>(network, index)).collect();
		let donor = funded::<T>("native donor", 0);
		let native = T::NativeAsset::get();
		let minimum =
			<T::Assets as fungibles::Inspect<T::AccountId>>::minimum_balance(native.clone());
		let received = ContributiveAccounting::<T>::receive_revenue(
			network,
			native.clone(),
			&donor,
			minimum.saturating_add(1_000_000u32.into()),
			RevenueSource::CommonsShare,
		);
		assert!(received.is_ok(), "the benchmark's native revenue is received: {received:?}");
		assets.push(native);
		assert!(assets.iter().all(|asset| {
			Revenue::<T>::get(network, asset).is_some_and(|pool| !pool.waiting.is_zero())
		}));
		let contributor = funded::<T>("contributor", 0);
		let contribution = NextContributionId::<T>::get();
		let logged = ContributiveAccounting::<T>::do_log_contribution(
			contributor.clone(),
			network,
			ContributionKind::Care,
			1,
			evidence::<T>(),
		);
		assert!(logged.is_ok(), "the benchmark's contribution is logged: {logged:?}");
		let (last, others) = stewards.split_last().expect("a network has stewards");
		for steward in others {
			let reviewed = ContributiveAccounting::<T>::do_review_contribution(
				steward.clone(),
				contribution,
				true,
			);
			assert!(reviewed.is_ok(), "a steward approves: {reviewed:?}");
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(last.clone()), contribution, true);

		assert_eq!(
			Contributions::<T>::get(contribution).map(|contribution| contribution.state),
			Some(ContributionState::Accepted)
		);
		assert!(Members::<T>::contains_key(network, &contributor));
	}

	#[benchmark]
	fn withdraw_contribution() {
		let (network, _) = network::<T>(1);
		let contributor = funded::<T>("contributor", 0);
		let contribution = NextContributionId::<T>::get();
		let logged = ContributiveAccounting::<T>::do_log_contribution(
			contributor.clone(),
			network,
			ContributionKind::Care,
			1,
			evidence::<T>(),
		);
		assert!(logged.is_ok(), "the benchmark's contribution is logged: {logged:?}");

		#[extrinsic_call]
		_(RawOrigin::Signed(contributor), contribution);

		assert_last_event::<T>(Event::ContributionWithdrawn { contribution });
	}

	/// The first revenue in an asset, which opens it: from the stewards' multisig account
	/// (computed from all the stewards), shared among `m` members.
	#[benchmark]
	fn deposit_revenue(m: Linear<1, 10_000>) {
		let (network, stewards) = network::<T>(T::MaxStewards::get());
		members::<T>(network, m);
		let multisig =
			ContributiveAccounting::<T>::stewards_account(&stewards, stewards.len() as u32);
		T::Currency::set_balance(&multisig, plenty::<T>());
		let asset = T::BenchmarkHelper::funded_asset(0, &multisig, plenty::<T>());
		let minimum =
			<T::Assets as fungibles::Inspect<T::AccountId>>::minimum_balance(asset.clone());
		let shared: BalanceOf<T> = 1_000_000u32.into();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(multisig.clone()),
			network,
			asset.clone(),
			shared.saturating_add(minimum),
		);

		assert_last_event::<T>(Event::RevenueReceived {
			network,
			asset,
			amount: shared,
			from: multisig,
		});
	}

	/// A member's claim in a network of `m` members.
	#[benchmark]
	fn claim(m: Linear<1, 10_000>) {
		let (network, _) = network::<T>(1);
		let member = members::<T>(network, m);
		let asset = revenue::<T>(network, 0);
		let claimable = ContributiveAccounting::<T>::claimable(network, &member, &asset);
		assert!(claimable.as_ref().is_ok_and(|amount| !amount.is_zero()), "{claimable:?}");

		#[extrinsic_call]
		_(RawOrigin::Signed(member.clone()), network, asset.clone());

		assert_eq!(
			ContributiveAccounting::<T>::claimable(network, &member, &asset),
			Ok(Zero::zero())
		);
	}

	impl_benchmark_test_suite!(
		ContributiveAccounting,
		crate::mock::new_bench_ext(),
		crate::mock::Test
	);
}
