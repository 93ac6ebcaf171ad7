//! Tests of `create_patch`: examples, and the law `apply(original, create(original, edited)) ==
//! edited` as a property over generated customers and edits.
//!
//! The generator in `generate/` is a small seeded PRNG, so a failure names a case number that
//! reproduces it.

mod generate;

use brp_customer_patch::{apply_json, create_json, Json, Options, Report};
use generate::{equal, members, object, random_customer, random_edited, remove, set, string, Random};

const LAW_CASES: u64 = 10_000;
const UNEXPRESSIBLE_CASES: u64 = 2_000;

fn member_names(value: Option<&Json>) -> Vec<String> {
    value.map(members).into_iter().flatten().map(|(key, _)| key.to_string()).collect()
}

/// Checks the law and minimality for one case, and returns a description of the first failure.
fn check_law(original: &Json, edited: &Json) -> Result<(), String> {
    let options = Options::default();
    let patch = create_json(original, edited, &options).map_err(|report| format!("createPatch failed:\n{report}"))?;

    let once = apply_json(original, &patch, &options).map_err(|report| format!("applyPatch rejected {patch}:\n{report}"))?;
    if !equal(&once, edited) {
        return Err(format!("patch {patch} gave {once}"));
    }
    let twice = apply_json(&once, &patch, &options).map_err(|report| format!("second applyPatch failed:\n{report}"))?;
    if !equal(&twice, &once) {
        return Err(format!("applying {patch} twice gave {twice}"));
    }

    for field in ["status", "balance_group"] {
        let changed = match (original.get(field), edited.get(field)) {
            (Some(before), Some(after)) => !equal(before, after),
            (before, after) => before.is_some() != after.is_some(),
        };
        if patch.get(field).is_some() != changed {
            return Err(format!("patch {patch} has {field}: {}, but changed: {changed}", patch.get(field).is_some()));
        }
    }

    let before = original.get("metadata");
    let after = edited.get("metadata").expect("edits never remove metadata");
    let mut expected: Vec<String> = Vec::new();
    for (key, value) in members(after) {
        if !before.and_then(|before| before.get(&key.to_string())).is_some_and(|old| equal(old, value)) {
            expected.push(key.to_string());
        }
    }
    for (key, _) in before.map(members).into_iter().flatten() {
        if after.get(&key.to_string()).is_none() {
            expected.push(key.to_string());
        }
    }
    let sent = member_names(patch.get("metadata"));
    if sent != expected {
        return Err(format!("patch {patch} sends metadata keys {sent:?}, expected {expected:?}"));
    }
    if before.is_some() && expected.is_empty() && patch.get("metadata").is_some() {
        return Err(format!("patch {patch} sends unchanged metadata"));
    }
    Ok(())
}

#[test]
fn law_holds_for_generated_edits() {
    let mut random = Random(0x5eed_c0de);
    let mut failures = Vec::new();
    for number in 0..LAW_CASES {
        let original = random_customer(&mut random, number);
        let edited = random_edited(&mut random, &original);
        if let Err(failure) = check_law(&original, &edited) {
            failures.push(format!("case {number}: {failure}\n  original {original}\n  edited   {edited}"));
        }
    }
    assert!(failures.is_empty(), "{} of {LAW_CASES} cases failed, first ones:\n{}", failures.len(), failures[..failures.len().min(5)].join("\n"));
}

/// Returns (code, pointer) of each error.
fn errors(report: &Report) -> Vec<(String, String)> {
    report.issues.iter().map(|issue| (issue.code().as_str().to_owned(), issue.pointer.to_string())).collect()
}

#[test]
fn unexpressible_edits_are_rejected() {
    let mut random = Random(0xbad_ed17);
    for number in 0..UNEXPRESSIBLE_CASES {
        let original = random_customer(&mut random, number);
        let mut edited = original.clone();
        let expected = match random.below(4) {
            0 => {
                let field = random.pick(&["id", "name", "created_at", "assigned_at"]);
                set(&mut edited, field, string("changed"));
                ("read_only_field", format!("/{field}"))
            }
            1 => {
                set(&mut edited, "updated_at", string("2030-01-01T00:00:00Z"));
                ("unknown_field", "/updated_at".to_owned())
            }
            2 => {
                remove(&mut edited, "created_at");
                ("read_only_field", "/created_at".to_owned())
            }
            _ => {
                set(&mut edited, "stauts", string("active"));
                ("unknown_field", "/stauts".to_owned())
            }
        };
        let report = create_json(&original, &edited, &Options::default()).expect_err("an unexpressible edit");
        assert_eq!(errors(&report), [(expected.0.to_owned(), expected.1)], "case {number}: {original} -> {edited}");
    }
}

fn parse(text: &str) -> Json {
    Json::parse(text).expect("valid JSON in a test")
}

fn create(original: &str, edited: &str) -> Result<String, Vec<(String, String)>> {
    create_json(&parse(original), &parse(edited), &Options::default()).map(|patch| patch.to_string()).map_err(|report| errors(&report))
}

const EXAMPLE: &str = r#"{"id": "cust_r8s9t0u1", "name": "SolarDach GmbH", "status": "active",
  "balance_group": {"eic": "11YSOLARDACH--A", "tso": "DE_AMPRION"},
  "metadata": {"customer_number": "KD-2026-0815", "cost_center": "CC-4200", "region": "NRW"},
  "assigned_at": "2026-01-10T09:00:00Z", "created_at": "2026-01-10T09:00:00Z", "activated_at": "2026-01-10T11:30:00Z"}"#;

fn edit_example(edit: impl FnOnce(&mut Json)) -> String {
    let mut edited = parse(EXAMPLE);
    edit(&mut edited);
    edited.to_string()
}

#[test]
fn unchanged_customer_gives_empty_patch() {
    assert_eq!(create(EXAMPLE, EXAMPLE), Ok("{}".to_owned()));
}

#[test]
fn status_change_sends_only_status() {
    let edited = edit_example(|customer| set(customer, "status", string("deactivated")));
    assert_eq!(create(EXAMPLE, &edited), Ok(r#"{"status":"deactivated"}"#.to_owned()));
}

#[test]
fn tso_change_sends_whole_group() {
    let edited = edit_example(|customer| set(customer, "balance_group", object(vec![("eic", string("10YDE-RWENET---I")), ("tso", string("DE_TENNET"))])));
    assert_eq!(create(EXAMPLE, &edited), Ok(r#"{"balance_group":{"eic":"10YDE-RWENET---I","tso":"DE_TENNET"}}"#.to_owned()));
}

#[test]
fn invalid_edited_eic_is_an_error() {
    // The example's EIC has 15 characters. Changing only the TSO sends it, and the patch rules
    // reject it at the same pointer.
    let edited = edit_example(|customer| set(customer, "balance_group", object(vec![("eic", string("11YSOLARDACH--A")), ("tso", string("DE_TENNET"))])));
    assert_eq!(create(EXAMPLE, &edited), Err(vec![("invalid_format".to_owned(), "/balance_group/eic".to_owned())]));
}

#[test]
fn metadata_sends_changes_and_removals() {
    let edited = edit_example(|customer| set(customer, "metadata", object(vec![("region", string("BY")), ("cost_center", string("CC-4200")), ("tariff", string("H0"))])));
    assert_eq!(create(EXAMPLE, &edited), Ok(r#"{"metadata":{"region":"BY","tariff":"H0","customer_number":null}}"#.to_owned()));
}

#[test]
fn metadata_added_to_customer_without_it() {
    assert_eq!(create(r#"{"id": "c"}"#, r#"{"id": "c", "metadata": {}}"#), Ok(r#"{"metadata":{}}"#.to_owned()));
}

#[test]
fn null_metadata_value_is_an_error() {
    assert_eq!(
        create(r#"{"metadata": {"a": "1"}}"#, r#"{"metadata": {"a": null}}"#),
        Err(vec![("invalid_type".to_owned(), "/metadata/a".to_owned())])
    );
}

#[test]
fn removed_writable_field_is_required() {
    assert_eq!(create(r#"{"status": "active"}"#, "{}"), Err(vec![("required".to_owned(), "/status".to_owned())]));
}

#[test]
fn invalid_edited_status_is_an_error() {
    assert_eq!(create(r#"{"status": "active"}"#, r#"{"status": "paused"}"#), Err(vec![("invalid_enum_value".to_owned(), "/status".to_owned())]));
}

#[test]
fn customers_must_be_objects() {
    assert_eq!(create("[]", "{}"), Err(vec![("invalid_type".to_owned(), String::new())]));
    assert_eq!(create("{}", "null"), Err(vec![("invalid_type".to_owned(), String::new())]));
}

#[test]
fn every_difference_is_reported() {
    let edited = edit_example(|customer| {
        set(customer, "id", string("cust_other"));
        set(customer, "status", string("paused"));
        remove(customer, "created_at");
    });
    let found = create(EXAMPLE, &edited).expect_err("three errors");
    assert_eq!(
        found,
        [
            ("read_only_field".to_owned(), "/id".to_owned()),
            ("invalid_enum_value".to_owned(), "/status".to_owned()),
            ("read_only_field".to_owned(), "/created_at".to_owned()),
        ]
    );
}

#[test]
fn metadata_limits_apply_to_created_patch() {
    let options = Options { limits: brp_customer_patch::Limits { max_metadata_keys: Some(1), ..Default::default() }, ..Default::default() };
    let report = create_json(&parse(r#"{"metadata": {}}"#), &parse(r#"{"metadata": {"a": "1", "b": "2"}}"#), &options).expect_err("over the limit");
    assert_eq!(errors(&report), [("value_too_large".to_owned(), "/metadata".to_owned())]);
}
