//! To JavaScript: issues and results as JSON text, which the package's wrapper parses.
//!
//! One string and one `JSON.parse` cost far less than building each issue property by
//! property through calls into JavaScript, and `JSON.parse` creates plain objects whose
//! `__proto__` keys are ordinary properties. A valid patch produces no text at all.

use std::borrow::Cow;
use std::cell::RefCell;

use crate::eic::check_eic_text;
use crate::messages::error_summary;
use crate::json::push_string_literal;
use crate::{Input, Issue, IssueKind, Locale, Param, Pointer, Report, Severity, Text};

use super::de::JsInput;

thread_local! {
    /// JSON text that the last call left for the wrapper to take: the issues of a failed merge,
    /// for its `PatchError`, or the result of a validation that found issues.
    static LEFT_RESULT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Appends a JSON string literal of `text`.
fn push_str(out: &mut String, text: &str) {
    push_string_literal(out, &Text::Utf8(Cow::Borrowed(text)));
}

/// Appends `"name":`, after a comma unless it is an object's first member.
fn push_member_name(out: &mut String, name: &str) {
    if !out.ends_with('{') {
        out.push(',');
    }
    push_str(out, name);
    out.push(':');
}

fn push_param(out: &mut String, param: &Param) {
    match param {
        Param::Str(value) => push_str(out, value),
        Param::Text(text) => push_string_literal(out, text),
        Param::Number(number) => out.push_str(&number.to_string()),
        Param::List(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                push_str(out, item);
            }
            out.push(']');
        }
    }
}

/// Appends an issue as `{ code, pointer, message, severity, params? }`.
fn push_issue(out: &mut String, issue: &Issue, locale: Locale) {
    out.push('{');
    push_member_name(out, "code");
    push_str(out, issue.code().as_str());
    push_member_name(out, "pointer");
    match &issue.pointer {
        Pointer::Utf8(pointer) => push_str(out, pointer),
        Pointer::Utf16(units) => push_string_literal(out, &Text::from_utf16(units)),
    }
    push_member_name(out, "message");
    push_str(out, &issue.message(locale));
    push_member_name(out, "severity");
    push_str(out, issue.severity.as_str());

    let params = issue.kind.params();
    if !params.is_empty() {
        push_member_name(out, "params");
        out.push('{');
        for (name, value) in &params {
            push_member_name(out, name);
            push_param(out, value);
        }
        out.push('}');
    }
    out.push('}');
}

/// Appends issues as a JSON array.
fn push_issues<'a>(out: &mut String, issues: impl Iterator<Item = &'a Issue>, locale: Locale) {
    out.push('[');
    for (index, issue) in issues.enumerate() {
        if index > 0 {
            out.push(',');
        }
        push_issue(out, issue, locale);
    }
    out.push(']');
}

/// Encodes a report as JSON text of `{ valid, errors, warnings }`, or `None` when it has no
/// issue, so that the wrapper can build the common result without parsing anything.
pub(crate) fn validation_result(report: &Report, locale: Locale) -> Option<String> {
    if report.issues.is_empty() {
        return None;
    }
    let mut out = String::from("{");
    push_member_name(&mut out, "valid");
    out.push_str(if report.is_valid() { "true" } else { "false" });
    push_member_name(&mut out, "errors");
    push_issues(&mut out, report.errors(), locale);
    push_member_name(&mut out, "warnings");
    push_issues(&mut out, report.warnings(), locale);
    out.push('}');
    Some(out)
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
    let mut out = String::from("{");
    push_member_name(&mut out, "issues");
    push_issues(&mut out, report.issues.iter(), locale);
    push_member_name(&mut out, "message");
    push_str(&mut out, &error_summary(&report.issues, locale));
    out.push('}');
    leave_result(out);
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
    let mut out = String::from("{");
    let Some(text) = code.text() else {
        let issue = Issue {
            pointer: Pointer::root(),
            severity: Severity::Error,
            kind: IssueKind::NotAString { field: "eic", received: code.kind() },
        };
        push_member_name(&mut out, "valid");
        out.push_str("false");
        push_member_name(&mut out, "issues");
        push_issues(&mut out, std::iter::once(&issue), locale);
        out.push('}');
        return out;
    };

    let check = check_eic_text(&text);
    push_member_name(&mut out, "valid");
    out.push_str(if check.is_valid() { "true" } else { "false" });
    if let Some(object_type) = check.object_type {
        push_member_name(&mut out, "objectType");
        push_str(&mut out, object_type.encode_utf8(&mut [0; 4]));
    }
    if let Some(expected) = check.expected_check_character {
        push_member_name(&mut out, "expectedCheckCharacter");
        push_str(&mut out, expected.encode_utf8(&mut [0; 4]));
    }
    let issues: Vec<Issue> =
        check.issues.into_iter().map(|kind| Issue { pointer: Pointer::root(), severity: Severity::Error, kind }).collect();
    push_member_name(&mut out, "issues");
    push_issues(&mut out, issues.iter(), locale);
    out.push('}');
    out
}
