//! Replays the fuzz corpus in `fuzz/corpus/` and every conformance vector through the law
//! checks of the fuzz targets, so `cargo test` on stable Rust repeats what fuzzing found.

mod laws;

use std::fs;
use std::path::{Path, PathBuf};

use brp_customer_patch::Json;

fn corpus_files(target: &str) -> Vec<PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus").join(target);
    let mut files: Vec<_> = fs::read_dir(&folder)
        .unwrap_or_else(|error| panic!("{}: {error}", folder.display()))
        .map(|entry| entry.expect("a readable folder entry").path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

fn replay(target: &str, run: fn(&[u8]) -> Result<(), String>) {
    let files = corpus_files(target);
    let mut failures = Vec::new();
    for path in &files {
        let bytes = fs::read(path).expect("a readable corpus file");
        if let Err(failure) = run(&bytes) {
            failures.push(format!("{}: {failure}", path.display()));
        }
    }
    assert!(!files.is_empty(), "fuzz/corpus/{target} is empty");
    assert!(failures.is_empty(), "{} of {} inputs break a law:\n\n{}", failures.len(), files.len(), failures.join("\n\n"));
}

#[test]
fn core_corpus_obeys_laws() {
    replay("core", laws::run_core);
}

#[test]
fn text_corpus_obeys_laws() {
    replay("text", laws::run_text);
}

/// Runs every vector as a fuzz input, in the `{"patch", "customer"}` form of the seed corpus.
#[test]
fn vectors_obey_laws() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let mut failures = Vec::new();
    let mut count = 0;
    for entry in fs::read_dir(&folder).expect("tests/vectors exists") {
        let path = entry.expect("a readable folder entry").path();
        if path.extension().is_none_or(|extension| extension != "json") {
            continue;
        }
        let document = Json::parse(&fs::read_to_string(&path).expect("a readable vector file")).expect("a vector file is JSON");
        let Some(Json::Array(cases)) = document.get("cases") else {
            panic!("{}: no cases array", path.display());
        };
        for case in cases {
            count += 1;
            let seed = seed_document(case);
            if let Err(failure) = laws::run_core(seed.to_string().as_bytes()) {
                let name = case.get("name").and_then(Json::as_str).unwrap_or("(unnamed)");
                failures.push(format!("{}: {name}: {failure}", path.display()));
            }
        }
    }
    assert!(count >= 100, "expected at least 100 vectors, found {count}");
    assert!(failures.is_empty(), "{} of {count} vectors break a law:\n\n{}", failures.len(), failures.join("\n\n"));
}

/// Builds the seed form of a vector: `{"patch": P, "customer": C, "strict": S}`.
fn seed_document(case: &Json) -> Json {
    let mut entries = vec![("patch".into(), case.get("patch").cloned().unwrap_or(Json::Null))];
    if let Some(customer) = case.get("customer") {
        entries.push(("customer".into(), customer.clone()));
    }
    let strict = case.get("options").and_then(|options| options.get("strict")).cloned();
    if let Some(strict) = strict {
        entries.push(("strict".into(), strict));
    }
    Json::Object(entries)
}

