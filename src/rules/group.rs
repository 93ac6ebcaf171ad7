//! The rule for an object that a patch replaces whole, such as `balance_group`.

use crate::fields::{Access, FieldKind, Schema};
use crate::{Input, IssueKind, Kind, Path, Subject};

use super::eic::check_eic_field;
use super::enumeration::check_enum;
use super::{check_duplicate_keys, object_entries, Context};

/// Checks an object against `schema`: every member present and valid, no other key.
///
/// Returns the members in patch order when no error was found.
pub(crate) fn check_group<V: Input>(context: &mut Context<'_>, path: &Path<'_>, value: &V, schema: &'static Schema) -> Option<Vec<(V::Key, V)>> {
    let entries = object_entries(context, path, value, Subject::BalanceGroup)?;

    let errors_before = context.error_count();
    check_duplicate_keys::<V, _>(context, path, Subject::Patch, &entries);
    let mut seen = Vec::with_capacity(schema.fields.len());
    let mut members = Vec::with_capacity(entries.len());
    for (key, member) in entries {
        // A member set to `undefined` is absent, as JSON.stringify would drop it.
        if member.kind() == Kind::Undefined {
            continue;
        }
        let name = V::key_text(&key);
        let member_path = path.join(&name);
        let field = name.as_str().and_then(|name| schema.find(name)).filter(|field| field.access == Access::Writable);
        let Some(field) = field else {
            context.error(&member_path, IssueKind::UnknownField { key: name.clone().into_owned(), allowed: schema.writable_names });
            continue;
        };

        seen.push(field.name);
        match field.kind {
            FieldKind::Eic => check_eic_field(context, &member_path, &member),
            FieldKind::Enum(options) => check_enum(context, &member_path, field.name, &member, options),
            // NOTE: no group has members other than strings yet; a new member kind needs its
            // rule here.
            _ => true,
        };
        members.push((key, member));
    }

    for field in schema.fields.iter().filter(|field| field.access == Access::Writable) {
        if !seen.contains(&field.name) {
            let name = crate::Text::from(field.name);
            context.error(&path.join(&name), IssueKind::Required { field: field.name });
        }
    }

    (context.error_count() == errors_before).then_some(members)
}
