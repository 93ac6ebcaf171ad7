//! Tests of the JavaScript bindings in headless Chromium, run by wasm-bindgen-test through
//! chromedriver (`make test-wasm-browser`). The Node.js tests are in `wasm.rs`, because one
//! test binary runs in only one of the two.
#![cfg(target_arch = "wasm32")]

mod bindings;
mod generate;

use bindings::{apply, check_eic, create, validate};
use brp_customer_patch::Json;
use js_sys::{Reflect, JSON};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use generate::{equal, random_customer, random_edited, Random};

wasm_bindgen_test_configure!(run_in_browser);

/// Generated cases of the createPatch law. Fewer than the 10,000 of the native test, because
/// each case crosses into JavaScript several times; this checks the bindings, not the diff.
const LAW_CASES: u64 = 2_000;

fn to_js(value: &Json) -> JsValue {
    JSON::parse(&value.to_string()).expect("the generator writes valid JSON")
}

fn from_js(value: &JsValue) -> Json {
    let text = JSON::stringify(value).expect("serializable").as_string().expect("a string");
    Json::parse(&text).expect("JSON.stringify writes valid JSON")
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).expect("a readable property")
}

#[wasm_bindgen_test]
fn create_patch_law_holds_in_browser() {
    let mut random = Random(0x0b10_b5e7);
    for number in 0..LAW_CASES {
        let original = random_customer(&mut random, number);
        let edited = random_edited(&mut random, &original);

        let created = create(to_js(&original), to_js(&edited), JsValue::UNDEFINED);
        let patch = created.unwrap_or_else(|failure| panic!("case {number}: createPatch failed: {}", from_js(&failure)));

        let once = apply(to_js(&original), patch.clone(), JsValue::UNDEFINED);
        let once = once.unwrap_or_else(|_| panic!("case {number}: applyPatch rejected {}", from_js(&patch)));
        assert!(equal(&from_js(&once), &edited), "case {number}: {} gave {}, expected {edited}", from_js(&patch), from_js(&once));

        let twice = apply(once.clone(), patch, JsValue::UNDEFINED).expect("a patch that applied once applies again");
        assert!(equal(&from_js(&twice), &from_js(&once)), "case {number}: applying twice differs");
    }
}

#[wasm_bindgen_test]
fn german_messages_in_browser() {
    let patch = JSON::parse(r#"{"balance_group":{"eic":"10YDE-RWENET---X","tso":"DE_AMPRION"}}"#).expect("valid JSON");
    let result = validate(patch, JSON::parse(r#"{"locale":"de"}"#).expect("valid JSON")).expect("no TypeError");
    let warning = get(&get(&result, "warnings"), "0");
    assert_eq!(get(&warning, "pointer").as_string().as_deref(), Some("/balance_group/eic"));
    assert!(get(&warning, "message").as_string().unwrap_or_default().starts_with("Das Prüfzeichen des EIC müsste „I“ lauten"));
}

#[wasm_bindgen_test]
fn check_eic_names_expected_character_in_browser() {
    let result = check_eic("10YDE-RWENET---X".into(), JsValue::UNDEFINED);
    assert_eq!(get(&result, "valid"), JsValue::FALSE);
    assert_eq!(get(&result, "expectedCheckCharacter").as_string().as_deref(), Some("I"));
}
