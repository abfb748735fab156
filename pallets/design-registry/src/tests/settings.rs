//! `set_commons_share`, `set_readiness` and `deprecate`.

use super::*;
use crate::Error;
use frame_support::assert_noop;
use sp_runtime::Permill;

#[test]
fn maintainers_set_the_commons_share_up_to_the_maximum() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		let share = MaxCommonsShare::get();
		assert_ok!(DesignRegistry::set_commons_share(RuntimeOrigin::signed(ALICE), id, share));
		assert_eq!(design(id).commons_share, share);
		assert_eq!(last_event(), Event::CommonsShareSet { design: id, share });
	});
}

#[test]
fn refuses_a_commons_share_above_the_maximum() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		let share = MaxCommonsShare::get() + Permill::from_parts(1);
		assert_noop!(
			DesignRegistry::set_commons_share(RuntimeOrigin::signed(ALICE), id, share),
			Error::<Test>::CommonsShareTooHigh
		);
	});
}

#[test]
fn only_maintainers_set_the_commons_share() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		assert_noop!(
			DesignRegistry::set_commons_share(RuntimeOrigin::signed(BOB), id, Permill::one()),
			Error::<Test>::NotMaintainer
		);
		assert_noop!(
			DesignRegistry::set_commons_share(RuntimeOrigin::signed(ALICE), 9, Permill::one()),
			Error::<Test>::DesignNotFound
		);
	});
}

#[test]
fn readiness_moves_up_one_or_more_steps() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		assert_ok!(DesignRegistry::set_readiness(
			RuntimeOrigin::signed(ALICE),
			id,
			Readiness::Prototype
		));
		assert_eq!(design(id).readiness, Readiness::Prototype);
		assert_eq!(
			last_event(),
			Event::ReadinessRaised { design: id, readiness: Readiness::Prototype }
		);
		assert_ok!(DesignRegistry::set_readiness(
			RuntimeOrigin::signed(ALICE),
			id,
			Readiness::Made
		));
		assert_eq!(design(id).readiness, Readiness::Made);
	});
}

#[test]
fn readiness_never_moves_down_or_stays() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		assert_ok!(DesignRegistry::set_readiness(
			RuntimeOrigin::signed(ALICE),
			id,
			Readiness::Made
		));
		for readiness in [Readiness::Concept, Readiness::Prototype, Readiness::Made] {
			assert_noop!(
				DesignRegistry::set_readiness(RuntimeOrigin::signed(ALICE), id, readiness),
				Error::<Test>::ReadinessNotRaised
			);
		}
	});
}

#[test]
fn made_independently_is_not_set_by_hand() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		assert_noop!(
			DesignRegistry::set_readiness(
				RuntimeOrigin::signed(ALICE),
				id,
				Readiness::MadeIndependently
			),
			Error::<Test>::ReadinessReservedForChain
		);
	});
}

#[test]
fn only_maintainers_set_readiness() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		assert_noop!(
			DesignRegistry::set_readiness(RuntimeOrigin::signed(BOB), id, Readiness::Made),
			Error::<Test>::NotMaintainer
		);
		assert_noop!(
			DesignRegistry::set_readiness(RuntimeOrigin::signed(ALICE), 4, Readiness::Made),
			Error::<Test>::DesignNotFound
		);
	});
}

#[test]
fn deprecates_with_and_without_successor() {
	new_test_ext(|| {
		let old = register_default(ALICE);
		let new = register_default(BOB);
		assert_ok!(DesignRegistry::deprecate(RuntimeOrigin::signed(ALICE), old, Some(new)));
		assert_eq!(design(old).status, DesignStatus::Deprecated { successor: Some(new) });
		assert_eq!(last_event(), Event::DesignDeprecated { design: old, successor: Some(new) });
		assert_ok!(DesignRegistry::deprecate(RuntimeOrigin::signed(BOB), new, None));
		assert_eq!(design(new).status, DesignStatus::Deprecated { successor: None });
	});
}

#[test]
fn deprecation_errors() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		let other = register_default(BOB);
		let deprecate = |who, design, successor| {
			DesignRegistry::deprecate(RuntimeOrigin::signed(who), design, successor)
		};
		assert_noop!(deprecate(BOB, id, None), Error::<Test>::NotMaintainer);
		assert_noop!(deprecate(ALICE, 9, None), Error::<Test>::DesignNotFound);
		assert_noop!(deprecate(ALICE, id, Some(id)), Error::<Test>::SelfSuccessor);
		assert_noop!(deprecate(ALICE, id, Some(9)), Error::<Test>::SuccessorNotFound);
		assert_ok!(deprecate(BOB, other, None));
		assert_noop!(deprecate(ALICE, id, Some(other)), Error::<Test>::SuccessorDeprecated);
		assert_noop!(deprecate(BOB, other, None), Error::<Test>::AlreadyDeprecated);
	});
}
