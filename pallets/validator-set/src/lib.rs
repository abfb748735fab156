//! # Validator set
//!
//! The validators that author blocks (Aura) and finalize them (GRANDPA), kept by governance.
//!
//! - A validator first registers its session keys with `session.setKeys` (the keys come from
//!   `author_rotateKeys` on its node). Governance (`AddRemoveOrigin`) then adds it with
//!   `add_validator`, or removes one with `remove_validator`; the set never falls below
//!   `MinValidators` nor grows above `MaxValidators`.
//! - Changes take effect at session boundaries: a change made during session `n` is queued when
//!   session `n + 1` starts and becomes the active set at session `n + 2`. The session pallet
//!   skips a validator whose keys were purged.
//! - An offence reported against a validator (a GRANDPA equivocation, through the offences
//!   pallet) removes it from the set at the next boundary, unless the set is at its minimum.
//! - The initial validators are the accounts of the session pallet's genesis keys.
//! - The pallet keeps the historical session roots that equivocation proofs are checked against
//!   for `HistoryDepth` sessions, and prunes older ones.

#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub use pallet::*;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod invariants;
#[cfg(test)]
mod mock;
mod session;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_staking::SessionIndex;

	/// The version of the pallet's storage layout.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	/// The validator set pallet.
	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// What the runtime provides to the validator set.
	#[pallet::config]
	pub trait Config:
		frame_system::Config<RuntimeEvent: From<Event<Self>>>
		+ pallet_session::Config<ValidatorId = <Self as frame_system::Config>::AccountId>
		+ pallet_session::historical::Config
	{
		/// May add and remove validators: governance.
		type AddRemoveOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The fewest validators the set may have.
		#[pallet::constant]
		type MinValidators: Get<u32>;

		/// The most validators the set may have.
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// For how many sessions the historical session roots are kept, which is how long an
		/// equivocation can be proven after it happened.
		#[pallet::constant]
		type HistoryDepth: Get<SessionIndex>;

		/// Weights of the calls, measured by the benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// The validators, sorted: the set the next session boundary hands to the session pallet
	/// when it has changed.
	#[pallet::storage]
	pub type Validators<T: Config> = StorageValue<_, ValidatorList<T>, ValueQuery>;

	/// Whether `Validators` changed since it was last handed to the session pallet.
	#[pallet::storage]
	pub type SetChanged<T: Config> = StorageValue<_, bool, ValueQuery>;

	/// The validator set at genesis is taken from the session pallet's genesis keys, so this
	/// pallet must come after the session pallet in the runtime.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		#[serde(skip)]
		_config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let validators = pallet_session::Validators::<T>::get();
			let count = validators.len() as u32;
			assert!(
				count == 0 || count >= T::MinValidators::get(),
				"the genesis session keys name {count} validators, fewer than the minimum"
			);
			let validators = ValidatorList::<T>::try_from(validators).unwrap_or_else(|_| {
				panic!("the genesis session keys name {count} validators, more than the maximum")
			});
			Validators::<T>::put(validators);
		}
	}

	/// What happened to the validator set.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A validator was added; it validates from the session after next.
		ValidatorAdded {
			/// The validator.
			validator: T::AccountId,
		},
		/// A validator was removed; it stops validating at the session after next.
		ValidatorRemoved {
			/// The validator.
			validator: T::AccountId,
		},
		/// An offence was reported against a validator.
		OffenceReported {
			/// The validator.
			validator: T::AccountId,
			/// The session the offence was committed in.
			session: SessionIndex,
			/// Whether it was removed from the set; it stays when the set is at its minimum, or
			/// when it is no longer in the set.
			removed: bool,
		},
	}

	/// Why a change to the validator set was refused.
	#[pallet::error]
	pub enum Error<T> {
		/// The account is a validator already.
		AlreadyAValidator,
		/// The account is not a validator.
		NotAValidator,
		/// The account has no session keys: it must call `session.setKeys` first.
		NoSessionKeys,
		/// The set is full (`MaxValidators`).
		TooManyValidators,
		/// The set would fall below its minimum (`MinValidators`).
		TooFewValidators,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MinValidators::get() >= 1, "a chain needs at least one validator");
			assert!(
				T::MinValidators::get() <= T::MaxValidators::get(),
				"the minimum number of validators is above the maximum"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Add `validator` to the validator set (governance only). It must have registered its
		/// session keys with `session.setKeys`. It starts validating at the session after next.
		#[pallet::call_index(0)]
		#[pallet::weight(<T as Config>::WeightInfo::add_validator(T::MaxValidators::get()))]
		pub fn add_validator(origin: OriginFor<T>, validator: T::AccountId) -> DispatchResult {
			T::AddRemoveOrigin::ensure_origin(origin)?;
			Self::do_add_validator(validator)
		}

		/// Remove `validator` from the validator set (governance only). It stops validating at
		/// the session after next. The set never falls below its minimum.
		#[pallet::call_index(1)]
		#[pallet::weight(<T as Config>::WeightInfo::remove_validator(T::MaxValidators::get()))]
		pub fn remove_validator(origin: OriginFor<T>, validator: T::AccountId) -> DispatchResult {
			T::AddRemoveOrigin::ensure_origin(origin)?;
			Self::do_remove_validator(validator)
		}
	}
}

impl<T: Config> Pallet<T> {
	fn do_add_validator(validator: T::AccountId) -> frame_support::dispatch::DispatchResult {
		use frame_support::{ensure, traits::ValidatorRegistration};
		let mut validators = Validators::<T>::get();
		let position = match validators.binary_search(&validator) {
			Ok(_) => return Err(Error::<T>::AlreadyAValidator.into()),
			Err(position) => position,
		};
		ensure!(pallet_session::Pallet::<T>::is_registered(&validator), Error::<T>::NoSessionKeys);
		validators
			.try_insert(position, validator.clone())
			.map_err(|_| Error::<T>::TooManyValidators)?;
		Validators::<T>::put(validators);
		SetChanged::<T>::put(true);
		Self::deposit_event(Event::ValidatorAdded { validator });
		Ok(())
	}

	fn do_remove_validator(validator: T::AccountId) -> frame_support::dispatch::DispatchResult {
		use frame_support::{ensure, traits::Get};
		let mut validators = Validators::<T>::get();
		let position =
			validators.binary_search(&validator).map_err(|_| Error::<T>::NotAValidator)?;
		ensure!(validators.len() as u32 > T::MinValidators::get(), Error::<T>::TooFewValidators);
		validators.remove(position);
		Validators::<T>::put(validators);
		SetChanged::<T>::put(true);
		Self::deposit_event(Event::ValidatorRemoved { validator });
		Ok(())
	}
}
