//! The pallets whose extrinsics `cosmolocal-node benchmark pallet` measures.

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
	[pallet_validator_set, ValidatorSet]
);
