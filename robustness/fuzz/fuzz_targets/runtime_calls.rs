//! Arbitrary bytes read as a run of calls (`Step::decode_run`: who acts, how many blocks pass,
//! the SCALE-encoded runtime call), applied to the development chain's genesis block by block.
//! A panic anywhere in the runtime, or any broken invariant after a block, is a crash.

#![no_main]

use cosmolocal_robustness::{run, Step};

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
	let steps = Step::decode_run(bytes);
	if steps.is_empty() {
		return;
	}
	if let Err(violation) = run(&steps) {
		panic!("{violation}\n{steps:#?}");
	}
});
