//! How people act together: batches of calls, multisig accounts (the usual form of a cooperative
//! on the chain), proxy accounts, and the administrator key.

use crate::{Balance, Balances, OriginCaller, Runtime, RuntimeCall, RuntimeEvent};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use cosmolocal_primitives::currency::deposit;
use frame_support::{parameter_types, traits::InstanceFilter};
use scale_info::TypeInfo;
use sp_runtime::traits::BlakeTwo256;

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Held from whoever opens a multisig operation, for its storage entry (88 bytes).
	pub const MultisigDepositBase: Balance = deposit(1, 88);
	/// Held per signatory of an open multisig operation (32 bytes each).
	pub const MultisigDepositFactor: Balance = deposit(0, 32);
}

impl pallet_multisig::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type DepositBase = MultisigDepositBase;
	type DepositFactor = MultisigDepositFactor;
	type MaxSignatories = frame_support::traits::ConstU32<100>;
	type WeightInfo = pallet_multisig::weights::SubstrateWeight<Runtime>;
	type BlockNumberProvider = frame_system::Pallet<Runtime>;
}

/// What a proxy account may do on behalf of the account that appointed it.
#[derive(
	Copy,
	Clone,
	Eq,
	PartialEq,
	Ord,
	PartialOrd,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	MaxEncodedLen,
	TypeInfo,
	Default,
)]
pub enum ProxyType {
	/// Everything the account itself may do.
	#[default]
	Any = 0,
	/// Everything but moving the native token or assets: a cooperative's member can act for it
	/// without being able to spend its money.
	NonTransfer = 1,
	/// Only rejecting announcements of other proxies (a safety key).
	CancelProxy = 2,
}

impl InstanceFilter<RuntimeCall> for ProxyType {
	fn filter(&self, call: &RuntimeCall) -> bool {
		match self {
			ProxyType::Any => true,
			ProxyType::NonTransfer => !matches!(
				call,
				RuntimeCall::Balances(..) | RuntimeCall::Assets(..) | RuntimeCall::Sudo(..)
			),
			ProxyType::CancelProxy => matches!(
				call,
				RuntimeCall::Proxy(pallet_proxy::Call::reject_announcement { .. })
					| RuntimeCall::Utility(..)
					| RuntimeCall::Multisig(..)
			),
		}
	}

	fn is_superset(&self, other: &Self) -> bool {
		match (self, other) {
			(ProxyType::Any, _) => true,
			(_, ProxyType::Any) => false,
			(ProxyType::NonTransfer, _) => true,
			_ => false,
		}
	}
}

parameter_types! {
	/// Held from an account for having proxies at all (its proxy list's storage entry).
	pub const ProxyDepositBase: Balance = deposit(1, 8);
	/// Held per proxy (33 bytes: account and type).
	pub const ProxyDepositFactor: Balance = deposit(0, 33);
	/// Held for having announcements at all.
	pub const AnnouncementDepositBase: Balance = deposit(1, 8);
	/// Held per announcement (68 bytes: account, call hash and block).
	pub const AnnouncementDepositFactor: Balance = deposit(0, 68);
}

impl pallet_proxy::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type ProxyType = ProxyType;
	type ProxyDepositBase = ProxyDepositBase;
	type ProxyDepositFactor = ProxyDepositFactor;
	type MaxProxies = frame_support::traits::ConstU32<32>;
	type WeightInfo = pallet_proxy::weights::SubstrateWeight<Runtime>;
	type MaxPending = frame_support::traits::ConstU32<32>;
	type CallHasher = BlakeTwo256;
	type AnnouncementDepositBase = AnnouncementDepositBase;
	type AnnouncementDepositFactor = AnnouncementDepositFactor;
	type BlockNumberProvider = frame_system::Pallet<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

#[cfg(test)]
mod tests {
	use super::*;

	fn transfer() -> RuntimeCall {
		RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death {
			dest: sp_runtime::MultiAddress::Id([1u8; 32].into()),
			value: 1,
		})
	}

	fn remark() -> RuntimeCall {
		RuntimeCall::System(frame_system::Call::remark { remark: vec![] })
	}

	#[test]
	fn non_transfer_proxies_cannot_move_money() {
		assert!(!ProxyType::NonTransfer.filter(&transfer()));
		assert!(ProxyType::NonTransfer.filter(&remark()));
		assert!(ProxyType::Any.filter(&transfer()));
	}

	#[test]
	fn cancel_proxies_only_reject_announcements() {
		let reject = RuntimeCall::Proxy(pallet_proxy::Call::reject_announcement {
			delegate: sp_runtime::MultiAddress::Id([1u8; 32].into()),
			call_hash: Default::default(),
		});
		assert!(ProxyType::CancelProxy.filter(&reject));
		assert!(!ProxyType::CancelProxy.filter(&remark()));
		assert!(!ProxyType::CancelProxy.filter(&transfer()));
	}

	#[test]
	fn any_is_the_widest_proxy_type() {
		assert!(ProxyType::Any.is_superset(&ProxyType::NonTransfer));
		assert!(ProxyType::NonTransfer.is_superset(&ProxyType::CancelProxy));
		assert!(!ProxyType::NonTransfer.is_superset(&ProxyType::Any));
		assert!(!ProxyType::CancelProxy.is_superset(&ProxyType::NonTransfer));
	}
}
