//! Checks of the shape of user input: licence ids, tags and version labels.

use crate::types::{LicenceId, MAX_LICENCE_ID_LEN};

/// An SPDX licence identifier: 1 to 32 ASCII letters, digits, `.`, `-` or `+`; `None` if
/// `bytes` has another shape.
pub fn licence_id(bytes: &[u8]) -> Option<LicenceId> {
	let valid = !bytes.is_empty()
		&& bytes.len() <= MAX_LICENCE_ID_LEN as usize
		&& bytes.iter().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'+'));
	valid.then(|| LicenceId::try_from(bytes.to_vec()).ok()).flatten()
}

/// A tag: lower-case ASCII letters, digits and `-`, not empty.
pub fn is_tag(tag: &[u8]) -> bool {
	!tag.is_empty()
		&& tag.iter().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-')
}

/// A semantic version: `MAJOR.MINOR.PATCH` (numbers without leading zeros), optionally followed
/// by `-` and dot-separated pre-release identifiers, then `+` and dot-separated build identifiers.
pub fn is_semver(label: &[u8]) -> bool {
	let (rest, build) = match label.iter().position(|b| *b == b'+') {
		Some(plus) => (&label[..plus], Some(&label[plus + 1..])),
		None => (label, None),
	};
	let (core, pre_release) = match rest.iter().position(|b| *b == b'-') {
		Some(dash) => (&rest[..dash], Some(&rest[dash + 1..])),
		None => (rest, None),
	};
	let numbers_valid = {
		let mut parts = core.split(|b| *b == b'.');
		let three = [parts.next(), parts.next(), parts.next()];
		parts.next().is_none() && three.iter().all(|part| part.is_some_and(is_numeric_identifier))
	};
	numbers_valid
		&& pre_release.is_none_or(|ids| dot_separated(ids, is_pre_release_identifier))
		&& build.is_none_or(|ids| dot_separated(ids, is_build_identifier))
}

fn dot_separated(ids: &[u8], valid: fn(&[u8]) -> bool) -> bool {
	ids.split(|b| *b == b'.').all(valid)
}

fn is_numeric_identifier(part: &[u8]) -> bool {
	!part.is_empty() && part.iter().all(u8::is_ascii_digit) && (part.len() == 1 || part[0] != b'0')
}

fn is_build_identifier(part: &[u8]) -> bool {
	!part.is_empty() && part.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-')
}

fn is_pre_release_identifier(part: &[u8]) -> bool {
	is_build_identifier(part)
		&& (!part.iter().all(u8::is_ascii_digit) || is_numeric_identifier(part))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn accepts_semantic_versions() {
		for label in [
			"0.0.0",
			"1.2.3",
			"10.20.30",
			"1.0.0-alpha",
			"1.0.0-alpha.1",
			"1.0.0-0.3.7",
			"1.0.0-x.7.z.92",
			"1.0.0+20130313144700",
			"1.0.0-beta+exp.sha.5114f85",
			"1.0.0+21AF26D3---117B344092BD",
		] {
			assert!(is_semver(label.as_bytes()), "{label} is a semantic version");
		}
	}

	#[test]
	fn refuses_other_labels() {
		for label in [
			"",
			"1",
			"1.2",
			"1.2.3.4",
			"01.2.3",
			"1.02.3",
			"1.2.03",
			"v1.2.3",
			"1.2.3-",
			"1.2.3+",
			"1.2.3-01",
			"1.2.3-a..b",
			"1.2.3-a_b",
			"1.2.3+a..b",
			"a.b.c",
			"1.2.3 ",
		] {
			assert!(!is_semver(label.as_bytes()), "{label:?} is not a semantic version");
		}
	}

	#[test]
	fn licence_ids_are_spdx_shaped() {
		for id in ["MIT", "CERN-OHL-S-2.0", "GPL-3.0-or-later", "GPL-2.0+", "CC-BY-SA-4.0"] {
			assert_eq!(
				licence_id(id.as_bytes()).map(|id| id.into_inner()),
				Some(id.as_bytes().to_vec())
			);
		}
		for id in ["", "MIT License", "GPL/3", "é", &"A".repeat(33)] {
			assert!(licence_id(id.as_bytes()).is_none(), "{id:?}");
		}
	}

	#[test]
	fn tags_are_lower_case_words() {
		assert!(is_tag(b"solar-dryer"));
		assert!(is_tag(b"3d"));
		assert!(!is_tag(b""));
		assert!(!is_tag(b"Solar"));
		assert!(!is_tag(b"solar dryer"));
		assert!(!is_tag(b"solar_dryer"));
	}
}
