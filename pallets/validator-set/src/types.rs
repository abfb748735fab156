//! The records the validator set keeps.

use crate::Config;
use frame_support::BoundedVec;

/// The validators, sorted, without repetition, at most `MaxValidators`.
pub type ValidatorList<T> =
	BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxValidators>;
