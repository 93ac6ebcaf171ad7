//! Tests of the JavaScript bindings, run by wasm-bindgen-test in Node.js (`make test-wasm`).
#![cfg(target_arch = "wasm32")]

use js_sys::{JsString, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

mod bindings;

use bindings::{apply, check_eic, create, validate};

fn json(text: &str) -> JsValue {
    JSON::parse(text).expect("valid JSON in a test")
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).expect("a readable property")
}

fn stringify(value: &JsValue) -> String {
    JSON::stringify(value).expect("serializable").as_string().expect("a string")
}

#[wasm_bindgen_test]
fn valid_patch_has_no_issues() {
    let result = validate(json(r#"{"status":"active"}"#), JsValue::UNDEFINED).expect("no TypeError");
    assert_eq!(stringify(&result), r#"{"valid":true,"errors":[],"warnings":[]}"#);
}

#[wasm_bindgen_test]
fn issues_are_plain_objects() {
    let result = validate(json(r#"{"id":"x"}"#), json(r#"{"locale":"de"}"#)).expect("no TypeError");
    let issue = get(&get(&result, "errors"), "0");
    assert_eq!(get(&issue, "code").as_string().as_deref(), Some("read_only_field"));
    assert_eq!(get(&issue, "pointer").as_string().as_deref(), Some("/id"));
    assert_eq!(get(&issue, "severity").as_string().as_deref(), Some("error"));
    assert!(get(&issue, "message").as_string().unwrap_or_default().starts_with("id ist schreibgeschützt"));
}

#[wasm_bindgen_test]
fn lone_surrogate_is_not_replaced() {
    let key: JsValue = JsString::from_char_code(&[0x6b, 0xd800]).into();
    let metadata = js_sys::Object::new();
    Reflect::set(&metadata, &key, &"x".into()).expect("set on a new object");
    let patch = js_sys::Object::new();
    Reflect::set(&patch, &"metadata".into(), &metadata).expect("set on a new object");

    let result = validate(patch.into(), JsValue::UNDEFINED).expect("no TypeError");
    let issue = get(&get(&result, "errors"), "0");
    let pointer: JsString = get(&issue, "pointer").unchecked_into();
    let units: Vec<u16> = pointer.iter().collect();
    let mut expected: Vec<u16> = "/metadata/".encode_utf16().collect();
    expected.extend([0x6b, 0xd800]);
    assert_eq!(units, expected);
    assert_eq!(get(&issue, "code").as_string().as_deref(), Some("invalid_format"));
}

#[wasm_bindgen_test]
fn apply_returns_customer_or_issues() {
    let customer = json(r#"{"id":"c","metadata":{"a":"1"}}"#);
    let applied = apply(customer.clone(), json(r#"{"metadata":{"a":null,"b":"2"}}"#), JsValue::UNDEFINED).expect("a valid patch");
    assert_eq!(stringify(&applied), r#"{"id":"c","metadata":{"b":"2"}}"#);

    let rejected = apply(customer, json(r#"{"name":"x"}"#), JsValue::UNDEFINED).expect_err("a read-only field");
    assert!(stringify(&get(&rejected, "issues")).contains(r#""code":"read_only_field""#));
    assert!(get(&rejected, "message").as_string().unwrap_or_default().starts_with("Invalid patch, 1 issue."));
}

#[wasm_bindgen_test]
fn malformed_options_are_type_errors() {
    let error = validate(json("{}"), json(r#"{"strict":1}"#)).expect_err("a TypeError");
    assert!(error.is_instance_of::<js_sys::TypeError>());
}

#[wasm_bindgen_test]
fn check_eic_reports_object_type() {
    let result = check_eic("10YDE-ENBW-----N".into(), JsValue::UNDEFINED);
    assert_eq!(stringify(&result), r#"{"valid":true,"objectType":"Y","expectedCheckCharacter":"N","issues":[]}"#);
}

#[wasm_bindgen_test]
fn create_returns_patch_or_issues() {
    let original = json(r#"{"id":"c","status":"active","metadata":{"a":"1","b":"2"}}"#);
    let edited = json(r#"{"id":"c","status":"pending","metadata":{"b":"2","c":"3"}}"#);
    let created = create(original.clone(), edited, JsValue::UNDEFINED).expect("an expressible change");
    assert_eq!(stringify(&created), r#"{"status":"pending","metadata":{"c":"3","a":null}}"#);

    let renamed = json(r#"{"id":"other","status":"active","metadata":{"a":"1","b":"2"}}"#);
    let rejected = create(original, renamed, json(r#"{"locale":"de"}"#)).expect_err("a read-only change");
    let issue = get(&get(&rejected, "issues"), "0");
    assert_eq!(get(&issue, "code").as_string().as_deref(), Some("read_only_field"));
    assert_eq!(get(&issue, "pointer").as_string().as_deref(), Some("/id"));
    assert!(get(&issue, "message").as_string().unwrap_or_default().starts_with("id ist schreibgeschützt"));
}

#[wasm_bindgen_test]
fn create_ignores_key_order_and_undefined() {
    let original = json(r#"{"status":"active","metadata":{"a":"1","b":"2"}}"#);
    let edited = json(r#"{"metadata":{"b":"2","a":"1"},"status":"active"}"#);
    Reflect::set(&edited, &"extra".into(), &JsValue::UNDEFINED).expect("set on a parsed object");
    let created = create(original, edited, JsValue::UNDEFINED).expect("an expressible change");
    assert_eq!(stringify(&created), "{}");
}
