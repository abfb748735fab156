//! The chain specifications the node knows by name: `dev` and `local` (and `benchmark`, in
//! [`crate::benchmark_chain`]).

use cosmolocal_primitives::{currency, SS58_PREFIX};
use cosmolocal_runtime::WASM_BINARY;
use sc_service::{ChainType, Properties};

/// A chain specification of Cosmolocal: genesis, boot nodes, and the token's display properties.
pub type ChainSpec = sc_service::GenericChainSpec;

/// The network protocol id of the chains the node builds: their nodes' peer-to-peer protocols
/// are named after it, so that they do not mix with other Substrate chains (the fallback is
/// `sup`).
pub(crate) const PROTOCOL_ID: &str = "cosmolocal";

/// How wallets show the token and addresses: Polkadot.js Apps reads these through
/// `system_properties`.
pub(crate) fn token_properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), currency::TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), currency::TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_PREFIX.into());
	properties
}

pub(crate) fn wasm_binary() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"The runtime's wasm blob was not built; rebuild without SKIP_WASM_BUILD.".to_string()
	})
}

/// One validator (Alice) on this machine: `--dev`.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Cosmolocal Development")
		.with_id("cosmolocal_dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_protocol_id(PROTOCOL_ID)
		.with_properties(token_properties())
		.build())
}

/// Two validators (Alice and Bob) on a local network: `--chain local`.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, None)
		.with_name("Cosmolocal Local Testnet")
		.with_id("cosmolocal_local")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_protocol_id(PROTOCOL_ID)
		.with_properties(token_properties())
		.build())
}
