//! JSON text that the wrapper writes straight into linear memory, the fast way in for the text
//! entry points.
//!
//! Reading a JavaScript string from WebAssembly takes several calls into JavaScript and a
//! copy made one character at a time. For a short, well-formed string with default options,
//! the wrapper instead requests a buffer here, writes the string into it with
//! `TextEncoder.encodeInto`, and makes one call that passes only lengths. The rules are the
//! same: the functions here call the same core functions as `validatePatchJson` and
//! `applyPatchJson`. Strings with lone surrogates, which `encodeInto` would replace, and calls
//! with options take the general way.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use crate::{apply_patch_text, validate_patch_text, Options};

use super::arena::with_arena;
use super::ser;

thread_local! {
    /// The bytes the wrapper wrote. It only grows, and the wrapper uses it only for strings of
    /// at most a few kilobytes, so it stays small.
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Returns the address of a buffer of at least `capacity` bytes for the wrapper to write JSON
/// text into. The address is valid until the next call of this function.
#[wasm_bindgen(js_name = textBuffer)]
pub fn text_buffer(capacity: usize) -> *mut u8 {
    INPUT.with(|input| {
        let mut input = input.borrow_mut();
        if input.len() < capacity {
            input.resize(capacity, 0);
        }
        input.as_mut_ptr()
    })
}

/// Validates the PATCH body in the first `length` bytes of the buffer with default options.
/// Returns `false` when it has no issue, and otherwise leaves the result as JSON text of
/// `{ valid, errors, warnings }` for `takeResult` and returns `true`.
#[wasm_bindgen(js_name = validatePatchBuffer)]
pub fn validate_patch_buffer(length: usize) -> bool {
    let options = Options::default();
    with_arena(|| {
        let report = INPUT.with(|input| validate_patch_text(utf8(&input.borrow()[..length]), &options));
        match ser::validation_result(&report, options.locale) {
            Some(result) => {
                ser::leave_result(result);
                true
            }
            None => false,
        }
    })
}

/// Applies the PATCH body in the buffer, after the customer's `customer_length` bytes, to that
/// customer with default options. Returns the updated customer as compact JSON text, or
/// `undefined` when the merge failed; `takeResult` then returns its issues.
#[wasm_bindgen(js_name = applyPatchBuffer)]
pub fn apply_patch_buffer(customer_length: usize, patch_length: usize) -> Option<String> {
    let options = Options::default();
    with_arena(|| {
        let outcome = INPUT.with(|input| {
            let input = input.borrow();
            let (customer, patch) = input[..customer_length + patch_length].split_at(customer_length);
            apply_patch_text(utf8(customer), utf8(patch), &options)
        });
        ser::success_or_store_failure(outcome, options.locale)
    })
}

/// Returns the bytes as text. `encodeInto` always writes UTF-8, so only a wrapper that passed
/// the wrong lengths can make this panic, which the wrapper reports as `validation_failed`.
fn utf8(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("the wrapper passes lengths of text that encodeInto wrote")
}

/// Returns the module's `WebAssembly.Memory`, whose buffer the wrapper writes text into.
#[wasm_bindgen(js_name = linearMemory)]
pub fn linear_memory() -> JsValue {
    wasm_bindgen::memory()
}
