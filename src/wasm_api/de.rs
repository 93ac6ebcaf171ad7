//! From JavaScript: values seen through [`Input`], and options.

use std::cell::Cell;

use js_sys::{Array, JsString};
use wasm_bindgen::{JsCast, JsValue};

use super::js;
use crate::{Build, Input, Issue, IssueKind, Kind, Limits, Locale, Options, Pointer, Severity, Subject, Text};

/// A JavaScript value seen through the core's [`Input`] trait. Its kind is looked up once.
pub(crate) struct JsInput {
    value: JsValue,
    kind: Cell<Option<Kind>>,
}

impl JsInput {
    pub(crate) fn new(value: JsValue) -> Self {
        JsInput { value, kind: Cell::new(None) }
    }

    fn unreadable() -> Self {
        JsInput { value: JsValue::UNDEFINED, kind: Cell::new(Some(Kind::Unreadable)) }
    }
}

/// An object key: the JavaScript string, written back unchanged by a merge, and its text.
pub(crate) struct JsKey {
    js: JsValue,
    text: Text<'static>,
}

/// Reads a JavaScript string without replacing lone surrogates, which `as_string` would turn
/// into U+FFFD.
fn read_string(value: &JsValue) -> Option<Text<'static>> {
    let string: &JsString = value.dyn_ref()?;
    // `isWellFormed` is missing before Node 20 and Safari 16.4; the fallback walks the code
    // units, which is slower but returns the same result.
    let well_formed = string.unchecked_ref::<js::WellFormedString>().is_well_formed().unwrap_or_else(|_| string.is_valid_utf16());
    if well_formed {
        return value.as_string().map(Text::from);
    }
    let units: Vec<u16> = string.iter().collect();
    Some(Text::from_utf16(&units))
}

/// Finds the kind of a value. A `Proxy` whose traps throw gives [`Kind::Unreadable`].
fn kind_of(value: &JsValue) -> Kind {
    if value.is_undefined() {
        return Kind::Undefined;
    }
    if value.is_null() {
        return Kind::Null;
    }
    if value.is_string() {
        return Kind::String;
    }
    if value.as_f64().is_some() {
        return Kind::Number;
    }
    if value.as_bool().is_some() {
        return Kind::Boolean;
    }
    if value.is_bigint() {
        return Kind::BigInt;
    }
    if value.is_symbol() {
        return Kind::Symbol;
    }
    if value.is_function() {
        return Kind::Function;
    }

    match js::is_array(value) {
        Ok(true) => return Kind::Array,
        Ok(false) => {}
        Err(_) => return Kind::Unreadable,
    }
    let Ok(prototype) = js::get_prototype_of(value) else {
        return Kind::Unreadable;
    };
    if prototype.is_null() || js::OBJECT_PROTOTYPE.with(|object| *object == prototype) {
        Kind::Object
    } else if js::MAP_PROTOTYPE.with(|map| *map == prototype) {
        Kind::Map
    } else if js::SET_PROTOTYPE.with(|set| *set == prototype) {
        Kind::Set
    } else if js::DATE_PROTOTYPE.with(|date| *date == prototype) {
        Kind::Date
    } else {
        Kind::OtherObject
    }
}

impl Input for JsInput {
    type Key = JsKey;

    fn kind(&self) -> Kind {
        if let Some(kind) = self.kind.get() {
            return kind;
        }
        let kind = kind_of(&self.value);
        self.kind.set(Some(kind));
        kind
    }

    fn text(&self) -> Option<Text<'_>> {
        if self.kind() != Kind::String {
            return None;
        }
        read_string(&self.value)
    }

    fn entries(&self) -> Option<Vec<(JsKey, JsInput)>> {
        if self.kind() != Kind::Object {
            return None;
        }
        let keys: Array = js::object_keys(&self.value).ok()?;
        let mut entries = Vec::with_capacity(keys.length() as usize);
        for key in keys.iter() {
            // A `Proxy` can return any key from its `ownKeys` trap. A key that is not a string
            // makes the whole object unreadable, because skipping it would hide it.
            let text = read_string(&key)?;
            let value = match js::reflect_get(&self.value, &key) {
                Ok(value) => JsInput::new(value),
                Err(_) => JsInput::unreadable(),
            };
            entries.push((JsKey { js: key, text }, value));
        }
        Some(entries)
    }

    fn key_text(key: &JsKey) -> Text<'_> {
        key.text.clone()
    }
}

/// Builds JavaScript output. Values that a merge keeps are shared with the input, as in an
/// object spread, and are never changed.
pub(crate) struct JsOutput;

impl Build<JsInput> for JsOutput {
    type Value = JsValue;
    type Object = JsValue;

    fn object(&mut self) -> JsValue {
        js_sys::Object::new().into()
    }

    fn insert(&mut self, object: &mut JsValue, key: &JsKey, value: JsValue) {
        // A definition, not an assignment: `__proto__` must stay an ordinary key, and a setter
        // someone added to Object.prototype must not see or swallow the value.
        js::define_data_property(object, &key.js, &value);
    }

    fn finish(&mut self, object: JsValue) -> JsValue {
        object
    }

    fn keep(&mut self, value: &JsInput) -> JsValue {
        value.value.clone()
    }
}

/// Reads `{ locale, strict, limits }`. `undefined` and `null` give the defaults.
///
/// Returns a `TypeError` naming the option when one has the wrong type, because a silently
/// ignored limit would let oversized input through.
pub(crate) fn parse_options(value: &JsValue) -> Result<Options, JsValue> {
    let mut options = Options::default();
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    if kind_of(value) != Kind::Object {
        return Err(type_error("options must be a plain object such as { locale: \"de\" }."));
    }
    reject_unknown_keys(value, "options", &["locale", "strict", "limits", "maxBytes"])?;

    let locale = read_option(value, "locale")?;
    if !locale.is_undefined() {
        let Some(tag) = locale.as_string() else {
            return Err(type_error("options.locale must be a string such as \"en\" or \"de\"."));
        };
        options.locale = Locale::from_tag(&tag);
    }

    let strict = read_option(value, "strict")?;
    if !strict.is_undefined() {
        let Some(strict) = strict.as_bool() else {
            return Err(type_error("options.strict must be true or false."));
        };
        options.strict = strict;
    }

    let limits = read_option(value, "limits")?;
    if !limits.is_undefined() {
        if kind_of(&limits) != Kind::Object {
            return Err(type_error("options.limits must be a plain object such as { maxMetadataKeys: 50 }."));
        }
        reject_unknown_keys(&limits, "options.limits", &["maxMetadataKeys", "maxKeyLength", "maxValueLength"])?;
        options.limits = Limits {
            max_metadata_keys: read_limit(&limits, "options.limits", "maxMetadataKeys")?,
            max_key_length: read_limit(&limits, "options.limits", "maxKeyLength")?,
            max_value_length: read_limit(&limits, "options.limits", "maxValueLength")?,
        };
    }

    if let Some(max_bytes) = read_limit(value, "options", "maxBytes")? {
        options.max_bytes = max_bytes;
    }
    Ok(options)
}

/// Returns a `TypeError` for a key outside `known`, because a misspelled option such as
/// `strcit` would otherwise be ignored without a word.
fn reject_unknown_keys(object: &JsValue, name: &str, known: &[&str]) -> Result<(), JsValue> {
    let keys = js::object_keys(object).map_err(|_| type_error(&format!("{name} could not be read because a proxy trap threw.")))?;
    for key in keys.iter() {
        let key = key.as_string().unwrap_or_default();
        if !known.contains(&key.as_str()) {
            return Err(type_error(&format!("Unknown option {name}.{key}. Known options: {}.", known.join(", "))));
        }
    }
    Ok(())
}

fn read_option(object: &JsValue, name: &str) -> Result<JsValue, JsValue> {
    js::reflect_get(object, &name.into()).map_err(|_| type_error(&format!("options.{name} could not be read because its getter threw.")))
}

/// Reads a count option such as `maxBytes` or `limits.maxKeyLength`.
fn read_limit(object: &JsValue, prefix: &str, name: &str) -> Result<Option<usize>, JsValue> {
    let value = read_option(object, name)?;
    if value.is_undefined() {
        return Ok(None);
    }
    match value.as_f64() {
        Some(number) if number >= 0.0 && number.fract() == 0.0 && number <= 9_007_199_254_740_991.0 => Ok(Some(number as usize)),
        _ => Err(type_error(&format!("{prefix}.{name} must be a non-negative whole number or undefined, not {}.", describe(&value)))),
    }
}

/// Describes a value for an option error, such as `-1` or `a string`.
fn describe(value: &JsValue) -> String {
    match value.as_f64() {
        Some(number) => format!("{number}"),
        None => kind_of(value).name().to_owned(),
    }
}

fn type_error(message: &str) -> JsValue {
    js::TypeError::new(message).into()
}

/// Copies JSON text out of JavaScript, or returns the issue that stops it from being read.
///
/// A string longer than `max_bytes` UTF-16 code units is rejected before it is copied, because
/// its UTF-8 form can only be longer. The exact byte count is checked after the copy.
pub(crate) fn read_json_text(value: &JsValue, max_bytes: Option<usize>, subject: Subject) -> Result<String, Issue> {
    let issue = |kind| Issue { pointer: Pointer::root(), severity: Severity::Error, kind };
    let Some(string) = value.dyn_ref::<JsString>() else {
        return Err(issue(IssueKind::NotText { subject, received: kind_of(value) }));
    };
    let units = string.length() as usize;
    if let Some(maximum) = max_bytes.filter(|maximum| units > *maximum) {
        return Err(issue(IssueKind::BodyTooLarge { maximum, actual: units }));
    }

    let well_formed = string.unchecked_ref::<js::WellFormedString>().is_well_formed().unwrap_or_else(|_| string.is_valid_utf16());
    if well_formed {
        return Ok(value.as_string().unwrap_or_default());
    }

    // Copying would turn a raw lone surrogate into U+FFFD. Inside a JSON string the escape
    // `\udXXX` means the same code unit, so the rules still see it and report it.
    let units: Vec<u16> = string.iter().collect();
    let mut text = String::with_capacity(units.len() + 16);
    for decoded in char::decode_utf16(units) {
        match decoded {
            Ok(character) => text.push(character),
            Err(lone) => text.push_str(&format!("\\u{:04x}", lone.unpaired_surrogate())),
        }
    }
    Ok(text)
}
