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
	type WeightInfo = crate::weights::pallet_utility::WeightInfo<Runtime>;
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
	type WeightInfo = crate::weights::pallet_multisig::WeightInfo<Runtime>;
	type BlockNumberProvider = frame_system::Pallet<Runtime>;
}

/// Each proxy type is an allowlist: a call is allowed only where it is named below. A call that
/// dispatches another call under a new origin (`multisig`'s, `proxy.proxy`, `utility.asDerivative`
/// and `utility.dispatchAs`) would drop the proxy's filter, so only `Any` may make one; the
/// batches of `utility` keep the filter for each call they carry.
impl InstanceFilter<RuntimeCall> for ProxyType {
	fn filter(&self, call: &RuntimeCall) -> bool {
		match self {
			ProxyType::Any => true,
			ProxyType::NonTransfer => allowed_without_moving_money(call),
			ProxyType::CancelProxy => {
				matches!(call, RuntimeCall::Proxy(pallet_proxy::Call::reject_announcement { .. }))
					|| is_filtered_batch(call)
			},
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

/// The batches of `utility`, which dispatch each of their calls through the same filter.
fn is_filtered_batch(call: &RuntimeCall) -> bool {
	matches!(
		call,
		RuntimeCall::Utility(
			pallet_utility::Call::batch { .. }
				| pallet_utility::Call::batch_all { .. }
				| pallet_utility::Call::force_batch { .. }
		)
	)
}

/// A member's part in a motion of a collective: proposing, voting, closing.
fn is_motion_step<I: 'static>(call: &pallet_collective::Call<Runtime, I>) -> bool
where
	Runtime: pallet_collective::Config<I>,
{
	matches!(
		call,
		pallet_collective::Call::propose { .. }
			| pallet_collective::Call::vote { .. }
			| pallet_collective::Call::close { .. }
	)
}

/// What a `NonTransfer` proxy may do for the account that appointed it: everything that does not
/// move the account's money or give away one of its powers. Deposits are not payments (they stay
/// the account's, held), and claims pay the account itself. The domain pallets' calls are each
/// named, so that a new call cannot be allowed without a decision here.
fn allowed_without_moving_money(call: &RuntimeCall) -> bool {
	use pallet_contributive_accounting::Call as Accounting;
	use pallet_design_registry::Call as Registry;
	use pallet_production_pledges::Call as Pledges;
	match call {
		RuntimeCall::System(frame_system::Call::remark { .. })
		| RuntimeCall::System(frame_system::Call::remark_with_event { .. }) => true,
		RuntimeCall::Utility(..) => is_filtered_batch(call),
		// Managing the account's proxies (never one with more powers than this one: pallet-proxy
		// refuses it) and announcements, but not acting through another account's proxy.
		RuntimeCall::Proxy(
			pallet_proxy::Call::add_proxy { .. }
			| pallet_proxy::Call::remove_proxy { .. }
			| pallet_proxy::Call::announce { .. }
			| pallet_proxy::Call::remove_announcement { .. }
			| pallet_proxy::Call::reject_announcement { .. }
			| pallet_proxy::Call::poke_deposit { .. },
		) => true,
		// A validator's keys.
		RuntimeCall::Session(
			pallet_session::Call::set_keys { .. } | pallet_session::Call::purge_keys { .. },
		) => true,
		// Voting in the Assembly and the panel, but not giving the seat away (`changeKey`).
		RuntimeCall::Council(call) => is_motion_step(call),
		RuntimeCall::TechnicalCommittee(call) => is_motion_step(call),
		RuntimeCall::Preimage(
			pallet_preimage::Call::note_preimage { .. }
			| pallet_preimage::Call::unnote_preimage { .. },
		) => true,
		// Paying out a spend the Assembly approved, to its beneficiary.
		RuntimeCall::Treasury(
			pallet_treasury::Call::payout { .. } | pallet_treasury::Call::check_status { .. },
		) => true,
		RuntimeCall::DesignRegistry(call) => match call {
			Registry::register_design { .. }
			| Registry::publish_version { .. }
			| Registry::add_maintainer { .. }
			| Registry::remove_maintainer { .. }
			| Registry::set_commons_share { .. }
			| Registry::set_readiness { .. }
			| Registry::deprecate { .. }
			| Registry::attest { .. }
			| Registry::revoke_attestation { .. }
			| Registry::certify { .. }
			| Registry::allow_licence { .. }
			| Registry::disallow_licence { .. } => true,
			Registry::__Ignore(..) => false,
		},
		RuntimeCall::ProductionPledges(call) => match call {
			Pledges::register_producer { .. }
			| Pledges::update_producer { .. }
			| Pledges::retire_producer { .. }
			| Pledges::withdraw_backing { .. }
			| Pledges::close_funding { .. }
			| Pledges::report_delivery { .. }
			| Pledges::dispute { .. }
			| Pledges::resolve_dispute { .. }
			| Pledges::settle { .. }
			| Pledges::mark_defaulted { .. }
			| Pledges::cancel_pledge { .. }
			| Pledges::claim_refund { .. }
			| Pledges::claim_refund_for { .. }
			| Pledges::pay_producer { .. } => true,
			// Backing pays into an escrow, a pledge's bond comes from the producer, and
			// confirming receipt pays the producer and ends the backer's right to dispute.
			Pledges::back { .. }
			| Pledges::create_pledge { .. }
			| Pledges::confirm_receipt { .. } => false,
			Pledges::__Ignore(..) => false,
		},
		RuntimeCall::ContributiveAccounting(call) => match call {
			Accounting::create_network { .. }
			| Accounting::set_value_equation { .. }
			| Accounting::set_stewards { .. }
			| Accounting::log_contribution { .. }
			| Accounting::review_contribution { .. }
			| Accounting::withdraw_contribution { .. }
			| Accounting::claim { .. } => true,
			// A donation.
			Accounting::deposit_revenue { .. } => false,
			Accounting::__Ignore(..) => false,
		},
		_ => false,
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
	type WeightInfo = crate::weights::pallet_proxy::WeightInfo<Runtime>;
	type MaxPending = frame_support::traits::ConstU32<32>;
	type CallHasher = BlakeTwo256;
	type AnnouncementDepositBase = AnnouncementDepositBase;
	type AnnouncementDepositFactor = AnnouncementDepositFactor;
	type BlockNumberProvider = frame_system::Pallet<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = crate::weights::pallet_sudo::WeightInfo<Runtime>;
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
