//! Computing the smallest PATCH body that turns one customer into another.


use crate::fields::{Access, Field, FieldKind, CUSTOMER};
use crate::keys::KeyIndex;
use crate::rules::{check_field, check_metadata_entries, object_entries, Context, Update};
use crate::{Build, Input, IssueKind, Kind, Options, Path, Report, Subject, Text};

/// Creates the smallest PATCH body that turns `original` into `edited`.
///
/// The patch contains `status` only when it changed, `balance_group` whole only when it
/// changed, and `metadata` only when a key was added, changed or removed, with `null` for each
/// removed key. Fields come in the order of the customer's field table. When nothing changed,
/// the patch is `{}`. A member whose value is `undefined` counts as absent, as in
/// `JSON.stringify`.
///
/// The patch is validated as [`crate::validate_patch`] would validate it, so that
/// [`crate::apply_patch`] accepts it with the same options. Applying it to `original` gives a
/// customer that deep-equals `edited`, and applying it twice gives the same customer as once.
///
/// Returns a [`Report`] with every error when a patch cannot express the difference: a
/// changed read-only or unknown field, a removed writable field, a `null` metadata value, or
/// an edited value that the patch rules reject. Pointers are the same in both customers and
/// in the patch.
pub fn create_patch<V, B>(original: &V, edited: &V, options: &Options, builder: &mut B) -> Result<B::Value, Report>
where
    V: Input,
    B: Build<V>,
{
    let mut context = Context::new(options);
    let original_entries = customer_entries(&mut context, original, Subject::Customer);
    let edited_entries = customer_entries(&mut context, edited, Subject::EditedCustomer);
    let (Some(original_entries), Some(edited_entries)) = (original_entries, edited_entries) else {
        return Err(errors_only(context));
    };

    let changes = diff_fields(&mut context, original_entries, edited_entries);
    if context.error_count() > 0 {
        return Err(errors_only(context));
    }
    Ok(build_patch(builder, changes))
}

/// One field of the patch: its key as the edited customer spells it, its place in the field
/// table, and its new value.
struct FieldChange<V: Input> {
    key: V::Key,
    position: usize,
    update: Update<V>,
}

fn errors_only(context: Context<'_>) -> Report {
    Report { issues: context.into_issues(true) }
}

/// Returns the present members of a customer, leaving out those whose value is `undefined`,
/// or records an error when the customer is not a plain object.
fn customer_entries<V: Input>(context: &mut Context<'_>, customer: &V, subject: Subject) -> Option<Vec<(V::Key, V)>> {
    let entries = object_entries(context, &Path::Root, customer, subject)?;
    Some(entries.into_iter().filter(|(_, value)| value.kind() != Kind::Undefined).collect())
}

/// Compares the customers field by field and returns the changes in field-table order,
/// recording an error for each difference that a patch cannot express.
fn diff_fields<V: Input>(context: &mut Context<'_>, original: Vec<(V::Key, V)>, edited: Vec<(V::Key, V)>) -> Vec<FieldChange<V>> {
    let root = Path::Root;

    // A key that occurs twice (possible only in JSON text) takes its last value, as JSON.parse
    // would.
    let original_names = KeyIndex::new(original.iter().map(|(key, _)| V::key_text(key)).collect());
    let edited_names = KeyIndex::new(edited.iter().map(|(key, _)| V::key_text(key).into_owned()).collect());

    let mut changes = Vec::new();
    for (key, value) in edited {
        let name = V::key_text(&key).into_owned();
        let before = original_names.last(&name).map(|position| &original[position].1);
        if before.is_some_and(|before| before.deep_equals(&value)) {
            continue;
        }

        let path = root.join(&name);
        let field = name.as_str().and_then(|name| CUSTOMER.find(name));
        let Some(field) = field.filter(|field| field.access == Access::Writable) else {
            report_unchangeable(context, &path, field, &name);
            continue;
        };
        let update = match field.kind {
            FieldKind::Metadata => diff_metadata(context, &path, before, value),
            _ => check_field(context, &path, field, value),
        };
        if let Some(update) = update {
            let position = CUSTOMER.fields.iter().position(|candidate| candidate.name == field.name).unwrap_or(usize::MAX);
            changes.push(FieldChange { key, position, update });
        }
    }

    for (position, (key, _)) in original.iter().enumerate() {
        let name = V::key_text(key);
        // A field removed twice is reported once, at its first key.
        if edited_names.contains(&name) || original_names.first(&name) != Some(position) {
            continue;
        }
        let path = root.join(&name);
        match name.as_str().and_then(|name| CUSTOMER.find(name)) {
            Some(field) if field.access == Access::Writable => context.error(&path, IssueKind::FieldRemoved { field: field.name }),
            field => report_unchangeable(context, &path, field, &name),
        }
    }

    // A patch changes at most a few fields, so a stable insertion sort is enough, and it keeps
    // the standard library's sort, several kilobytes, out of the WebAssembly module.
    for index in 1..changes.len() {
        let mut at = index;
        while at > 0 && changes[at - 1].position > changes[at].position {
            changes.swap(at - 1, at);
            at -= 1;
        }
    }
    changes
}

/// Records that a read-only or unknown field differs between the customers.
fn report_unchangeable(context: &mut Context<'_>, path: &Path<'_>, field: Option<&'static Field>, name: &Text<'_>) {
    match field {
        Some(field) => context.error(path, IssueKind::ReadOnlyFieldChanged { field: field.name }),
        None => context.error(path, IssueKind::UnknownFieldChanged { key: name.clone().into_owned(), allowed: CUSTOMER.writable_names }),
    }
}

/// Compares the metadata of the customers key by key. Returns the entries of the patch,
/// changed and added keys in the edited order and then removed keys as `None`, or `None`
/// when nothing changed or an error was found.
fn diff_metadata<V: Input>(context: &mut Context<'_>, path: &Path<'_>, original: Option<&V>, edited: V) -> Option<Update<V>> {
    let edited_entries = object_entries(context, path, &edited, Subject::Metadata)?;

    // The merge starts from an empty object when the customer has no metadata, and fails when
    // its metadata is something other than an object.
    let original_entries = match original.map(|value| (value.kind(), value.entries())) {
        None => None,
        Some((Kind::Object, Some(entries))) => Some(entries),
        Some((kind, _)) => {
            let received = if kind == Kind::Object { Kind::Unreadable } else { kind };
            context.error(path, IssueKind::NotAnObject { subject: Subject::CustomerMetadata, received });
            return None;
        }
    };
    // Members whose value is `undefined` are absent, as JSON.stringify would drop them.
    let original_entries: Vec<_> = original_entries.unwrap_or_default().into_iter().filter(|(_, value)| value.kind() != Kind::Undefined).collect();
    let edited_entries: Vec<_> = edited_entries.into_iter().filter(|(_, value)| value.kind() != Kind::Undefined).collect();
    let original_names = KeyIndex::new(original_entries.iter().map(|(key, _)| V::key_text(key).into_owned()).collect());
    let edited_names = KeyIndex::new(edited_entries.iter().map(|(key, _)| V::key_text(key).into_owned()).collect());

    let errors_before = context.error_count();
    let mut entries = Vec::new();
    for (key, value) in edited_entries {
        let name = V::key_text(&key).into_owned();
        if original_names.last(&name).is_some_and(|position| original_entries[position].1.deep_equals(&value)) {
            continue;
        }
        if value.kind() == Kind::Null {
            context.error(&path.join(&name), IssueKind::MetadataValueNull);
            continue;
        }
        entries.push((key, Some(value)));
    }

    for (position, (key, _)) in original_entries.into_iter().enumerate() {
        let name = &original_names.names()[position];
        // A key that occurs twice is removed once, at its first occurrence.
        if !edited_names.contains(name) && original_names.first(name) == Some(position) {
            entries.push((key, None));
        }
    }

    let entries = check_metadata_entries(context, path, entries)?;
    if context.error_count() > errors_before || (entries.is_empty() && original.is_some()) {
        return None;
    }
    Some(Update::Merge(entries))
}

/// Builds the patch object from its changes.
fn build_patch<V: Input, B: Build<V>>(builder: &mut B, changes: Vec<FieldChange<V>>) -> B::Value {
    let mut patch = builder.object();
    for change in changes {
        let value = match change.update {
            Update::Replace(value) => builder.keep(&value),
            Update::ReplaceObject(members) => {
                let mut object = builder.object();
                for (key, member) in &members {
                    let kept = builder.keep(member);
                    builder.insert(&mut object, key, kept);
                }
                builder.finish(object)
            }
            Update::Merge(entries) => {
                let mut object = builder.object();
                for (key, entry) in &entries {
                    let value = match entry {
                        Some(value) => builder.keep(value),
                        None => builder.null(),
                    };
                    builder.insert(&mut object, key, value);
                }
                builder.finish(object)
            }
        };
        builder.insert(&mut patch, &change.key, value);
    }
    builder.finish(patch)
}
