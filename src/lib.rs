//! Validation and merge rules for partial updates of customers in a German balancing
//! responsible party (BRP) API, `PATCH /v1/customers/{customer_id}`.
//!
//! A PATCH body may set `status`, replace the `balance_group` (an EIC and a TSO) and merge
//! `metadata` key by key, where `null` removes a key. Read-only fields are rejected. Issues use
//! the API's own codes and carry a JSON Pointer and a message in English or German.
//!
//! # Validating a patch
//!
//! ```
//! use brp_customer_patch::{validate_patch, IssueCode, Json, Options};
//!
//! let patch = Json::parse(r#"{"stauts": "active", "id": "cust_1", "metadata": {"region": 7}}"#)?;
//! let report = validate_patch(&&patch, &Options::default());
//!
//! assert!(!report.is_valid());
//! let found: Vec<_> = report.issues.iter().map(|issue| (issue.code(), issue.pointer.to_string())).collect();
//! assert_eq!(found, [
//!     (IssueCode::UnknownField, "/stauts".to_owned()),
//!     (IssueCode::ReadOnlyField, "/id".to_owned()),
//!     (IssueCode::InvalidType, "/metadata/region".to_owned()),
//! ]);
//! # Ok::<(), brp_customer_patch::ParseError>(())
//! ```
//!
//! # Applying a patch
//!
//! ```
//! use brp_customer_patch::{apply_json, Json, Options};
//!
//! let customer = Json::parse(r#"{"id": "cust_1", "status": "active", "metadata": {"a": "1", "b": "2"}}"#)?;
//! let patch = Json::parse(r#"{"status": "deactivated", "metadata": {"a": null, "c": "3"}}"#)?;
//!
//! let updated = apply_json(&customer, &patch, &Options::default()).expect("a valid patch");
//! assert_eq!(updated.to_string(), r#"{"id":"cust_1","status":"deactivated","metadata":{"b":"2","c":"3"}}"#);
//! # Ok::<(), brp_customer_patch::ParseError>(())
//! ```
//!
//! # Creating a patch from an edited customer
//!
//! ```
//! use brp_customer_patch::{create_json, Json, Options};
//!
//! let original = Json::parse(r#"{"id": "cust_1", "status": "active", "metadata": {"a": "1", "b": "2"}}"#)?;
//! let edited = Json::parse(r#"{"id": "cust_1", "status": "active", "metadata": {"b": "3"}}"#)?;
//!
//! let patch = create_json(&original, &edited, &Options::default()).expect("an expressible change");
//! assert_eq!(patch.to_string(), r#"{"metadata":{"b":"3","a":null}}"#);
//! # Ok::<(), brp_customer_patch::ParseError>(())
//! ```
//!
//! The rules are written once, against the [`Input`] trait. This crate implements it for
//! [`Json`]; on `wasm32` the bindings implement it for JavaScript values.

#![warn(missing_docs)]

mod diff;
pub mod eic;
pub mod fields;
mod issue;
mod json;
mod keys;
mod merge;
pub mod messages;
mod options;
mod pointer;
pub mod raw;
mod rules;
pub mod schema;
mod text;
mod value;

#[cfg(target_arch = "wasm32")]
pub mod wasm_api;

pub use diff::create_patch;
pub use eic::{check_eic, EicCheck};
pub use issue::{Issue, IssueCode, IssueKind, Param, Report, Severity, Subject};
pub use json::{Json, JsonBuilder, ParseError, MAX_DEPTH};
pub use merge::apply_patch;
pub use options::{Limits, Locale, Options, DEFAULT_MAX_BYTES};
pub use pointer::{Path, Pointer};
pub use raw::{RawValue, ScannedText, SyntaxError, SyntaxProblem, TextBuilder, TextPiece};
pub use schema::patch_json_schema;
pub use text::Text;
pub use value::{Build, Input, Kind};

/// Validates a PATCH body and returns every issue found.
///
/// The walk never stops at the first issue. A key whose value is `undefined` counts as
/// absent, as in `JSON.stringify`.
pub fn validate_patch<V: Input>(patch: &V, options: &Options) -> Report {
    let mut context = rules::Context::checking_only(options);
    rules::check_patch(&mut context, patch);
    Report { issues: context.into_issues(false) }
}

/// Validates a PATCH body given as JSON text, such as a request body.
///
/// The rules are those of [`validate_patch`]. Text adds three checks: a body over
/// `options.max_bytes` is rejected as `value_too_large` before it is parsed, a syntax error is
/// `invalid_json` with line and column, and a key repeated in one object is `duplicate_key`.
///
/// ```
/// use brp_customer_patch::{validate_patch_text, IssueCode, Options};
///
/// let report = validate_patch_text(r#"{"status": "active", "status": "deactivated"}"#, &Options::default());
/// assert_eq!(report.issues[0].code(), IssueCode::DuplicateKey);
/// assert_eq!(report.issues[0].pointer.to_string(), "/status");
/// ```
pub fn validate_patch_text(text: &str, options: &Options) -> Report {
    match check_patch_text(text, options) {
        Ok(scanned) => validate_patch(&scanned.root(), options),
        Err(issue) => Report { issues: vec![issue] },
    }
}

/// Applies a PATCH body to a customer, both JSON text, and returns the updated customer as
/// compact JSON text.
///
/// Values the merge does not change keep their text, so a number such as `1.0` or
/// `12345678901234567890` and every unknown field come out as they went in, without white
/// space. See [`apply_patch`] for the merge and [`validate_patch_text`] for the checks.
///
/// ```
/// use brp_customer_patch::{apply_patch_text, Options};
///
/// let customer = r#"{"id": "c1", "score": 1.0, "metadata": {"a": "1"}}"#;
/// let updated = apply_patch_text(customer, r#"{"metadata": {"b": "2"}}"#, &Options::default()).unwrap();
/// assert_eq!(updated, r#"{"id":"c1","score":1.0,"metadata":{"a":"1","b":"2"}}"#);
/// ```
pub fn apply_patch_text(customer: &str, patch: &str, options: &Options) -> Result<String, Report> {
    let patch = check_patch_text(patch, options);
    // The stored customer is trusted data, so `max_bytes` does not apply to it.
    let customer = raw::scan(customer).map_err(|error| syntax_issue(error, Subject::Customer));
    match (customer, patch) {
        (Ok(customer), Ok(patch)) => {
            // The updated customer is rarely longer than the customer and the patch together.
            let mut builder = TextBuilder::with_capacity(customer.root().as_raw().len() + patch.root().as_raw().len());
            apply_patch(&customer.root(), &patch.root(), options, &mut builder).map(TextPiece::into_text)
        }
        (customer, patch) => Err(Report { issues: [patch.err(), customer.err()].into_iter().flatten().collect() }),
    }
}

/// Checks a body's size and syntax, the two checks that come before any rule.
fn check_patch_text<'a>(text: &'a str, options: &Options) -> Result<ScannedText<'a>, Issue> {
    if text.len() > options.max_bytes {
        let kind = IssueKind::BodyTooLarge { maximum: options.max_bytes, actual: text.len(), exact: true };
        return Err(Issue { pointer: Pointer::root(), severity: Severity::Error, kind });
    }
    raw::scan(text).map_err(|error| syntax_issue(error, Subject::Patch))
}

fn syntax_issue(error: SyntaxError, subject: Subject) -> Issue {
    let kind = IssueKind::InvalidJson { subject, problem: error.problem, line: error.line, column: error.column };
    Issue { pointer: error.pointer, severity: Severity::Error, kind }
}

/// Applies a PATCH body to a customer, both parsed JSON. See [`apply_patch`].
pub fn apply_json(customer: &Json, patch: &Json, options: &Options) -> Result<Json, Report> {
    apply_patch(&customer, &patch, options, &mut JsonBuilder)
}

/// Creates the PATCH body that turns one customer into another, both parsed JSON. See
/// [`create_patch`].
pub fn create_json(original: &Json, edited: &Json, options: &Options) -> Result<Json, Report> {
    create_patch(&original, &edited, options, &mut JsonBuilder)
}
