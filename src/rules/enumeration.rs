//! The rule for fields whose value is one of a fixed set of strings.

use crate::{Input, IssueKind, Path};

use super::string::check_string;
use super::Context;

/// Checks that `value` is one of `options`.
pub(crate) fn check_enum<V: Input>(context: &mut Context<'_>, path: &Path<'_>, field: &'static str, value: &V, options: &'static [&'static str]) -> bool {
    let Some(text) = check_string(context, path, field, value) else {
        return false;
    };
    let value = text.as_str().unwrap_or_default();
    if options.contains(&value) {
        return true;
    }
    context.error(path, IssueKind::InvalidEnumValue { field, received: text.into_owned(), options });
    false
}
