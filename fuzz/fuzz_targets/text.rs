//! Fuzzes the JSON text path: parsing, printing and the laws in `tests/laws/` on what parses.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/laws/mod.rs"]
mod laws;

fuzz_target!(|bytes: &[u8]| {
    if let Err(failure) = laws::run_text(bytes) {
        panic!("{failure}");
    }
});
