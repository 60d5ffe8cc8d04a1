//! libFuzzer entry point: see `fuzz/src/target.rs` for what one input goes through.
#![no_main]

#[path = "../src/target.rs"]
mod target;

libfuzzer_sys::fuzz_target!(|data: &[u8]| target::run(data));
