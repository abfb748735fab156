//! Parameters of the `cosmolocal_*` methods: what integrators send, checked and turned into the
//! runtime's types, with an error that says what was expected.

use super::errors::invalid_params;
use cosmolocal_primitives::{design::DesignId, lists::MAX_PAGE_SIZE, production::PledgeId};
use cosmolocal_runtime::{AccountId, Runtime};
use frame_support::traits::Get;
use jsonrpsee::types::ErrorObjectOwned;
use pallet_contributive_accounting::ContributionState;
use pallet_design_registry::Tag;
use pallet_production_pledges::{PledgeState, RegionCode};
use serde::{Deserialize, Serialize};
use sp_core::crypto::Ss58Codec;
use std::fmt::Debug;

/// Which designs `cosmolocal_designs` lists: an object with exactly one of these keys.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DesignFilter {
	/// The designs an account maintains.
	Maintainer(String),
	/// The designs carrying a tag.
	Tag(String),
	/// The derivatives and variants of a design.
	DerivativesOf(DesignId),
}

/// Which pledges `cosmolocal_pledges` lists: an object with exactly one of these keys.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PledgeFilter {
	/// The pledges of a country (`ES`) or region (`ES-CT`).
	Region(String),
	/// The pledges of a design.
	Design(DesignId),
	/// The pledges of a producer.
	Producer(String),
	/// The pledges in a state.
	State(String),
}

/// Where a page starts: the `next` of the page before, a number for lists of ids, a text
/// (`ES-CT/3`, `ES-CT/<address>`) for lists by region.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(
	untagged,
	expecting = "the `next` of the page before: an id (a whole number) or `<region>/<key>` (a text)"
)]
pub enum Cursor {
	/// The last id of the page before.
	Id(u64),
	/// The region and key of the last entry of the page before.
	Text(String),
}

/// The filter of `cosmolocal_designs`.
pub fn design_filter(filter: serde_json::Value) -> Result<DesignFilter, ErrorObjectOwned> {
	serde_json::from_value(filter).map_err(|error| {
		invalid_params(format!(
			"the filter must be an object with exactly one of `maintainer` (an address), `tag` \
			 or `derivativesOf` (a design id): {error}"
		))
	})
}

/// The filter of `cosmolocal_pledges`.
pub fn pledge_filter(filter: serde_json::Value) -> Result<PledgeFilter, ErrorObjectOwned> {
	serde_json::from_value(filter).map_err(|error| {
		invalid_params(format!(
			"the filter must be an object with exactly one of `region` (a region code), \
			 `design` (a design id), `producer` (an address) or `state` (a pledge state): {error}"
		))
	})
}

/// The number of entries a page holds: 1 to [`MAX_PAGE_SIZE`], [`MAX_PAGE_SIZE`] if not given.
pub fn limit(limit: Option<u32>) -> Result<u32, ErrorObjectOwned> {
	match limit {
		None => Ok(MAX_PAGE_SIZE),
		Some(limit) if (1..=MAX_PAGE_SIZE).contains(&limit) => Ok(limit),
		Some(limit) => Err(invalid_params(format!(
			"limit {limit} is out of range: a page holds 1 to {MAX_PAGE_SIZE} entries"
		))),
	}
}

/// The longest SS58 address of a 32-byte account: 35 or 36 bytes (prefix, key, checksum) in
/// base58 are at most 50 characters. Longer text is refused before decoding, whose time grows
/// with the square of the length.
const MAX_ADDRESS_LEN: usize = 50;

/// The most characters of a refused parameter an error repeats.
const MAX_QUOTED_LEN: usize = 64;

/// `text` as an error quotes it: whole if short, else its first [`MAX_QUOTED_LEN`] characters
/// and how long it was.
fn quoted(text: &str) -> String {
	match text.char_indices().nth(MAX_QUOTED_LEN) {
		None => format!("`{text}`"),
		Some((end, _)) => format!("`{}…` ({} characters)", &text[..end], text.chars().count()),
	}
}

/// An account, from an SS58 address of any network prefix.
pub fn account(address: &str) -> Result<AccountId, ErrorObjectOwned> {
	if address.len() > MAX_ADDRESS_LEN {
		return Err(invalid_params(format!(
			"{} is not an SS58 address: an address has at most {MAX_ADDRESS_LEN} characters",
			quoted(address)
		)));
	}
	AccountId::from_ss58check_with_version(address).map(|(account, _prefix)| account).map_err(
		|error| invalid_params(format!("{} is not an SS58 address: {error}", quoted(address))),
	)
}

/// A country code (`KE`) or an ISO 3166-2 region code (`ES-CT`), in upper case.
pub fn region(code: &str) -> Result<RegionCode, ErrorObjectOwned> {
	RegionCode::try_from(code.as_bytes().to_vec())
		.ok()
		.filter(|region| pallet_production_pledges::validation::country_of(region).is_some())
		.ok_or_else(|| {
			invalid_params(format!(
				"{} is not a region code: expected a country code such as `KE` or an \
				 ISO 3166-2 code such as `ES-CT`, in upper case",
				quoted(code)
			))
		})
}

/// A tag: lower-case ASCII letters, digits and `-`, as long as the registry allows.
pub fn tag(tag: &str) -> Result<Tag<Runtime>, ErrorObjectOwned> {
	Some(tag.as_bytes())
		.filter(|bytes| pallet_design_registry::validation::is_tag(bytes))
		.and_then(|bytes| Tag::<Runtime>::try_from(bytes.to_vec()).ok())
		.ok_or_else(|| {
			invalid_params(format!(
				"{} is not a tag: expected lower-case ASCII letters, digits and `-`, at most \
				 {} characters",
				quoted(tag),
				<<Runtime as pallet_design_registry::Config>::MaxTagLen as Get<u32>>::get()
			))
		})
}

/// A pledge state by name (`Funding`, `Settled`, …).
pub fn pledge_state(name: &str) -> Result<PledgeState, ErrorObjectOwned> {
	use PledgeState::*;
	variant_named(
		"pledge state",
		name,
		[Funding, Funded, Delivered, Disputed, Settled, Failed, Defaulted, Cancelled],
	)
}

/// A contribution state by name (`Pending`, `Accepted`, `Rejected`).
pub fn contribution_state(name: &str) -> Result<ContributionState, ErrorObjectOwned> {
	use ContributionState::*;
	variant_named("contribution state", name, [Pending, Accepted, Rejected])
}

/// The variant of `variants` whose name is `name`.
fn variant_named<V: Debug + Copy, const N: usize>(
	what: &str,
	name: &str,
	variants: [V; N],
) -> Result<V, ErrorObjectOwned> {
	variants.into_iter().find(|variant| format!("{variant:?}") == name).ok_or_else(|| {
		let names: Vec<String> = variants.iter().map(|variant| format!("{variant:?}")).collect();
		invalid_params(format!(
			"{} is not a {what}: expected one of {}",
			quoted(name),
			names.join(", ")
		))
	})
}

/// The id a page of ids starts after.
pub fn id_cursor<Id: TryFrom<u64>>(cursor: Option<Cursor>) -> Result<Option<Id>, ErrorObjectOwned> {
	match cursor {
		None => Ok(None),
		Some(Cursor::Id(id)) => Id::try_from(id)
			.map(Some)
			.map_err(|_| invalid_params(format!("startAfter {id} is not an id of this list"))),
		Some(Cursor::Text(text)) => Err(invalid_params(format!(
			"startAfter {} is not an id: pass the `next` number of the page before",
			quoted(&text)
		))),
	}
}

/// The region code and key a page of a region list starts after: `<region>/<key>`.
pub fn region_cursor<Key>(
	cursor: Option<Cursor>,
	key: impl Fn(&str) -> Result<Key, ErrorObjectOwned>,
) -> Result<Option<(RegionCode, Key)>, ErrorObjectOwned> {
	let text = match cursor {
		None => return Ok(None),
		Some(Cursor::Text(text)) => text,
		Some(Cursor::Id(id)) => {
			return Err(invalid_params(format!(
				"startAfter {id} is not a region cursor: pass the `next` text of the page before"
			)))
		},
	};
	let (region_code, key_text) = text.split_once('/').ok_or_else(|| {
		invalid_params(format!(
			"startAfter {} is not `<region>/<key>`: pass the `next` text of the page before",
			quoted(&text)
		))
	})?;
	Ok(Some((region(region_code)?, key(key_text)?)))
}

/// A pledge id written as text, in a region cursor.
pub fn pledge_id(text: &str) -> Result<PledgeId, ErrorObjectOwned> {
	text.parse().map_err(|_| invalid_params(format!("{} is not a pledge id", quoted(text))))
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::rpc::errors::INVALID_PARAMS;
	use sp_keyring::Sr25519Keyring;

	fn refused<T: Debug>(result: Result<T, ErrorObjectOwned>) -> String {
		let error = result.expect_err("the parameter must be refused");
		assert_eq!(error.code(), INVALID_PARAMS);
		error.message().to_owned()
	}

	#[test]
	fn limits_default_to_a_full_page_and_stay_within_it() {
		assert_eq!(limit(None), Ok(MAX_PAGE_SIZE));
		assert_eq!(limit(Some(1)), Ok(1));
		assert_eq!(limit(Some(MAX_PAGE_SIZE)), Ok(MAX_PAGE_SIZE));
		assert!(refused(limit(Some(0))).contains("1 to 100"));
		assert!(refused(limit(Some(MAX_PAGE_SIZE + 1))).contains("limit 101 is out of range"));
	}

	#[test]
	fn addresses_of_any_prefix_give_the_account() {
		let alice = Sr25519Keyring::Alice.to_account_id();
		for prefix in [0u16, 42, cosmolocal_primitives::SS58_PREFIX] {
			let address = alice.to_ss58check_with_version(prefix.into());
			assert_eq!(account(&address), Ok(alice.clone()));
		}
		assert!(refused(account("5NotAnAddress")).contains("is not an SS58 address"));
	}

	#[test]
	fn an_overlong_address_is_refused_before_decoding_and_quoted_short() {
		let overlong = "a".repeat(1_000_000);
		let started = std::time::Instant::now();
		let error = refused(account(&overlong));
		assert!(started.elapsed() < std::time::Duration::from_millis(100));
		assert!(error.contains("an address has at most 50 characters"), "{error}");
		assert!(error.contains("(1000000 characters)"), "{error}");
		assert!(error.len() < 300, "{error}");
		let longest_valid = Sr25519Keyring::Alice
			.to_account_id()
			.to_ss58check_with_version(sp_core::crypto::Ss58AddressFormat::custom(16_383));
		assert!(longest_valid.len() <= MAX_ADDRESS_LEN, "{longest_valid}");
		assert_eq!(account(&longest_valid), Ok(Sr25519Keyring::Alice.to_account_id()));
	}

	#[test]
	fn refused_text_is_quoted_whole_when_short_and_cut_when_long() {
		assert_eq!(quoted("solar"), "`solar`");
		let long = "é".repeat(70);
		assert_eq!(quoted(&long), format!("`{}…` (70 characters)", "é".repeat(64)));
		assert!(refused(tag(&"x".repeat(10_000))).contains("(10000 characters)"));
	}

	#[test]
	fn a_cursor_of_neither_shape_says_what_a_cursor_is() {
		let error = serde_json::from_value::<Cursor>(serde_json::json!(true)).unwrap_err();
		assert!(error.to_string().contains("the `next` of the page before"), "{error}");
	}

	#[test]
	fn region_codes_are_checked_as_the_pallet_checks_them() {
		assert_eq!(region("ES-CT").map(|code| code.into_inner()), Ok(b"ES-CT".to_vec()));
		assert_eq!(region("KE").map(|code| code.into_inner()), Ok(b"KE".to_vec()));
		for malformed in ["es-ct", "E", "ES-", "ES-CTXX", "ESP", "", "ES-CATALONIA"] {
			assert!(refused(region(malformed)).contains("is not a region code"), "{malformed}");
		}
	}

	#[test]
	fn tags_are_checked_as_the_registry_checks_them() {
		assert_eq!(tag("solar-energy").map(|tag| tag.into_inner()), Ok(b"solar-energy".to_vec()));
		assert!(refused(tag("Solar")).contains("is not a tag"));
		assert!(refused(tag("")).contains("is not a tag"));
		assert!(refused(tag(&"a".repeat(25))).contains("at most 24 characters"));
	}

	#[test]
	fn states_are_named_as_in_the_metadata() {
		assert_eq!(pledge_state("Settled"), Ok(PledgeState::Settled));
		assert_eq!(contribution_state("Pending"), Ok(ContributionState::Pending));
		assert!(refused(pledge_state("settled")).contains("expected one of Funding, Funded,"));
		assert!(refused(contribution_state("Done")).contains("Pending, Accepted, Rejected"));
	}

	#[test]
	fn cursors_must_have_the_shape_of_their_list() {
		assert_eq!(id_cursor::<u32>(None), Ok(None));
		assert_eq!(id_cursor::<u32>(Some(Cursor::Id(7))), Ok(Some(7)));
		assert!(refused(id_cursor::<u32>(Some(Cursor::Id(u64::MAX)))).contains("not an id"));
		assert!(refused(id_cursor::<u32>(Some(Cursor::Text("ES/1".into())))).contains("not an id"));

		let cursor = region_cursor(Some(Cursor::Text("ES-CT/3".into())), pledge_id);
		assert_eq!(
			cursor.map(|c| c.map(|(region, id)| (region.into_inner(), id))),
			Ok(Some((b"ES-CT".to_vec(), 3)))
		);
		assert!(refused(region_cursor(Some(Cursor::Text("ES-CT".into())), pledge_id))
			.contains("`<region>/<key>`"));
		assert!(refused(region_cursor(Some(Cursor::Text("ES-CT/x".into())), pledge_id))
			.contains("not a pledge id"));
		assert!(
			refused(region_cursor(Some(Cursor::Id(3)), pledge_id)).contains("not a region cursor")
		);
	}

	#[test]
	fn filters_take_exactly_one_key() {
		use serde_json::json;
		assert_eq!(
			design_filter(json!({ "derivativesOf": 2 })),
			Ok(DesignFilter::DerivativesOf(2))
		);
		assert_eq!(
			pledge_filter(json!({ "state": "Funding" })),
			Ok(PledgeFilter::State("Funding".into()))
		);
		let two_keys = refused(pledge_filter(json!({ "design": 1, "state": "Funding" })));
		assert!(two_keys.contains("exactly one of `region`"));
		assert!(refused(design_filter(json!({ "colour": "red" })))
			.contains("exactly one of `maintainer`"));
		assert!(refused(design_filter(json!("solar"))).contains("exactly one of `maintainer`"));
	}
}
