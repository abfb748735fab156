//! Property tests against the real runtime: random runs of calls to the three domain pallets,
//! Balances and Assets, from the actors and governance, over many blocks, keep every invariant
//! after every block.
//!
//! `PROPTEST_CASES` sets how many runs (64 by default, as in the regular suite); `make
//! properties` runs many more. A failing run is shrunk to a minimal one, printed, and saved in
//! `proptest-regressions/`, which is replayed first on every later run.

mod calls;
mod lifecycles;

use codec::{Decode, Encode};
use cosmolocal_robustness::{actors::ACTORS, run, Origin, Step, Tally};
use cosmolocal_runtime::{Runtime, RuntimeCall};
use frame_support::traits::GetCallName;
use proptest::{
	collection::vec,
	prelude::*,
	strategy::ValueTree,
	test_runner::{Config, RngAlgorithm, TestRng, TestRunner},
};

/// Runs in the regular suite when `PROPTEST_CASES` is not set.
const DEFAULT_CASES: u32 = 64;

fn config() -> Config {
	let cases = std::env::var("PROPTEST_CASES")
		.ok()
		.and_then(|cases| cases.parse().ok())
		.unwrap_or(DEFAULT_CASES);
	Config { cases, max_shrink_iters: 4096, ..Config::default() }
}

fn lapse() -> impl Strategy<Value = u16> {
	prop_oneof![
		12 => Just(0),
		4 => 1..4u16,
		1 => 4..500u16,
		1 => Just(lifecycles::PAST_CHALLENGE),
	]
}

fn origin() -> impl Strategy<Value = Origin> {
	prop_oneof![9 => (0..ACTORS).prop_map(Origin::Signed), 1 => Just(Origin::Root)]
}

/// Whether only root may make `call`: such calls are made as root two times out of three.
fn is_root_only(call: &RuntimeCall) -> bool {
	use pallet_design_registry::Call as Design;
	use pallet_production_pledges::Call as Pledges;
	matches!(
		call,
		RuntimeCall::DesignRegistry(
			Design::certify { .. } | Design::allow_licence { .. } | Design::disallow_licence { .. }
		) | RuntimeCall::ProductionPledges(Pledges::resolve_dispute { .. })
			| RuntimeCall::Balances(
				pallet_balances::Call::force_set_balance { .. }
					| pallet_balances::Call::force_transfer { .. }
					| pallet_balances::Call::force_unreserve { .. }
			) | RuntimeCall::Assets(pallet_assets::Call::force_create { .. })
			| RuntimeCall::CommunityCurrencies(..)
	)
}

fn single_step() -> BoxedStrategy<Vec<Step>> {
	(lapse(), origin(), calls::any_call(), 0..3u8)
		.prop_map(|(lapse, origin, call, die)| {
			let origin = if is_root_only(&call) && die > 0 { Origin::Root } else { origin };
			vec![Step { lapse, origin, call }]
		})
		.boxed()
}

/// Makes the deadlines of new pledges count from the block of their step, so that a pledge
/// made after a long lapse is not always too late: a deadline `d` below `u32::MAX` becomes
/// `now + d` (0 is then "now", which must be refused).
fn relative_deadlines(mut steps: Vec<Step>) -> Vec<Step> {
	let mut now: u32 = 1;
	for step in &mut steps {
		now = now.saturating_add(u32::from(step.lapse));
		if let RuntimeCall::ProductionPledges(pallet_production_pledges::Call::create_pledge {
			funding_deadline,
			delivery_deadline,
			..
		}) = &mut step.call
		{
			for deadline in [funding_deadline, delivery_deadline] {
				if *deadline != u32::MAX {
					*deadline = now.saturating_add(*deadline);
				}
			}
		}
	}
	steps
}

/// A run: single calls mixed with the paths of pledges, networks, designs and licences.
fn runs() -> impl Strategy<Value = Vec<Step>> {
	vec(
		prop_oneof![
			12 => single_step(),
			3 => lifecycles::pledge(),
			2 => lifecycles::network(),
			1 => lifecycles::own_network(),
			1 => lifecycles::design(),
			1 => lifecycles::licence(),
		],
		1..24,
	)
	.prop_map(|parts| relative_deadlines(resolve_latest(parts)))
}

/// Replaces, in each path, the stand-ins [`lifecycles::LATEST_PLEDGE`] and
/// [`lifecycles::LATEST_DESIGN`] by the id the path's own pledge or design will have if the
/// paths before it made theirs (single calls seldom make one). The stand-in is replaced in the
/// call's encoding, where a `u32` id is its four little-endian bytes.
fn resolve_latest(parts: Vec<Vec<Step>>) -> Vec<Step> {
	const GENESIS_DESIGNS: u32 = 3;
	let (mut pledges, mut designs) = (0u32, GENESIS_DESIGNS);
	let mut run = Vec::new();
	for part in parts {
		let makes = |wanted: fn(&RuntimeCall) -> bool| {
			part.len() > 1 && part.iter().any(|step| wanted(&step.call))
		};
		if makes(|call| {
			matches!(
				call,
				RuntimeCall::ProductionPledges(
					pallet_production_pledges::Call::create_pledge { .. }
				)
			)
		}) {
			pledges += 1;
		}
		if makes(|call| {
			matches!(
				call,
				RuntimeCall::DesignRegistry(pallet_design_registry::Call::register_design { .. })
			)
		}) {
			designs += 1;
		}
		let stand_ins = [
			(lifecycles::LATEST_PLEDGE, pledges.saturating_sub(1)),
			(lifecycles::LATEST_DESIGN, designs - 1),
		];
		run.extend(part.into_iter().map(|mut step| {
			let mut encoded = step.call.encode();
			for (stand_in, id) in stand_ins {
				replace_all(&mut encoded, &stand_in.to_le_bytes(), &id.to_le_bytes());
			}
			step.call = RuntimeCall::decode(&mut &encoded[..]).expect("ids keep their size");
			step
		}));
	}
	run
}

fn replace_all(bytes: &mut [u8], from: &[u8; 4], to: &[u8; 4]) {
	let mut index = 0;
	while index + 4 <= bytes.len() {
		if &bytes[index..index + 4] == from {
			bytes[index..index + 4].copy_from_slice(to);
			index += 4;
		} else {
			index += 1;
		}
	}
}

proptest! {
	#![proptest_config(config())]

	/// Whatever the actors and governance call, in whatever order and with whatever arguments,
	/// no call panics and every invariant holds after every block.
	#[test]
	fn any_run_keeps_every_invariant(steps in runs()) {
		if let Err(violation) = run(&steps) {
			return Err(TestCaseError::fail(violation.to_string()));
		}
	}
}

/// The runs of a fixed seed, with their tally; written to `$COSMOLOCAL_FUZZ_SEEDS` (one file
/// per run) when it is set, as the fuzz target's starting corpus.
fn tally_of_seeded_runs(count: usize) -> Tally {
	let mut runner = TestRunner::new_with_rng(
		Config::default(),
		TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]),
	);
	let seeds = std::env::var_os("COSMOLOCAL_FUZZ_SEEDS").map(std::path::PathBuf::from);
	let mut tally = Tally::default();
	for index in 0..count {
		let steps = runs().new_tree(&mut runner).expect("a run").current();
		if let Some(directory) = &seeds {
			std::fs::create_dir_all(directory).expect("the seed directory");
			std::fs::write(directory.join(format!("run-{index:03}")), Step::encode_run(&steps))
				.expect("a seed written");
		}
		tally.merge(&run(&steps).unwrap_or_else(|violation| panic!("run {index}: {violation}")));
	}
	tally
}

/// The generated runs reach the success path of every call of the three domain pallets, so the
/// property above is checked in the states users reach, not only on refusals.
#[test]
fn runs_reach_every_domain_call() {
	let tally = tally_of_seeded_runs(48);
	let domain_calls = [
		("DesignRegistry", pallet_design_registry::Call::<Runtime>::get_call_names()),
		("CommunityCurrencies", pallet_community_currencies::Call::<Runtime>::get_call_names()),
		("ProductionPledges", pallet_production_pledges::Call::<Runtime>::get_call_names()),
		(
			"ContributiveAccounting",
			pallet_contributive_accounting::Call::<Runtime>::get_call_names(),
		),
	];
	let never: Vec<String> = domain_calls
		.iter()
		.flat_map(|(pallet, calls)| calls.iter().map(move |call| (*pallet, *call)))
		.filter(|(pallet, call)| tally.succeeded(pallet, call) == 0)
		.map(|(pallet, call)| format!("{pallet}::{call}"))
		.collect();
	for ((pallet, call), counts) in &tally.calls {
		println!(
			"{pallet}::{call}: succeeded {}, failed {}, refused {}, left out {}",
			counts[0], counts[1], counts[2], counts[3]
		);
		for (error, count) in tally.errors.get(&(*pallet, *call)).into_iter().flatten() {
			println!("    {count} × {error}");
		}
	}
	assert!(never.is_empty(), "calls that never succeeded: {never:#?}");
	assert!(tally.blocks > 48, "runs span several blocks each, not {}", tally.blocks);
}
