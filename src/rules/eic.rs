//! The rule for `balance_group.eic`: a valid EIC of an area.

use crate::eic::check_eic_text;
use crate::{Input, IssueKind, Path};

use super::string::check_string;
use super::Context;

/// Checks that `value` is an EIC and returns whether no error was found.
///
/// A wrong check character and an object type other than `Y` are warnings, because the code
/// may still be one that the market uses. Strict options make them errors.
pub(crate) fn check_eic_field<V: Input>(context: &mut Context<'_>, path: &Path<'_>, value: &V) -> bool {
    let Some(text) = check_string(context, path, "eic", value) else {
        return false;
    };

    let check = check_eic_text(&text);
    let errors_before = context.error_count();
    for kind in check.issues {
        match kind {
            IssueKind::EicCheckCharacter { .. } | IssueKind::EicNoCheckCharacter => context.warning(path, kind),
            other => context.error(path, other),
        }
    }

    // Balance groups are areas, so their EIC has object type Y.
    if let Some(object_type) = check.object_type.filter(|object_type| *object_type != 'Y') {
        context.warning(path, IssueKind::EicObjectType { object_type });
    }
    context.error_count() == errors_before
}
