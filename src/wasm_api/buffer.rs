//! JSON text that the wrapper writes straight into linear memory, the fast way in for the text
//! entry points.
//!
//! Reading a JavaScript string from WebAssembly takes several calls into JavaScript and a
//! copy made one character at a time. For a short, well-formed string with default options,
//! the wrapper instead requests a buffer here, writes the string into it with
//! `TextEncoder.encodeInto`, and makes one call that passes only lengths. Options, when the
//! caller gives some, are parsed by a call of their own just before. The rules are the same:
//! the functions here make the same checks, through the same functions, as `validatePatchJson`
//! and `applyPatchJson`. Strings with lone surrogates, which `encodeInto` would replace, take
//! the general way.

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;

use crate::{apply_patch_text, validate_patch_text, Options, Report};

use super::arena::with_arena;
use super::de::{check_body_size, parse_options};
use super::ser;

thread_local! {
    /// The bytes the wrapper wrote. It only grows, and the wrapper uses it only for strings of
    /// at most a few kilobytes, so it stays small.
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };

    /// The options that `bufferOptions` parsed, for the next call that passes `with_options`.
    static OPTIONS: Cell<Options> = Cell::new(Options::default());
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

/// Parses options for the next call of `validatePatchBuffer` or `applyPatchBuffer` that passes
/// `with_options`. Throws the `TypeError` that the general way throws for malformed options.
///
/// The wrapper calls this before it writes the text, because a getter of an option may call
/// the package again and so overwrite the buffer.
#[wasm_bindgen(js_name = bufferOptions)]
pub fn buffer_options(options: JsValue) -> Result<(), JsValue> {
    let options = parse_options(&options)?;
    OPTIONS.with(|slot| slot.set(options));
    Ok(())
}

/// Returns the options of a call: those that `bufferOptions` parsed last when `with_options`,
/// and the defaults otherwise.
fn call_options(with_options: bool) -> Options {
    if with_options {
        OPTIONS.with(Cell::take)
    } else {
        Options::default()
    }
}

/// Validates the PATCH body in the first `length` bytes of the buffer, `units` UTF-16 code
/// units long. Returns `false` when it has no issue, and otherwise leaves the result as JSON
/// text of `{ valid, errors, warnings }` for `takeResult` and returns `true`.
#[wasm_bindgen(js_name = validatePatchBuffer)]
pub fn validate_patch_buffer(length: usize, units: usize, with_options: bool) -> bool {
    let options = call_options(with_options);
    with_arena(|| {
        let report = match check_body_size(units, Some(length), options.max_bytes) {
            // The size is checked, as the general way checks it, on the caller's text.
            Ok(()) => INPUT.with(|input| validate_patch_text(utf8(&input.borrow()[..length]), &Options { max_bytes: usize::MAX, ..options })),
            Err(issue) => Report { issues: vec![issue] },
        };
        match ser::validation_result(&report, options.locale) {
            Some(result) => {
                ser::leave_result(result);
                true
            }
            None => false,
        }
    })
}

/// Applies the PATCH body in the buffer, `patch_length` bytes and `patch_units` UTF-16 code
/// units after the customer's `customer_length` bytes, to that customer. Returns the updated
/// customer as compact JSON text, or `undefined` when the merge failed; `takeResult` then
/// returns its issues.
#[wasm_bindgen(js_name = applyPatchBuffer)]
pub fn apply_patch_buffer(customer_length: usize, patch_length: usize, patch_units: usize, with_options: bool) -> Option<String> {
    let options = call_options(with_options);
    with_arena(|| {
        let outcome = match check_body_size(patch_units, Some(patch_length), options.max_bytes) {
            Ok(()) => INPUT.with(|input| {
                let input = input.borrow();
                let (customer, patch) = input[..customer_length + patch_length].split_at(customer_length);
                apply_patch_text(utf8(customer), utf8(patch), &Options { max_bytes: usize::MAX, ..options })
            }),
            // As on the general way, an oversized body is the only issue: the customer is not
            // read.
            Err(issue) => Err(Report { issues: vec![issue] }),
        };
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
