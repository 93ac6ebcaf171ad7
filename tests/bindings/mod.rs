//! The bindings' results decoded as the package's wrapper decodes them, for the
//! wasm-bindgen tests.
#![allow(dead_code)]

use brp_customer_patch::wasm_api::{apply_patch_js, check_eic_js, create_patch_js, take_result_js, validate_patch_js};
use js_sys::JSON;
use wasm_bindgen::JsValue;

fn parse(text: &str) -> JsValue {
    JSON::parse(text).expect("the bindings write valid JSON")
}

/// Returns the failure the last merge or diff stored, as `{ issues, message }`.
fn failure() -> JsValue {
    parse(&take_result_js().expect("a failed call stores its issues"))
}

/// Calls `validatePatch` and returns `{ valid, errors, warnings }`.
pub fn validate(patch: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let encoded = validate_patch_js(patch, options)?;
    Ok(parse(encoded.as_deref().unwrap_or(r#"{"valid":true,"errors":[],"warnings":[]}"#)))
}

/// Calls `applyPatch`: the updated customer, or the failure's `{ issues, message }`.
pub fn apply(customer: JsValue, patch: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let updated = apply_patch_js(customer, patch, options).expect("no TypeError");
    if updated.is_undefined() {
        return Err(failure());
    }
    Ok(updated)
}

/// Calls `createPatch`: the patch, or the failure's `{ issues, message }`.
pub fn create(original: JsValue, edited: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let patch = create_patch_js(original, edited, options).expect("no TypeError");
    if patch.is_undefined() {
        return Err(failure());
    }
    Ok(patch)
}

/// Calls `checkEic` and returns its result object.
pub fn check_eic(code: JsValue, options: JsValue) -> JsValue {
    parse(&check_eic_js(code, options).expect("no TypeError"))
}
