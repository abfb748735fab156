//! The node's own JSON-RPC methods, besides the standard ones sc-service serves: account nonces
//! (`system_accountNextIndex`, `system_dryRun`), fee queries (`payment_queryInfo`,
//! `payment_queryFeeDetails`), GRANDPA's state and finality proofs (`grandpa_roundState`,
//! `grandpa_proveFinality`, `grandpa_subscribeJustifications`) and the `cosmolocal_*` queries of
//! designs, producers, pledges and value networks.

mod cosmolocal;
mod errors;
mod params;
mod views;

pub use cosmolocal::CosmolocalRuntimeApis;

use cosmolocal_runtime::{opaque::Block, AccountId, Balance, Nonce};
use jsonrpsee::RpcModule;
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};
use std::sync::Arc;

/// What the RPC methods need from the node.
pub struct FullDeps<C, P, B> {
	/// The client, to call runtime APIs at a block.
	pub client: Arc<C>,
	/// The transaction pool, for nonces that count pending transactions.
	pub pool: Arc<P>,
	/// GRANDPA's state, for its RPC methods.
	pub grandpa: GrandpaDeps<B>,
}

/// What GRANDPA's RPC methods read.
pub struct GrandpaDeps<B> {
	/// The voter's rounds, for `grandpa_roundState`.
	pub shared_voter_state: sc_consensus_grandpa::SharedVoterState,
	/// The current authority set.
	pub shared_authority_set: sc_consensus_grandpa::SharedAuthoritySet<
		<Block as sp_runtime::traits::Block>::Hash,
		sp_runtime::traits::NumberFor<Block>,
	>,
	/// Justifications as blocks are finalized, for `grandpa_subscribeJustifications`.
	pub justification_stream: sc_consensus_grandpa::GrandpaJustificationStream<Block>,
	/// Runs the subscriptions.
	pub subscription_executor: sc_rpc::SubscriptionTaskExecutor,
	/// Finality proofs, for `grandpa_proveFinality`.
	pub finality_provider: Arc<sc_consensus_grandpa::FinalityProofProvider<B, Block>>,
}

/// Builds the RPC module of a full node.
pub fn create_full<C, P, B>(
	deps: FullDeps<C, P, B>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	B: sc_client_api::Backend<Block> + Send + Sync + 'static,
	B::State: sc_client_api::StateBackend<sp_runtime::traits::HashingFor<Block>>,
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>
		+ pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>
		+ BlockBuilder<Block>
		+ CosmolocalRuntimeApis,
	P: TransactionPool + 'static,
{
	use cosmolocal::{Cosmolocal, CosmolocalApiServer};
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use sc_consensus_grandpa_rpc::{Grandpa, GrandpaApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool, grandpa } = deps;
	let GrandpaDeps {
		shared_voter_state,
		shared_authority_set,
		justification_stream,
		subscription_executor,
		finality_provider,
	} = grandpa;

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(Cosmolocal::new(client).into_rpc())?;
	module.merge(
		Grandpa::new(
			subscription_executor,
			shared_authority_set,
			shared_voter_state,
			justification_stream,
			finality_provider,
		)
		.into_rpc(),
	)?;

	Ok(module)
}
