//! The cosmo-local domain pallets: the open-design registry.

use crate::AccountId;
use crate::{Balances, Runtime, RuntimeHoldReason};
use cosmolocal_primitives::currency::deposit;
use frame_support::{parameter_types, traits::ConstU32};
use frame_system::EnsureRoot;
use sp_runtime::Permill;

parameter_types! {
	/// Deposit per storage entry of the registry: 0.1 CML.
	pub const DesignDepositPerItem: crate::Balance = deposit(1, 0);
	/// Deposit per byte stored in the registry: 0.001 CML.
	pub const DesignDepositPerByte: crate::Balance = deposit(0, 1);
	/// A design may ask at most 20 % of each settled production pledge for its commons.
	pub const MaxCommonsShare: Permill = Permill::from_percent(20);
}

impl pallet_design_registry::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	// The list of open licences and certifications are governance's, for now the sudo key's.
	type AdminOrigin = EnsureRoot<AccountId>;
	type CertifierOrigin = EnsureRoot<AccountId>;
	type Hooks = ();
	type DepositPerItem = DesignDepositPerItem;
	type DepositPerByte = DesignDepositPerByte;
	type MaxCommonsShare = MaxCommonsShare;
	type MaxMaintainers = ConstU32<16>;
	type MaxNameLen = ConstU32<64>;
	type MaxTags = ConstU32<8>;
	type MaxTagLen = ConstU32<24>;
	type MaxProcesses = ConstU32<17>;
	type MaxManifestLen = ConstU32<128>;
	type MaxVersionLabelLen = ConstU32<32>;
	type MaxEvidenceLen = ConstU32<128>;
	type MaxLineageDepth = ConstU32<4>;
	type WeightInfo = pallet_design_registry::weights::SubstrateWeight<Runtime>;
}
