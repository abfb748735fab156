//! How people act together: batches of calls, multisig accounts (the usual form of a cooperative
//! on the chain), proxy accounts, and the administrator key.

use crate::{Balance, Balances, OriginCaller, ProxyType, Runtime, RuntimeCall, RuntimeEvent};
use cosmolocal_primitives::currency::deposit;
use frame_support::{parameter_types, traits::InstanceFilter};
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

impl InstanceFilter<RuntimeCall> for ProxyType {
	fn filter(&self, call: &RuntimeCall) -> bool {
		match self {
			ProxyType::Any => true,
			ProxyType::NonTransfer => !matches!(
				call,
				RuntimeCall::Balances(..)
					| RuntimeCall::Assets(..)
					| RuntimeCall::Sudo(..)
					| RuntimeCall::ProductionPledges(
						pallet_production_pledges::Call::back { .. }
							| pallet_production_pledges::Call::create_pledge { .. }
					) | RuntimeCall::ContributiveAccounting(
					pallet_contributive_accounting::Call::deposit_revenue { .. }
				)
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
		let back = RuntimeCall::ProductionPledges(pallet_production_pledges::Call::back {
			pledge: 0,
			units: 1,
		});
		let donate = RuntimeCall::ContributiveAccounting(
			pallet_contributive_accounting::Call::deposit_revenue {
				network: 0,
				asset: frame_support::traits::fungible::NativeOrWithId::Native,
				amount: 1,
			},
		);
		let claim =
			RuntimeCall::ContributiveAccounting(pallet_contributive_accounting::Call::claim {
				network: 0,
				asset: frame_support::traits::fungible::NativeOrWithId::Native,
			});
		let review = RuntimeCall::ContributiveAccounting(
			pallet_contributive_accounting::Call::review_contribution {
				contribution: 0,
				approve: true,
			},
		);
		assert!(!ProxyType::NonTransfer.filter(&back), "backing pays into an escrow");
		assert!(!ProxyType::NonTransfer.filter(&donate), "a donation pays a network");
		assert!(ProxyType::NonTransfer.filter(&claim), "a claim pays the account itself");
		assert!(ProxyType::NonTransfer.filter(&review));
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
