#![no_main]

use libfuzzer_sys::fuzz_target;

// Every target includes all the checks and uses one.
#[allow(dead_code)]
#[path = "../checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::import(data));
