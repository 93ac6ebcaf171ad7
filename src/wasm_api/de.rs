//! From JavaScript: values seen through [`Input`], and options.

use std::cell::Cell;

use js_sys::{Array, JsString};
use wasm_bindgen::{JsCast, JsValue};

use super::js;
use crate::{Build, Input, Kind, Limits, Locale, Options, Text};

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

    fn deep_equals(&self, other: &JsInput) -> bool {
        js_deep_equals(self, other, 0)
    }
}

/// Nesting depth past which two values count as different. It bounds the recursion for
/// cyclic values, which JSON cannot carry anyway.
const MAX_COMPARE_DEPTH: usize = 512;

/// Compares two JavaScript values as `JSON.stringify` would see them: primitives with `===`
/// (and `NaN` equal to itself), arrays item by item, and plain objects by key in any order,
/// where a member that is `undefined` counts as absent. Other objects, such as a `Map` or a
/// `Date`, are equal only to themselves.
fn js_deep_equals(left: &JsInput, right: &JsInput, depth: usize) -> bool {
    if left.value == right.value {
        return true;
    }
    let kind = left.kind();
    if kind != right.kind() || depth > MAX_COMPARE_DEPTH {
        return false;
    }
    match kind {
        Kind::Number => left.value.as_f64().is_some_and(f64::is_nan) && right.value.as_f64().is_some_and(f64::is_nan),
        Kind::Array => {
            let left_items: &Array = left.value.unchecked_ref();
            let right_items: &Array = right.value.unchecked_ref();
            left_items.length() == right_items.length()
                && left_items
                    .iter()
                    .zip(right_items.iter())
                    .all(|(left_item, right_item)| js_deep_equals(&JsInput::new(left_item), &JsInput::new(right_item), depth + 1))
        }
        Kind::Object => {
            let (Some(left_entries), Some(right_entries)) = (left.entries(), right.entries()) else {
                return false;
            };
            let present = |entries: Vec<(JsKey, JsInput)>| -> std::collections::HashMap<Text<'static>, JsInput> {
                entries.into_iter().filter(|(_, value)| value.kind() != Kind::Undefined).map(|(key, value)| (key.text, value)).collect()
            };
            let left_members = present(left_entries);
            let right_members = present(right_entries);
            left_members.len() == right_members.len()
                && left_members.iter().all(|(name, left_value)| {
                    right_members.get(name).is_some_and(|right_value| js_deep_equals(left_value, right_value, depth + 1))
                })
        }
        _ => false,
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
        // Assigning `__proto__` would call the inherited setter and replace the prototype, so
        // that key is defined as an own data property instead.
        if key.text.as_str() == Some("__proto__") {
            let descriptor = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&descriptor, &"value".into(), &value);
            for flag in ["writable", "enumerable", "configurable"] {
                let _ = js_sys::Reflect::set(&descriptor, &flag.into(), &JsValue::TRUE);
            }
            js::define_property(object, &key.js, &descriptor);
        } else {
            js::reflect_set(object, &key.js, &value);
        }
    }

    fn finish(&mut self, object: JsValue) -> JsValue {
        object
    }

    fn keep(&mut self, value: &JsInput) -> JsValue {
        value.value.clone()
    }

    fn null(&mut self) -> JsValue {
        JsValue::NULL
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
        options.limits = Limits {
            max_metadata_keys: read_limit(&limits, "maxMetadataKeys")?,
            max_key_length: read_limit(&limits, "maxKeyLength")?,
            max_value_length: read_limit(&limits, "maxValueLength")?,
        };
    }
    Ok(options)
}

fn read_option(object: &JsValue, name: &str) -> Result<JsValue, JsValue> {
    js::reflect_get(object, &name.into()).map_err(|_| type_error(&format!("options.{name} could not be read because its getter threw.")))
}

fn read_limit(limits: &JsValue, name: &str) -> Result<Option<usize>, JsValue> {
    let value = read_option(limits, name)?;
    if value.is_undefined() {
        return Ok(None);
    }
    match value.as_f64() {
        Some(number) if number >= 0.0 && number.fract() == 0.0 && number <= 9_007_199_254_740_991.0 => Ok(Some(number as usize)),
        _ => Err(type_error(&format!("options.limits.{name} must be a non-negative whole number or undefined."))),
    }
}

fn type_error(message: &str) -> JsValue {
    js::TypeError::new(message).into()
}
