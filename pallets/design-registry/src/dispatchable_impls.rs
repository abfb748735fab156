//! What each call does, once its origin is checked.

use crate::{pallet::*, types::*, validation, BalanceOf, Config, Error, Event, HoldReason, Pallet};
use codec::{Encode, MaxEncodedLen};
use cosmolocal_primitives::{
	design::{DesignId, DesignInspect, DesignRegistryHooks, Process, VersionIndex},
	lists::sorted_unique,
};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision},
};
use sp_runtime::{
	traits::{Saturating, Zero},
	Permill,
};

impl<T: Config> Pallet<T> {
	#[allow(clippy::too_many_arguments)]
	pub(crate) fn do_register_design(
		creator: T::AccountId,
		name: BoundedVec<u8, T::MaxNameLen>,
		licences: DesignLicences,
		tags: BoundedVec<Tag<T>, T::MaxTags>,
		processes: BoundedVec<Process, T::MaxProcesses>,
		version: NewVersion<T>,
		lineage: Option<Lineage>,
	) -> DispatchResult {
		ensure!(!name.is_empty(), Error::<T>::EmptyName);
		Self::ensure_licences_allowed(&licences)?;
		ensure!(tags.iter().all(|tag| validation::is_tag(tag)), Error::<T>::InvalidTag);
		let tags = sorted_unique(tags.into_inner()).ok_or(Error::<T>::DuplicateTag)?;
		ensure!(!processes.is_empty(), Error::<T>::NoProcesses);
		let processes =
			sorted_unique(processes.into_inner()).ok_or(Error::<T>::DuplicateProcess)?;
		if let Some(lineage) = &lineage {
			Self::ensure_lineage_allowed(lineage, &licences)?;
		}
		let design = NextDesignId::<T>::get();
		Self::ensure_version_publishable(design, &version)?;
		Self::ensure_manifest_attributed(
			None,
			lineage.as_ref().map(|lineage| lineage.parent),
			&version.manifest_hash,
		)?;
		let next_design = design.checked_add(1).ok_or(Error::<T>::DesignIdsExhausted)?;

		// The design record is charged at its largest size, so that maintainers can be added
		// later without a further deposit for it.
		let tag_keys: u32 = tags.iter().map(|tag| tag.encoded_size() as u32 + 8).sum();
		let derivative_entries = u32::from(lineage.is_some());
		let design_deposit = Self::deposit_for(
			1u32.saturating_add(tags.len() as u32).saturating_add(derivative_entries),
			(Design::<T>::max_encoded_len() as u32)
				.saturating_add(tag_keys)
				.saturating_add(derivative_entries.saturating_mul(16)),
		);
		Self::hold(&creator, design_deposit)?;

		let record = Design::<T> {
			maintainers: BoundedVec::truncate_from(alloc::vec![creator.clone()]),
			name,
			licences,
			tags: BoundedVec::truncate_from(tags),
			processes: BoundedVec::truncate_from(processes),
			lineage,
			status: DesignStatus::Active,
			readiness: Readiness::Concept,
			commons_share: Permill::zero(),
			// Version 0 is stored below.
			version_count: 1,
			registered_at: frame_system::Pallet::<T>::block_number(),
			depositor: creator.clone(),
			deposit: design_deposit,
		};
		for tag in record.tags.iter() {
			DesignsByTag::<T>::insert(tag, design, ());
		}
		if let Some(lineage) = &lineage {
			Derivatives::<T>::insert(lineage.parent, design, lineage.kind);
		}
		Designs::<T>::insert(design, record);
		NextDesignId::<T>::put(next_design);
		Self::insert_maintainer_entry(design, &creator, &creator)?;
		Self::deposit_event(Event::DesignRegistered { design, creator: creator.clone(), lineage });
		T::Hooks::on_design_registered(design, &creator)?;

		Self::store_version(design, 0, creator, version)
	}

	pub(crate) fn do_publish_version(
		publisher: T::AccountId,
		design: DesignId,
		version: NewVersion<T>,
	) -> DispatchResult {
		let mut record = Self::maintained_design(design, &publisher)?;
		ensure!(record.status == DesignStatus::Active, Error::<T>::DesignDeprecated);
		Self::ensure_version_publishable(design, &version)?;
		Self::ensure_manifest_attributed(
			Some(design),
			record.lineage.as_ref().map(|lineage| lineage.parent),
			&version.manifest_hash,
		)?;
		let index = record.version_count;
		record.version_count = index.checked_add(1).ok_or(Error::<T>::VersionIndicesExhausted)?;
		Designs::<T>::insert(design, record);
		Self::store_version(design, index, publisher, version)
	}

	pub(crate) fn do_add_maintainer(
		who: T::AccountId,
		design: DesignId,
		maintainer: T::AccountId,
	) -> DispatchResult {
		let mut record = Self::maintained_design(design, &who)?;
		ensure!(!record.maintainers.contains(&maintainer), Error::<T>::AlreadyMaintainer);
		record
			.maintainers
			.try_push(maintainer.clone())
			.map_err(|_| Error::<T>::TooManyMaintainers)?;
		Self::insert_maintainer_entry(design, &maintainer, &who)?;
		T::Hooks::on_maintainers_changed(design, &record.maintainers)?;
		Designs::<T>::insert(design, record);
		Self::deposit_event(Event::MaintainerAdded { design, maintainer });
		Ok(())
	}

	pub(crate) fn do_remove_maintainer(
		who: T::AccountId,
		design: DesignId,
		maintainer: T::AccountId,
	) -> DispatchResult {
		let mut record = Self::maintained_design(design, &who)?;
		let position = record
			.maintainers
			.iter()
			.position(|account| *account == maintainer)
			.ok_or(Error::<T>::UnknownMaintainer)?;
		ensure!(record.maintainers.len() > 1, Error::<T>::LastMaintainer);
		record.maintainers.remove(position);
		if let Some((depositor, deposit)) = DesignsByMaintainer::<T>::take(&maintainer, design) {
			Self::release(&depositor, deposit)?;
		}
		T::Hooks::on_maintainers_changed(design, &record.maintainers)?;
		Designs::<T>::insert(design, record);
		Self::deposit_event(Event::MaintainerRemoved { design, maintainer });
		Ok(())
	}

	pub(crate) fn do_set_commons_share(
		who: T::AccountId,
		design: DesignId,
		share: Permill,
	) -> DispatchResult {
		let mut record = Self::maintained_design(design, &who)?;
		ensure!(share <= T::MaxCommonsShare::get(), Error::<T>::CommonsShareTooHigh);
		record.commons_share = share;
		Designs::<T>::insert(design, record);
		Self::deposit_event(Event::CommonsShareSet { design, share });
		Ok(())
	}

	pub(crate) fn do_set_readiness(
		who: T::AccountId,
		design: DesignId,
		readiness: Readiness,
	) -> DispatchResult {
		let mut record = Self::maintained_design(design, &who)?;
		ensure!(readiness != Readiness::MadeIndependently, Error::<T>::ReadinessReservedForChain);
		ensure!(readiness > record.readiness, Error::<T>::ReadinessNotRaised);
		record.readiness = readiness;
		Designs::<T>::insert(design, record);
		Self::deposit_event(Event::ReadinessRaised { design, readiness });
		Ok(())
	}

	pub(crate) fn do_deprecate(
		who: T::AccountId,
		design: DesignId,
		successor: Option<DesignId>,
	) -> DispatchResult {
		let mut record = Self::maintained_design(design, &who)?;
		ensure!(record.status == DesignStatus::Active, Error::<T>::AlreadyDeprecated);
		if let Some(successor) = successor {
			ensure!(successor != design, Error::<T>::SelfSuccessor);
			let successor_record =
				Designs::<T>::get(successor).ok_or(Error::<T>::SuccessorNotFound)?;
			ensure!(
				successor_record.status == DesignStatus::Active,
				Error::<T>::SuccessorDeprecated
			);
		}
		record.status = DesignStatus::Deprecated { successor };
		Designs::<T>::insert(design, record);
		Self::deposit_event(Event::DesignDeprecated { design, successor });
		Ok(())
	}

	pub(crate) fn do_attest(
		attester: T::AccountId,
		design: DesignId,
		version: VersionIndex,
		kind: AttestationKind,
		evidence: Evidence<T>,
	) -> DispatchResult {
		Self::ensure_version_exists(design, version)?;
		ensure!(!evidence.is_empty(), Error::<T>::EmptyEvidence);
		let key = (design, version, attester.clone(), kind);
		ensure!(!Attestations::<T>::contains_key(&key), Error::<T>::AlreadyAttested);
		let mut attestation = Attestation::<T> {
			evidence,
			attested_at: frame_system::Pallet::<T>::block_number(),
			deposit: Zero::zero(),
		};
		attestation.deposit =
			Self::deposit_for(1, (attestation.encoded_size() + key.encoded_size()) as u32);
		Self::hold(&attester, attestation.deposit)?;
		Attestations::<T>::insert(&key, attestation);
		Self::deposit_event(Event::Attested { design, version, attester, kind });
		Ok(())
	}

	pub(crate) fn do_revoke_attestation(
		attester: T::AccountId,
		design: DesignId,
		version: VersionIndex,
		kind: AttestationKind,
	) -> DispatchResult {
		let attestation = Attestations::<T>::take((design, version, attester.clone(), kind))
			.ok_or(Error::<T>::AttestationNotFound)?;
		Self::release(&attester, attestation.deposit)?;
		Self::deposit_event(Event::AttestationRevoked { design, version, attester, kind });
		Ok(())
	}

	pub(crate) fn do_certify(
		certifier: Option<T::AccountId>,
		design: DesignId,
		version: VersionIndex,
		evidence: Evidence<T>,
	) -> DispatchResult {
		Self::ensure_version_exists(design, version)?;
		ensure!(!evidence.is_empty(), Error::<T>::EmptyEvidence);
		ensure!(!Certifications::<T>::contains_key(design, version), Error::<T>::AlreadyCertified);
		Certifications::<T>::insert(
			design,
			version,
			Certification::<T> {
				evidence,
				certified_at: frame_system::Pallet::<T>::block_number(),
				certifier: certifier.clone(),
			},
		);
		Self::deposit_event(Event::Certified { design, version, certifier });
		Ok(())
	}

	pub(crate) fn do_allow_licence(licence: LicenceId, share_alike: bool) -> DispatchResult {
		ensure!(validation::licence_id(&licence).is_some(), Error::<T>::InvalidLicenceId);
		let already_allowed = Licences::<T>::get(&licence).is_some_and(|info| info.allowed);
		ensure!(!already_allowed, Error::<T>::LicenceAlreadyAllowed);
		Licences::<T>::insert(&licence, LicenceInfo { share_alike, allowed: true });
		Self::deposit_event(Event::LicenceAllowed { licence, share_alike });
		Ok(())
	}

	pub(crate) fn do_disallow_licence(licence: LicenceId) -> DispatchResult {
		Licences::<T>::try_mutate(&licence, |info| match info {
			Some(info) if info.allowed => {
				info.allowed = false;
				Ok(())
			},
			_ => Err(Error::<T>::LicenceNotListed),
		})?;
		Self::deposit_event(Event::LicenceDisallowed { licence });
		Ok(())
	}

	/// The design, if `who` maintains it.
	fn maintained_design(design: DesignId, who: &T::AccountId) -> Result<Design<T>, DispatchError> {
		let record = Designs::<T>::get(design).ok_or(Error::<T>::DesignNotFound)?;
		ensure!(record.maintainers.contains(who), Error::<T>::NotMaintainer);
		Ok(record)
	}

	fn ensure_version_exists(design: DesignId, version: VersionIndex) -> DispatchResult {
		ensure!(Designs::<T>::contains_key(design), Error::<T>::DesignNotFound);
		ensure!(Versions::<T>::contains_key(design, version), Error::<T>::VersionNotFound);
		Ok(())
	}

	fn ensure_licences_allowed(licences: &DesignLicences) -> DispatchResult {
		let allowed = |id: &LicenceId| Licences::<T>::get(id).is_some_and(|info| info.allowed);
		ensure!(
			allowed(&licences.hardware)
				&& allowed(&licences.documentation)
				&& licences.software.as_ref().is_none_or(allowed),
			Error::<T>::LicenceNotAllowed
		);
		Ok(())
	}

	/// The parent and its version exist, and a share-alike parent's hardware licence is kept.
	fn ensure_lineage_allowed(lineage: &Lineage, licences: &DesignLicences) -> DispatchResult {
		let parent = Designs::<T>::get(lineage.parent).ok_or(Error::<T>::ParentNotFound)?;
		ensure!(
			Versions::<T>::contains_key(lineage.parent, lineage.parent_version),
			Error::<T>::ParentVersionNotFound
		);
		let parent_share_alike =
			Licences::<T>::get(&parent.licences.hardware).is_some_and(|info| info.share_alike);
		ensure!(
			!parent_share_alike || parent.licences.hardware == licences.hardware,
			Error::<T>::ShareAlikeLicenceRequired
		);
		Ok(())
	}

	/// A version of `design` (`None` for a design being registered), whose parent is `parent`,
	/// may carry `manifest_hash`: the hash is new, or its original is `design` itself, `parent`
	/// or one of `parent`'s ancestors (up to `MaxLineageDepth` of them).
	fn ensure_manifest_attributed(
		design: Option<DesignId>,
		parent: Option<DesignId>,
		manifest_hash: &[u8; 32],
	) -> DispatchResult {
		let Some((original, _)) = VersionByManifestHash::<T>::get(manifest_hash) else {
			return Ok(());
		};
		let descends = design == Some(original)
			|| parent.is_some_and(|parent| {
				parent == original
					|| <Self as DesignInspect<T::AccountId>>::ancestors(parent).contains(&original)
			});
		ensure!(descends, Error::<T>::DuplicateManifest);
		Ok(())
	}

	fn ensure_version_publishable(design: DesignId, version: &NewVersion<T>) -> DispatchResult {
		ensure!(!version.manifest.is_empty(), Error::<T>::EmptyManifest);
		ensure!(validation::is_semver(&version.label), Error::<T>::InvalidVersionLabel);
		ensure!(
			!VersionByLabel::<T>::contains_key(design, &version.label),
			Error::<T>::DuplicateVersionLabel
		);
		Ok(())
	}

	/// Stores version `index` of `design` (counted in the design's record by the caller), paid by
	/// `publisher`.
	fn store_version(
		design: DesignId,
		index: VersionIndex,
		publisher: T::AccountId,
		version: NewVersion<T>,
	) -> DispatchResult {
		let NewVersion { manifest, manifest_hash, label } = version;
		let mut stored = DesignVersion::<T> {
			manifest,
			manifest_hash,
			label: label.clone(),
			publisher: publisher.clone(),
			published_at: frame_system::Pallet::<T>::block_number(),
			deposit: Zero::zero(),
		};
		// The version, its label's index entry and, for a new hash, the hash's entry.
		let new_hash = !VersionByManifestHash::<T>::contains_key(manifest_hash);
		let label_entry = 16 + label.encoded_size() + index.encoded_size();
		let hash_entry = 16 + manifest_hash.encoded_size() + (design, index).encoded_size();
		let (items, bytes) = if new_hash {
			(3, stored.encoded_size() + label_entry + hash_entry)
		} else {
			(2, stored.encoded_size() + label_entry)
		};
		stored.deposit = Self::deposit_for(items, bytes as u32);
		Self::hold(&publisher, stored.deposit)?;
		Versions::<T>::insert(design, index, stored);
		VersionByLabel::<T>::insert(design, &label, index);
		if new_hash {
			VersionByManifestHash::<T>::insert(manifest_hash, (design, index));
		}
		Self::deposit_event(Event::VersionPublished {
			design,
			version: index,
			label,
			manifest_hash,
		});
		T::Hooks::on_version_published(design, index, &publisher)?;
		Ok(())
	}

	/// Indexes `maintainer` as a maintainer of `design`, with a deposit held from `payer`.
	fn insert_maintainer_entry(
		design: DesignId,
		maintainer: &T::AccountId,
		payer: &T::AccountId,
	) -> DispatchResult {
		let entry_size =
			maintainer.encoded_size() + 16 + design.encoded_size() + payer.encoded_size();
		let deposit =
			Self::deposit_for(1, entry_size as u32 + BalanceOf::<T>::max_encoded_len() as u32);
		Self::hold(payer, deposit)?;
		DesignsByMaintainer::<T>::insert(maintainer, design, (payer.clone(), deposit));
		Ok(())
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
		T::Currency::release(&HoldReason::Storage.into(), who, amount, Precision::Exact).map(|_| ())
	}
}
