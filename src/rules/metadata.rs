//! The rule for `metadata`: free-form string values, where `null` removes a key.

use crate::{Input, IssueKind, Kind, Path, Subject};

use super::{check_duplicate_keys, object_entries, Context};

/// Checks the metadata of a patch and returns its entries when no error was found: `Some`
/// for a value to set, `None` for a key to remove.
pub(crate) fn check_metadata<V: Input>(context: &mut Context<'_>, path: &Path<'_>, value: &V) -> Option<Vec<(V::Key, Option<V>)>> {
    let entries = object_entries(context, path, value, Subject::Metadata)?;

    // In a patch, `null` removes a key.
    let entries = entries
        .into_iter()
        .map(|(key, entry)| {
            let update = if entry.kind() == Kind::Null { None } else { Some(entry) };
            (key, update)
        })
        .collect();
    check_metadata_entries(context, path, entries)
}

/// Checks the entries of a patch's metadata, where `None` removes a key, and returns them when
/// no error was found, or none when the context does not keep changes.
///
/// [`crate::create_patch`] calls this directly with the entries it computed, so that its patches obey
/// the same limits as the ones a caller writes.
pub(crate) fn check_metadata_entries<V: Input>(context: &mut Context<'_>, path: &Path<'_>, entries: Vec<(V::Key, Option<V>)>) -> Option<Vec<(V::Key, Option<V>)>> {
    let limits = context.options.limits;
    let errors_before = context.error_count();
    check_duplicate_keys::<V, _>(context, path, Subject::Patch, &entries);
    if let Some(maximum) = limits.max_metadata_keys.filter(|maximum| entries.len() > *maximum) {
        context.error(path, IssueKind::TooManyKeys { maximum, actual: entries.len() });
    }

    let keeps_changes = context.keeps_changes;
    let mut changes = Vec::with_capacity(if keeps_changes { entries.len() } else { 0 });
    for (key, entry) in entries {
        let name = V::key_text(&key);
        let entry_path = path.join(&name);

        if name.is_empty() {
            context.error(&entry_path, IssueKind::EmptyKey);
        } else if !name.is_well_formed() {
            context.error(&entry_path, IssueKind::LoneSurrogate);
        } else if let Some(maximum) = limits.max_key_length {
            if let Some(actual) = name.utf16_len_over(maximum) {
                context.error(&entry_path, IssueKind::KeyTooLong { maximum, actual });
            }
        }

        let Some(entry) = entry else {
            if keeps_changes {
                changes.push((key, None));
            }
            continue;
        };
        match entry.kind() {
            Kind::String => check_metadata_string(context, &entry_path, &entry),
            // JSON has no `undefined`, so the key would silently vanish from the request body.
            Kind::Undefined => {
                context.error(&entry_path, IssueKind::MetadataValueUndefined);
                continue;
            }
            received => {
                context.error(&entry_path, IssueKind::MetadataValueType { received });
                continue;
            }
        }
        if keeps_changes {
            changes.push((key, Some(entry)));
        }
    }

    (context.error_count() == errors_before).then_some(changes)
}

/// Checks one metadata string value: well-formed and within `limits.maxValueLength`.
fn check_metadata_string<V: Input>(context: &mut Context<'_>, path: &Path<'_>, value: &V) {
    let Some(text) = value.text() else {
        return;
    };
    if !text.is_well_formed() {
        context.error(path, IssueKind::LoneSurrogate);
        return;
    }
    // Only the test build of the package has these triggers, to test how a panic and an
    // exception through the module's frames are reported.
    #[cfg(all(feature = "test-panic", target_arch = "wasm32"))]
    if text.as_str() == Some(crate::wasm_api::panic::PANIC_TRIGGER) {
        panic!("forced panic: metadata value {:?} in a test-panic build", crate::wasm_api::panic::PANIC_TRIGGER);
    }
    #[cfg(all(feature = "test-panic", target_arch = "wasm32"))]
    if text.as_str() == Some(crate::wasm_api::panic::THROW_TRIGGER) {
        wasm_bindgen::throw_str("forced exception: metadata value \"__brp_test_throw__\" in a test-panic build");
    }
    if let Some(maximum) = context.options.limits.max_value_length {
        if let Some(actual) = text.utf16_len_over(maximum) {
            context.error(path, IssueKind::ValueTooLong { maximum, actual });
        }
    }
}
