//! Builds the runtime's wasm blob, with the hash of its metadata when `metadata-hash` is enabled.

/// The token's symbol and decimals, which the metadata hash covers.
#[cfg(all(feature = "std", feature = "metadata-hash"))]
mod token {
	include!("../primitives/src/token.rs");
}

#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn main() {
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash(token::TOKEN_SYMBOL, token::TOKEN_DECIMALS)
		.build();
}

#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

#[cfg(not(feature = "std"))]
fn main() {}
