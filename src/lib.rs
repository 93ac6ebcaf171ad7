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
//! The rules are written once, against the [`Input`] trait. This crate implements it for
//! [`Json`]; on `wasm32` the bindings implement it for JavaScript values.

#![warn(missing_docs)]

pub mod eic;
pub mod fields;
mod issue;
mod json;
mod merge;
pub mod messages;
mod options;
mod pointer;
mod rules;
pub mod schema;
mod text;
mod value;

#[cfg(target_arch = "wasm32")]
pub mod wasm_api;

pub use eic::{check_eic, EicCheck};
pub use issue::{Issue, IssueCode, IssueKind, Param, Report, Severity, Subject};
pub use json::{Json, JsonBuilder, ParseError, MAX_DEPTH};
pub use merge::apply_patch;
pub use options::{Limits, Locale, Options};
pub use pointer::{Path, Pointer};
pub use schema::patch_json_schema;
pub use text::Text;
pub use value::{Build, Input, Kind};

/// Validates a PATCH body and returns every issue found.
///
/// The walk never stops at the first issue. A key whose value is `undefined` counts as
/// absent, as in `JSON.stringify`.
pub fn validate_patch<V: Input>(patch: &V, options: &Options) -> Report {
    let mut context = rules::Context::new(options);
    rules::check_patch(&mut context, patch);
    Report { issues: context.issues }
}

/// Applies a PATCH body to a customer, both parsed JSON. See [`apply_patch`].
pub fn apply_json(customer: &Json, patch: &Json, options: &Options) -> Result<Json, Report> {
    apply_patch(&customer, &patch, options, &mut JsonBuilder)
}
