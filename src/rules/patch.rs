//! The walk over a whole PATCH body: known, read-only and unknown fields.

use crate::fields::{Access, Field, FieldKind, CUSTOMER};
use crate::{Input, IssueKind, Kind, Path, Subject};

use super::eic::check_eic_field;
use super::enumeration::check_enum;
use super::group::check_group;
use super::metadata::check_metadata;
use super::{check_duplicate_keys, object_entries, Change, Context, Update};

/// Checks a PATCH body and returns its changes, in patch order, when no error was found. The
/// changes are left out when the context does not keep them.
///
/// Every issue is recorded: the walk goes on after an error so that a form can show all of
/// them at once.
pub(crate) fn check_patch<V: Input>(context: &mut Context<'_>, patch: &V) -> Option<Vec<Change<V>>> {
    let root = Path::Root;
    let entries = object_entries(context, &root, patch, Subject::Patch)?;

    let errors_before = context.error_count();
    check_duplicate_keys::<V, _>(context, &root, Subject::Patch, &entries);
    let mut changes = Vec::with_capacity(if context.keeps_changes { entries.len() } else { 0 });
    for (key, value) in entries {
        // A field set to `undefined` is absent, as JSON.stringify would drop it.
        if value.kind() == Kind::Undefined {
            continue;
        }
        let name = V::key_text(&key);
        let path = root.join(&name);
        let Some(field) = name.as_str().and_then(|name| CUSTOMER.find(name)) else {
            context.error(&path, IssueKind::UnknownField { key: name.clone().into_owned(), allowed: CUSTOMER.writable_names });
            continue;
        };

        let update = check_field(context, &path, field, value);
        if let Some(update) = update.filter(|_| context.keeps_changes) {
            changes.push(Change { key, field, update });
        }
    }

    (context.error_count() == errors_before).then_some(changes)
}

/// Checks the value of one known field of a patch and returns its update when no error was
/// found. A read-only field is an error whatever its value.
pub(crate) fn check_field<V: Input>(context: &mut Context<'_>, path: &Path<'_>, field: &'static Field, value: V) -> Option<Update<V>> {
    match (field.access, field.kind) {
        (Access::ReadOnly, _) | (_, FieldKind::ServerManaged) => {
            context.error(path, IssueKind::ReadOnlyField { field: field.name });
            None
        }
        (Access::Writable, FieldKind::Enum(options)) => check_enum(context, path, field.name, &value, options).then_some(Update::Replace(value)),
        (Access::Writable, FieldKind::Eic) => check_eic_field(context, path, &value).then_some(Update::Replace(value)),
        (Access::Writable, FieldKind::Group(schema)) => check_group(context, path, &value, schema).map(Update::ReplaceObject),
        (Access::Writable, FieldKind::Metadata) => check_metadata(context, path, &value).map(Update::Merge),
    }
}
