//! Laws that every patch and customer must satisfy, checked by the fuzz targets in `fuzz/` and
//! replayed over their corpus and the vectors by `tests/fuzz_corpus.rs`.
//!
//! A fuzz input is turned into a [`Case`], either from JSON text or from raw bytes decoded
//! into a JSON value, and [`check_case`] returns the first law that the core breaks on it.

#![allow(dead_code)]

use arbitrary::Unstructured;
use brp_customer_patch::{
    apply_json, apply_patch_text, create_json, validate_patch, validate_patch_text, Input, Issue, IssueCode, Json, Locale, Options, Report,
    Severity, Text,
};

/// A patch, the customer to apply it to and the options.
pub struct Case {
    pub patch: Json,
    pub customer: Json,
    pub strict: bool,
}

/// The customer used when an input brings none.
const DEFAULT_CUSTOMER: &str =
    r#"{"id":"cust_1","name":"Muster GmbH","status":"active","balance_group":{"eic":"10YDE-RWENET---I","tso":"DE_AMPRION"},"metadata":{"a":"1","b":"2"}}"#;

impl Case {
    /// Builds a case from a JSON document: `{"patch": P, "customer": C}` when its first key is
    /// `patch`, as in the seed files written from the vectors, and otherwise the whole document
    /// as the patch with [`DEFAULT_CUSTOMER`].
    pub fn from_document(document: Json) -> Case {
        let is_wrapper = matches!(&document, Json::Object(entries) if entries.first().is_some_and(|(key, _)| key.as_str() == Some("patch")));
        if is_wrapper {
            let patch = document.get("patch").cloned().unwrap_or(Json::Null);
            let customer = document.get("customer").cloned().unwrap_or_else(default_customer);
            let strict = document.get("strict") == Some(&Json::Bool(true));
            return Case { patch, customer, strict };
        }
        Case { patch: document, customer: default_customer(), strict: false }
    }

    /// Decodes raw bytes into a case whose values are drawn mostly from the API's vocabulary, so
    /// that the fuzzer reaches deep rules faster than by mutating JSON text.
    pub fn from_bytes(bytes: &[u8]) -> Case {
        let mut input = Unstructured::new(bytes);
        let strict = input.arbitrary().unwrap_or(false);
        let patch = if input.ratio(1, 8).unwrap_or(false) { any_value(&mut input, 0) } else { patch_object(&mut input) };
        let customer = if input.ratio(1, 2).unwrap_or(true) { default_customer() } else { customer_object(&mut input) };
        Case { patch, customer, strict }
    }
}

fn default_customer() -> Json {
    Json::parse(DEFAULT_CUSTOMER).expect("the default customer is valid JSON")
}

/// Runs the fuzz target `core` on one input: JSON text gives a case through
/// [`Case::from_document`], any other bytes through [`Case::from_bytes`].
pub fn run_core(bytes: &[u8]) -> Result<(), String> {
    let parsed = std::str::from_utf8(bytes).ok().and_then(|text| Json::parse(text).ok());
    let case = match parsed {
        Some(document) => Case::from_document(document),
        None => Case::from_bytes(bytes),
    };
    check_case(&case)
}

/// Runs the fuzz target `text` on one input: the JSON parser must not panic, printing and
/// parsing again must give the same value, and a parsed document must obey the laws.
pub fn run_text(bytes: &[u8]) -> Result<(), String> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Ok(());
    };
    let document = match Json::parse(text) {
        Ok(document) => document,
        Err(error) if error.line >= 1 && error.column >= 1 => return Ok(()),
        Err(error) => return Err(format!("parse error without a position: {error:?}")),
    };

    let printed = document.to_string();
    match Json::parse(&printed) {
        Ok(reparsed) if reparsed == document => {}
        Ok(reparsed) => return Err(format!("printing changed the value: {document:?} became {reparsed:?}")),
        Err(error) => return Err(format!("printed JSON does not parse: {printed} ({error})")),
    }

    let case = Case::from_document(document);
    check_text_entry_points(&case)?;
    check_case(&case)
}

/// The text entry points must give the same issues as the core on the parsed values, and the
/// same merged customer, whatever the text.
fn check_text_entry_points(case: &Case) -> Result<(), String> {
    let options = Options { strict: case.strict, max_bytes: usize::MAX, ..Options::default() };
    let patch_text = case.patch.to_string();
    let customer_text = case.customer.to_string();

    let from_text = validate_patch_text(&patch_text, &options);
    let from_json = validate_patch(&&case.patch, &options);
    if all_facts(&from_text) != all_facts(&from_json) {
        return Err(format!("text and parsed JSON give different issues for {patch_text}:\n{from_text}\n---\n{from_json}"));
    }

    let merged_text = apply_patch_text(&customer_text, &patch_text, &options).map_err(|report| all_facts(&report));
    let merged_json = apply_json(&case.customer, &case.patch, &options).map(|json| json.to_string()).map_err(|report| all_facts(&report));
    if merged_text != merged_json {
        return Err(format!("text and parsed JSON merge differently for {patch_text} into {customer_text}"));
    }
    Ok(())
}

/// An issue reduced to what the laws compare: code, pointer as UTF-16, severity and both
/// messages.
type IssueFacts = (IssueCode, Vec<u16>, Severity, String, String);

fn facts(issue: &Issue) -> IssueFacts {
    (issue.code(), issue.pointer.to_utf16(), issue.severity, issue.message(Locale::En), issue.message(Locale::De))
}

fn all_facts(report: &Report) -> Vec<IssueFacts> {
    report.issues.iter().map(facts).collect()
}

/// Checks every law on one case and describes the first one broken.
pub fn check_case(case: &Case) -> Result<(), String> {
    let options = Options { strict: case.strict, ..Options::default() };
    let report = validate_patch(&&case.patch, &options);

    // Determinism: the same input gives the same issues, messages included.
    let again = validate_patch(&&case.patch, &options);
    if all_facts(&report) != all_facts(&again) {
        return Err(format!("validation is not deterministic:\n{report}\n---\n{again}"));
    }

    for issue in &report.issues {
        check_issue_points_into(issue, &case.patch, "patch")?;
        if issue.message(Locale::En).is_empty() || issue.message(Locale::De).is_empty() {
            return Err(format!("empty message for {issue}"));
        }
    }
    check_strict_mode(case, &report)?;

    let applied = apply_json(&case.customer, &case.patch, &options);
    let applied_again = apply_json(&case.customer, &case.patch, &options);
    if applied != applied_again {
        return Err("applying is not deterministic".to_owned());
    }
    match applied {
        Ok(_) if !report.is_valid() => Err(format!("apply succeeded on a patch with errors:\n{report}")),
        Ok(_) => check_merge(&last_wins(&case.customer), &last_wins(&case.patch), &options),
        Err(rejection) => check_rejected(case, &report, &rejection),
    }
}

/// Strict options turn every warning into an error and add no other issue.
fn check_strict_mode(case: &Case, report: &Report) -> Result<(), String> {
    let strict = validate_patch(&&case.patch, &Options { strict: true, ..Options::default() });
    let lenient = validate_patch(&&case.patch, &Options::default());
    let codes = |report: &Report| report.issues.iter().map(|issue| (issue.code(), issue.pointer.to_utf16())).collect::<Vec<_>>();
    if codes(&strict) != codes(&lenient) {
        return Err(format!("strict and lenient validation find different issues:\n{strict}\n---\n{lenient}"));
    }
    if strict.issues.iter().any(|issue| issue.severity != Severity::Error) {
        return Err(format!("strict validation reported a warning:\n{strict}"));
    }
    if report.is_valid() && case.strict && !strict.is_valid() {
        return Err("a strict report disagrees with itself".to_owned());
    }
    Ok(())
}

/// Checks that a valid patch applied to a customer gives the reference merge's result, and that
/// applying it a second time changes nothing.
///
/// Both inputs must be free of duplicate keys, which only JSON text can carry. A patch with
/// one is rejected as `duplicate_key`, but a customer with one keeps both occurrences.
fn check_merge(customer: &Json, patch: &Json, options: &Options) -> Result<(), String> {
    let result = match apply_json(customer, patch, options) {
        Ok(result) => result,
        Err(report) => return Err(format!("apply rejected the patch once duplicate keys were removed:\n{report}")),
    };
    let result = &result;
    let expected = reference_merge(customer, patch).ok_or_else(|| "apply succeeded, but the customer or its metadata is not an object".to_owned())?;
    if result != &expected {
        return Err(format!("apply gave {result}, the reference merge gives {expected}"));
    }

    let reparsed = Json::parse(&result.to_string()).map_err(|error| format!("the result does not parse again: {error}"))?;
    if &reparsed != result {
        return Err(format!("the result changed when printed and parsed: {result}"));
    }

    match apply_json(result, patch, options) {
        Ok(twice) if twice == expected => {}
        Ok(twice) => return Err(format!("applying twice gave {twice}, once gave {result}")),
        Err(report) => return Err(format!("applying to the result failed:\n{report}")),
    }

    // createPatch from the customer to the result, applied to the customer, gives the result
    // again. Key order may differ where both add fields the customer lacked, so the comparison
    // is that of JSON values.
    let created = create_json(customer, result, options).map_err(|report| format!("createPatch rejected the change {customer} -> {result}:\n{report}"))?;
    match apply_json(customer, &created, options) {
        Ok(recreated) if (&recreated).deep_equals(&result) => Ok(()),
        Ok(recreated) => Err(format!("createPatch gave {created}, which applies to {recreated}, not {result}")),
        Err(report) => Err(format!("the created patch {created} does not apply:\n{report}")),
    }
}

/// Checks that a rejected apply reports the patch's errors, or issues with the customer that
/// point into it.
fn check_rejected(case: &Case, report: &Report, rejection: &Report) -> Result<(), String> {
    let patch_errors: Vec<_> = report.errors().map(facts).collect();
    let mut rejected_patch_errors = Vec::new();
    for issue in &rejection.issues {
        if issue.severity != Severity::Error {
            return Err(format!("apply rejected with a warning: {issue}"));
        }
        if is_customer_issue(issue) {
            check_issue_points_into(issue, &case.customer, "customer")?;
        } else {
            rejected_patch_errors.push(facts(issue));
        }
    }
    if rejected_patch_errors != patch_errors {
        return Err(format!("apply and validate disagree on the patch's errors:\n{rejection}\n---\n{report}"));
    }
    // A stored customer that repeats a key, at the top or in its metadata, is rejected.
    let repeats_keys = has_duplicate_keys(&case.customer) || case.customer.get("metadata").is_some_and(has_duplicate_keys);
    let customer_is_usable = !repeats_keys && reference_merge(&case.customer, &last_wins(&case.patch)).is_some();
    if report.is_valid() && customer_is_usable {
        return Err(format!("apply rejected a valid patch on a usable customer:\n{rejection}"));
    }
    Ok(())
}

fn has_duplicate_keys(value: &Json) -> bool {
    let Json::Object(entries) = value else {
        return false;
    };
    entries.iter().enumerate().any(|(index, (key, _))| entries[..index].iter().any(|(earlier, _)| utf16(earlier) == utf16(key)))
}

fn is_customer_issue(issue: &Issue) -> bool {
    issue.kind.concerns_customer()
}

/// Checks that an issue's pointer names a value in `document`. A `required` issue names a
/// missing member, so its parent must resolve to an object without that member.
fn check_issue_points_into(issue: &Issue, document: &Json, name: &str) -> Result<(), String> {
    let segments = pointer_segments(&issue.pointer.to_utf16()).ok_or_else(|| format!("{issue}: the pointer does not start with '/'"))?;
    if issue.code() != IssueCode::Required {
        return match resolve(document, &segments) {
            Some(_) => Ok(()),
            None => Err(format!("{issue}: the pointer does not resolve in the {name}")),
        };
    }
    let Some((member, parent)) = segments.split_last() else {
        return Err(format!("{issue}: a required member at the root"));
    };
    let lacks_member = |value: &Json| matches!(value, Json::Object(entries) if !entries.iter().any(|(key, _)| utf16(key) == *member));
    if resolve_all(document, parent).into_iter().any(lacks_member) {
        Ok(())
    } else {
        Err(format!("{issue}: the parent is not an object without the required member"))
    }
}

/// Splits a JSON Pointer (RFC 6901) into unescaped segments, as UTF-16 code units.
fn pointer_segments(pointer: &[u16]) -> Option<Vec<Vec<u16>>> {
    if pointer.is_empty() {
        return Some(Vec::new());
    }
    if pointer[0] != u16::from(b'/') {
        return None;
    }
    let segments = pointer[1..].split(|unit| *unit == u16::from(b'/')).map(unescape_segment).collect();
    Some(segments)
}

fn unescape_segment(segment: &[u16]) -> Vec<u16> {
    let mut units = Vec::with_capacity(segment.len());
    let mut index = 0;
    while index < segment.len() {
        let next = segment.get(index + 1).copied();
        match (segment[index], next) {
            (0x7e, Some(0x31)) => {
                units.push(u16::from(b'/'));
                index += 2;
            }
            (0x7e, Some(0x30)) => {
                units.push(u16::from(b'~'));
                index += 2;
            }
            (unit, _) => {
                units.push(unit);
                index += 1;
            }
        }
    }
    units
}

/// Resolves a pointer in `document`. A key that occurs more than once, which JSON text allows,
/// matches each occurrence, because the rules check every one of them.
fn resolve<'a>(document: &'a Json, segments: &[Vec<u16>]) -> Option<&'a Json> {
    resolve_all(document, segments).into_iter().next()
}

/// Returns every value that a pointer names, one for each way through duplicate keys.
fn resolve_all<'a>(document: &'a Json, segments: &[Vec<u16>]) -> Vec<&'a Json> {
    let Some((first, rest)) = segments.split_first() else {
        return vec![document];
    };
    let Json::Object(entries) = document else {
        return Vec::new();
    };
    entries.iter().filter(|(key, _)| utf16(key) == *first).flat_map(|(_, value)| resolve_all(value, rest)).collect()
}

fn utf16(text: &Text<'_>) -> Vec<u16> {
    let mut units = Vec::new();
    text.push_utf16(&mut units);
    units
}

/// Removes duplicate keys the way `JSON.parse` does: the first position, the last value.
pub fn last_wins(value: &Json) -> Json {
    match value {
        Json::Object(entries) => {
            let mut unique: Vec<(Text<'static>, Json)> = Vec::with_capacity(entries.len());
            for (key, member) in entries {
                let member = last_wins(member);
                match unique.iter_mut().find(|(existing, _)| utf16(existing) == utf16(key)) {
                    Some(slot) => slot.1 = member,
                    None => unique.push((key.clone(), member)),
                }
            }
            Json::Object(unique)
        }
        Json::Array(items) => Json::Array(items.iter().map(last_wins).collect()),
        other => other.clone(),
    }
}

/// Merges a valid patch into a customer the way the API documents it, written independently of
/// `src/merge.rs`: `status` and `balance_group` are replaced and `metadata` is merged on one
/// level as RFC 7396 does. Returns `None` when the customer or the metadata that a patch merges
/// into is not an object. Both inputs must be free of duplicate keys.
pub fn reference_merge(customer: &Json, patch: &Json) -> Option<Json> {
    let Json::Object(customer_entries) = customer else {
        return None;
    };
    let Json::Object(patch_entries) = patch else {
        return Some(customer.clone());
    };
    let mut result = customer_entries.clone();
    for (key, value) in patch_entries {
        let updated = match key.as_str() {
            Some("metadata") => {
                let current = result.iter().find(|(existing, _)| existing.as_str() == Some("metadata")).map(|(_, value)| value);
                merge_metadata(current, value)?
            }
            _ => value.clone(),
        };
        match result.iter_mut().find(|(existing, _)| utf16(existing) == utf16(key)) {
            Some(slot) => slot.1 = updated,
            None => result.push((key.clone(), updated)),
        }
    }
    Some(Json::Object(result))
}

fn merge_metadata(current: Option<&Json>, patch: &Json) -> Option<Json> {
    let mut merged = match current {
        None => Vec::new(),
        Some(Json::Object(entries)) => entries.clone(),
        Some(_) => return None,
    };
    let Json::Object(changes) = patch else {
        return None;
    };
    for (key, value) in changes {
        let position = merged.iter().position(|(existing, _)| utf16(existing) == utf16(key));
        match (position, value) {
            (Some(position), Json::Null) => {
                merged.remove(position);
            }
            (None, Json::Null) => {}
            (Some(position), value) => merged[position].1 = value.clone(),
            (None, value) => merged.push((key.clone(), value.clone())),
        }
    }
    Some(Json::Object(merged))
}

// Structured decoding for `Case::from_bytes`.

const KEYS: &[&str] = &[
    "status", "balance_group", "metadata", "eic", "tso", "id", "name", "assigned_at", "activated_at", "created_at",
    "stauts", "__proto__", "constructor", "prototype", "", "a", "b", "a/b", "~", "$js",
];
const STRINGS: &[&str] = &[
    "pending", "active", "deactivated", "Active", "DE_50HERTZ", "DE_AMPRION", "DE_TENNET", "DE_TRANSNETBW", "DE_NOWHERE",
    "10YDE-RWENET---I", "10YDE-RWENET---X", "22XWATTPLUS----G", "0000000000000000", "10yde-rwenet---i", "11YSOLARDACH--A",
    "10YDE-VE-------2", "", "x", "ü", "\u{1f600}",
];
const NUMBERS: &[&str] = &["0", "-0", "1", "1.5", "1e400", "-1e-400", "12345678901234567890"];

fn text_value(input: &mut Unstructured<'_>) -> Text<'static> {
    match input.int_in_range(0..=7u8).unwrap_or(0) {
        0 => Text::from(input.arbitrary::<String>().unwrap_or_default()),
        1 => {
            let units: Vec<u16> = input.arbitrary().unwrap_or_default();
            Text::from_utf16(&units)
        }
        _ => Text::from(input.choose(STRINGS).copied().unwrap_or("").to_owned()),
    }
}

fn key_value(input: &mut Unstructured<'_>) -> Text<'static> {
    if input.ratio(1, 4).unwrap_or(false) {
        return text_value(input);
    }
    Text::from(input.choose(KEYS).copied().unwrap_or("").to_owned())
}

fn any_value(input: &mut Unstructured<'_>, depth: usize) -> Json {
    let choice = if depth >= 4 { input.int_in_range(0..=3u8) } else { input.int_in_range(0..=5u8) };
    match choice.unwrap_or(0) {
        0 => Json::Null,
        1 => Json::Bool(input.arbitrary().unwrap_or(false)),
        2 => Json::Number(input.choose(NUMBERS).copied().unwrap_or("0").to_owned()),
        3 => Json::String(text_value(input)),
        4 => {
            let count = input.int_in_range(0..=3usize).unwrap_or(0);
            Json::Array((0..count).map(|_| any_value(input, depth + 1)).collect())
        }
        _ => {
            let count = input.int_in_range(0..=4usize).unwrap_or(0);
            Json::Object((0..count).map(|_| (key_value(input), any_value(input, depth + 1))).collect())
        }
    }
}

/// Decodes a patch that is an object, with values that mostly fit its fields.
fn patch_object(input: &mut Unstructured<'_>) -> Json {
    let count = input.int_in_range(0..=4usize).unwrap_or(0);
    let mut entries = Vec::with_capacity(count);
    for _ in 0..count {
        let key = key_value(input);
        let value = match key.as_str() {
            Some("balance_group") if input.ratio(3, 4).unwrap_or(true) => group_object(input),
            Some("metadata") if input.ratio(3, 4).unwrap_or(true) => metadata_object(input),
            _ if input.ratio(1, 2).unwrap_or(true) => Json::String(text_value(input)),
            _ => any_value(input, 1),
        };
        entries.push((key, value));
    }
    Json::Object(entries)
}

fn group_object(input: &mut Unstructured<'_>) -> Json {
    let count = input.int_in_range(0..=3usize).unwrap_or(0);
    let mut entries = Vec::with_capacity(count);
    for index in 0..count {
        let key = match (index, input.ratio(3, 4).unwrap_or(true)) {
            (0, true) => Text::from("eic"),
            (1, true) => Text::from("tso"),
            _ => key_value(input),
        };
        let value = if input.ratio(7, 8).unwrap_or(true) { Json::String(text_value(input)) } else { any_value(input, 2) };
        entries.push((key, value));
    }
    Json::Object(entries)
}

fn metadata_object(input: &mut Unstructured<'_>) -> Json {
    let count = input.int_in_range(0..=5usize).unwrap_or(0);
    let mut entries = Vec::with_capacity(count);
    for _ in 0..count {
        let key = key_value(input);
        let value = match input.int_in_range(0..=5u8).unwrap_or(0) {
            0 => Json::Null,
            1 => any_value(input, 2),
            _ => Json::String(text_value(input)),
        };
        entries.push((key, value));
    }
    Json::Object(entries)
}

fn customer_object(input: &mut Unstructured<'_>) -> Json {
    if input.ratio(1, 8).unwrap_or(false) {
        return any_value(input, 0);
    }
    let mut customer = default_customer();
    if let Json::Object(entries) = &mut customer {
        if input.ratio(1, 3).unwrap_or(false) {
            entries.retain(|(key, _)| key.as_str() != Some("metadata"));
        }
        if input.ratio(1, 3).unwrap_or(false) {
            entries.push((Text::from("metadata"), any_value(input, 1)));
        }
        if input.ratio(1, 3).unwrap_or(false) {
            entries.push((key_value(input), any_value(input, 1)));
        }
    }
    customer
}
