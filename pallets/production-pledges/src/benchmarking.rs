//! Benchmarks of every call of the production pledges, in their worst cases.
//!
//! Pledges are priced in an asset of `T::BenchmarkHelper::funded_asset` (moving an asset costs
//! more than moving the native token), for a design of `T::BenchmarkHelper::design_version` that
//! needs every process a producer may list, maintained by someone other than the producer.

use super::*;
use crate::Pallet as ProductionPledges;
use alloc::vec;
use cosmolocal_primitives::design::{DesignId, Process, VersionIndex};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{InspectHold, Mutate},
		fungibles, EnsureOriginWithArg, Get,
	},
	BoundedVec,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::{
	traits::{Bounded, One, Saturating, Zero},
	Perbill, Permill,
};

/// How many units the benchmarks' pledges offer.
const QUANTITY: u32 = 10;
/// How many units the benchmarks' backer backs.
const BACKED_UNITS: u32 = 2;
/// How many of them the producer delivers: fewer, so that the undelivered units are refunded.
const DELIVERED_UNITS: u32 = 1;
/// The blocks from the pledge's creation to its funding deadline.
const FUNDING_BLOCKS: u32 = 10;
/// The blocks from the pledge's creation to its delivery deadline.
const DELIVERY_BLOCKS: u32 = 20;

/// The longest valid Plus Code: eight digits, `+` and three more.
const PLUS_CODE: &[u8] = b"8FH495PF+2X9";
/// Two regions of the longest length, in different countries.
const REGION: &[u8] = b"ES-CAT";
const OTHER_REGION: &[u8] = b"DE-BER";

fn assert_last_event<T: Config>(event: Event<T>) {
	frame_system::Pallet::<T>::assert_last_event(event.into());
}

/// Plenty of money, in the native token or in an asset.
fn plenty<T: Config>() -> BalanceOf<T> {
	BalanceOf::<T>::max_value() / 1_000_000_000u32.into()
}

/// The current block, moved to block 1 if the chain is still at genesis (where no events are
/// deposited).
fn now<T: Config>() -> BlockNumberFor<T> {
	let now = frame_system::Pallet::<T>::block_number();
	if now.is_zero() {
		frame_system::Pallet::<T>::set_block_number(One::one());
		return One::one();
	}
	now
}

/// Moves the chain to the block after `block`.
fn go_past<T: Config>(block: BlockNumberFor<T>) {
	frame_system::Pallet::<T>::set_block_number(block.saturating_add(One::one()));
}

/// An account with plenty of the native token, for deposits.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Currency::set_balance(&who, plenty::<T>());
	who
}

/// Gives `who` plenty of the benchmarks' asset, and returns the asset.
fn fund_asset<T: Config>(who: &T::AccountId) -> AssetKindOf<T> {
	T::BenchmarkHelper::funded_asset(who, plenty::<T>())
}

/// `S` bytes of `byte`.
fn filled<S: Get<u32>>(byte: u8) -> BoundedVec<u8, S> {
	BoundedVec::truncate_from(vec![byte; S::get() as usize])
}

fn region(code: &[u8]) -> RegionCode {
	RegionCode::truncate_from(code.to_vec())
}

/// As many distinct processes as a producer may list.
fn processes<T: Config>() -> Processes<T> {
	let all = [
		Process::ThreeDPrinting,
		Process::CncMilling,
		Process::LaserCutting,
		Process::PcbAssembly,
		Process::Electronics,
		Process::Sewing,
		Process::Textiles,
		Process::Welding,
		Process::Metalworking,
		Process::Woodworking,
		Process::Casting,
		Process::Growing,
		Process::FoodProcessing,
		Process::Construction,
		Process::RepairAndRefurbishment,
		Process::Assembly,
		Process::Other,
	];
	BoundedVec::truncate_from(all.to_vec())
}

/// Producer details of the largest size, in `region`.
fn details<T: Config>(byte: u8, region_code: &[u8]) -> ProducerDetails<T> {
	ProducerDetails {
		name: filled(byte),
		region: region(region_code),
		plus_code: Some(PlusCode::truncate_from(PLUS_CODE.to_vec())),
		processes: processes::<T>(),
		facility_manifest: Some(filled(byte)),
	}
}

/// A registered producer with details of the largest size.
fn producer<T: Config>() -> T::AccountId {
	now::<T>();
	let producer = funded::<T>("producer", 0);
	let registered =
		ProductionPledges::<T>::do_register_producer(producer.clone(), details::<T>(b'p', REGION));
	assert!(registered.is_ok(), "the benchmark's producer registers: {registered:?}");
	producer
}

/// A design version that needs every process a producer may list, maintained by an account
/// other than the producer.
fn design<T: Config>() -> (DesignId, VersionIndex) {
	let maintainer = funded::<T>("maintainer", 0);
	T::BenchmarkHelper::design_version(&maintainer, processes::<T>().to_vec())
}

/// The terms of the benchmarks' pledges, from now on.
fn terms<T: Config>(
	design: DesignId,
	version: VersionIndex,
	asset: AssetKindOf<T>,
	min_quantity: u32,
) -> PledgeTerms<T> {
	let now = now::<T>();
	let minimum = <T::Assets as fungibles::Inspect<T::AccountId>>::minimum_balance(asset.clone());
	// Large enough for the commons share to reach the asset's minimum balance; even, so that
	// half a unit is exact.
	let unit_price = minimum.saturating_add(1_000u32.into()).saturating_mul(1_000u32.into());
	PledgeTerms {
		design,
		version,
		asset,
		unit_price,
		quantity: QUANTITY,
		min_quantity,
		funding_deadline: now.saturating_add(FUNDING_BLOCKS.into()),
		delivery_deadline: now.saturating_add(DELIVERY_BLOCKS.into()),
		// Odd, so that half of it is not exact: settling half the units rounds it.
		bond: unit_price.saturating_add(1u32.into()),
	}
}

/// A funding pledge in the benchmarks' asset.
struct Setup<T: Config> {
	producer: T::AccountId,
	asset: AssetKindOf<T>,
	id: PledgeId,
}

/// A pledge of the registered producer, funding, priced in the benchmarks' asset.
fn funding_pledge<T: Config>(min_quantity: u32) -> Setup<T> {
	let producer = producer::<T>();
	let (design, version) = design::<T>();
	let asset = fund_asset::<T>(&producer);
	let id = NextPledgeId::<T>::get();
	let created = ProductionPledges::<T>::do_create_pledge(
		producer.clone(),
		terms::<T>(design, version, asset.clone(), min_quantity),
		Permill::one(),
	);
	assert!(created.is_ok(), "the benchmark's pledge is created: {created:?}");
	Setup { producer, asset, id }
}

/// A new backer of `units` units of the pledge.
fn new_backer<T: Config>(setup: &Setup<T>, index: u32, units: u32) -> T::AccountId {
	let backer = funded::<T>("backer", index);
	let asset = fund_asset::<T>(&backer);
	assert_eq!(asset, setup.asset, "the benchmark helper funds every account in one asset");
	let backed = ProductionPledges::<T>::do_back(backer.clone(), setup.id, units);
	assert!(backed.is_ok(), "the benchmark's backer backs: {backed:?}");
	backer
}

fn pledge<T: Config>(id: PledgeId) -> Pledge<T> {
	Pledges::<T>::get(id).expect("the benchmark's pledge exists")
}

/// A funded pledge, one backer of `BACKED_UNITS` units; the funding deadline has passed.
fn funded_pledge<T: Config>() -> (Setup<T>, T::AccountId) {
	let setup = funding_pledge::<T>(1);
	let backer = new_backer::<T>(&setup, 0, BACKED_UNITS);
	go_past::<T>(pledge::<T>(setup.id).terms.funding_deadline);
	let closed = ProductionPledges::<T>::do_close_funding(setup.id);
	assert!(closed.is_ok(), "the benchmark's pledge is funded: {closed:?}");
	assert_eq!(pledge::<T>(setup.id).state, PledgeState::Funded);
	(setup, backer)
}

/// A pledge delivered in part (`DELIVERED_UNITS` of `BACKED_UNITS`), in its challenge window.
fn delivered_pledge<T: Config>() -> (Setup<T>, T::AccountId) {
	let (setup, backer) = funded_pledge::<T>();
	let reported = ProductionPledges::<T>::do_report_delivery(
		setup.producer.clone(),
		setup.id,
		DELIVERED_UNITS,
		filled(b'e'),
	);
	assert!(reported.is_ok(), "the benchmark's delivery is reported: {reported:?}");
	(setup, backer)
}

/// The index entries of a pledge: by region, design, producer and state.
fn indexed<T: Config>(id: PledgeId, pledge: &Pledge<T>) -> bool {
	let country = validation::country_of(&pledge.region).unwrap_or_default();
	PledgesByRegion::<T>::contains_key((country, &pledge.region, id))
		&& PledgesByDesign::<T>::contains_key(pledge.terms.design, id)
		&& PledgesByProducer::<T>::contains_key(&pledge.producer, id)
		&& PledgesByState::<T>::contains_key(pledge.state, id)
}

/// Whether the pledge `id`, last seen as `before`, was closed: record and index entries removed.
fn closed<T: Config>(id: PledgeId, before: &Pledge<T>) -> bool {
	let country = validation::country_of(&before.region).unwrap_or_default();
	!Pledges::<T>::contains_key(id)
		&& !PledgesByRegion::<T>::contains_key((country, &before.region, id))
		&& !PledgesByDesign::<T>::contains_key(before.terms.design, id)
		&& !PledgesByProducer::<T>::contains_key(&before.producer, id)
		&& PledgesByState::<T>::iter_keys().all(|(_, other)| other != id)
}

/// The settlement of a pledge whose backers get half of the backed money and half the bond,
/// rounded up, back (half the backed units delivered, or a verdict of 50 %): the commons share
/// must have been paid.
fn half_settled<T: Config>(pledge: &Pledge<T>, id: PledgeId, verdict: Option<Perbill>) -> Event<T> {
	let half_backed = pledge.terms.unit_price.saturating_mul((BACKED_UNITS / 2).into());
	let bond_kept = pledge.terms.bond / 2u32.into();
	let commons_paid = pledge.commons_share.mul_floor(half_backed);
	assert!(!commons_paid.is_zero(), "the benchmark pays a commons share");
	Event::Settled {
		pledge: id,
		producer_paid: half_backed.saturating_sub(commons_paid).saturating_add(bond_kept),
		commons_paid,
		refunds: half_backed.saturating_add(pledge.terms.bond.saturating_sub(bond_kept)),
		verdict,
	}
}

/// A delivered pledge that its backer disputed.
fn disputed_pledge<T: Config>() -> (Setup<T>, T::AccountId) {
	let (setup, backer) = delivered_pledge::<T>();
	let disputed = ProductionPledges::<T>::do_dispute(backer.clone(), setup.id, filled(b'r'));
	assert!(disputed.is_ok(), "the benchmark's delivery is disputed: {disputed:?}");
	(setup, backer)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register_producer() {
		now::<T>();
		let caller = funded::<T>("producer", 0);
		let details = details::<T>(b'p', REGION);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(caller.clone()),
			details.name,
			details.region.clone(),
			details.plus_code,
			details.processes,
			details.facility_manifest,
		);

		assert!(Producers::<T>::contains_key(&caller));
		assert_last_event::<T>(Event::ProducerRegistered {
			producer: caller,
			region: details.region,
		});
	}

	#[benchmark]
	fn update_producer() {
		let caller = producer::<T>();
		let details = details::<T>(b'q', OTHER_REGION);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(caller.clone()),
			details.name,
			details.region.clone(),
			details.plus_code,
			details.processes,
			details.facility_manifest,
		);

		assert!(!ProducersByRegion::<T>::contains_key((*b"ES", region(REGION), &caller)));
		assert!(ProducersByRegion::<T>::contains_key((*b"DE", &details.region, &caller)));
		assert_last_event::<T>(Event::ProducerUpdated { producer: caller, region: details.region });
	}

	#[benchmark]
	fn retire_producer() {
		let caller = producer::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()));

		assert!(!Producers::<T>::contains_key(&caller));
		assert!(!ProducersByRegion::<T>::contains_key((*b"ES", region(REGION), &caller)));
		assert_last_event::<T>(Event::ProducerRetired { producer: caller });
	}

	#[benchmark]
	fn create_pledge() {
		let caller = producer::<T>();
		let (design, version) = design::<T>();
		let asset = fund_asset::<T>(&caller);
		let terms = terms::<T>(design, version, asset, 1);
		let id = NextPledgeId::<T>::get();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(caller.clone()),
			design,
			version,
			terms.asset.clone(),
			terms.unit_price,
			terms.quantity,
			terms.min_quantity,
			terms.funding_deadline,
			terms.delivery_deadline,
			terms.bond,
			Permill::one(),
		);

		assert!(Pledges::<T>::get(id).is_some_and(|pledge| indexed::<T>(id, &pledge)));
		assert_last_event::<T>(Event::PledgeCreated {
			pledge: id,
			producer: caller,
			design,
			version,
			region: region(REGION),
		});
	}

	#[benchmark]
	fn back() {
		let setup = funding_pledge::<T>(1);
		let caller = funded::<T>("backer", 0);
		let asset = fund_asset::<T>(&caller);
		assert_eq!(asset, setup.asset, "the benchmark helper funds every account in one asset");
		let amount = pledge::<T>(setup.id).terms.unit_price.saturating_mul(BACKED_UNITS.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), setup.id, BACKED_UNITS);

		assert!(Backings::<T>::contains_key(setup.id, &caller));
		assert_eq!(pledge::<T>(setup.id).backers, 1);
		assert_last_event::<T>(Event::Backed {
			pledge: setup.id,
			backer: caller,
			units: BACKED_UNITS,
			amount,
		});
	}

	#[benchmark]
	fn withdraw_backing() {
		let setup = funding_pledge::<T>(1);
		let caller = new_backer::<T>(&setup, 0, BACKED_UNITS);
		let amount = pledge::<T>(setup.id).terms.unit_price.saturating_mul(BACKED_UNITS.into());

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), setup.id, BACKED_UNITS);

		assert!(!Backings::<T>::contains_key(setup.id, &caller));
		assert_eq!(pledge::<T>(setup.id).backers, 0);
		assert_last_event::<T>(Event::BackingWithdrawn {
			pledge: setup.id,
			backer: caller,
			units: BACKED_UNITS,
			amount,
		});
	}

	/// Funding fails with no backer: the pledge closes at once.
	#[benchmark]
	fn close_funding() {
		let setup = funding_pledge::<T>(1);
		let before = pledge::<T>(setup.id);
		go_past::<T>(before.terms.funding_deadline);
		let caller = funded::<T>("caller", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), setup.id);

		assert!(closed::<T>(setup.id, &before));
		assert!(Producers::<T>::get(&setup.producer).is_some_and(|p| p.record.failed == 1));
		frame_system::Pallet::<T>::assert_has_event(
			Event::<T>::FundingFailed { pledge: setup.id, backed_units: 0 }.into(),
		);
		assert_last_event::<T>(Event::PledgeClosed { pledge: setup.id });
	}

	#[benchmark]
	fn report_delivery() {
		let (setup, _) = funded_pledge::<T>();
		let challenge_ends =
			frame_system::Pallet::<T>::block_number().saturating_add(T::ChallengePeriod::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(setup.producer.clone()), setup.id, DELIVERED_UNITS, filled(b'e'));

		assert_eq!(pledge::<T>(setup.id).state, PledgeState::Delivered);
		assert_last_event::<T>(Event::DeliveryReported {
			pledge: setup.id,
			units: DELIVERED_UNITS,
			challenge_ends,
		});
	}

	#[benchmark]
	fn confirm_receipt() {
		let (setup, caller) = delivered_pledge::<T>();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), setup.id);

		assert_eq!(pledge::<T>(setup.id).confirmed_units, BACKED_UNITS);
		assert_last_event::<T>(Event::ReceiptConfirmed {
			pledge: setup.id,
			backer: caller,
			units: BACKED_UNITS,
		});
	}

	#[benchmark]
	fn dispute() {
		let (setup, caller) = delivered_pledge::<T>();
		let reason: Uri<T> = filled(b'r');
		let deposit = T::DisputeDeposit::get();
		let verdict_due = now::<T>().saturating_add(T::VerdictPeriod::get());

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), setup.id, reason.clone());

		assert_eq!(pledge::<T>(setup.id).state, PledgeState::Disputed);
		assert!(Producers::<T>::get(&setup.producer).is_some_and(|p| p.record.disputed == 1));
		assert_eq!(T::Currency::balance_on_hold(&HoldReason::Dispute.into(), &caller), deposit);
		assert_last_event::<T>(Event::Disputed {
			pledge: setup.id,
			backer: caller,
			reason,
			deposit,
			verdict_due,
		});
	}

	/// A verdict that splits the escrow: the producer, the commons and the backers get a part.
	/// It gives the backers what the delivery as reported would, so the dispute's deposit moves
	/// from the backer's hold to the producer.
	#[benchmark]
	fn resolve_dispute() -> Result<(), BenchmarkError> {
		let (setup, backer) = disputed_pledge::<T>();
		let share = Perbill::from_percent(50);
		let verdict = Verdict { pledge: setup.id, producer_share: share };
		let origin = T::DisputeResolverOrigin::try_successful_origin(&verdict)
			.map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, setup.id, share);

		let after = pledge::<T>(setup.id);
		assert_eq!(after.state, PledgeState::Settled);
		assert!(Producers::<T>::get(&setup.producer).is_some_and(|p| p.record.fulfilled == 1));
		assert_eq!(T::Currency::balance_on_hold(&HoldReason::Dispute.into(), &backer), 0u32.into());
		frame_system::Pallet::<T>::assert_has_event(
			Event::<T>::DisputeDepositPaid {
				pledge: setup.id,
				to: setup.producer.clone(),
				amount: T::DisputeDeposit::get(),
			}
			.into(),
		);
		assert_last_event::<T>(half_settled::<T>(&after, setup.id, Some(share)));
		Ok(())
	}

	/// A partial delivery, disputed and settled as reported after the verdict deadline without
	/// a verdict (the costliest way to settle: the dispute's deposit is released too). The
	/// producer, the commons and the backers (the undelivered units and their part of the bond)
	/// get a part.
	#[benchmark]
	fn settle() {
		let (setup, backer) = disputed_pledge::<T>();
		let verdict_due = pledge::<T>(setup.id)
			.dispute
			.map(|opened| opened.verdict_due)
			.expect("the benchmark's pledge is disputed");
		go_past::<T>(verdict_due);
		let caller = funded::<T>("caller", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), setup.id);

		let after = pledge::<T>(setup.id);
		assert_eq!(after.state, PledgeState::Settled);
		assert!(Producers::<T>::get(&setup.producer).is_some_and(|p| p.record.fulfilled == 1));
		assert_eq!(T::Currency::balance_on_hold(&HoldReason::Dispute.into(), &backer), 0u32.into());
		assert_last_event::<T>(half_settled::<T>(&after, setup.id, None));
	}

	#[benchmark]
	fn mark_defaulted() {
		let (setup, _) = funded_pledge::<T>();
		let before = pledge::<T>(setup.id);
		go_past::<T>(before.terms.delivery_deadline);
		let refunds = before
			.terms
			.unit_price
			.saturating_mul(before.backed_units.into())
			.saturating_add(before.terms.bond);
		let caller = funded::<T>("caller", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), setup.id);

		assert_eq!(pledge::<T>(setup.id).state, PledgeState::Defaulted);
		assert_last_event::<T>(Event::PledgeDefaulted { pledge: setup.id, refunds });
	}

	/// Cancelled with no backer: the pledge closes at once.
	#[benchmark]
	fn cancel_pledge() {
		let setup = funding_pledge::<T>(1);
		let before = pledge::<T>(setup.id);

		#[extrinsic_call]
		_(RawOrigin::Signed(setup.producer.clone()), setup.id);

		assert!(closed::<T>(setup.id, &before));
		assert!(Producers::<T>::get(&setup.producer).is_some_and(|p| p.record.cancelled == 1));
		frame_system::Pallet::<T>::assert_has_event(
			Event::<T>::PledgeCancelled { pledge: setup.id }.into(),
		);
		assert_last_event::<T>(Event::PledgeClosed { pledge: setup.id });
	}

	/// The last backer of a failed pledge claims: the pledge closes.
	#[benchmark]
	fn claim_refund() {
		let setup = funding_pledge::<T>(QUANTITY);
		let caller = new_backer::<T>(&setup, 0, BACKED_UNITS);
		go_past::<T>(pledge::<T>(setup.id).terms.funding_deadline);
		let failed = ProductionPledges::<T>::do_close_funding(setup.id);
		assert!(failed.is_ok(), "the benchmark's pledge fails: {failed:?}");
		let before = pledge::<T>(setup.id);
		assert_eq!((before.state, before.backers), (PledgeState::Failed, 1));

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), setup.id);

		assert!(!Backings::<T>::contains_key(setup.id, &caller));
		assert!(closed::<T>(setup.id, &before));
		assert!(!PledgesByState::<T>::contains_key(PledgeState::Failed, setup.id));
		assert_last_event::<T>(Event::PledgeClosed { pledge: setup.id });
	}

	/// The producer of a failed pledge could not be paid when its last backer claimed (its
	/// account was blocked in the asset): paying it now closes the pledge.
	#[benchmark]
	fn pay_producer() {
		let setup = funding_pledge::<T>(QUANTITY);
		let backer = new_backer::<T>(&setup, 0, BACKED_UNITS);
		T::BenchmarkHelper::set_blocked(&setup.producer, true);
		go_past::<T>(pledge::<T>(setup.id).terms.funding_deadline);
		let failed = ProductionPledges::<T>::do_close_funding(setup.id);
		assert!(failed.is_ok(), "the benchmark's pledge fails: {failed:?}");
		let claimed = ProductionPledges::<T>::do_claim_refund(backer, setup.id);
		assert!(claimed.is_ok(), "the benchmark's backer claims: {claimed:?}");
		let before = pledge::<T>(setup.id);
		assert_eq!((before.backers, before.unpaid_to_producer), (0, before.terms.bond));
		T::BenchmarkHelper::set_blocked(&setup.producer, false);
		let caller = funded::<T>("caller", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), setup.id);

		assert!(closed::<T>(setup.id, &before));
		assert_last_event::<T>(Event::PledgeClosed { pledge: setup.id });
	}

	impl_benchmark_test_suite!(ProductionPledges, crate::mock::new_bench_ext(), crate::mock::Test);
}
