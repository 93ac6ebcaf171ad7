//! Runs the conformance vectors in `tests/vectors/` against the Rust core.
//!
//! The Node runner, `tests/node/vectors.test.mjs`, runs the same files against the npm package.

use std::fs;
use std::path::Path;

use brp_customer_patch::{apply_patch, validate_patch, Build, Input, Issue, Json, Kind, Limits, Locale, Options, Text};

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

/// Returns the expected issues of a case as (code, pointer as UTF-16) pairs.
fn expected_issues(case: &Json, member: &str) -> Vec<(String, Vec<u16>)> {
    let Some(Json::Array(issues)) = case.get(member) else {
        panic!("case has no {member:?} array");
    };
    issues
        .iter()
        .map(|issue| {
            let code = issue.get("code").and_then(Json::as_str).expect("issue code").to_owned();
            let Some(Json::String(pointer)) = issue.get("pointer") else {
                panic!("issue without a pointer string");
            };
            let mut units = Vec::new();
            pointer.push_utf16(&mut units);
            (code, units)
        })
        .collect()
}

fn actual_issues<'a>(issues: impl Iterator<Item = &'a Issue>) -> Vec<(String, Vec<u16>)> {
    issues.map(|issue| (issue.code().as_str().to_owned(), issue.pointer.to_utf16())).collect()
}

fn run_case(file: &str, case: &Json) -> Result<(), String> {
    let name = case.get("name").and_then(Json::as_str).unwrap_or("(unnamed)");
    let label = format!("{file}: {name}");
    let patch = VectorValue(case.get("patch").ok_or_else(|| format!("{label}: no patch"))?);
    let options = parse_options(case.get("options"));

    let report = validate_patch(&patch, &options);
    let errors = actual_issues(report.errors());
    let warnings = actual_issues(report.warnings());
    if errors != expected_issues(case, "errors") {
        return Err(format!("{label}: errors differ\n{report}"));
    }
    if warnings != expected_issues(case, "warnings") {
        return Err(format!("{label}: warnings differ\n{report}"));
    }
    for issue in &report.issues {
        if issue.message(Locale::En).is_empty() || issue.message(Locale::De).is_empty() {
            return Err(format!("{label}: empty message for {issue}"));
        }
    }

    let Some(customer) = case.get("customer") else {
        return Ok(());
    };
    let outcome = apply_patch(&VectorValue(customer), &patch, &options, &mut VectorBuilder);
    match (outcome, case.get("result")) {
        (Ok(Some(result)), Some(expected)) if &result == expected => Ok(()),
        (Ok(result), Some(expected)) => Err(format!("{label}: result {result:?}, expected {expected}")),
        (Ok(result), None) => Err(format!("{label}: applied to {result:?}, expected applyErrors")),
        (Err(report), None) if actual_issues(report.issues.iter()) == expected_issues(case, "applyErrors") => Ok(()),
        (Err(report), _) => Err(format!("{label}: apply failed unexpectedly\n{report}")),
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

    assert!(count >= 100, "expected at least 100 vectors, found {count}");
    assert!(failures.is_empty(), "{} of {count} vectors failed:\n\n{}", failures.len(), failures.join("\n\n"));
}
