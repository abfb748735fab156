//! The calls whose throughput is measured, and how they are signed: `benchmark extrinsic` fills
//! blocks with them, and `load` sends them to a running node. They run on the benchmark chain
//! (`--chain benchmark…`), whose genesis holds the accounts, pledge and network they need.

use crate::benchmark_chain::{self, BenchmarkChain};
use codec::Encode;
use cosmolocal_primitives::{contribution::ContributionKind, currency::UNITS, design::Process};
use cosmolocal_runtime::{AccountId, RuntimeCall, SignedPayload, UncheckedExtrinsic, VERSION};
use frame_benchmarking_cli::{ExtrinsicBuilder, ExtrinsicFactory};
use frame_support::{traits::fungible::NativeOrWithId, BoundedVec};
use sp_core::{sr25519, Pair, H256};
use sp_inherents::{InherentData, InherentDataProvider};
use sp_runtime::{traits::Hash, OpaqueExtrinsic};

/// Who sends a measured call.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Signers {
	/// The benchmark chain's funded senders, `//bench//<index>`.
	Senders,
	/// The benchmark network's members, `//contributor//<index>`, each with revenue to claim.
	Members,
}

impl Signers {
	/// How many the benchmark chain has.
	pub fn count(self, chain: &BenchmarkChain) -> u32 {
		match self {
			Self::Senders => chain.accounts,
			Self::Members => chain.contributors,
		}
	}

	/// The signer number `index`.
	pub fn pair(self, index: u32) -> sr25519::Pair {
		match self {
			Self::Senders => benchmark_chain::sender(index),
			Self::Members => benchmark_chain::contributor(index),
		}
	}
}

/// A call whose throughput is measured: by `benchmark extrinsic` and by `load`.
pub struct MeasuredCall {
	/// The pallet, in lower case, as `benchmark extrinsic --pallet` takes it.
	pub pallet: &'static str,
	/// The call, as `benchmark extrinsic --extrinsic` takes it.
	pub extrinsic: &'static str,
	/// Who sends it.
	pub signers: Signers,
	/// The `index`-th call of a run.
	pub call: fn(&BenchmarkChain, u32) -> RuntimeCall,
}

/// The calls measured: a remark and a transfer, as every Substrate chain measures, and the
/// domain calls that cooperatives send most.
pub const MEASURED_CALLS: [MeasuredCall; 6] = [
	MeasuredCall { pallet: "system", extrinsic: "remark", signers: Signers::Senders, call: remark },
	MeasuredCall {
		pallet: "balances",
		extrinsic: "transfer_keep_alive",
		signers: Signers::Senders,
		call: transfer_keep_alive,
	},
	MeasuredCall {
		pallet: "designregistry",
		extrinsic: "register_design",
		signers: Signers::Senders,
		call: register_design,
	},
	MeasuredCall {
		pallet: "productionpledges",
		extrinsic: "back",
		signers: Signers::Senders,
		call: back,
	},
	MeasuredCall {
		pallet: "contributiveaccounting",
		extrinsic: "log_contribution",
		signers: Signers::Senders,
		call: log_contribution,
	},
	MeasuredCall {
		pallet: "contributiveaccounting",
		extrinsic: "claim",
		signers: Signers::Members,
		call: claim,
	},
];

/// Builds one kind of extrinsic for `benchmark extrinsic`: the `index`-th extrinsic of a block
/// is the first of signer `index`, so that each comes from a different account.
struct CallBuilder {
	measured: &'static MeasuredCall,
	chain: BenchmarkChain,
	signing: SigningContext,
}

impl ExtrinsicBuilder for CallBuilder {
	fn pallet(&self) -> &str {
		self.measured.pallet
	}

	fn extrinsic(&self) -> &str {
		self.measured.extrinsic
	}

	fn build(&self, index: u32) -> Result<OpaqueExtrinsic, &'static str> {
		if index >= self.measured.signers.count(&self.chain) {
			return Err("the benchmark chain has fewer signers than the block holds extrinsics: \
				raise `accounts` (or `contributors`, for claims) in `--chain benchmark:…`, or \
				lower `--max-ext-per-block`");
		}
		let call = (self.measured.call)(&self.chain, index);
		let extrinsic = self.signing.sign(&self.measured.signers.pair(index), call, 0);
		OpaqueExtrinsic::try_from_encoded_extrinsic(&extrinsic.encode())
			.map_err(|_| "a signed extrinsic decodes as an opaque one")
	}
}

/// The builders of every extrinsic `benchmark extrinsic` offers, on `chain` with genesis
/// `genesis`.
pub fn extrinsic_factory(chain: &BenchmarkChain, genesis: H256) -> ExtrinsicFactory {
	let signing = SigningContext {
		genesis,
		spec_version: VERSION.spec_version,
		transaction_version: VERSION.transaction_version,
	};
	ExtrinsicFactory(
		MEASURED_CALLS
			.iter()
			.map(|measured| {
				Box::new(CallBuilder { measured, chain: chain.clone(), signing })
					as Box<dyn ExtrinsicBuilder>
			})
			.collect(),
	)
}

fn remark(_: &BenchmarkChain, _: u32) -> RuntimeCall {
	frame_system::Call::remark { remark: Vec::new() }.into()
}

/// One CML to Alice, who exists: the standard transfer of sTPS measurements.
fn transfer_keep_alive(_: &BenchmarkChain, _: u32) -> RuntimeCall {
	pallet_balances::Call::transfer_keep_alive {
		dest: sp_keyring::Sr25519Keyring::Alice.to_account_id().into(),
		value: UNITS,
	}
	.into()
}

/// A design with two tags, two processes and a first version, like the examples'.
fn register_design(_: &BenchmarkChain, index: u32) -> RuntimeCall {
	let name = format!("Measured design {index}");
	pallet_design_registry::Call::register_design {
		name: bounded(name.as_bytes()),
		licences: pallet_design_registry::DesignLicences {
			hardware: bounded(b"CERN-OHL-S-2.0"),
			documentation: bounded(b"CC-BY-SA-4.0"),
			software: None,
		},
		tags: BoundedVec::truncate_from(vec![bounded(b"measured"), bounded(b"solar")]),
		processes: BoundedVec::truncate_from(vec![Process::Woodworking, Process::Assembly]),
		manifest: bounded(format!("ipfs://measured/design-{index}").as_bytes()),
		manifest_hash: sp_runtime::traits::BlakeTwo256::hash(name.as_bytes()).0,
		version_label: bounded(b"1.0.0"),
		lineage: None,
	}
	.into()
}

/// One unit of the benchmark pledge.
fn back(_: &BenchmarkChain, _: u32) -> RuntimeCall {
	pallet_production_pledges::Call::back { pledge: BenchmarkChain::PLEDGE, units: 1 }.into()
}

/// An hour of documentation in the benchmark network.
fn log_contribution(chain: &BenchmarkChain, index: u32) -> RuntimeCall {
	pallet_contributive_accounting::Call::log_contribution {
		network: chain.network(),
		kind: ContributionKind::Documentation,
		quantity: 1,
		evidence: bounded(format!("ipfs://measured/evidence-{index}").as_bytes()),
	}
	.into()
}

/// A member of the benchmark network claiming its revenue.
fn claim(chain: &BenchmarkChain, _: u32) -> RuntimeCall {
	pallet_contributive_accounting::Call::claim {
		network: chain.network(),
		asset: NativeOrWithId::Native,
	}
	.into()
}

fn bounded<S: frame_support::traits::Get<u32>>(bytes: &[u8]) -> BoundedVec<u8, S> {
	BoundedVec::truncate_from(bytes.to_vec())
}

/// What a signature commits to besides the call: the chain and its runtime's version.
#[derive(Clone, Copy, Debug)]
pub struct SigningContext {
	/// The chain's genesis hash.
	pub genesis: H256,
	/// The runtime's `spec_version`.
	pub spec_version: u32,
	/// The runtime's `transaction_version`.
	pub transaction_version: u32,
}

impl SigningContext {
	/// `call` signed by `signer` with `nonce`, immortal, with no tip.
	pub fn sign(
		&self,
		signer: &sr25519::Pair,
		call: RuntimeCall,
		nonce: u32,
	) -> UncheckedExtrinsic {
		let extension = cosmolocal_runtime::immortal_transaction_extension(nonce);
		let implicit = (
			(),
			(),
			self.spec_version,
			self.transaction_version,
			self.genesis,
			self.genesis,
			(),
			(),
			(),
			None,
			(),
		);
		let payload = SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
		let signature = payload.using_encoded(|bytes| signer.sign(bytes));
		let signer = AccountId::from(signer.public());
		UncheckedExtrinsic::new_signed(call, signer.into(), signature.into(), extension)
	}
}

/// The inherents of a benchmark block: a timestamp at slot 0, the genesis slot.
pub fn inherent_data() -> sc_cli::Result<InherentData> {
	let mut inherent_data = InherentData::new();
	let timestamp = sp_timestamp::InherentDataProvider::new(0.into());
	futures::executor::block_on(timestamp.provide_inherent_data(&mut inherent_data))
		.map_err(|error| format!("creating the timestamp inherent: {error:?}"))?;
	Ok(inherent_data)
}
