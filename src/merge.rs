//! Applying a valid patch to a stored customer.

use crate::keys::KeyIndex;
use crate::rules::{check_duplicate_keys, check_patch, object_entries_to_keep, Change, Context, Update};
use crate::{Build, Input, IssueKind, Kind, Options, Path, Report, Subject, Text};

/// Validates `patch` and applies it to `customer`, returning the updated customer.
///
/// The result is a new object. `status` is replaced, `balance_group` is replaced whole, and
/// `metadata` is merged key by key, where `null` removes a key. Every other field, known or
/// not, keeps its value and position, and new fields and metadata keys come last. Timestamps
/// are not invented and status transitions are not judged, because the server decides both.
///
/// Returns a [`Report`] with every error when the patch is invalid, or when the customer
/// cannot be merged into without losing data: it or its `metadata` is not an object, or one of
/// its values cannot be read. Such customer issues carry the subject `customer`.
pub fn apply_patch<V, B>(customer: &V, patch: &V, options: &Options, builder: &mut B) -> Result<B::Value, Report>
where
    V: Input,
    B: Build<V>,
{
    let mut context = Context::new(options);
    let changes = check_patch(&mut context, patch);
    let merges_metadata = changes.as_deref().unwrap_or_default().iter().any(|change| matches!(change.update, Update::Merge(_)));
    let customer = read_customer(&mut context, customer, merges_metadata);

    let (Some(changes), Some(customer)) = (changes, customer) else {
        return Err(Report { issues: context.into_issues(true) });
    };
    Ok(merge_customer(customer, changes, builder))
}

/// The entries of a stored customer, read once, and those of its metadata when a patch merges
/// into it.
struct CustomerEntries<V: Input> {
    fields: Vec<(V::Key, V)>,
    metadata: Vec<(V::Key, V)>,
}

/// Reads the customer's entries, and its metadata's when `merges_metadata`. Records an issue
/// for anything a merge could not keep: a customer or metadata that is not an object, or a
/// value that cannot be read.
fn read_customer<V: Input>(context: &mut Context<'_>, customer: &V, merges_metadata: bool) -> Option<CustomerEntries<V>> {
    let root = Path::Root;
    let fields = object_entries_to_keep(context, &root, customer, Subject::Customer)?;

    let errors_before = context.error_count();
    // A key repeated in stored JSON text would leave the merge to change one occurrence while
    // readers that keep the last value see the other, so it is an error rather than a guess.
    check_duplicate_keys::<V, _>(context, &root, Subject::Customer, &fields);
    let mut metadata = Vec::new();
    for (key, value) in &fields {
        let name = V::key_text(key);
        let path = root.join(&name);
        if value.kind() == Kind::Unreadable {
            context.error(&path, IssueKind::Unreadable { subject: Subject::Customer });
            continue;
        }

        // A customer without metadata starts from an empty object, and so does one whose
        // metadata is `undefined`, which JSON would not carry.
        if !merges_metadata || name.as_str() != Some("metadata") || value.kind() == Kind::Undefined {
            continue;
        }
        let Some(entries) = object_entries_to_keep(context, &path, value, Subject::CustomerMetadata) else {
            continue;
        };
        check_duplicate_keys::<V, _>(context, &path, Subject::Customer, &entries);
        for (metadata_key, metadata_value) in &entries {
            if metadata_value.kind() == Kind::Unreadable {
                let metadata_name = V::key_text(metadata_key);
                context.error(&path.join(&metadata_name), IssueKind::Unreadable { subject: Subject::Customer });
            }
        }
        metadata = entries;
    }

    (context.error_count() == errors_before).then_some(CustomerEntries { fields, metadata })
}

/// Builds the updated customer from its entries and the changes of a valid patch.
fn merge_customer<V: Input, B: Build<V>>(customer: CustomerEntries<V>, changes: Vec<Change<V>>, builder: &mut B) -> B::Value {
    let mut pending: Vec<Option<Change<V>>> = changes.into_iter().map(Some).collect();
    let mut result = builder.object();
    let mut metadata = Some(customer.metadata);

    for (key, value) in &customer.fields {
        let name = V::key_text(key);
        let slot = pending.iter_mut().find(|slot| slot.as_ref().is_some_and(|change| name.as_str() == Some(change.field.name)));
        let Some(change) = slot.and_then(Option::take) else {
            let unchanged = builder.keep(value);
            builder.insert(&mut result, key, unchanged);
            continue;
        };
        let updated = build_update(builder, &mut metadata, change.update);
        builder.insert(&mut result, key, updated);
    }

    // Fields the customer did not have come last, in patch order.
    for change in pending.into_iter().flatten() {
        let updated = build_update(builder, &mut metadata, change.update);
        builder.insert(&mut result, &change.key, updated);
    }
    builder.finish(result)
}

/// Builds the new value of one field from its update. A merge takes the customer's metadata
/// entries, read before.
fn build_update<V: Input, B: Build<V>>(builder: &mut B, metadata: &mut Option<Vec<(V::Key, V)>>, update: Update<V>) -> B::Value {
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
        Update::Merge(entries) => merge_entries(builder, metadata.take().unwrap_or_default(), entries),
    }
}

/// Merges metadata entries as RFC 7396 does on one level: a given key is set, `None` removes
/// it, and removing an absent key changes nothing. Existing keys keep their order.
fn merge_entries<V: Input, B: Build<V>>(builder: &mut B, existing: Vec<(V::Key, V)>, entries: Vec<(V::Key, Option<V>)>) -> B::Value {
    // Index the patch's keys once, so that merging takes O(n log n) in the number of keys. A
    // key sent twice (possible only in JSON text) takes its last value, as JSON.parse would. A
    // patch with a handful of keys is searched directly, which is faster than sorting.
    const LINEAR_SEARCH_MAX: usize = 8;
    let names: Vec<Text<'_>> = entries.iter().map(|(key, _)| V::key_text(key)).collect();
    let index = (names.len() > LINEAR_SEARCH_MAX).then(|| KeyIndex::new(names.clone()));
    let last_position = |name: &Text<'_>| -> Option<usize> {
        match &index {
            Some(index) => index.last(name),
            None => names.iter().rposition(|candidate| candidate == name),
        }
    };
    let mut used = vec![false; entries.len()];

    let mut object = builder.object();
    for (key, value) in &existing {
        let name = V::key_text(key);
        let Some(position) = last_position(&name) else {
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
        let is_last_occurrence = last_position(&names[position]) == Some(position);
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
