//! The Cosmolocal runtime.
//!
//! Open designs are a global commons, things are made locally by workshops and cooperatives, and
//! this runtime coordinates and accounts between them. This crate assembles the chain's pallets:
//! consensus (Aura, GRANDPA, and a validator set kept by governance with its sessions and
//! offences), money (Balances, TransactionPayment, Assets for community and local
//! currencies), governance by the member cooperatives (the Assembly, the arbitration panel, the
//! certifiers, the commons treasury, and root only through the Assembly: see
//! [`configs::governance`]), collective action (Multisig, Proxy, Utility) and, at the indices
//! reserved for them, the three domain pallets.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime!` does a lot of recursion and requires us to increase the limit.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod genesis_config_presets;
pub mod weights;

extern crate alloc;

use alloc::vec::Vec;
use sp_runtime::{generic, impl_opaque_keys};
use sp_version::RuntimeVersion;

pub use cosmolocal_primitives::{
	currency, time, AccountId, AssetId, Balance, BlockNumber, Hash, Nonce, Signature,
};
pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;

/// Opaque types, for the node: it knows the format of blocks and extrinsics only as bytes.
pub mod opaque {
	use super::*;
	use sp_runtime::traits::{BlakeTwo256, Hash as HashT};

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as HashT>::Output;
}

impl_opaque_keys! {
	/// The session keys of a validator: one for Aura block authoring, one for GRANDPA finality.
	pub struct SessionKeys {
		/// Signs the blocks this validator authors.
		pub aura: Aura,
		/// Signs this validator's finality votes.
		pub grandpa: Grandpa,
	}
}

/// What a proxy account may do on behalf of the account that appointed it. Defined at the
/// crate's root so that its type is named `…RuntimeProxyType`, which Polkadot.js Apps' proxy
/// dialogs look for.
#[derive(
	codec::Encode,
	codec::Decode,
	codec::DecodeWithMemTracking,
	codec::MaxEncodedLen,
	scale_info::TypeInfo,
	Copy,
	Clone,
	Eq,
	PartialEq,
	Ord,
	PartialOrd,
	Debug,
	Default,
)]
pub enum ProxyType {
	/// Everything the account itself may do.
	#[default]
	Any = 0,
	/// Everything that neither moves the account's money nor gives one of its powers away: a
	/// cooperative's member can act for it without being able to spend its money. Allowed: the
	/// domain calls but backing a pledge, a pledge's bond (`createPledge`), confirming receipt
	/// and donations to a network; claims, which pay the account itself; votes in the Assembly
	/// and the panel (not `changeKey`, which would give the seat away); session keys; noting
	/// preimages; paying out approved treasury spends; managing the account's own proxies; and
	/// `utility`'s batches of these. Refused: every other call, among them `balances`, `assets`,
	/// `multisig`, `proxy.proxy` and `sudo`.
	NonTransfer = 1,
	/// Only rejecting announcements of other proxies (a safety key), alone or in `utility`'s
	/// batches.
	CancelProxy = 2,
}

/// The runtime's identity and version, checked by nodes and wallets.
#[cfg(not(feature = "next-spec-version"))]
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("cosmolocal"),
	impl_name: alloc::borrow::Cow::Borrowed("cosmolocal-node"),
	authoring_version: 1,
	// Bumped whenever the runtime's logic changes; nodes and wallets follow it.
	spec_version: 100,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// The same runtime one `spec_version` on (feature `next-spec-version`): the code the
/// end-to-end tests upgrade a chain to. Keep it one above the version above.
#[cfg(feature = "next-spec-version")]
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("cosmolocal"),
	impl_name: alloc::borrow::Cow::Borrowed("cosmolocal-node"),
	authoring_version: 1,
	spec_version: 101,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// The address format of an extrinsic's signer: an account id or an index.
pub type Address = sp_runtime::MultiAddress<AccountId, ()>;

/// Block header type as expected by this runtime.
pub type Header = generic::Header<BlockNumber, sp_runtime::traits::BlakeTwo256>;

/// Block type as expected by this runtime.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// A block as it is signed by its author.
pub type SignedBlock = generic::SignedBlock<Block>;

/// Identifies a block by its hash or number.
pub type BlockId = generic::BlockId<Block>;

/// The transaction extensions every signed transaction carries, checked in this order.
pub type TxExtension = (
	frame_system::AuthorizeCall<Runtime>,
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	// Lets a wallet (a Ledger, for example) prove that it decoded the call with this runtime's
	// own metadata before signing it.
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// The extensions of an immortal transaction with `nonce`, no tip and no metadata hash: what the
/// node's benchmarks and load generator sign, and what the robustness runs apply.
pub fn immortal_transaction_extension(nonce: Nonce) -> TxExtension {
	(
		frame_system::AuthorizeCall::new(),
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(generic::Era::Immortal),
		frame_system::CheckNonce::from(nonce),
		frame_system::CheckWeight::new(),
		pallet_transaction_payment::ChargeTransactionPayment::from(0),
		frame_metadata_hash_extension::CheckMetadataHash::new(false),
		frame_system::WeightReclaim::new(),
	)
}

/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations run at the next runtime upgrade.
pub type Migrations = ();

/// Executive: handles dispatch to the various modules.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

/// The pallets of the chain, at indices that never move: a pallet's index is part of every call
/// and storage key, so wallets and indexers depend on it.
///
/// - 0–9: the system and consensus (5–9: authorship, sessions, their history, the validator set
///   and offences);
/// - 10–19: money (the native token, fees, community and local currencies);
/// - 20–29: governance;
/// - 30–39: collective action (batches, multisig and proxy accounts);
/// - 40–49: the cosmo-local domain: 40 `DesignRegistry`, 41 `ProductionPledges`,
///   42 `ContributiveAccounting`.
#[frame_support::runtime]
mod runtime {
	/// The runtime: every pallet of the chain.
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	/// Accounts, blocks, events and runtime upgrades.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	/// The time of each block, set by its author.
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	/// Who authored each block, for equivocation reports.
	#[runtime::pallet_index(5)]
	pub type Authorship = pallet_authorship;

	/// Sessions: the validators' keys, and the validator set changing at session boundaries.
	/// Before Aura and GRANDPA, which take each session's authorities from it.
	#[runtime::pallet_index(6)]
	pub type Session = pallet_session;

	/// The validators of past sessions, against which equivocations are proven.
	#[runtime::pallet_index(7)]
	pub type Historical = pallet_session::historical;

	/// The validators, added and removed by governance. After Session, whose genesis keys give
	/// the first validators.
	#[runtime::pallet_index(8)]
	pub type ValidatorSet = pallet_validator_set;

	/// Reported offences of validators (GRANDPA equivocations).
	#[runtime::pallet_index(9)]
	pub type Offences = pallet_offences;

	/// Block authoring in turns by the validators.
	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	/// Finality of blocks by the validators' votes.
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	/// The native token.
	#[runtime::pallet_index(10)]
	pub type Balances = pallet_balances;

	/// Transaction fees.
	#[runtime::pallet_index(11)]
	pub type TransactionPayment = pallet_transaction_payment;

	/// Community and local currencies that pledges can be priced in.
	#[runtime::pallet_index(12)]
	pub type Assets = pallet_assets;

	/// An administrator key, on development chains only: other chains start without one.
	#[runtime::pallet_index(20)]
	pub type Sudo = pallet_sudo;

	/// The Assembly: the member cooperatives, one member one vote, deciding by motions.
	#[runtime::pallet_index(21)]
	pub type Council = pallet_collective<Instance1>;

	/// The members of the Assembly, admitted and removed by the Assembly itself.
	#[runtime::pallet_index(22)]
	pub type CouncilMembership = pallet_membership<Instance1>;

	/// The arbitration panel, which resolves disputed deliveries by motions.
	#[runtime::pallet_index(23)]
	pub type TechnicalCommittee = pallet_collective<Instance2>;

	/// The members of the arbitration panel, chosen by the Assembly.
	#[runtime::pallet_index(24)]
	pub type TechnicalMembership = pallet_membership<Instance2>;

	/// The certifying bodies, kept by the Assembly: each certifies designs in its own name.
	#[runtime::pallet_index(25)]
	pub type Certifiers = pallet_membership<Instance3>;

	/// The commons treasury: a share of every fee, spent by the Assembly.
	#[runtime::pallet_index(26)]
	pub type Treasury = pallet_treasury;

	/// Calls noted in advance by their hash, for the whitelist.
	#[runtime::pallet_index(27)]
	pub type Preimage = pallet_preimage;

	/// Root calls, dispatched only after three quarters of the Assembly whitelisted them.
	#[runtime::pallet_index(28)]
	pub type Whitelist = pallet_whitelist;

	/// Batches of calls.
	#[runtime::pallet_index(30)]
	pub type Utility = pallet_utility;

	/// Accounts controlled by several members with a threshold: how cooperatives act.
	#[runtime::pallet_index(31)]
	pub type Multisig = pallet_multisig;

	/// Accounts that act for others, within limits.
	#[runtime::pallet_index(32)]
	pub type Proxy = pallet_proxy;

	/// The open-design commons: designs, versions, lineage, licences and attestations.
	#[runtime::pallet_index(40)]
	pub type DesignRegistry = pallet_design_registry;

	/// Local production: producers, pledges backed in escrow, delivery and settlement.
	#[runtime::pallet_index(41)]
	pub type ProductionPledges = pallet_production_pledges;

	/// Value networks: contributions, points, and revenue shared by contribution.
	#[runtime::pallet_index(42)]
	pub type ContributiveAccounting = pallet_contributive_accounting;

	/// The community currencies the Assembly approved for prices and revenue.
	#[runtime::pallet_index(43)]
	pub type CommunityCurrencies = pallet_community_currencies;
}
