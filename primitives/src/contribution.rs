//! What value networks count: the kinds of contribution, shared by the pallets that record them.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// The identifier of a value network, counted from 0.
pub type NetworkId = u32;

/// The kinds of contribution a value network values.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum ContributionKind {
	/// Designing: drawings, models, code of the design itself.
	Design,
	/// Writing documentation and instructions.
	Documentation,
	/// Testing and reviewing.
	Testing,
	/// Making units.
	Production,
	/// Providing materials or tools.
	Materials,
	/// Providing money.
	Funding,
	/// Care work: looking after people and the community.
	Care,
	/// Coordination: meetings, planning, administration.
	Coordination,
}

impl ContributionKind {
	/// Every kind, in order.
	pub fn all() -> [Self; 8] {
		[
			Self::Design,
			Self::Documentation,
			Self::Testing,
			Self::Production,
			Self::Materials,
			Self::Funding,
			Self::Care,
			Self::Coordination,
		]
	}
}
