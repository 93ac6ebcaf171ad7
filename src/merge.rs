//! Applying a valid patch to a stored customer.

use std::collections::HashMap;

use crate::rules::{check_patch, Change, Context, Update};
use crate::{Build, Input, IssueKind, Kind, Options, Path, Report, Subject, Text};

/// Validates `patch` and applies it to `customer`, returning the updated customer.
///
/// The result is a new object. `status` is replaced, `balance_group` is replaced whole, and
/// `metadata` is merged key by key, where `null` removes a key. Every other field, known or
/// not, keeps its value and position, and new fields and metadata keys come last. Timestamps
/// are not invented and status transitions are not judged, because the server decides both.
///
/// Returns a [`Report`] with every error when the patch is invalid, or when `customer` or its
/// `metadata` is not an object. Such customer issues carry the subject `customer`.
pub fn apply_patch<V, B>(customer: &V, patch: &V, options: &Options, builder: &mut B) -> Result<B::Value, Report>
where
    V: Input,
    B: Build<V>,
{
    let mut context = Context::new(options);
    let changes = check_patch(&mut context, patch);
    let customer_entries = check_customer(&mut context, customer, changes.as_deref());

    let (Some(changes), Some(customer_entries)) = (changes, customer_entries) else {
        context.issues.retain(|issue| issue.severity == crate::Severity::Error);
        return Err(Report { issues: context.issues });
    };
    Ok(merge_customer(customer_entries, changes, builder))
}

/// Checks that the customer is an object, and that its `metadata` is one when the patch
/// merges into it. Returns the customer's entries.
fn check_customer<V: Input>(context: &mut Context<'_>, customer: &V, changes: Option<&[Change<V>]>) -> Option<Vec<(V::Key, V)>> {
    let root = Path::Root;
    let entries = match customer.kind() {
        Kind::Object => customer.entries(),
        _ => None,
    };
    let Some(entries) = entries else {
        let received = if customer.kind() == Kind::Object { Kind::Unreadable } else { customer.kind() };
        context.error(&root, IssueKind::NotAnObject { subject: Subject::Customer, received });
        return None;
    };

    // A field that cannot be read would be copied as `undefined`, which loses it silently.
    let mut readable = true;
    for (key, value) in &entries {
        if value.kind() == Kind::Unreadable {
            context.error(&root.join(&V::key_text(key)), IssueKind::CustomerValueUnreadable);
            readable = false;
        }
    }
    if !readable {
        return None;
    }

    let merges_metadata = changes.unwrap_or_default().iter().any(|change| matches!(change.update, Update::Merge(_)));
    if merges_metadata {
        for (key, value) in &entries {
            let name = V::key_text(key);
            // A customer without metadata starts from an empty object, and so does one whose
            // metadata is `undefined`, which JSON would not carry.
            if name.as_str() != Some("metadata") || matches!(value.kind(), Kind::Object | Kind::Undefined) {
                continue;
            }
            context.error(&root.join(&name), IssueKind::NotAnObject { subject: Subject::CustomerMetadata, received: value.kind() });
            return None;
        }
    }
    Some(entries)
}

/// Builds the updated customer from its entries and the changes of a valid patch.
fn merge_customer<V: Input, B: Build<V>>(customer: Vec<(V::Key, V)>, changes: Vec<Change<V>>, builder: &mut B) -> B::Value {
    let mut pending: Vec<Option<Change<V>>> = changes.into_iter().map(Some).collect();
    let mut result = builder.object();

    for (key, value) in &customer {
        let name = V::key_text(key);
        let slot = pending.iter_mut().find(|slot| slot.as_ref().is_some_and(|change| name.as_str() == Some(change.field.name)));
        let Some(change) = slot.and_then(Option::take) else {
            let unchanged = builder.keep(value);
            builder.insert(&mut result, key, unchanged);
            continue;
        };
        let updated = build_update(builder, Some(value), change.update);
        builder.insert(&mut result, key, updated);
    }

    // Fields the customer did not have come last, in patch order.
    for change in pending.into_iter().flatten() {
        let updated = build_update(builder, None, change.update);
        builder.insert(&mut result, &change.key, updated);
    }
    builder.finish(result)
}

/// Builds the new value of one field from its current value, if any, and its update.
fn build_update<V: Input, B: Build<V>>(builder: &mut B, current: Option<&V>, update: Update<V>) -> B::Value {
    match update {
        Update::Replace(value) => builder.keep(&value),
        Update::ReplaceObject(members) => {
            let mut object = builder.object();
            for (key, member) in &members {
                let unchanged = builder.keep(member);
                builder.insert(&mut object, key, unchanged);
            }
            builder.finish(object)
        }
        Update::Merge(entries) => {
            let existing = current.filter(|value| value.kind() == Kind::Object).and_then(Input::entries).unwrap_or_default();
            merge_entries(builder, existing, entries)
        }
    }
}

/// Merges metadata entries as RFC 7396 does on one level: a given key is set, `None` removes
/// it, and removing an absent key changes nothing. Existing keys keep their order.
fn merge_entries<V: Input, B: Build<V>>(builder: &mut B, existing: Vec<(V::Key, V)>, entries: Vec<(V::Key, Option<V>)>) -> B::Value {
    // Index the patch's keys once, so that merging stays linear in the number of keys. A key
    // sent twice (possible only in JSON text) takes its last value, as JSON.parse would.
    let names: Vec<Text<'_>> = entries.iter().map(|(key, _)| V::key_text(key)).collect();
    let mut index: HashMap<&Text<'_>, usize> = HashMap::with_capacity(names.len());
    for (position, name) in names.iter().enumerate() {
        index.insert(name, position);
    }
    let mut used = vec![false; entries.len()];

    let mut object = builder.object();
    for (key, value) in &existing {
        let name = V::key_text(key);
        let Some(&position) = index.get(&name) else {
            let unchanged = builder.keep(value);
            builder.insert(&mut object, key, unchanged);
            continue;
        };
        used[position] = true;
        if let Some(new_value) = &entries[position].1 {
            let unchanged = builder.keep(new_value);
            builder.insert(&mut object, key, unchanged);
        }
    }

    for (position, (key, value)) in entries.iter().enumerate() {
        let is_last_occurrence = index.get(&names[position]) == Some(&position);
        if used[position] || !is_last_occurrence {
            continue;
        }
        if let Some(value) = value {
            let unchanged = builder.keep(value);
            builder.insert(&mut object, key, unchanged);
        }
    }
    builder.finish(object)
}
