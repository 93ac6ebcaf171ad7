//! The rule for string values: a string, and well-formed.

use crate::{Input, IssueKind, Kind, Path, Text};

use super::Context;

/// Checks that `value` is a string without a lone surrogate, and returns its text if so.
pub(crate) fn check_string<'v, V: Input>(context: &mut Context<'_>, path: &Path<'_>, field: &'static str, value: &'v V) -> Option<Text<'v>> {
    let Some(text) = value.text() else {
        context.error(path, IssueKind::NotAString { field, received: value.kind() });
        return None;
    };
    if !text.is_well_formed() {
        context.error(path, IssueKind::LoneSurrogate);
        return None;
    }
    debug_assert_eq!(value.kind(), Kind::String);
    Some(text)
}
