//! Validation issues: a code from the upstream API's vocabulary, a JSON Pointer, a severity and
//! the facts a message is written from.

use std::fmt;

use crate::messages;
use crate::{Kind, Locale, Pointer, Text};

/// The validation codes of the upstream Customers API.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum IssueCode {
    /// A key that the PATCH body does not know.
    UnknownField,
    /// A field that only the server sets.
    ReadOnlyField,
    /// A missing member of an object that is replaced whole.
    Required,
    /// A value of the wrong JSON type.
    InvalidType,
    /// A string outside the allowed set.
    InvalidEnumValue,
    /// A string of the right type but the wrong shape.
    InvalidFormat,
    /// A value other than the one literal allowed. The API defines it; no rule here raises it.
    InvalidLiteral,
    /// A value below its minimum, such as an empty key.
    ValueTooSmall,
    /// A value above a configured limit.
    ValueTooLarge,
    /// A failure not caused by one field.
    ValidationFailed,
    /// JSON text that does not parse. Only the text entry points report it.
    InvalidJson,
    /// A key that occurs twice in one object of JSON text. Only the text entry points report it.
    DuplicateKey,
}

impl IssueCode {
    /// Returns the code as the API writes it, such as `"read_only_field"`.
    pub fn as_str(self) -> &'static str {
        match self {
            IssueCode::UnknownField => "unknown_field",
            IssueCode::ReadOnlyField => "read_only_field",
            IssueCode::Required => "required",
            IssueCode::InvalidType => "invalid_type",
            IssueCode::InvalidEnumValue => "invalid_enum_value",
            IssueCode::InvalidFormat => "invalid_format",
            IssueCode::InvalidLiteral => "invalid_literal",
            IssueCode::ValueTooSmall => "value_too_small",
            IssueCode::ValueTooLarge => "value_too_large",
            IssueCode::ValidationFailed => "validation_failed",
            IssueCode::InvalidJson => "invalid_json",
            IssueCode::DuplicateKey => "duplicate_key",
        }
    }
}

impl fmt::Display for IssueCode {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.as_str())
    }
}

/// Whether an issue makes the patch invalid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Severity {
    /// The API would reject the patch.
    Error,
    /// The patch is accepted, but a value looks wrong. `strict: true` turns warnings into errors.
    Warning,
}

impl Severity {
    /// Returns `"error"` or `"warning"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// The value whose type an [`IssueKind::NotAnObject`] issue is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Subject {
    /// The PATCH body.
    Patch,
    /// `balance_group` in the PATCH body.
    BalanceGroup,
    /// `metadata` in the PATCH body.
    Metadata,
    /// The stored customer that a patch is applied to.
    Customer,
    /// `metadata` of the stored customer.
    CustomerMetadata,
    /// The edited customer given to `createPatch`.
    EditedCustomer,
}

impl Subject {
    /// Returns whether the issue concerns the stored customer rather than the patch.
    pub fn is_customer(self) -> bool {
        matches!(self, Subject::Customer | Subject::CustomerMetadata | Subject::EditedCustomer)
    }
}

/// The kind of problem, with the facts that its message and parameters are written from.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum IssueKind {
    /// An object was expected.
    NotAnObject {
        /// Which object.
        subject: Subject,
        /// The kind of value found instead.
        received: Kind,
    },
    /// A read-only field was sent.
    ReadOnlyField {
        /// The field's name.
        field: &'static str,
    },
    /// A key that the object does not allow.
    UnknownField {
        /// The key as sent.
        key: Text<'static>,
        /// The keys the object allows.
        allowed: &'static [&'static str],
    },
    /// A member of a replaced object is missing.
    Required {
        /// The missing member.
        field: &'static str,
    },
    /// A string was expected.
    NotAString {
        /// The field's name.
        field: &'static str,
        /// The kind of value found instead.
        received: Kind,
    },
    /// A metadata value is neither a string nor `null`.
    MetadataValueType {
        /// The kind of value found instead.
        received: Kind,
    },
    /// A metadata value is `undefined`, which JSON cannot carry.
    MetadataValueUndefined,
    /// A string outside the allowed set.
    InvalidEnumValue {
        /// The field's name.
        field: &'static str,
        /// The string as sent.
        received: Text<'static>,
        /// The allowed strings.
        options: &'static [&'static str],
    },
    /// An EIC that is not 16 characters long.
    EicLength {
        /// The length in UTF-16 code units.
        length: usize,
    },
    /// An EIC with a character outside `0-9 A-Z -`.
    EicCharacter {
        /// The first character that is not allowed.
        character: char,
        /// Its position, counted from 1.
        position: usize,
    },
    /// An EIC whose 16th character does not match the check character of the first 15.
    EicCheckCharacter {
        /// The check character computed from the first 15 characters.
        expected: char,
        /// The 16th character as sent.
        received: char,
    },
    /// An EIC whose first 15 characters give the check value 36, which no issuing office assigns.
    EicNoCheckCharacter,
    /// An EIC that is valid but does not name an area, as balance groups do.
    EicObjectType {
        /// The third character, the object type.
        object_type: char,
    },
    /// A string that contains a lone UTF-16 surrogate.
    LoneSurrogate,
    /// A metadata key that is the empty string.
    EmptyKey,
    /// An edited customer differs from the original in a read-only field, which no patch can
    /// change.
    ReadOnlyFieldChanged {
        /// The field's name.
        field: &'static str,
    },
    /// An edited customer differs from the original in a field that no patch can contain.
    UnknownFieldChanged {
        /// The field's name.
        key: Text<'static>,
        /// The fields a patch can change.
        allowed: &'static [&'static str],
    },
    /// An edited customer lacks a writable field that the original has. A patch can replace a
    /// field but not remove it.
    FieldRemoved {
        /// The field's name.
        field: &'static str,
    },
    /// An edited customer's metadata value is `null`, which a patch would read as "remove".
    MetadataValueNull,
    /// More metadata keys than `limits.maxMetadataKeys`.
    TooManyKeys {
        /// The configured limit.
        maximum: usize,
        /// The number of keys sent.
        actual: usize,
    },
    /// A metadata key longer than `limits.maxKeyLength`.
    KeyTooLong {
        /// The configured limit, in UTF-16 code units.
        maximum: usize,
        /// The key's length, in UTF-16 code units.
        actual: usize,
    },
    /// JSON text that does not parse.
    InvalidJson {
        /// Whether the text is the patch or the stored customer.
        subject: Subject,
        /// The kind of syntax error.
        problem: crate::raw::SyntaxProblem,
        /// Line of the error, counted from 1.
        line: usize,
        /// Column of the error in UTF-16 code units, counted from 1.
        column: usize,
    },
    /// A key that occurs a second time in one object.
    DuplicateKey {
        /// The repeated key.
        key: Text<'static>,
        /// Whether the object is in the patch or in the stored customer.
        subject: Subject,
    },
    /// A value of the customer that could not be read, because a getter or proxy threw.
    Unreadable {
        /// The value's owner; the patch's unreadable values get the issue of their field.
        subject: Subject,
    },
    /// JSON text was expected, but another kind of value was given.
    NotText {
        /// Whether the text is the patch or the stored customer.
        subject: Subject,
        /// The kind of value given instead.
        received: Kind,
    },
    /// More issues than one report lists; the first ones are listed.
    TooManyIssues {
        /// The number of issues listed.
        maximum: usize,
        /// The number of further issues left out.
        dropped: usize,
    },
    /// A body longer than the `maxBytes` option, rejected before parsing.
    BodyTooLarge {
        /// The configured limit, in bytes of UTF-8.
        maximum: usize,
        /// The body's size in bytes of UTF-8, or a lower bound of it.
        actual: usize,
        /// Whether `actual` is the exact size rather than a lower bound.
        exact: bool,
    },
    /// A metadata value longer than `limits.maxValueLength`.
    ValueTooLong {
        /// The configured limit, in UTF-16 code units.
        maximum: usize,
        /// The value's length, in UTF-16 code units.
        actual: usize,
    },
}

impl IssueKind {
    /// Returns the API's code for this kind of issue.
    pub fn code(&self) -> IssueCode {
        match self {
            IssueKind::NotAnObject { .. }
            | IssueKind::NotAString { .. }
            | IssueKind::MetadataValueType { .. }
            | IssueKind::MetadataValueUndefined
            | IssueKind::NotText { .. }
            | IssueKind::Unreadable { .. }
            | IssueKind::MetadataValueNull => IssueCode::InvalidType,
            IssueKind::ReadOnlyField { .. } | IssueKind::ReadOnlyFieldChanged { .. } => IssueCode::ReadOnlyField,
            IssueKind::UnknownField { .. } | IssueKind::UnknownFieldChanged { .. } => IssueCode::UnknownField,
            IssueKind::Required { .. } | IssueKind::FieldRemoved { .. } => IssueCode::Required,
            IssueKind::InvalidEnumValue { .. } => IssueCode::InvalidEnumValue,
            IssueKind::EicLength { .. }
            | IssueKind::EicCharacter { .. }
            | IssueKind::EicCheckCharacter { .. }
            | IssueKind::EicNoCheckCharacter
            | IssueKind::EicObjectType { .. }
            | IssueKind::LoneSurrogate => IssueCode::InvalidFormat,
            IssueKind::EmptyKey => IssueCode::ValueTooSmall,
            IssueKind::TooManyKeys { .. }
            | IssueKind::KeyTooLong { .. }
            | IssueKind::ValueTooLong { .. }
            | IssueKind::BodyTooLarge { .. } => IssueCode::ValueTooLarge,
            IssueKind::InvalidJson { .. } => IssueCode::InvalidJson,
            IssueKind::TooManyIssues { .. } => IssueCode::ValidationFailed,
            IssueKind::DuplicateKey { .. } => IssueCode::DuplicateKey,
        }
    }

    /// Returns whether the issue concerns the stored customer given to a merge rather than the
    /// patch. Such issues carry the parameter `subject: "customer"`.
    pub fn concerns_customer(&self) -> bool {
        match self {
            IssueKind::NotAnObject { subject, .. }
            | IssueKind::InvalidJson { subject, .. }
            | IssueKind::DuplicateKey { subject, .. }
            | IssueKind::NotText { subject, .. }
            | IssueKind::Unreadable { subject } => subject.is_customer(),
            _ => false,
        }
    }

    /// Returns the values a caller needs to write its own message, as name and value pairs.
    pub fn params(&self) -> Vec<(&'static str, Param)> {
        match self {
            IssueKind::NotAnObject { subject, received } => {
                let mut params = vec![("expected", Param::Str("object".into())), ("received", Param::Str(received.name().into()))];
                if subject.is_customer() {
                    params.push(("subject", Param::Str("customer".into())));
                }
                params
            }
            IssueKind::NotAString { received, .. } => {
                vec![("expected", Param::Str("string".into())), ("received", Param::Str(received.name().into()))]
            }
            IssueKind::MetadataValueType { received } => {
                vec![("expected", Param::Str("string or null".into())), ("received", Param::Str(received.name().into()))]
            }
            IssueKind::MetadataValueUndefined => {
                vec![("expected", Param::Str("string or null".into())), ("received", Param::Str("undefined".into()))]
            }
            IssueKind::MetadataValueNull => {
                vec![("expected", Param::Str("string".into())), ("received", Param::Str("null".into())), ("subject", Param::Str("customer".into()))]
            }
            IssueKind::ReadOnlyField { field } | IssueKind::Required { field } => vec![("field", Param::Str((*field).into()))],
            IssueKind::ReadOnlyFieldChanged { field } | IssueKind::FieldRemoved { field } => {
                vec![("field", Param::Str((*field).into())), ("subject", Param::Str("customer".into()))]
            }
            IssueKind::UnknownFieldChanged { key, allowed } => vec![
                ("field", Param::Text(key.clone())),
                ("allowed", Param::List(allowed)),
                ("subject", Param::Str("customer".into())),
            ],
            IssueKind::UnknownField { key, allowed } => {
                vec![("field", Param::Text(key.clone())), ("allowed", Param::List(allowed))]
            }
            IssueKind::InvalidEnumValue { received, options, .. } => {
                vec![("received", Param::Text(received.clone())), ("options", Param::List(options))]
            }
            IssueKind::EicLength { length } => vec![("expected", Param::Number(16)), ("actual", Param::Number(*length))],
            IssueKind::EicCharacter { character, position } => {
                vec![("character", Param::Str(character.to_string())), ("position", Param::Number(*position))]
            }
            IssueKind::EicCheckCharacter { expected, received } => vec![
                ("expectedCheckCharacter", Param::Str(expected.to_string())),
                ("received", Param::Str(received.to_string())),
            ],
            IssueKind::EicObjectType { object_type } => {
                vec![("objectType", Param::Str(object_type.to_string())), ("expected", Param::Str("Y".into()))]
            }
            IssueKind::InvalidJson { subject, line, column, .. } => {
                let mut params = vec![("line", Param::Number(*line)), ("column", Param::Number(*column))];
                if subject.is_customer() {
                    params.push(("subject", Param::Str("customer".into())));
                }
                params
            }
            IssueKind::DuplicateKey { key, subject } => {
                let mut params = vec![("field", Param::Text(key.clone()))];
                if subject.is_customer() {
                    params.push(("subject", Param::Str("customer".into())));
                }
                params
            }
            IssueKind::TooManyIssues { maximum, dropped } => vec![("maximum", Param::Number(*maximum)), ("dropped", Param::Number(*dropped))],
            IssueKind::Unreadable { subject } => {
                let mut params = vec![("received", Param::Str(Kind::Unreadable.name().into()))];
                if subject.is_customer() {
                    params.push(("subject", Param::Str("customer".into())));
                }
                params
            }
            IssueKind::NotText { subject, received } => {
                let mut params = vec![("expected", Param::Str("string".into())), ("received", Param::Str(received.name().into()))];
                if subject.is_customer() {
                    params.push(("subject", Param::Str("customer".into())));
                }
                params
            }
            IssueKind::TooManyKeys { maximum, actual }
            | IssueKind::KeyTooLong { maximum, actual }
            | IssueKind::ValueTooLong { maximum, actual }
            | IssueKind::BodyTooLarge { maximum, actual, .. } => {
                // The option that set the limit, because a key and its value share a pointer.
                let limit = match self {
                    IssueKind::TooManyKeys { .. } => "maxMetadataKeys",
                    IssueKind::KeyTooLong { .. } => "maxKeyLength",
                    IssueKind::ValueTooLong { .. } => "maxValueLength",
                    _ => "maxBytes",
                };
                vec![("maximum", Param::Number(*maximum)), ("actual", Param::Number(*actual)), ("limit", Param::Str(limit.into()))]
            }
            IssueKind::EmptyKey => vec![("minimum", Param::Number(1))],
            IssueKind::EicNoCheckCharacter | IssueKind::LoneSurrogate => Vec::new(),
        }
    }
}

/// A parameter value of an issue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Param {
    /// A string.
    Str(String),
    /// A string from the input, which may contain a lone surrogate.
    Text(Text<'static>),
    /// A count or length.
    Number(usize),
    /// A fixed list of allowed strings.
    List(&'static [&'static str]),
}

/// One problem found in a patch or a customer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// The JSON Pointer to the value.
    pub pointer: Pointer,
    /// Whether it makes the patch invalid.
    pub severity: Severity,
    /// The kind of problem and its facts.
    pub kind: IssueKind,
}

impl Issue {
    /// Returns the API's code for the issue.
    pub fn code(&self) -> IssueCode {
        self.kind.code()
    }

    /// Writes the issue's message in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        messages::message(&self.kind, locale)
    }
}

/// Writes the issue as `code at pointer: message`, with the English message.
impl fmt::Display for Issue {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pointer = self.pointer.to_string();
        let place = if pointer.is_empty() { "the root" } else { pointer.as_str() };
        write!(formatter, "{} at {}: {}", self.code(), place, self.message(Locale::En))
    }
}

/// The outcome of validating a patch: every issue found, in the order of the input.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Errors and warnings, in the order they were found.
    pub issues: Vec<Issue>,
}

impl Report {
    /// Returns whether the report contains no error. Warnings do not count.
    pub fn is_valid(&self) -> bool {
        self.errors().next().is_none()
    }

    /// Returns the errors.
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|issue| issue.severity == Severity::Error)
    }

    /// Returns the warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|issue| issue.severity == Severity::Warning)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, issue) in self.issues.iter().enumerate() {
            if index > 0 {
                formatter.write_str("\n")?;
            }
            write!(formatter, "{}: {issue}", issue.severity.as_str())?;
        }
        Ok(())
    }
}

impl std::error::Error for Report {}
