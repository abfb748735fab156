
//! Weights of `pallet_community_currencies`: NOT YET MEASURED. `make weights` overwrites this
//! file with the figures of a release node; until then each call counts its storage accesses
//! (from the benchmarks' list) and the execution time of a comparable governance call.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::ParityDbWeight, RuntimeDbWeight, Weight},
};

/// The weight of each call of `pallet_community_currencies`.
pub trait WeightInfo {
	fn approve() -> Weight;
	fn revoke() -> Weight;
}

/// The measured weights, with the database costs `D` for each read and write.
pub struct MeasuredWeight<D>(PhantomData<D>);

/// The measured weights with the runtime's own database costs: what the runtime uses.
pub type SubstrateWeight<T> = MeasuredWeight<<T as frame_system::Config>::DbWeight>;

impl<D: Get<RuntimeDbWeight>> WeightInfo for MeasuredWeight<D> {
	fn approve() -> Weight {
		Weight::from_parts(30_000_000, 3675)
			.saturating_add(D::get().reads(3_u64))
			.saturating_add(D::get().writes(3_u64))
	}
	fn revoke() -> Weight {
		Weight::from_parts(15_000_000, 3557)
			.saturating_add(D::get().reads(2_u64))
			.saturating_add(D::get().writes(2_u64))
	}
}

/// The measured weights with ParityDB's database costs, for the pallet's tests.
impl WeightInfo for () {
	fn approve() -> Weight {
		MeasuredWeight::<ParityDbWeight>::approve()
	}
	fn revoke() -> Weight {
		MeasuredWeight::<ParityDbWeight>::revoke()
	}
}
