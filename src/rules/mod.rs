//! The validation rules, one module per rule, and the walk that applies them to a patch.
//!
//! Every rule reports into a [`Context`] and returns what it accepted, so that a merge can use
//! the checked values without reading the patch a second time.

mod eic;
mod enumeration;
mod group;
mod metadata;
mod patch;
mod string;

pub(crate) use metadata::check_metadata_entries;
pub(crate) use patch::{check_field, check_patch};

use std::collections::HashSet;

use crate::fields::Field;
use crate::{Input, Issue, IssueKind, Options, Path, Severity, Text};

/// The options of a validation and the issues found so far.
pub(crate) struct Context<'o> {
    pub(crate) options: &'o Options,
    pub(crate) issues: Vec<Issue>,
}

impl<'o> Context<'o> {
    pub(crate) fn new(options: &'o Options) -> Self {
        Context { options, issues: Vec::new() }
    }

    /// Records an error at `path`.
    pub(crate) fn error(&mut self, path: &Path<'_>, kind: IssueKind) {
        self.issues.push(Issue { pointer: path.to_pointer(), severity: Severity::Error, kind });
    }

    /// Records a warning at `path`, or an error when the options are strict.
    pub(crate) fn warning(&mut self, path: &Path<'_>, kind: IssueKind) {
        let severity = if self.options.strict { Severity::Error } else { Severity::Warning };
        self.issues.push(Issue { pointer: path.to_pointer(), severity, kind });
    }

    /// Returns the number of errors so far.
    pub(crate) fn error_count(&self) -> usize {
        self.issues.iter().filter(|issue| issue.severity == Severity::Error).count()
    }
}

/// Reports each repeat of a key in one object as `duplicate_key`, at the repeat.
///
/// Only JSON text can repeat a key. `JSON.parse` keeps the last value and other parsers the
/// first, so a repeat is how two services can be made to read different bodies.
pub(crate) fn check_duplicate_keys<V: Input, T>(context: &mut Context<'_>, path: &Path<'_>, entries: &[(V::Key, T)]) {
    if !V::MAY_REPEAT_KEYS || entries.len() < 2 {
        return;
    }
    // A hash set pays off only for many keys; a patch usually has a handful, which are
    // compared pairwise without allocating.
    const LINEAR_SCAN_MAX: usize = 16;
    if entries.len() <= LINEAR_SCAN_MAX {
        for (index, (key, _)) in entries.iter().enumerate() {
            let name = V::key_text(key);
            if entries[..index].iter().any(|(earlier, _)| V::key_text(earlier) == name) {
                context.error(&path.join(&name), IssueKind::DuplicateKey { key: name.clone().into_owned() });
            }
        }
        return;
    }
    let names: Vec<Text<'_>> = entries.iter().map(|(key, _)| V::key_text(key)).collect();
    let mut seen: HashSet<&Text<'_>> = HashSet::with_capacity(names.len());
    for name in &names {
        if !seen.insert(name) {
            context.error(&path.join(name), IssueKind::DuplicateKey { key: name.clone().into_owned() });
        }
    }
}

/// A change that a valid patch makes to one customer field.
pub(crate) struct Change<V: Input> {
    /// The field's key as it appears in the patch.
    pub(crate) key: V::Key,
    /// The field.
    pub(crate) field: &'static Field,
    /// The new value.
    pub(crate) update: Update<V>,
}

/// The new value of a field, or the entries to merge into it.
pub(crate) enum Update<V: Input> {
    /// The field takes this value.
    Replace(V),
    /// The field becomes a new object with these members, in patch order.
    ReplaceObject(Vec<(V::Key, V)>),
    /// The field's entries are merged with these: `Some` sets a key, `None` removes it.
    Merge(Vec<(V::Key, Option<V>)>),
}
