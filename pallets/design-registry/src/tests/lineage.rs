//! Derivatives and variants, the share-alike rule, and what other pallets read of lineage.

use super::*;
use crate::{Derivatives, Error, NextDesignId};
use cosmolocal_primitives::design::{DesignInspect, DesignProduction, DesignVersionSummary};
use frame_support::assert_noop;

#[test]
fn registers_a_derivative_and_indexes_it() {
	new_test_ext(|| {
		let parent = register_default(ALICE);
		let child = NextDesignId::<Test>::get();
		assert_ok!(NewDesign::derived_from(parent).register(BOB));
		let lineage = Lineage { kind: LineageKind::Derivative, parent, parent_version: 0 };
		assert_eq!(design(child).lineage, Some(lineage));
		assert_eq!(Derivatives::<Test>::get(parent, child), Some(LineageKind::Derivative));
		let registered = RuntimeEvent::DesignRegistry(Event::DesignRegistered {
			design: child,
			creator: BOB,
			lineage: Some(lineage),
		});
		assert!(System::events().iter().any(|record| record.event == registered));
	});
}

#[test]
fn a_share_alike_parent_binds_its_derivatives_and_variants() {
	new_test_ext(|| {
		let parent = NextDesignId::<Test>::get();
		assert_ok!(NewDesign { hardware: "CERN-OHL-S-2.0", ..Default::default() }.register(ALICE));
		for kind in [LineageKind::Derivative, LineageKind::Variant] {
			let lineage = Some(Lineage { kind, parent, parent_version: 0 });
			assert_noop!(
				NewDesign { hardware: "CERN-OHL-W-2.0", lineage, ..Default::default() }
					.register(BOB),
				Error::<Test>::ShareAlikeLicenceRequired
			);
			assert_ok!(NewDesign { hardware: "CERN-OHL-S-2.0", lineage, ..Default::default() }
				.register(BOB));
		}
	});
}

#[test]
fn a_permissive_parent_leaves_the_licence_free() {
	new_test_ext(|| {
		let parent = register_default(ALICE);
		assert_ok!(NewDesign { hardware: "CERN-OHL-S-2.0", ..NewDesign::derived_from(parent) }
			.register(BOB));
	});
}

#[test]
fn share_alike_binds_even_after_the_licence_is_disallowed() {
	new_test_ext(|| {
		let parent = NextDesignId::<Test>::get();
		assert_ok!(NewDesign { hardware: "CERN-OHL-S-2.0", ..Default::default() }.register(ALICE));
		assert_ok!(DesignRegistry::disallow_licence(
			RuntimeOrigin::root(),
			licence("CERN-OHL-S-2.0")
		));
		assert_noop!(
			NewDesign::derived_from(parent).register(BOB),
			Error::<Test>::ShareAlikeLicenceRequired
		);
	});
}

#[test]
fn the_parent_and_its_version_must_exist() {
	new_test_ext(|| {
		let parent = register_default(ALICE);
		assert_noop!(NewDesign::derived_from(4).register(BOB), Error::<Test>::ParentNotFound);
		let lineage = Some(Lineage { kind: LineageKind::Variant, parent, parent_version: 2 });
		assert_noop!(
			NewDesign { lineage, ..Default::default() }.register(BOB),
			Error::<Test>::ParentVersionNotFound
		);
	});
}

#[test]
fn ancestors_are_followed_to_the_maximum_depth() {
	new_test_ext(|| {
		let root = register_default(ALICE);
		let mut chain = vec![root];
		for _ in 0..3 {
			let next = NextDesignId::<Test>::get();
			assert_ok!(NewDesign::derived_from(*chain.last().unwrap()).register(BOB));
			chain.push(next);
		}
		assert_eq!(DesignRegistry::ancestors(root), Vec::<DesignId>::new());
		assert_eq!(DesignRegistry::ancestors(chain[1]), vec![root]);
		// The mock follows two generations at most.
		assert_eq!(DesignRegistry::ancestors(chain[3]), vec![chain[2], chain[1]]);
	});
}

#[test]
fn other_pallets_read_a_version_summary() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		assert_eq!(
			DesignRegistry::design_version(id, 0),
			Some(DesignVersionSummary {
				processes: vec![Process::Woodworking, Process::Assembly],
				deprecated: false,
				maintainers: vec![ALICE],
				commons_share: sp_runtime::Permill::zero(),
			})
		);
		assert_eq!(DesignRegistry::design_version(id, 1), None);
		assert_eq!(DesignRegistry::design_version(9, 0), None);
		assert_ok!(DesignRegistry::deprecate(RuntimeOrigin::signed(ALICE), id, None));
		assert!(DesignRegistry::design_version(id, 0).unwrap().deprecated);
	});
}

#[test]
fn independent_production_raises_readiness() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		DesignRegistry::note_made_independently(id);
		assert_eq!(design(id).readiness, Readiness::MadeIndependently);
		assert_eq!(
			last_event(),
			Event::ReadinessRaised { design: id, readiness: Readiness::MadeIndependently }
		);
		// Unknown designs are ignored.
		DesignRegistry::note_made_independently(42);
	});
}
