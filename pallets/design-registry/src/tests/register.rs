//! `register_design`.

use super::*;
use crate::{DesignsByTag, Error, NextDesignId, VersionByLabel};
use frame_support::{assert_noop, pallet_prelude::MaxEncodedLen};
use sp_runtime::{Permill, TokenError};

#[test]
fn registers_a_design_with_its_first_version() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		assert_eq!(id, 0);
		assert_eq!(NextDesignId::<Test>::get(), 1);

		let record = design(id);
		assert_eq!(record.maintainers.to_vec(), vec![ALICE]);
		assert_eq!(record.name.to_vec(), b"Solar food dryer".to_vec());
		assert_eq!(record.licences.hardware, licence("CERN-OHL-W-2.0"));
		// Tags and processes are stored sorted.
		assert_eq!(
			record.tags.iter().map(|t| t.to_vec()).collect::<Vec<_>>(),
			vec![b"food".to_vec(), b"solar".to_vec()]
		);
		assert_eq!(record.processes.to_vec(), vec![Process::Woodworking, Process::Assembly]);
		assert_eq!(record.status, DesignStatus::Active);
		assert_eq!(record.readiness, Readiness::Concept);
		assert_eq!(record.commons_share, Permill::zero());
		assert_eq!(record.version_count, 1);
		assert_eq!(record.registered_at, 1);

		let first = version(id, 0);
		assert_eq!(first.label.to_vec(), b"1.0.0".to_vec());
		assert_eq!(first.manifest_hash, registered_hash(id));
		assert_eq!(first.publisher, ALICE);
		assert_eq!(VersionByLabel::<Test>::get(id, first.label), Some(0));
		let solar: Tag<Test> = bounded("solar");
		assert!(DesignsByTag::<Test>::contains_key(solar, id));
		assert!(DesignsByMaintainer::<Test>::contains_key(ALICE, id));

		let events: Vec<_> = System::events().into_iter().map(|r| r.event).collect();
		assert!(events.contains(&RuntimeEvent::DesignRegistry(Event::DesignRegistered {
			design: id,
			creator: ALICE,
			lineage: None,
		})));
		assert_eq!(
			last_event(),
			Event::VersionPublished {
				design: id,
				version: 0,
				label: bounded("1.0.0"),
				manifest_hash: registered_hash(id),
			}
		);
	});
}

#[test]
fn holds_deposits_for_everything_stored() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		let record = design(id);
		// The design record at its largest size, with its two tag index entries (each: the
		// tag's length byte and bytes, and the 8-byte hash of the design id).
		let tag_keys = (1 + 5 + 8) + (1 + 4 + 8);
		assert_eq!(
			record.deposit,
			3 * 100 + Design::<Test>::max_encoded_len() as u64 + tag_keys as u64
		);
		let total = record.deposit + version(id, 0).deposit + maintainer_deposit(ALICE, id);
		assert_eq!(held(ALICE), total);
		assert_eq!(Balances::free_balance(ALICE), INITIAL_BALANCE - total);
	});
}

#[test]
fn ids_follow_registration_order() {
	new_test_ext(|| {
		assert_eq!(register_default(ALICE), 0);
		assert_eq!(register_default(BOB), 1);
		assert_eq!(design(1).maintainers.to_vec(), vec![BOB]);
	});
}

#[test]
fn refuses_an_unsigned_origin() {
	new_test_ext(|| {
		let input = NewDesign::default();
		assert_noop!(
			DesignRegistry::register_design(
				RuntimeOrigin::root(),
				bounded(input.name),
				DesignLicences {
					hardware: licence(input.hardware),
					documentation: licence(input.documentation),
					software: None,
				},
				Default::default(),
				BoundedVec::truncate_from(input.processes),
				bounded(input.manifest),
				[0; 32],
				bounded(input.label),
				None,
			),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

#[test]
fn refuses_an_empty_name() {
	new_test_ext(|| {
		assert_noop!(
			NewDesign { name: "", ..Default::default() }.register(ALICE),
			Error::<Test>::EmptyName
		);
	});
}

#[test]
fn refuses_licences_not_on_the_list() {
	new_test_ext(|| {
		assert_noop!(
			NewDesign { hardware: "Proprietary", ..Default::default() }.register(ALICE),
			Error::<Test>::LicenceNotAllowed
		);
		assert_noop!(
			NewDesign { documentation: "CC-BY-ND-4.0", ..Default::default() }.register(ALICE),
			Error::<Test>::LicenceNotAllowed
		);
		assert_noop!(
			NewDesign { software: Some("BUSL-1.1"), ..Default::default() }.register(ALICE),
			Error::<Test>::LicenceNotAllowed
		);
	});
}

#[test]
fn accepts_an_open_software_licence() {
	new_test_ext(|| {
		assert_ok!(
			NewDesign { software: Some("GPL-3.0-or-later"), ..Default::default() }.register(ALICE)
		);
		assert_eq!(design(0).licences.software, Some(licence("GPL-3.0-or-later")));
	});
}

#[test]
fn refuses_malformed_tags() {
	new_test_ext(|| {
		for tag in ["", "Solar", "solar dryer", "solar_dryer"] {
			assert_noop!(
				NewDesign { tags: vec![tag], ..Default::default() }.register(ALICE),
				Error::<Test>::InvalidTag
			);
		}
	});
}

#[test]
fn refuses_a_repeated_tag() {
	new_test_ext(|| {
		assert_noop!(
			NewDesign { tags: vec!["solar", "food", "solar"], ..Default::default() }
				.register(ALICE),
			Error::<Test>::DuplicateTag
		);
	});
}

#[test]
fn needs_at_least_one_process() {
	new_test_ext(|| {
		assert_noop!(
			NewDesign { processes: vec![], ..Default::default() }.register(ALICE),
			Error::<Test>::NoProcesses
		);
	});
}

#[test]
fn refuses_a_repeated_process() {
	new_test_ext(|| {
		assert_noop!(
			NewDesign {
				processes: vec![Process::Sewing, Process::Textiles, Process::Sewing],
				..Default::default()
			}
			.register(ALICE),
			Error::<Test>::DuplicateProcess
		);
	});
}

#[test]
fn refuses_an_empty_manifest() {
	new_test_ext(|| {
		assert_noop!(
			NewDesign { manifest: "", ..Default::default() }.register(ALICE),
			Error::<Test>::EmptyManifest
		);
	});
}

#[test]
fn refuses_a_label_that_is_not_a_semantic_version() {
	new_test_ext(|| {
		for label in ["", "1.0", "v1.0.0", "1.0.0-"] {
			assert_noop!(
				NewDesign { label, ..Default::default() }.register(ALICE),
				Error::<Test>::InvalidVersionLabel
			);
		}
	});
}

#[test]
fn refuses_an_account_that_cannot_pay_the_deposit() {
	new_test_ext(|| {
		assert_noop!(NewDesign::default().register(PAUPER), TokenError::FundsUnavailable);
	});
}

#[test]
fn a_hook_that_refuses_undoes_the_registration() {
	new_test_ext(|| {
		refuse_in_hooks();
		assert_noop!(
			NewDesign::default().register(ALICE),
			sp_runtime::DispatchError::Other("refused by a hook")
		);
	});
}
