//! `allow_licence`, `disallow_licence` and the genesis list.

use super::*;
use crate::{Error, Licences as LicenceList};
use frame_support::assert_noop;
use sp_runtime::DispatchError;

#[test]
fn genesis_lists_the_open_licences() {
	new_test_ext(|| {
		for (id, share_alike) in genesis_licences() {
			let info = LicenceList::<Test>::get(LicenceId::truncate_from(id)).unwrap();
			assert_eq!(info, LicenceInfo { share_alike, allowed: true });
		}
	});
}

#[test]
fn the_admin_allows_a_licence() {
	new_test_ext(|| {
		assert_ok!(DesignRegistry::allow_licence(
			RuntimeOrigin::root(),
			licence("TAPR-OHL-1.0"),
			false
		));
		assert_eq!(
			LicenceList::<Test>::get(licence("TAPR-OHL-1.0")),
			Some(LicenceInfo { share_alike: false, allowed: true })
		);
		assert_eq!(
			last_event(),
			Event::LicenceAllowed { licence: licence("TAPR-OHL-1.0"), share_alike: false }
		);
		assert_ok!(NewDesign { hardware: "TAPR-OHL-1.0", ..Default::default() }.register(ALICE));
	});
}

#[test]
fn a_disallowed_licence_is_refused_to_new_designs_only() {
	new_test_ext(|| {
		let id = register_default(ALICE);
		assert_ok!(DesignRegistry::disallow_licence(
			RuntimeOrigin::root(),
			licence("CERN-OHL-W-2.0")
		));
		assert_eq!(last_event(), Event::LicenceDisallowed { licence: licence("CERN-OHL-W-2.0") });
		assert_eq!(
			LicenceList::<Test>::get(licence("CERN-OHL-W-2.0")),
			Some(LicenceInfo { share_alike: false, allowed: false })
		);
		assert_noop!(NewDesign::default().register(BOB), Error::<Test>::LicenceNotAllowed);
		// The existing design keeps its licence and takes new versions.
		assert_ok!(publish(ALICE, id, "1.0.1"));
		// It can be allowed again.
		assert_ok!(DesignRegistry::allow_licence(
			RuntimeOrigin::root(),
			licence("CERN-OHL-W-2.0"),
			false
		));
		assert_ok!(NewDesign::default().register(BOB));
	});
}

#[test]
fn licence_errors() {
	new_test_ext(|| {
		assert_noop!(
			DesignRegistry::allow_licence(RuntimeOrigin::signed(ALICE), licence("MIT-0"), false),
			DispatchError::BadOrigin
		);
		assert_noop!(
			DesignRegistry::disallow_licence(RuntimeOrigin::signed(ALICE), licence("MIT")),
			DispatchError::BadOrigin
		);
		assert_noop!(
			DesignRegistry::allow_licence(RuntimeOrigin::root(), licence("MIT License"), false),
			Error::<Test>::InvalidLicenceId
		);
		assert_noop!(
			DesignRegistry::allow_licence(RuntimeOrigin::root(), licence("MIT"), false),
			Error::<Test>::LicenceAlreadyAllowed
		);
		assert_noop!(
			DesignRegistry::disallow_licence(RuntimeOrigin::root(), licence("BUSL-1.1")),
			Error::<Test>::LicenceNotListed
		);
		assert_ok!(DesignRegistry::disallow_licence(RuntimeOrigin::root(), licence("MIT")));
		assert_noop!(
			DesignRegistry::disallow_licence(RuntimeOrigin::root(), licence("MIT")),
			Error::<Test>::LicenceNotListed
		);
	});
}
