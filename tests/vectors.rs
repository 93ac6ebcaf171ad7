//! Runs the conformance vectors in `tests/vectors/` against the Rust core.
//!
//! The Node runner, `tests/node/vectors.test.mjs`, runs the same files against the npm package.

use std::fs;
use std::path::Path;

use brp_customer_patch::{
    apply_patch, apply_patch_text, validate_patch, validate_patch_text, Build, Input, Issue, Json, Kind, Limits, Locale, Options, Param,
    Report, Text,
};

/// A vector's input value. `{"$js": NAME}` stands for a JavaScript value that JSON cannot
/// express; here it only needs the right [`Kind`].
#[derive(Clone, Copy)]
struct VectorValue<'a>(&'a Json);

impl<'a> VectorValue<'a> {
    /// Returns the name of the stand-in, when the value is one.
    fn stand_in(&self) -> Option<&'a str> {
        match self.0 {
            Json::Object(entries) if entries.first().is_some_and(|(key, _)| key.as_str() == Some("$js")) => self.0.get("$js")?.as_str(),
            _ => None,
        }
    }
}

impl<'a> Input for VectorValue<'a> {
    type Key = &'a Text<'static>;

    fn kind(&self) -> Kind {
        let Some(name) = self.stand_in() else {
            return (&self.0).kind();
        };
        match name {
            "undefined" => Kind::Undefined,
            "NaN" | "Infinity" => Kind::Number,
            "bigint" => Kind::BigInt,
            "symbol" => Kind::Symbol,
            "function" => Kind::Function,
            "Map" => Kind::Map,
            "Set" => Kind::Set,
            "Date" => Kind::Date,
            "class" | "Uint8Array" => Kind::OtherObject,
            "nullProto" => Kind::Object,
            "unreadable" => Kind::Unreadable,
            other => panic!("unknown stand-in {other:?} in a vector"),
        }
    }

    fn text(&self) -> Option<Text<'_>> {
        (&self.0).text()
    }

    fn entries(&self) -> Option<Vec<(Self::Key, Self)>> {
        let object = match self.stand_in() {
            Some("nullProto") => self.0.get("entries")?,
            Some(_) => return None,
            None => self.0,
        };
        let Json::Object(entries) = object else {
            return None;
        };
        Some(entries.iter().map(|(key, value)| (key, VectorValue(value))).collect())
    }

    fn key_text<'k>(key: &'k Self::Key) -> Text<'k> {
        <&Json as Input>::key_text(key)
    }

    fn deep_equals(&self, other: &Self) -> bool {
        self.stand_in().is_none() && other.stand_in().is_none() && (&self.0).deep_equals(&other.0)
    }
}

/// Builds the merged customer as [`Json`], dropping `undefined` members as `JSON.stringify`
/// would, so that results compare with the vectors' JSON.
struct VectorBuilder;

impl<'a> Build<VectorValue<'a>> for VectorBuilder {
    type Value = Option<Json>;
    type Object = Vec<(Text<'static>, Json)>;

    fn object(&mut self) -> Self::Object {
        Vec::new()
    }

    fn insert(&mut self, object: &mut Self::Object, key: &&'a Text<'static>, value: Option<Json>) {
        if let Some(value) = value {
            object.push(((*key).clone(), value));
        }
    }

    fn finish(&mut self, object: Self::Object) -> Option<Json> {
        Some(Json::Object(object))
    }

    fn keep(&mut self, value: &VectorValue<'a>) -> Option<Json> {
        match value.stand_in() {
            Some("undefined") => None,
            _ => Some(value.0.clone()),
        }
    }

    fn null(&mut self) -> Option<Json> {
        Some(Json::Null)
    }
}

fn parse_options(options: Option<&Json>) -> Options {
    let mut parsed = Options::default();
    let Some(options) = options else {
        return parsed;
    };
    if let Some(locale) = options.get("locale").and_then(Json::as_str) {
        parsed.locale = Locale::from_tag(locale);
    }
    parsed.strict = options.get("strict") == Some(&Json::Bool(true));
    if let Some(Json::Number(raw)) = options.get("maxBytes") {
        parsed.max_bytes = raw.parse().expect("a whole number maxBytes");
    }
    if let Some(limits) = options.get("limits") {
        let limit = |name: &str| match limits.get(name) {
            Some(Json::Number(raw)) => Some(raw.parse::<usize>().expect("a whole number limit")),
            _ => None,
        };
        parsed.limits = Limits {
            max_metadata_keys: limit("maxMetadataKeys"),
            max_key_length: limit("maxKeyLength"),
            max_value_length: limit("maxValueLength"),
        };
    }
    parsed
}

/// Returns a parameter as JSON, for comparison with a vector's `params`.
fn param_to_json(param: &Param) -> Json {
    match param {
        Param::Str(value) => Json::String(Text::from(value.clone())),
        Param::Text(text) => Json::String(text.clone()),
        Param::Number(number) => Json::Number(number.to_string()),
        Param::List(items) => Json::Array(items.iter().map(|item| Json::String(Text::from(*item))).collect()),
    }
}

/// Compares issues with a vector's expected `{ code, pointer, params? }` objects, in order.
/// Only the parameters the vector names are compared.
fn compare_issues<'a>(label: &str, member: &str, case: &Json, actual: impl Iterator<Item = &'a Issue>) -> Result<(), String> {
    let Some(Json::Array(expected)) = case.get(member) else {
        return Err(format!("{label}: no {member:?} array"));
    };
    let actual: Vec<&Issue> = actual.collect();
    let describe = |issues: &[&Issue]| issues.iter().map(|issue| issue.to_string()).collect::<Vec<_>>().join("\n  ");
    if actual.len() != expected.len() {
        return Err(format!("{label}: {member}: expected {} issues, got {}:\n  {}", expected.len(), actual.len(), describe(&actual)));
    }
    for (issue, wanted) in actual.iter().zip(expected) {
        let code = wanted.get("code").and_then(Json::as_str).unwrap_or_default();
        let Some(Json::String(pointer)) = wanted.get("pointer") else {
            return Err(format!("{label}: {member}: an expected issue has no pointer string"));
        };
        let mut pointer_units = Vec::new();
        pointer.push_utf16(&mut pointer_units);
        if issue.code().as_str() != code || issue.pointer.to_utf16() != pointer_units {
            return Err(format!("{label}: {member}: expected {code} at {pointer}, got:\n  {}", describe(&actual)));
        }
        let Some(Json::Object(params)) = wanted.get("params") else {
            continue;
        };
        let actual_params = issue.kind.params();
        for (name, value) in params {
            let found = actual_params.iter().find(|(actual_name, _)| name.as_str() == Some(actual_name)).map(|(_, param)| param_to_json(param));
            if found.as_ref() != Some(value) {
                return Err(format!("{label}: {member}: param {name} of {issue} is {found:?}, expected {value}"));
            }
        }
    }
    Ok(())
}

fn compare_report(label: &str, case: &Json, report: &Report) -> Result<(), String> {
    compare_issues(label, "errors", case, report.errors())?;
    compare_issues(label, "warnings", case, report.warnings())?;
    for issue in &report.issues {
        if issue.message(Locale::En).is_empty() || issue.message(Locale::De).is_empty() {
            return Err(format!("{label}: empty message for {issue}"));
        }
    }
    Ok(())
}

/// Runs a case whose patch is JSON text through the text entry points.
fn run_text_case(label: &str, case: &Json, patch_text: &str, options: &Options) -> Result<(), String> {
    compare_report(label, case, &validate_patch_text(patch_text, options))?;

    let Some(customer) = case.get("customerText").and_then(Json::as_str) else {
        return Ok(());
    };
    match (apply_patch_text(customer, patch_text, options), case.get("resultText").and_then(Json::as_str)) {
        (Ok(result), Some(expected)) if result == expected => Ok(()),
        (Ok(result), _) => Err(format!("{label}: result text {result}")),
        (Err(report), None) => compare_issues(label, "applyErrors", case, report.issues.iter()),
        (Err(report), Some(_)) => Err(format!("{label}: apply failed unexpectedly\n{report}")),
    }
}

fn run_case(file: &str, case: &Json) -> Result<(), String> {
    let name = case.get("name").and_then(Json::as_str).unwrap_or("(unnamed)");
    let label = format!("{file}: {name}");
    let options = parse_options(case.get("options"));
    if let Some(patch_text) = case.get("patchText").and_then(Json::as_str) {
        return run_text_case(&label, case, patch_text, &options);
    }

    let patch_json = case.get("patch").ok_or_else(|| format!("{label}: no patch"))?;
    let patch = VectorValue(patch_json);
    compare_report(&label, case, &validate_patch(&patch, &options))?;

    // A patch that JSON can express must get the same issues through the text entry point.
    let patch_text = patch_json.to_string();
    let expressible = !patch_text.contains("\"$js\"");
    if expressible {
        compare_report(&format!("{label} (as text)"), case, &validate_patch_text(&patch_text, &options))?;
    }

    let Some(customer) = case.get("customer") else {
        return Ok(());
    };
    let outcome = apply_patch(&VectorValue(customer), &patch, &options, &mut VectorBuilder);
    match (outcome, case.get("result")) {
        (Ok(Some(result)), Some(expected)) if &result == expected => {}
        (Ok(result), Some(expected)) => return Err(format!("{label}: result {result:?}, expected {expected}")),
        (Ok(result), None) => return Err(format!("{label}: applied to {result:?}, expected applyErrors")),
        (Err(report), None) => compare_issues(&label, "applyErrors", case, report.issues.iter())?,
        (Err(report), _) => return Err(format!("{label}: apply failed unexpectedly\n{report}")),
    }

    let customer_text = customer.to_string();
    if !expressible || customer_text.contains("\"$js\"") {
        return Ok(());
    }
    let text_label = format!("{label} (as text)");
    match (apply_patch_text(&customer_text, &patch_text, &options), case.get("result")) {
        (Ok(result), Some(expected)) if Json::parse(&result).as_ref() == Ok(expected) => Ok(()),
        (Ok(result), _) => Err(format!("{text_label}: result text {result}")),
        (Err(report), None) => compare_issues(&text_label, "applyErrors", case, report.issues.iter()),
        (Err(report), Some(_)) => Err(format!("{text_label}: apply failed unexpectedly\n{report}")),
    }
}

#[test]
fn conformance_vectors() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let mut files: Vec<_> = fs::read_dir(&folder)
        .expect("tests/vectors exists")
        .map(|entry| entry.expect("a readable folder entry").path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "json"))
        .collect();
    files.sort();

    let mut failures = Vec::new();
    let mut count = 0;
    for path in &files {
        let text = fs::read_to_string(path).expect("a readable vector file");
        let document = Json::parse(&text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let Some(Json::Array(cases)) = document.get("cases") else {
            panic!("{}: no cases array", path.display());
        };
        let file = path.file_name().unwrap_or_default().to_string_lossy();
        for case in cases {
            count += 1;
            if let Err(failure) = run_case(&file, case) {
                failures.push(failure);
            }
        }
    }

    assert!(count >= 150, "expected at least 150 vectors, found {count}");
    assert!(failures.is_empty(), "{} of {count} vectors failed:\n\n{}", failures.len(), failures.join("\n\n"));
}
