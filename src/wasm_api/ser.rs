//! To JavaScript: issues and results as plain objects, the way Zod reports issues.

use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::JsValue;

use super::de::JsInput;
use crate::eic::check_eic_text;
use crate::{Input, Issue, IssueKind, Locale, Param, Pointer, Report, Severity, Text};

fn set(object: &Object, key: &str, value: &JsValue) {
    // Setting a property on a fresh object fails only if Object.prototype has a setter of that
    // name that throws, and such a property is then left out.
    let _ = Reflect::set(object, &key.into(), value);
}

fn text_to_js(text: &Text<'_>) -> JsValue {
    match text {
        Text::Utf8(text) => JsValue::from_str(text),
        Text::Utf16(units) => JsString::from_char_code(units).into(),
    }
}

fn pointer_to_js(pointer: &Pointer) -> JsValue {
    match pointer {
        Pointer::Utf8(pointer) => JsValue::from_str(pointer),
        Pointer::Utf16(units) => JsString::from_char_code(units).into(),
    }
}

fn param_to_js(param: &Param) -> JsValue {
    match param {
        Param::Str(value) => JsValue::from_str(value),
        Param::Text(text) => text_to_js(text),
        Param::Number(number) => JsValue::from_f64(*number as f64),
        Param::List(items) => items.iter().map(|item| JsValue::from_str(item)).collect::<Array>().into(),
    }
}

/// Converts an issue to `{ code, pointer, message, severity, params? }`.
fn issue_to_js(issue: &Issue, locale: Locale) -> JsValue {
    let object = Object::new();
    set(&object, "code", &JsValue::from_str(issue.code().as_str()));
    set(&object, "pointer", &pointer_to_js(&issue.pointer));
    set(&object, "message", &JsValue::from_str(&issue.message(locale)));
    set(&object, "severity", &JsValue::from_str(issue.severity.as_str()));

    let params = issue.kind.params();
    if !params.is_empty() {
        let params_object = Object::new();
        for (name, value) in &params {
            set(&params_object, name, &param_to_js(value));
        }
        set(&object, "params", &params_object);
    }
    object.into()
}

fn issues_to_js<'a>(issues: impl Iterator<Item = &'a Issue>, locale: Locale) -> Array {
    issues.map(|issue| issue_to_js(issue, locale)).collect()
}

/// Converts a report to `{ valid, errors, warnings }`.
pub(crate) fn validation_result(report: &Report, locale: Locale) -> JsValue {
    let object = Object::new();
    set(&object, "valid", &JsValue::from_bool(report.is_valid()));
    set(&object, "errors", &issues_to_js(report.errors(), locale));
    set(&object, "warnings", &issues_to_js(report.warnings(), locale));
    object.into()
}

/// Converts the outcome of a merge or a diff to `{ [name]: value }` or `{ issues }`.
pub(crate) fn outcome(name: &str, outcome: Result<JsValue, Report>, locale: Locale) -> JsValue {
    let object = Object::new();
    match outcome {
        Ok(value) => set(&object, name, &value),
        Err(report) => set(&object, "issues", &issues_to_js(report.issues.iter(), locale)),
    }
    object.into()
}

/// Checks a value as an EIC and converts the result to
/// `{ valid, objectType?, expectedCheckCharacter?, issues }`.
pub(crate) fn eic_result(code: &JsInput, locale: Locale) -> JsValue {
    let object = Object::new();
    let Some(text) = code.text() else {
        let issue = Issue {
            pointer: Pointer::root(),
            severity: Severity::Error,
            kind: IssueKind::NotAString { field: "eic", received: code.kind() },
        };
        set(&object, "valid", &JsValue::FALSE);
        set(&object, "issues", &issues_to_js(std::iter::once(&issue), locale));
        return object.into();
    };

    let check = check_eic_text(&text);
    set(&object, "valid", &JsValue::from_bool(check.is_valid()));
    if let Some(object_type) = check.object_type {
        set(&object, "objectType", &JsValue::from_str(&object_type.to_string()));
    }
    if let Some(expected) = check.expected_check_character {
        set(&object, "expectedCheckCharacter", &JsValue::from_str(&expected.to_string()));
    }
    let issues: Vec<Issue> =
        check.issues.into_iter().map(|kind| Issue { pointer: Pointer::root(), severity: Severity::Error, kind }).collect();
    set(&object, "issues", &issues_to_js(issues.iter(), locale));
    object.into()
}
