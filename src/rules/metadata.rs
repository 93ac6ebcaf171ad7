//! The rule for `metadata`: free-form string values, where `null` removes a key.

use crate::{Input, IssueKind, Kind, Path, Subject};

use super::Context;

/// Checks the metadata of a patch and returns its entries when no error was found: `Some`
/// for a value to set, `None` for a key to remove.
pub(crate) fn check_metadata<V: Input>(context: &mut Context<'_>, path: &Path<'_>, value: &V) -> Option<Vec<(V::Key, Option<V>)>> {
    let entries = match value.kind() {
        Kind::Object => value.entries(),
        _ => None,
    };
    let Some(entries) = entries else {
        let received = if value.kind() == Kind::Object { Kind::Unreadable } else { value.kind() };
        context.error(path, IssueKind::NotAnObject { subject: Subject::Metadata, received });
        return None;
    };

    let limits = context.options.limits;
    let errors_before = context.error_count();
    if let Some(maximum) = limits.max_metadata_keys.filter(|maximum| entries.len() > *maximum) {
        context.error(path, IssueKind::TooManyKeys { maximum, actual: entries.len() });
    }

    let mut changes = Vec::with_capacity(entries.len());
    for (key, entry) in entries {
        let name = V::key_text(&key);
        let entry_path = path.join(&name);

        if name.is_empty() {
            context.error(&entry_path, IssueKind::EmptyKey);
        } else if !name.is_well_formed() {
            context.error(&entry_path, IssueKind::LoneSurrogate);
        } else if let Some(maximum) = limits.max_key_length {
            let actual = name.utf16_len();
            if actual > maximum {
                context.error(&entry_path, IssueKind::KeyTooLong { maximum, actual });
            }
        }

        let update = match entry.kind() {
            Kind::Null => None,
            Kind::String => {
                check_metadata_string(context, &entry_path, &entry);
                Some(entry)
            }
            // JSON has no `undefined`, so the key would silently vanish from the request body.
            Kind::Undefined => {
                context.error(&entry_path, IssueKind::MetadataValueUndefined);
                continue;
            }
            received => {
                context.error(&entry_path, IssueKind::MetadataValueType { received });
                continue;
            }
        };
        changes.push((key, update));
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
    // Only the test build of the package has this trigger, to test how a panic is reported.
    #[cfg(all(feature = "test-panic", target_arch = "wasm32"))]
    if text.as_str() == Some(crate::wasm_api::panic::PANIC_TRIGGER) {
        panic!("forced panic: metadata value {:?} in a test-panic build", crate::wasm_api::panic::PANIC_TRIGGER);
    }
    if let Some(maximum) = context.options.limits.max_value_length {
        let actual = text.utf16_len();
        if actual > maximum {
            context.error(path, IssueKind::ValueTooLong { maximum, actual });
        }
    }
}
