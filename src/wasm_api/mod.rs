//! JavaScript bindings, compiled only for `wasm32`.
//!
//! The layer is split by direction: [`de`] views JavaScript values through the core's
//! [`crate::Input`] trait, and [`ser`] turns issues and results into plain JavaScript objects.
//! No rule lives here. Every exported function returns normally for any argument, because a
//! JavaScript exception thrown through WebAssembly frames would skip Rust destructors.

mod de;
mod js;
pub mod panic;
mod ser;

use wasm_bindgen::prelude::*;

use crate::{apply_patch, validate_patch};

use de::{parse_options, JsInput, JsOutput};

/// Validates a PATCH body. Returns `{ valid, errors, warnings }`.
///
/// Throws a `TypeError` only for malformed options, never for any patch.
#[wasm_bindgen(js_name = validatePatch)]
pub fn validate_patch_js(patch: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let options = parse_options(&options)?;
    let report = validate_patch(&JsInput::new(patch), &options);
    Ok(ser::validation_result(&report, options.locale))
}

/// Validates a PATCH body and applies it to a customer.
///
/// Returns `{ customer }` on success and `{ issues }` otherwise; the package's wrapper turns the
/// second into a thrown `PatchError`, which keeps exceptions out of WebAssembly frames.
#[wasm_bindgen(js_name = applyPatchOutcome)]
pub fn apply_patch_outcome(customer: JsValue, patch: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let options = parse_options(&options)?;
    let outcome = apply_patch(&JsInput::new(customer), &JsInput::new(patch), &options, &mut JsOutput);
    Ok(ser::apply_outcome(outcome, options.locale))
}

/// Checks a string as an EIC. Returns `{ valid, objectType?, expectedCheckCharacter?, issues }`.
#[wasm_bindgen(js_name = checkEic)]
pub fn check_eic_js(code: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
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

/// Returns the size of the module's linear memory in bytes, for watching it in production.
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65536) as f64
}
