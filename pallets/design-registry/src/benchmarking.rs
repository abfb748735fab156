//! Benchmarks of every call of the design registry, in their worst cases.

use super::*;
use crate::Pallet as DesignRegistry;
use alloc::{vec, vec::Vec};
use cosmolocal_primitives::design::{DesignId, Process};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{fungible::Mutate, EnsureOrigin, Get},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::traits::Bounded;

/// An account with plenty of funds for deposits.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Currency::set_balance(&who, BalanceOf::<T>::max_value() / 1_000_000u32.into());
	who
}

/// `len` bytes of `byte`.
fn filled<S: Get<u32>>(byte: u8) -> BoundedVec<u8, S> {
	BoundedVec::truncate_from(vec![byte; S::get() as usize])
}

/// A valid semantic version label of the largest length, distinct for each `n`.
fn label<T: Config>(n: u8) -> VersionLabel<T> {
	let mut label = vec![b'1', b'.', b'0', b'.', b'0' + n % 10, b'-'];
	label.resize(T::MaxVersionLabelLen::get().max(7) as usize, b'a' + n / 10);
	BoundedVec::truncate_from(label)
}

/// Three allowed licence ids of the largest length; the first is share-alike.
fn licences<T: Config>() -> DesignLicences {
	let ids: Vec<LicenceId> = (0..3u8)
		.map(|i| LicenceId::truncate_from(vec![b'A' + i; types::MAX_LICENCE_ID_LEN as usize]))
		.collect();
	for (i, id) in ids.iter().enumerate() {
		Licences::<T>::insert(id, LicenceInfo { share_alike: i == 0, allowed: true });
	}
	DesignLicences {
		hardware: ids[0].clone(),
		documentation: ids[1].clone(),
		software: Some(ids[2].clone()),
	}
}

/// `count` distinct tags of the largest length.
fn tags<T: Config>(count: u32) -> BoundedVec<Tag<T>, T::MaxTags> {
	let tags = (0..count)
		.map(|i| {
			let mut tag = vec![b'a'; T::MaxTagLen::get() as usize];
			if let Some(last) = tag.last_mut() {
				*last = b'a' + (i % 26) as u8;
			}
			if let Some(first) = tag.first_mut() {
				*first = b'a' + (i / 26 % 26) as u8;
			}
			BoundedVec::truncate_from(tag)
		})
		.collect();
	BoundedVec::truncate_from(tags)
}

/// As many distinct processes as a design may need.
fn processes<T: Config>() -> BoundedVec<Process, T::MaxProcesses> {
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

/// A manifest hash of its own for each design: the first bytes are the design's id.
fn manifest_hash(design: DesignId) -> [u8; 32] {
	let mut hash = [0xaa; 32];
	hash[..4].copy_from_slice(&design.to_le_bytes());
	hash
}

/// Registers a design with the largest inputs and a manifest hash of its own, as `creator`,
/// and returns its id.
fn register<T: Config>(creator: &T::AccountId, lineage: Option<Lineage>) -> DesignId {
	let id = NextDesignId::<T>::get();
	let registered = DesignRegistry::<T>::do_register_design(
		creator.clone(),
		filled(b'n'),
		licences::<T>(),
		tags::<T>(T::MaxTags::get()),
		processes::<T>(),
		NewVersion {
			manifest: filled(b'm'),
			manifest_hash: manifest_hash(id),
			label: label::<T>(0),
		},
		lineage,
	);
	assert!(registered.is_ok(), "the benchmark's design registers: {registered:?}");
	id
}

/// The costliest lineage to check a manifest hash against: an original design, then
/// `MaxLineageDepth` generations derived from it. Returns the original and the youngest.
fn lineage_chain<T: Config>(creator: &T::AccountId) -> (DesignId, DesignId) {
	let original = register::<T>(creator, None);
	let mut youngest = original;
	for _ in 0..T::MaxLineageDepth::get() {
		let lineage =
			Lineage { kind: LineageKind::Derivative, parent: youngest, parent_version: 0 };
		youngest = register::<T>(creator, Some(lineage));
	}
	(original, youngest)
}

/// Registers a design maintained by `maintainers` (the first is its creator).
fn register_maintained<T: Config>(maintainers: &[T::AccountId]) -> DesignId {
	let id = register::<T>(&maintainers[0], None);
	for maintainer in &maintainers[1..] {
		let added =
			DesignRegistry::<T>::do_add_maintainer(maintainers[0].clone(), id, maintainer.clone());
		assert!(added.is_ok());
	}
	id
}

#[benchmarks]
mod benchmarks {
	use super::*;

	// A derivative of the youngest of a full lineage, publishing the original's manifest hash:
	// the whole lineage is read to attribute it.
	#[benchmark]
	fn register_design(t: Linear<0, { T::MaxTags::get() }>) {
		let parent_creator = funded::<T>("parent", 0);
		let (original, parent) = lineage_chain::<T>(&parent_creator);
		let caller = funded::<T>("caller", 0);
		let lineage = Some(Lineage { kind: LineageKind::Derivative, parent, parent_version: 0 });
		let id = NextDesignId::<T>::get();

		#[extrinsic_call]
		_(
			RawOrigin::Signed(caller.clone()),
			filled(b'n'),
			licences::<T>(),
			tags::<T>(t),
			processes::<T>(),
			filled(b'm'),
			manifest_hash(original),
			label::<T>(1),
			lineage,
		);

		assert!(Designs::<T>::get(id).is_some_and(|design| design.maintainers.contains(&caller)));
	}

	// The youngest of a full lineage publishing its original's manifest hash.
	#[benchmark]
	fn publish_version() {
		let caller = funded::<T>("caller", 0);
		let (original, id) = lineage_chain::<T>(&caller);
		<T::Hooks as cosmolocal_primitives::design::DesignRegistryHooks<T::AccountId>>::prepare_costliest_version(id);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id, filled(b'm'), manifest_hash(original), label::<T>(2));

		assert!(Versions::<T>::contains_key(id, 1));
	}

	#[benchmark]
	fn add_maintainer() {
		let maintainers: Vec<T::AccountId> = (0..T::MaxMaintainers::get().saturating_sub(1))
			.map(|i| funded::<T>("maintainer", i))
			.collect();
		let id = register_maintained::<T>(&maintainers);
		let newcomer: T::AccountId = account("newcomer", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(maintainers[0].clone()), id, newcomer.clone());

		assert!(DesignsByMaintainer::<T>::contains_key(&newcomer, id));
	}

	#[benchmark]
	fn remove_maintainer() {
		let maintainers: Vec<T::AccountId> =
			(0..T::MaxMaintainers::get().max(2)).map(|i| funded::<T>("maintainer", i)).collect();
		let id = register_maintained::<T>(&maintainers);
		let leaving = maintainers[maintainers.len() - 1].clone();

		#[extrinsic_call]
		_(RawOrigin::Signed(maintainers[0].clone()), id, leaving.clone());

		assert!(!DesignsByMaintainer::<T>::contains_key(&leaving, id));
	}

	#[benchmark]
	fn set_commons_share() {
		let caller = funded::<T>("caller", 0);
		let id = register::<T>(&caller, None);
		let share = T::MaxCommonsShare::get();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id, share);

		assert!(Designs::<T>::get(id).is_some_and(|design| design.commons_share == share));
	}

	#[benchmark]
	fn set_readiness() {
		let caller = funded::<T>("caller", 0);
		let id = register::<T>(&caller, None);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id, Readiness::Made);

		assert!(Designs::<T>::get(id).is_some_and(|design| design.readiness == Readiness::Made));
	}

	#[benchmark]
	fn deprecate() {
		let caller = funded::<T>("caller", 0);
		let id = register::<T>(&caller, None);
		let successor = register::<T>(&caller, None);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id, Some(successor));

		assert!(Designs::<T>::get(id).is_some_and(
			|design| design.status == DesignStatus::Deprecated { successor: Some(successor) }
		));
	}

	#[benchmark]
	fn attest() {
		let creator = funded::<T>("creator", 0);
		let id = register::<T>(&creator, None);
		let caller = funded::<T>("caller", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), id, 0, AttestationKind::Built, filled(b'e'));

		assert!(Attestations::<T>::contains_key((id, 0, caller, AttestationKind::Built)));
	}

	#[benchmark]
	fn revoke_attestation() {
		let creator = funded::<T>("creator", 0);
		let id = register::<T>(&creator, None);
		let caller = funded::<T>("caller", 0);
		let attested = DesignRegistry::<T>::do_attest(
			caller.clone(),
			id,
			0,
			AttestationKind::Tested,
			filled(b'e'),
		);
		assert!(attested.is_ok());

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), id, 0, AttestationKind::Tested);

		assert!(!Attestations::<T>::contains_key((id, 0, caller, AttestationKind::Tested)));
	}

	#[benchmark]
	fn certify() -> Result<(), BenchmarkError> {
		let creator = funded::<T>("creator", 0);
		let id = register::<T>(&creator, None);
		let origin =
			T::CertifierOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, 0, filled(b'e'));

		assert!(Certifications::<T>::contains_key(id, 0));
		Ok(())
	}

	#[benchmark]
	fn allow_licence() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let licence = LicenceId::truncate_from(vec![b'Z'; types::MAX_LICENCE_ID_LEN as usize]);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, licence.clone(), true);

		assert!(Licences::<T>::get(licence).is_some_and(|info| info.allowed));
		Ok(())
	}

	#[benchmark]
	fn disallow_licence() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let licence = licences::<T>().hardware;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, licence.clone());

		assert!(Licences::<T>::get(licence).is_some_and(|info| !info.allowed));
		Ok(())
	}

	impl_benchmark_test_suite!(DesignRegistry, crate::mock::new_bench_ext(), crate::mock::Test);
}
