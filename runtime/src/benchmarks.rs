//! The pallets whose extrinsics `cosmolocal-node benchmark pallet` measures.
//!
//! The certifiers' membership (`Certifiers`) is not among them: FRAME's `remove_member`
//! benchmark checks that the membership's `MembershipChanged` keeps a prime, and the certifiers
//! notify nobody (`()`). Its calls do less than the Assembly's membership, which also changes the
//! Assembly's members, so it uses the Assembly membership's weights (`configs/governance.rs`).

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_sudo, Sudo]
	[pallet_utility, Utility]
	[pallet_multisig, Multisig]
	[pallet_proxy, Proxy]
	[pallet_assets, Assets]
	[pallet_design_registry, DesignRegistry]
	[pallet_production_pledges, ProductionPledges]
	[pallet_contributive_accounting, ContributiveAccounting]
	[pallet_community_currencies, CommunityCurrencies]
	[pallet_validator_set, ValidatorSet]
	[pallet_collective, Council]
	[pallet_collective, TechnicalCommittee]
	[pallet_membership, CouncilMembership]
	[pallet_membership, TechnicalMembership]
	[pallet_treasury, Treasury]
	[pallet_preimage, Preimage]
	[pallet_whitelist, Whitelist]
);
