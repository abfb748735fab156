//! Checks of the shape of user input: region codes and Plus Codes.

use crate::types::{CountryCode, RegionCode};

/// The country of an ISO 3166-2 region code (`ES-CT`: two upper-case letters, `-`, one to three
/// upper-case letters or digits) or of a country code alone (`KE`); `None` if the code has
/// another shape.
pub fn country_of(region: &RegionCode) -> Option<CountryCode> {
	let country = match region.as_slice() {
		[a, b] => [*a, *b],
		[a, b, b'-', subdivision @ ..] if (1..=3).contains(&subdivision.len()) => {
			let valid = subdivision.iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
			if !valid {
				return None;
			}
			[*a, *b]
		},
		_ => return None,
	};
	country.iter().all(u8::is_ascii_uppercase).then_some(country)
}

/// The digits of an Open Location Code.
const PLUS_CODE_DIGITS: &[u8] = b"23456789CFGHJMPQRVWX";

/// An Open Location Code: 8 characters (pairs of digits, padded with `0` after the first pairs
/// for a coarser area), `+`, then 0, 2 or 3 more digits (`8FH495PF+29`, `8FH40000+`).
pub fn is_plus_code(code: &[u8]) -> bool {
	let Some((head, tail)) = code.split_at_checked(8) else { return false };
	let Some((b'+', tail)) = tail.split_first() else { return false };
	let padding_starts = head.iter().position(|c| *c == b'0').unwrap_or(head.len());
	let head_valid = padding_starts >= 2
		&& padding_starts % 2 == 0
		&& head[..padding_starts].iter().all(|c| PLUS_CODE_DIGITS.contains(c))
		&& head[padding_starts..].iter().all(|c| *c == b'0');
	let tail_valid = matches!(tail.len(), 0 | 2 | 3)
		&& tail.iter().all(|c| PLUS_CODE_DIGITS.contains(c))
		&& (tail.is_empty() || padding_starts == head.len());
	head_valid && tail_valid
}

#[cfg(test)]
mod tests {
	use super::*;

	fn region(code: &str) -> RegionCode {
		RegionCode::try_from(code.as_bytes().to_vec()).unwrap()
	}

	#[test]
	fn region_codes_give_their_country() {
		assert_eq!(country_of(&region("ES-CT")), Some(*b"ES"));
		assert_eq!(country_of(&region("DE-BE")), Some(*b"DE"));
		assert_eq!(country_of(&region("FR-75C")), Some(*b"FR"));
		assert_eq!(country_of(&region("KE")), Some(*b"KE"));
		assert_eq!(country_of(&region("KE-1")), Some(*b"KE"));
	}

	#[test]
	fn malformed_region_codes_are_refused() {
		for code in ["", "E", "es-ct", "ES-", "ES_CT", "ESCT", "E1-CT", "ESP", "ES-ct", "ES-C-"] {
			assert_eq!(country_of(&region(code)), None, "{code}");
		}
	}

	#[test]
	fn plus_codes_are_checked() {
		for code in ["8FH495PF+29", "8FH495PF+", "8FH40000+", "8F000000+", "8FH495PF+2X9"] {
			assert!(is_plus_code(code.as_bytes()), "{code}");
		}
		for code in
			["", "8FH495PF", "8FH495PF29", "8FH495PA+29", "8FH4000+", "8FH40000+29", "80H40000+"]
		{
			assert!(!is_plus_code(code.as_bytes()), "{code}");
		}
	}
}
