//! One step of a run, and how a run is read from bytes.

use codec::{Decode, DecodeLimit, Encode};
use cosmolocal_runtime::RuntimeCall;

/// The most steps a run decoded from bytes has: enough for several blocks of every kind of call,
/// few enough that a fuzzer tries many runs a second.
pub const MAX_STEPS: usize = 256;

/// Who dispatches a step's call.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub enum Origin {
	/// The actor of this index (see [`crate::actors::actor`]) signs it and pays its fee.
	Signed(u8),
	/// Governance dispatches it: the arbitration panel by a motion for a verdict on a dispute,
	/// and for every other call the Assembly, as root, by a motion of three quarters through the
	/// whitelist.
	Root,
}

/// A call in a run: after `lapse` blocks have passed (0: in the same block as the step
/// before), `origin` dispatches `call`.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct Step {
	/// How many blocks pass before this step; the blocks in between are empty.
	pub lapse: u16,
	/// Who dispatches the call.
	pub origin: Origin,
	/// The call.
	pub call: RuntimeCall,
}

impl Step {
	/// A signed step in the same block as the step before.
	pub fn signed(actor: u8, call: RuntimeCall) -> Self {
		Self { lapse: 0, origin: Origin::Signed(actor), call }
	}

	/// The run that `bytes` encode: steps are decoded one after the other, with the runtime's
	/// limit on nesting, until the bytes run out, one fails to decode, or [`MAX_STEPS`].
	pub fn decode_run(mut bytes: &[u8]) -> Vec<Step> {
		let mut run = Vec::new();
		while !bytes.is_empty() && run.len() < MAX_STEPS {
			match Step::decode_with_depth_limit(frame_support::MAX_EXTRINSIC_DEPTH, &mut bytes) {
				Ok(step) => run.push(step),
				Err(_) => break,
			}
		}
		run
	}

	/// The bytes of a run, as [`Step::decode_run`] reads them.
	pub fn encode_run(run: &[Step]) -> Vec<u8> {
		run.iter().flat_map(Encode::encode).collect()
	}
}
