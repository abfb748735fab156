//! The errors of the `cosmolocal_*` methods and their JSON-RPC codes.

use jsonrpsee::types::{error::INVALID_PARAMS_CODE, ErrorObjectOwned};
use std::fmt::Display;

/// A parameter is malformed: an address, a region code, a tag, a state name, a cursor or a limit.
pub const INVALID_PARAMS: i32 = INVALID_PARAMS_CODE;

/// The design, producer, pledge, network or block asked for does not exist.
pub const NOT_FOUND: i32 = 4004;

/// The runtime could not answer, for example because the block's state has been pruned.
pub const RUNTIME_ERROR: i32 = 5000;

/// A malformed parameter, with what was expected.
pub fn invalid_params(message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(INVALID_PARAMS, message.into(), None::<()>)
}

/// `what` does not exist at the block asked about.
pub fn not_found(what: impl Display) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(NOT_FOUND, format!("{what} not found"), None::<()>)
}

/// `what` does not exist at the block asked about; the data says where to look instead.
pub fn not_found_with_hint(what: impl Display, hint: &str) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(NOT_FOUND, format!("{what} not found"), Some(hint))
}

/// The runtime failed to answer; the data says why.
pub fn runtime_error(error: impl Display) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(
		RUNTIME_ERROR,
		"the runtime could not answer the query",
		Some(error.to_string()),
	)
}
