//! JavaScript bindings, compiled only for `wasm32`.
//!
//! The layer is split by direction: [`de`] views JavaScript values through the core's
//! [`crate::Input`] trait, and [`ser`] turns issues and results into plain JavaScript objects.
//! No rule lives here. Every exported function returns normally for any argument, because a
//! JavaScript exception thrown through WebAssembly frames would skip Rust destructors.

mod arena;
mod buffer;
mod de;
mod problem;
mod js;
pub mod panic;
mod ser;

use wasm_bindgen::prelude::*;

use crate::{apply_patch, apply_patch_text, create_patch, validate_patch, validate_patch_text, Options, Report, Subject};

use de::{parse_options, read_json_text, CallScope, JsInput, JsOutput, JsOutputValue};

/// Validates a PATCH body. Returns `undefined` when it has no issue, and otherwise JSON text
/// of `{ valid, errors, warnings }`.
///
/// Throws a `TypeError` only for malformed options, never for any patch.
#[wasm_bindgen(js_name = validatePatch)]
pub fn validate_patch_js(patch: JsValue, options: JsValue) -> Result<Option<String>, JsValue> {
    let _scope = CallScope::enter();
    let options = parse_options(&options)?;
    let report = validate_patch(&JsInput::new(patch), &options);
    Ok(ser::validation_result(&report, options.locale))
}

/// Validates a PATCH body and applies it to a customer. Returns the updated customer, or
/// `undefined` when the merge failed; `takeResult` then returns its issues.
///
/// The package's wrapper turns a failure into a thrown `PatchError`, which keeps exceptions
/// out of WebAssembly frames.
#[wasm_bindgen(js_name = applyPatch)]
pub fn apply_patch_js(customer: JsValue, patch: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let _scope = CallScope::enter();
    let options = parse_options(&options)?;
    let outcome = apply_patch(&JsInput::new(customer), &JsInput::new(patch), &options, &mut JsOutput);
    Ok(ser::success_or_store_failure(outcome, options.locale).map_or(JsValue::UNDEFINED, JsOutputValue::into_js))
}

/// Creates the smallest PATCH body that turns `original` into `edited`. Returns the patch, or
/// `undefined` when no patch can express the difference; `takeResult` then returns the issues.
#[wasm_bindgen(js_name = createPatch)]
pub fn create_patch_js(original: JsValue, edited: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let _scope = CallScope::enter();
    let options = parse_options(&options)?;
    let outcome = create_patch(&JsInput::new(original), &JsInput::new(edited), &options, &mut JsOutput);
    Ok(ser::success_or_store_failure(outcome, options.locale).map_or(JsValue::UNDEFINED, JsOutputValue::into_js))
}

/// Validates a PATCH body given as JSON text. Returns what [`validate_patch_js`] returns.
///
/// Throws a `TypeError` only for malformed options, never for any text.
#[wasm_bindgen(js_name = validatePatchJson)]
pub fn validate_patch_json_js(text: JsValue, options: JsValue) -> Result<Option<String>, JsValue> {
    let options = parse_options(&options)?;
    let report = match read_json_text(&text, Some(options.max_bytes), Subject::Patch) {
        Ok(text) => {
            // read_json_text checked the size already, on the caller's text.
            let mut report = validate_patch_text(&text.text, &Options { max_bytes: usize::MAX, ..options });
            text.correct_columns(&mut report);
            report
        }
        Err(issue) => Report { issues: vec![issue] },
    };
    Ok(ser::validation_result(&report, options.locale))
}

/// Applies a PATCH body to a customer, both JSON text. Returns the updated customer as
/// compact JSON text, or `undefined` when the merge failed; `takeResult` then returns its
/// issues.
#[wasm_bindgen(js_name = applyPatchJson)]
pub fn apply_patch_json_js(customer: JsValue, patch: JsValue, options: JsValue) -> Result<Option<String>, JsValue> {
    let options = parse_options(&options)?;
    let patch = read_json_text(&patch, Some(options.max_bytes), Subject::Patch);
    let customer = read_json_text(&customer, None, Subject::Customer);
    let outcome = match (customer, patch) {
        (Ok(customer), Ok(patch)) => {
            // read_json_text checked the size already, on the caller's text.
            let outcome = apply_patch_text(&customer.text, &patch.text, &Options { max_bytes: usize::MAX, ..options });
            outcome.map_err(|report| {
                // Each text corrects only the columns of its own syntax errors.
                let (mut patch_report, mut customer_report) = split_by_subject(report.issues);
                patch.correct_columns(&mut patch_report);
                customer.correct_columns(&mut customer_report);
                Report { issues: patch_report.issues.into_iter().chain(customer_report.issues).collect() }
            })
        }
        (customer, patch) => Err(Report { issues: [patch.err(), customer.err()].into_iter().flatten().collect() }),
    };
    Ok(ser::success_or_store_failure(outcome, options.locale))
}

/// Splits issues into those about the patch and those about the stored customer.
fn split_by_subject(issues: Vec<crate::Issue>) -> (Report, Report) {
    let (customer, patch): (Vec<_>, Vec<_>) = issues.into_iter().partition(|issue| issue.kind.concerns_customer());
    (Report { issues: patch }, Report { issues: customer })
}

/// Returns the JSON text that the last call left, once: `{ issues, message }` after a failed
/// merge or diff, and `{ valid, errors, warnings }` after `validatePatchBuffer` found issues.
#[wasm_bindgen(js_name = takeResult)]
pub fn take_result_js() -> Option<String> {
    ser::take_result()
}

/// Checks a string as an EIC. Returns JSON text of
/// `{ valid, objectType?, expectedCheckCharacter?, issues }`.
#[wasm_bindgen(js_name = checkEic)]
pub fn check_eic_js(code: JsValue, options: JsValue) -> Result<String, JsValue> {
    let _scope = CallScope::enter();
    let options = parse_options(&options)?;
    Ok(ser::eic_result(&JsInput::new(code), options.locale))
}

/// Returns the JSON Schema (draft 2020-12) of a PATCH body, built from the field table.
#[wasm_bindgen(js_name = patchJsonSchema)]
pub fn patch_json_schema_js() -> JsValue {
    let text = crate::patch_json_schema().to_string();
    // The core prints valid JSON, which a unit test of the schema checks.
    js_sys::JSON::parse(&text).unwrap_or(JsValue::NULL)
}

/// Releases the object levels of finished calls. The package's wrapper calls it when its
/// outermost call ends after an exception left the module, which skipped the release that a
/// call does when it returns.
#[wasm_bindgen(js_name = releaseLevels)]
pub fn release_levels_js() {
    de::release_all_levels();
}

/// Returns the size of the module's linear memory in bytes, for watching it in production.
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65536) as f64
}
