//! Fuzzes the core on JSON values: a patch and a customer, decoded from JSON text or from raw
//! bytes, must obey every law in `tests/laws/`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/laws/mod.rs"]
mod laws;

fuzz_target!(|bytes: &[u8]| {
    if let Err(failure) = laws::run_core(bytes) {
        panic!("{failure}");
    }
});
