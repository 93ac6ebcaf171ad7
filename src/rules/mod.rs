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

use crate::fields::Field;
use crate::keys::KeyIndex;
use crate::{Input, Issue, IssueKind, Kind, Options, Path, Severity, Subject};

/// The options of a validation and the issues found so far.
pub(crate) struct Context<'o> {
    pub(crate) options: &'o Options,
    /// Whether the rules return the changes they accepted. A validation only needs the issues,
    /// so it saves building them.
    pub(crate) keeps_changes: bool,
    issues: Vec<Issue>,
    errors: usize,
    dropped: usize,
}

/// Maximum number of issues one call lists. A 1 MiB body can hold hundreds of thousands of
/// mistakes, and listing each would cost seconds and hundreds of megabytes. Past this count,
/// one final `validation_failed` issue states how many more there were.
pub const MAX_ISSUES: usize = 1000;

impl<'o> Context<'o> {
    pub(crate) fn new(options: &'o Options) -> Self {
        Context { options, keeps_changes: true, issues: Vec::new(), errors: 0, dropped: 0 }
    }

    /// Returns a context for a validation, whose rules return no changes.
    pub(crate) fn checking_only(options: &'o Options) -> Self {
        Context { keeps_changes: false, ..Context::new(options) }
    }

    /// Records an error at `path`.
    pub(crate) fn error(&mut self, path: &Path<'_>, kind: IssueKind) {
        self.record(path, Severity::Error, kind);
    }

    /// Records a warning at `path`, or an error when the options are strict.
    pub(crate) fn warning(&mut self, path: &Path<'_>, kind: IssueKind) {
        let severity = if self.options.strict { Severity::Error } else { Severity::Warning };
        self.record(path, severity, kind);
    }

    fn record(&mut self, path: &Path<'_>, severity: Severity, kind: IssueKind) {
        if severity == Severity::Error {
            self.errors += 1;
        }
        if self.issues.len() >= MAX_ISSUES {
            self.dropped += 1;
            return;
        }
        self.issues.push(Issue { pointer: path.to_pointer(), severity, kind });
    }

    /// Returns the number of errors so far, those past [`MAX_ISSUES`] included.
    pub(crate) fn error_count(&self) -> usize {
        self.errors
    }

    /// Returns the issues, with a final one that counts those past [`MAX_ISSUES`], and only
    /// the errors when `errors_only`.
    pub(crate) fn into_issues(self, errors_only: bool) -> Vec<Issue> {
        let mut issues = self.issues;
        if errors_only {
            issues.retain(|issue| issue.severity == Severity::Error);
        }
        if self.dropped > 0 {
            let kind = IssueKind::TooManyIssues { maximum: MAX_ISSUES, dropped: self.dropped };
            issues.push(Issue { pointer: crate::Pointer::root(), severity: Severity::Error, kind });
        }
        issues
    }
}

/// Returns the entries of a plain object, or records `invalid_type` at `path` for `subject`
/// when the value is not one or its entries cannot be read.
pub(crate) fn object_entries<V: Input>(context: &mut Context<'_>, path: &Path<'_>, value: &V, subject: Subject) -> Option<Vec<(V::Key, V)>> {
    read_object_entries(context, path, value, subject, V::entries)
}

/// Returns the entries of a plain object as [`object_entries`] does, through
/// [`Input::entries_to_keep`], for a caller that reads no string value's text.
pub(crate) fn object_entries_to_keep<V: Input>(context: &mut Context<'_>, path: &Path<'_>, value: &V, subject: Subject) -> Option<Vec<(V::Key, V)>> {
    read_object_entries(context, path, value, subject, V::entries_to_keep)
}

fn read_object_entries<V: Input>(
    context: &mut Context<'_>,
    path: &Path<'_>,
    value: &V,
    subject: Subject,
    read_entries: fn(&V) -> Option<Vec<(V::Key, V)>>,
) -> Option<Vec<(V::Key, V)>> {
    let kind = value.kind();
    let entries = if kind == Kind::Object { read_entries(value) } else { None };
    if entries.is_none() {
        // A plain object whose keys cannot be listed, such as a throwing Proxy, is unreadable.
        let received = if kind == Kind::Object { Kind::Unreadable } else { kind };
        context.error(path, IssueKind::NotAnObject { subject, received });
    }
    entries
}

/// Reports each repeat of a key in one object of the patch or the customer as `duplicate_key`,
/// at the repeat.
///
/// Only JSON text can repeat a key. `JSON.parse` keeps the last value and other parsers the
/// first, so a repeat is how two services can be made to read different bodies.
pub(crate) fn check_duplicate_keys<V: Input, T>(context: &mut Context<'_>, path: &Path<'_>, subject: Subject, entries: &[(V::Key, T)]) {
    if !V::MAY_REPEAT_KEYS || entries.len() < 2 {
        return;
    }
    // An index pays off only for many keys; a patch usually has a handful, which are compared
    // pairwise without allocating.
    const LINEAR_SCAN_MAX: usize = 16;
    if entries.len() <= LINEAR_SCAN_MAX {
        for (index, (key, _)) in entries.iter().enumerate() {
            let name = V::key_text(key);
            if entries[..index].iter().any(|(earlier, _)| V::key_text(earlier) == name) {
                context.error(&path.join(&name), IssueKind::DuplicateKey { key: name.clone().into_owned(), subject });
            }
        }
        return;
    }
    let index = KeyIndex::new(entries.iter().map(|(key, _)| V::key_text(key)).collect());
    for position in index.repeats() {
        let name = &index.names()[position];
        context.error(&path.join(name), IssueKind::DuplicateKey { key: name.clone().into_owned(), subject });
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
