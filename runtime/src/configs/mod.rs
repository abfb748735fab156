//! The configuration of every pallet of the runtime, one module per area.

mod arbitration;
mod collective;
mod consensus;
mod domain;
pub mod governance;
mod monetary;
mod system;
pub mod treasury;
mod validators;

pub use monetary::{TransactionByteFee, WeightToFee};
pub use system::{RuntimeBlockLength, RuntimeBlockWeights};
pub use validators::{HISTORY_DEPTH, SESSION_PERIOD};
