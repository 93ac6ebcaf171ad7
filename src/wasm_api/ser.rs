//! To JavaScript: issues and results as JSON text, which the package's wrapper parses.
//!
//! One string and one `JSON.parse` cost far less than building each issue property by
//! property through calls into JavaScript, and `JSON.parse` creates plain objects whose
//! `__proto__` keys are ordinary properties. A valid patch produces no text at all.

use std::cell::RefCell;

use crate::eic::check_eic_text;
use crate::messages::error_summary;
use crate::{Input, Issue, IssueKind, Json, Locale, Param, Pointer, Report, Severity, Text};

use super::de::JsInput;

thread_local! {
    /// JSON text that the last call left for the wrapper to take: the issues of a failed merge,
    /// for its `PatchError`, or the result of a validation that found issues.
    static LEFT_RESULT: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn string(text: &str) -> Json {
    Json::String(Text::from(text.to_owned()))
}

fn param_to_json(param: &Param) -> Json {
    match param {
        Param::Str(value) => string(value),
        Param::Text(text) => Json::String(text.clone()),
        Param::Number(number) => Json::Number(number.to_string()),
        Param::List(items) => Json::Array(items.iter().map(|item| string(item)).collect()),
    }
}

fn pointer_to_json(pointer: &Pointer) -> Json {
    match pointer {
        Pointer::Utf8(pointer) => string(pointer),
        Pointer::Utf16(units) => Json::String(Text::from_utf16(units)),
    }
}

/// Converts an issue to `{ code, pointer, message, severity, params? }`.
fn issue_to_json(issue: &Issue, locale: Locale) -> Json {
    let mut members = vec![
        (Text::from("code"), string(issue.code().as_str())),
        (Text::from("pointer"), pointer_to_json(&issue.pointer)),
        (Text::from("message"), string(&issue.message(locale))),
        (Text::from("severity"), string(issue.severity.as_str())),
    ];
    let params = issue.kind.params();
    if !params.is_empty() {
        let params = params.iter().map(|(name, value)| (Text::from(*name), param_to_json(value))).collect();
        members.push((Text::from("params"), Json::Object(params)));
    }
    Json::Object(members)
}

fn issues_to_json<'a>(issues: impl Iterator<Item = &'a Issue>, locale: Locale) -> Json {
    Json::Array(issues.map(|issue| issue_to_json(issue, locale)).collect())
}

/// Encodes a report as JSON text of `{ valid, errors, warnings }`, or `None` when it has no
/// issue, so that the wrapper can build the common result without parsing anything.
pub(crate) fn validation_result(report: &Report, locale: Locale) -> Option<String> {
    if report.issues.is_empty() {
        return None;
    }
    let result = Json::Object(vec![
        (Text::from("valid"), Json::Bool(report.is_valid())),
        (Text::from("errors"), issues_to_json(report.errors(), locale)),
        (Text::from("warnings"), issues_to_json(report.warnings(), locale)),
    ]);
    Some(result.to_json_text())
}

/// Returns the value of a successful merge or diff. For a failed one, keeps its issues for
/// `takeResult` and returns `None`, which reaches JavaScript as `undefined`.
pub(crate) fn success_or_store_failure<T>(outcome: Result<T, Report>, locale: Locale) -> Option<T> {
    match outcome {
        Ok(value) => Some(value),
        Err(report) => {
            store_failure(&report, locale);
            None
        }
    }
}

/// Keeps the issues of a failed merge as JSON text of `{ issues, message }`, where `message`
/// summarizes them for the `PatchError`.
fn store_failure(report: &Report, locale: Locale) {
    let failure = Json::Object(vec![
        (Text::from("issues"), issues_to_json(report.issues.iter(), locale)),
        (Text::from("message"), string(&error_summary(&report.issues, locale))),
    ]);
    leave_result(failure.to_json_text());
}

/// Keeps JSON text for the wrapper to take with `takeResult`.
pub(crate) fn leave_result(text: String) {
    LEFT_RESULT.with(|left| *left.borrow_mut() = Some(text));
}

/// Returns the JSON text that the last call left, and clears it.
pub(crate) fn take_result() -> Option<String> {
    LEFT_RESULT.with(|left| left.borrow_mut().take())
}

/// Checks a value as an EIC and encodes the result as JSON text of
/// `{ valid, objectType?, expectedCheckCharacter?, issues }`.
pub(crate) fn eic_result(code: &JsInput, locale: Locale) -> String {
    let mut members = Vec::new();
    let Some(text) = code.text() else {
        let issue = Issue {
            pointer: Pointer::root(),
            severity: Severity::Error,
            kind: IssueKind::NotAString { field: "eic", received: code.kind() },
        };
        members.push((Text::from("valid"), Json::Bool(false)));
        members.push((Text::from("issues"), issues_to_json(std::iter::once(&issue), locale)));
        return Json::Object(members).to_json_text();
    };

    let check = check_eic_text(&text);
    members.push((Text::from("valid"), Json::Bool(check.is_valid())));
    if let Some(object_type) = check.object_type {
        members.push((Text::from("objectType"), string(&object_type.to_string())));
    }
    if let Some(expected) = check.expected_check_character {
        members.push((Text::from("expectedCheckCharacter"), string(&expected.to_string())));
    }
    let issues: Vec<Issue> =
        check.issues.into_iter().map(|kind| Issue { pointer: Pointer::root(), severity: Severity::Error, kind }).collect();
    members.push((Text::from("issues"), issues_to_json(issues.iter(), locale)));
    Json::Object(members).to_json_text()
}
