//! Records the message of a panic, so the package can report it after the trap.
//!
//! The release build uses `panic = "abort"`, so a panic ends the call with a WebAssembly trap
//! that carries no message. The hook stores the message first, and the package's wrapper reads
//! it through [`take_panic_message`] before it re-instantiates the module.

use std::sync::Mutex;

use wasm_bindgen::prelude::*;

static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// Installs the panic hook. wasm-bindgen calls this once when the module is instantiated.
#[wasm_bindgen(start)]
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        // `try_lock`, because a panic while the slot is locked must still reach the trap.
        if let Ok(mut slot) = LAST_PANIC.try_lock() {
            *slot = Some(info.to_string());
        }
    }));
}

/// Returns the message of the last panic and clears it, or `undefined` when none happened.
#[wasm_bindgen(js_name = takePanicMessage)]
pub fn take_panic_message() -> Option<String> {
    LAST_PANIC.try_lock().ok().and_then(|mut slot| slot.take())
}

/// The metadata value that makes a build with the `test-panic` feature panic.
#[cfg(feature = "test-panic")]
pub const PANIC_TRIGGER: &str = "__brp_test_panic__";

/// The metadata value that makes a build with the `test-panic` feature throw a JavaScript
/// exception through its frames, as a stack overflow in JavaScript called from the module would.
#[cfg(feature = "test-panic")]
pub const THROW_TRIGGER: &str = "__brp_test_throw__";
