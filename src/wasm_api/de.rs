//! From JavaScript: values seen through [`Input`], and options.

use std::borrow::Cow;
use std::cell::{Cell, OnceCell, RefCell};
use std::fmt::Write as _;

use js_sys::JsString;
use wasm_bindgen::{JsCast, JsValue};

use super::js;
use crate::fields::{BALANCE_GROUP, CUSTOMER};
use crate::keys::KeyIndex;
use crate::raw::line_and_column;
use crate::{Build, Input, Issue, IssueKind, Kind, Limits, Locale, Options, Pointer, Report, Severity, Subject, Text};

/// A JavaScript value seen through the core's [`Input`] trait.
///
/// A value read as an object entry carries its kind and string from the description of that
/// object, and its place in a level that `values.js` keeps for the call. The rules so need no
/// further call into JavaScript to look at it, and a merge can keep it without copying it.
pub(crate) struct JsInput {
    handle: OnceCell<JsValue>,
    kind: Cell<Option<Kind>>,
    text: Option<Text<'static>>,
    origin: Option<(u32, u32)>,
}

impl JsInput {
    pub(crate) fn new(value: JsValue) -> Self {
        JsInput { handle: OnceCell::from(value), kind: Cell::new(None), text: None, origin: None }
    }

    /// Returns the JavaScript value, fetching it from its level the first time.
    fn handle(&self) -> &JsValue {
        self.handle.get_or_init(|| match self.origin {
            Some((level, index)) => js::value_at(level, index),
            None => JsValue::UNDEFINED,
        })
    }
}

/// An object key, decoded once, and its place in a level that `values.js` keeps for the call.
pub(crate) struct JsKey {
    text: Text<'static>,
    origin: (u32, u32),
}

thread_local! {
    /// How many exported calls are running, counting a call that a getter makes from inside
    /// another.
    static CALL_DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// The levels that `values.js` keeps for one exported call: they are released when the scope
/// ends, so no reference to the caller's objects outlives the call.
pub(crate) struct CallScope {
    mark: u32,
}

impl CallScope {
    pub(crate) fn enter() -> CallScope {
        let depth = CALL_DEPTH.with(|depth| depth.replace(depth.get() + 1));
        CallScope { mark: js::begin_call(depth == 0) }
    }
}

/// Forgets every level and every call still counted, for the package's wrapper to call when no
/// call is running any more. A call that an exception left through WebAssembly frames never
/// ended its scope, and would otherwise keep its levels, and so the caller's objects, alive.
pub(crate) fn release_all_levels() {
    CALL_DEPTH.with(|depth| depth.set(0));
    js::end_call(0);
}

impl Drop for CallScope {
    fn drop(&mut self) {
        CALL_DEPTH.with(|depth| depth.set(depth.get().saturating_sub(1)));
        js::end_call(self.mark);
    }
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

/// The kinds in the order of their codes in `values.js`.
const KINDS: [Kind; 15] = [
    Kind::Undefined,
    Kind::Null,
    Kind::Boolean,
    Kind::Number,
    Kind::BigInt,
    Kind::String,
    Kind::Symbol,
    Kind::Function,
    Kind::Array,
    Kind::Object,
    Kind::Map,
    Kind::Set,
    Kind::Date,
    Kind::OtherObject,
    Kind::Unreadable,
];

/// Finds the kind of a value. A `Proxy` whose traps throw gives [`Kind::Unreadable`].
pub(crate) fn kind_of(value: &JsValue) -> Kind {
    KINDS.get(js::kind_of(value) as usize).copied().unwrap_or(Kind::Unreadable)
}

thread_local! {
    /// Whether `values.js` has been given this module instance's linear memory.
    static MEMORY_SHARED: Cell<bool> = const { Cell::new(false) };

    /// The buffer that `values.js` writes level descriptions into, kept between calls. A call
    /// takes it out while `values.js` writes, so a nested call from a getter gets its own.
    static DESCRIPTION_BUFFER: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
}

/// Size of a new description buffer. Each level of the example customer and body takes under
/// 300 bytes.
const DESCRIPTION_BUFFER_BYTES: usize = 1024;

/// Largest description buffer kept for the next call: about 30,000 entries such as
/// `"key_00001": "value 1"`. A bigger one, left by a huge object or a long string, is freed.
/// Keeping a buffer of this size made validating 10,000 such keys about 13% faster than
/// keeping one of 64 KiB, which every such call had to allocate and fill again.
const KEPT_DESCRIPTION_BUFFER_BYTES: usize = 1024 * 1024;

/// Gives `values.js` this module instance's linear memory, once.
fn share_memory() {
    if !MEMORY_SHARED.with(Cell::get) {
        js::use_memory(&wasm_bindgen::memory());
        MEMORY_SHARED.with(|shared| shared.set(true));
    }
}

/// Reads the entries of a plain object: `values.js` reads its keys and values once, keeps the
/// values as a level of the call, and writes keys, kinds and, when `with_text`, string values
/// into linear memory. Returns `None` when the keys cannot be listed.
fn describe_level(object: &JsInput, with_text: bool) -> Option<Vec<(JsKey, JsInput)>> {
    let describe = |address, capacity| match object.origin {
        Some((level, index)) => js::describe_entry(level, index, address, capacity, with_text),
        None => js::describe_object(object.handle(), address, capacity, with_text),
    };
    describe_with(with_text, describe, |bytes| decode_level(bytes, with_text))
}

/// Has `describe` write a level description into a buffer at an address with a capacity, as
/// `describeObject` or `describeOptions` in `values.js` do, and reads it with `decode`.
fn describe_with<T>(with_text: bool, describe: impl FnOnce(u32, u32) -> f64, decode: impl FnOnce(&[u8]) -> Option<T>) -> Option<T> {
    share_memory();

    let mut buffer = DESCRIPTION_BUFFER.with(Cell::take);
    if buffer.len() < DESCRIPTION_BUFFER_BYTES {
        buffer.resize(DESCRIPTION_BUFFER_BYTES, 0);
    }
    // Linear memory addresses fit in 32 bits on wasm32.
    let mut written = describe(buffer.as_mut_ptr() as u32, buffer.len() as u32);
    if written < -1.0 {
        // The description did not fit, and `values.js` returned minus the size it needs.
        buffer.resize(-written as usize, 0);
        written = js::encode_last_level(buffer.as_mut_ptr() as u32, buffer.len() as u32, with_text);
    }

    let entries = if written >= 0.0 { buffer.get(..written as usize).and_then(decode) } else { None };
    if buffer.len() <= KEPT_DESCRIPTION_BUFFER_BYTES {
        DESCRIPTION_BUFFER.with(|slot| slot.set(buffer));
    }
    entries
}

/// Reads a level description that `encodeLevel` in `values.js` wrote: the level number and
/// the entry count, then per entry its kind code, its key and, for a string when `with_text`,
/// its value.
fn decode_level(bytes: &[u8], with_text: bool) -> Option<Vec<(JsKey, JsInput)>> {
    let mut reader = DescriptionReader { bytes, position: 0 };
    let level = reader.read_u32()?;
    let count = reader.read_u32()? as usize;

    // Each entry takes at least six bytes, which bounds the count against a damaged buffer.
    let mut entries = Vec::with_capacity(count.min(bytes.len() / 6));
    for index in 0..count {
        let kind = KINDS.get(usize::from(reader.read_byte()?)).copied().unwrap_or(Kind::Unreadable);
        let key = reader.read_text_with(field_name)?;
        let text = if with_text && kind == Kind::String { Some(reader.read_text()?) } else { None };
        let value = JsInput { handle: OnceCell::new(), kind: Cell::new(Some(kind)), text, origin: Some((level, index as u32)) };
        entries.push((JsKey { text: key, origin: (level, index as u32) }, value));
    }
    Some(entries)
}

/// Reads an options level that `encodeOptions` in `values.js` wrote. It contains the level number
/// and the number of names, then each name's kind code and, for a string whose bit is set in
/// `text_mask`, its value, then the first unknown key, if any. Returns the values in the order
/// of the names, and that key.
fn decode_options(bytes: &[u8], text_mask: u32) -> Option<(Vec<JsInput>, Option<Text<'static>>)> {
    let mut reader = DescriptionReader { bytes, position: 0 };
    let level = reader.read_u32()?;
    let count = reader.read_u32()? as usize;

    // Each name takes at least one byte, which bounds the count against a damaged buffer.
    let mut values = Vec::with_capacity(count.min(bytes.len()));
    for index in 0..count {
        let kind = KINDS.get(usize::from(reader.read_byte()?)).copied().unwrap_or(Kind::Unreadable);
        let text = if kind == Kind::String && text_mask & (1 << index) != 0 { Some(reader.read_text()?) } else { None };
        values.push(JsInput { handle: OnceCell::new(), kind: Cell::new(Some(kind)), text, origin: Some((level, index as u32)) });
    }
    let unknown = match reader.read_byte()? {
        0 => None,
        _ => Some(reader.read_text()?),
    };
    Some((values, unknown))
}

/// Returns the name of a field of the customer or its balance group equal to `bytes`. Keys of
/// most levels are such names, and borrowing them saves an allocation per key.
fn field_name(bytes: &[u8]) -> Option<&'static str> {
    let fields = CUSTOMER.fields.iter().chain(BALANCE_GROUP.fields);
    fields.map(|field| field.name).find(|name| name.as_bytes() == bytes)
}

/// A cursor over a level description.
struct DescriptionReader<'a> {
    bytes: &'a [u8],
    position: usize,
}

/// String encodings in a level description, as `writeText` in `values.js` writes them.
const UTF8_TEXT: u8 = 0;
const UTF16_TEXT: u8 = 1;

impl<'a> DescriptionReader<'a> {
    fn read_bytes(&mut self, count: usize) -> Option<&'a [u8]> {
        let bytes = self.bytes.get(self.position..self.position.checked_add(count)?)?;
        self.position += count;
        Some(bytes)
    }

    fn read_byte(&mut self) -> Option<u8> {
        Some(self.read_bytes(1)?[0])
    }

    fn read_u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.read_bytes(4)?.try_into().ok()?))
    }

    /// Reads a string: its form, its size in bytes, and its UTF-8 bytes or UTF-16 code units.
    fn read_text(&mut self) -> Option<Text<'static>> {
        self.read_text_with(|_| None)
    }

    /// Reads a string, borrowing it from `find_static` when that returns a string equal to it.
    fn read_text_with(&mut self, find_static: impl Fn(&[u8]) -> Option<&'static str>) -> Option<Text<'static>> {
        let form = self.read_byte()?;
        let size = self.read_u32()? as usize;
        let bytes = self.read_bytes(size)?;
        match form {
            UTF8_TEXT => match find_static(bytes) {
                Some(name) => Some(Text::from(name)),
                None => Some(Text::from(std::str::from_utf8(bytes).ok()?.to_owned())),
            },
            UTF16_TEXT => {
                let units: Vec<u16> = bytes.chunks_exact(2).map(|pair| u16::from_le_bytes([pair[0], pair[1]])).collect();
                Some(Text::from_utf16(&units))
            }
            _ => None,
        }
    }
}

impl Input for JsInput {
    type Key = JsKey;

    fn kind(&self) -> Kind {
        if let Some(kind) = self.kind.get() {
            return kind;
        }
        let kind = kind_of(self.handle());
        self.kind.set(Some(kind));
        kind
    }

    fn text(&self) -> Option<Text<'_>> {
        if self.kind() != Kind::String {
            return None;
        }
        match &self.text {
            Some(Text::Utf8(text)) => Some(Text::Utf8(Cow::Borrowed(text))),
            Some(Text::Utf16(units)) => Some(Text::Utf16(Cow::Borrowed(units))),
            None => read_string(self.handle()),
        }
    }

    fn entries(&self) -> Option<Vec<(JsKey, JsInput)>> {
        if self.kind() != Kind::Object {
            return None;
        }
        describe_level(self, true)
    }

    /// Leaves string values out of the description, and [`Input::text`] then reads one from
    /// its level with a call into JavaScript.
    fn entries_to_keep(&self) -> Option<Vec<(JsKey, JsInput)>> {
        if self.kind() != Kind::Object {
            return None;
        }
        describe_level(self, false)
    }

    fn key_text(key: &JsKey) -> Text<'_> {
        match &key.text {
            Text::Utf8(text) => Text::Utf8(Cow::Borrowed(text)),
            Text::Utf16(units) => Text::Utf16(Cow::Borrowed(units)),
        }
    }

    fn deep_equals(&self, other: &JsInput) -> bool {
        js_deep_equals(self, other, 0)
    }
}

/// Nesting depth past which two values count as different. It bounds the recursion for
/// cyclic values, which JSON cannot carry anyway.
const MAX_COMPARE_DEPTH: usize = 512;

/// Length past which two arrays count as different. A sparse array can claim billions of
/// items, and comparing them one by one would not end in any useful time.
const MAX_COMPARE_ITEMS: f64 = 1_000_000.0;

/// Compares two JavaScript values as `JSON.stringify` would see them: primitives with `===`
/// (and `NaN` equal to itself), arrays item by item, and plain objects by key in any order,
/// where a member that is `undefined` counts as absent. Other objects, such as a `Map` or a
/// `Date`, are equal only to themselves.
fn js_deep_equals(left: &JsInput, right: &JsInput, depth: usize) -> bool {
    if left.handle() == right.handle() {
        return true;
    }
    let kind = left.kind();
    if kind != right.kind() || depth > MAX_COMPARE_DEPTH {
        return false;
    }
    match kind {
        Kind::Number => left.handle().as_f64().is_some_and(f64::is_nan) && right.handle().as_f64().is_some_and(f64::is_nan),
        // Records loaded from a database often carry dates, and two copies of one are equal.
        Kind::Date => js::same_time(left.handle(), right.handle()),
        Kind::Array => {
            // An array may be a Proxy whose traps throw, so every read is caught, and an array
            // that cannot be read counts as different.
            let length = |items: &JsValue| js::reflect_get(items, &JsValue::from_str("length")).ok().and_then(|length| length.as_f64());
            let (Some(left_length), Some(right_length)) = (length(left.handle()), length(right.handle())) else {
                return false;
            };
            if left_length != right_length || left_length > MAX_COMPARE_ITEMS {
                return false;
            }
            (0..left_length as u32).all(|index| {
                let item = |items: &JsValue| js::reflect_get(items, &JsValue::from(index)).ok();
                match (item(left.handle()), item(right.handle())) {
                    (Some(left_item), Some(right_item)) => js_deep_equals(&JsInput::new(left_item), &JsInput::new(right_item), depth + 1),
                    _ => false,
                }
            })
        }
        Kind::Object => {
            let (Some(left_entries), Some(right_entries)) = (left.entries(), right.entries()) else {
                return false;
            };
            // A member whose value is `undefined` is absent, as JSON.stringify would drop it.
            let present = |entries: Vec<(JsKey, JsInput)>| -> Vec<(JsKey, JsInput)> {
                entries.into_iter().filter(|(_, value)| value.kind() != Kind::Undefined).collect()
            };
            let left_members = present(left_entries);
            let right_members = present(right_entries);
            let right_names = KeyIndex::new(right_members.iter().map(|(key, _)| key.text.borrowed()).collect());
            left_members.len() == right_members.len()
                && left_members.iter().all(|(key, left_value)| {
                    right_names.last(&key.text).is_some_and(|position| js_deep_equals(left_value, &right_members[position].1, depth + 1))
                })
        }
        _ => false,
    }
}

/// The level number that marks `null` in an `assemble` entry.
const NULL_LEVEL: u32 = u32::MAX;

/// A value of the output: `null`, or a value in a level that `values.js` keeps for the call.
/// Such a level is a described input object or contains one object built here.
pub(crate) enum JsOutputValue {
    /// Value `index` of level `level`.
    Kept(u32, u32),
    /// `null`.
    Null,
}

/// Builds JavaScript output. Values that a merge keeps are shared with the input, as in an
/// object spread, and are never changed. Each object is built by one call into JavaScript.
pub(crate) struct JsOutput;

impl Build<JsInput> for JsOutput {
    type Value = JsOutputValue;
    /// Four numbers per entry, as `assemble` in `values.js` reads them: the key's level and
    /// index, then the value's level (or [`NULL_LEVEL`]) and index.
    type Object = Vec<u32>;

    fn object(&mut self) -> Self::Object {
        Vec::new()
    }

    fn insert(&mut self, object: &mut Self::Object, key: &JsKey, value: JsOutputValue) {
        let (value_level, value_index) = match value {
            JsOutputValue::Kept(level, index) => (level, index),
            JsOutputValue::Null => (NULL_LEVEL, 0),
        };
        object.extend_from_slice(&[key.origin.0, key.origin.1, value_level, value_index]);
    }

    fn finish(&mut self, object: Self::Object) -> JsOutputValue {
        share_memory();
        // Linear memory addresses fit in 32 bits on wasm32.
        let level = js::assemble(object.as_ptr() as u32, (object.len() / 4) as u32);
        JsOutputValue::Kept(level, 0)
    }

    fn keep(&mut self, value: &JsInput) -> JsOutputValue {
        match value.origin {
            Some((level, index)) => JsOutputValue::Kept(level, index),
            None => JsOutputValue::Kept(js::keep_value(value.handle()), 0),
        }
    }

    fn null(&mut self) -> JsOutputValue {
        JsOutputValue::Null
    }
}

impl JsOutputValue {
    /// Returns the value as a JavaScript handle. Call it before the call's scope ends.
    pub(crate) fn into_js(self) -> JsValue {
        match self {
            JsOutputValue::Kept(level, index) => js::value_at(level, index),
            JsOutputValue::Null => JsValue::NULL,
        }
    }
}

/// Reads `{ locale, strict, limits, maxBytes }`. `undefined` and `null` give the defaults.
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
    let _scope = CallScope::enter();
    let object = OptionObject::read(value, "options", &["locale", "strict", "limits", "maxBytes"], &["locale"])?;

    // One pass over the options that are set, in the order above, which is the order in which
    // their errors are reported.
    for option in object.defined() {
        let (name, value) = option?;
        match name {
            "locale" => {
                let Some(tag) = value.text() else {
                    return Err(type_error("options.locale must be a string such as \"en\" or \"de\"."));
                };
                options.locale = Locale::from_tag(&tag.to_string_lossy());
            }
            "strict" => {
                let Some(strict) = value.handle().as_bool() else {
                    return Err(type_error("options.strict must be true or false."));
                };
                options.strict = strict;
            }
            "limits" => {
                if value.kind() != Kind::Object {
                    return Err(type_error("options.limits must be a plain object such as { maxMetadataKeys: 50 }."));
                }
                let limits = OptionObject::read(value.handle(), "options.limits", &["maxMetadataKeys", "maxKeyLength", "maxValueLength"], &[])?;
                options.limits = Limits {
                    max_metadata_keys: limits.count("maxMetadataKeys")?,
                    max_key_length: limits.count("maxKeyLength")?,
                    max_value_length: limits.count("maxValueLength")?,
                };
            }
            // The only other name that `read` was given.
            _ => options.max_bytes = object.count(name)?.unwrap_or(options.max_bytes),
        }
    }
    Ok(options)
}

/// The options of one object, read with one call into JavaScript as a level of the current
/// call. Reading `{ locale: "de" }` this way adds about 390 ns to a call, against about 620 ns
/// with one `Reflect.get` per option.
pub(super) struct OptionObject {
    /// The object's name in messages, such as `options.limits`.
    name: &'static str,
    /// The names of its options.
    known: &'static [&'static str],
    /// The value of each option, in the order of `known`.
    values: Vec<JsInput>,
}

thread_local! {
    /// JavaScript arrays of the option names of each options object, converted once per module
    /// instance, because converting a string from Rust takes a call into JavaScript.
    static OPTION_NAMES: RefCell<Vec<(&'static [&'static str], JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// Returns a JavaScript array of `names`, converted on first use only.
fn option_names(names: &'static [&'static str]) -> JsValue {
    let cached = OPTION_NAMES.with(|cache| cache.borrow().iter().find(|(known, _)| std::ptr::eq(*known, names)).map(|(_, array)| array.clone()));
    if let Some(array) = cached {
        return array;
    }
    // No borrow is held while JavaScript converts the names: running out of stack there would
    // leave the cache borrowed for good.
    let array: JsValue = names.iter().map(|name| JsValue::from_str(name)).collect::<js_sys::Array>().into();
    OPTION_NAMES.with(|cache| cache.borrow_mut().push((names, array.clone())));
    array
}

impl OptionObject {
    /// Reads the options `known` of `object`, a plain object, from its own properties, so that
    /// a non-enumerable option counts and a value inherited from a polluted `Object.prototype`
    /// does not. The text of a string is copied
    /// at once only for the names in `strings`, the options that take one: a long string where
    /// a number belongs is rejected without being copied. Returns a `TypeError` for an own
    /// enumerable key outside `known`, because a misspelled option such as `strcit` would
    /// otherwise be ignored without a word.
    ///
    /// Each getter of a known option runs once, here. The caller must hold a [`CallScope`] for
    /// as long as it reads the values.
    pub(super) fn read(object: &JsValue, name: &'static str, known: &'static [&'static str], strings: &[&str]) -> Result<OptionObject, JsValue> {
        let names = option_names(known);
        let text_mask = known.iter().enumerate().filter(|(_, known)| strings.contains(known)).fold(0u32, |mask, (index, _)| mask | 1 << index);
        let describe = |address, capacity| js::describe_options(object, &names, text_mask, address, capacity);
        let (values, unknown) = describe_with(true, describe, |bytes| decode_options(bytes, text_mask))
            .filter(|(values, _)| values.len() == known.len())
            .ok_or_else(|| type_error(&format!("{name} could not be read because a proxy trap threw. Pass a plain object.")))?;
        if let Some(key) = unknown {
            return Err(type_error(&format!("Unknown option {name}.{key}. Known options: {}.", known.join(", "))));
        }
        Ok(OptionObject { name, known, values })
    }

    /// Returns option `option`, or `None` when it is missing or `undefined`.
    pub(super) fn get(&self, option: &str) -> Result<Option<&JsInput>, JsValue> {
        let Some(value) = self.known.iter().position(|known| *known == option).and_then(|index| self.values.get(index)) else {
            return Ok(None);
        };
        self.check_readable(option, value)
    }

    /// Returns the options that are set, with their names, in the order of the names that
    /// [`Self::read`] was given.
    pub(super) fn defined(&self) -> impl Iterator<Item = Result<(&'static str, &JsInput), JsValue>> {
        let options = self.known.iter().zip(&self.values);
        options.filter_map(|(name, value)| self.check_readable(name, value).transpose().map(|value| value.map(|value| (*name, value))))
    }

    /// Returns `value`, or `None` when it is `undefined`, or the `TypeError` for a value that
    /// could not be read.
    fn check_readable<'a>(&self, option: &str, value: &'a JsInput) -> Result<Option<&'a JsInput>, JsValue> {
        match value.kind() {
            Kind::Undefined => Ok(None),
            Kind::Unreadable => Err(type_error(&format!("{}.{option} could not be read because its getter or a proxy trap threw. Pass a plain value.", self.name))),
            _ => Ok(Some(value)),
        }
    }

    /// Returns option `option` as a string, or a `TypeError` naming the value's kind.
    pub(super) fn string(&self, option: &str) -> Result<Option<String>, JsValue> {
        let Some(value) = self.get(option)? else {
            return Ok(None);
        };
        match value.text() {
            Some(text) => Ok(Some(text.to_string_lossy().into_owned())),
            None => Err(type_error(&format!("{}.{option} must be a string or undefined, not {}.", self.name, value.kind().name()))),
        }
    }

    /// Returns a count option such as `maxBytes` or `limits.maxKeyLength`.
    fn count(&self, option: &str) -> Result<Option<usize>, JsValue> {
        let Some(value) = self.get(option)? else {
            return Ok(None);
        };
        match value.handle().as_f64() {
            Some(number) if number >= 0.0 && number.fract() == 0.0 && number <= 9_007_199_254_740_991.0 => Ok(Some(number as usize)),
            _ => Err(type_error(&format!("{}.{option} must be a non-negative whole number or undefined, not {}.", self.name, describe(value.handle())))),
        }
    }
}

/// Describes a value for an option error, such as `-1` or `a string`.
fn describe(value: &JsValue) -> String {
    match value.as_f64() {
        // Formatting any f64 would link Rust's float printing, about 15 KB of WebAssembly, for
        // one error message. Whole numbers are the only ones worth echoing exactly.
        Some(number) if number.fract() == 0.0 && number.abs() < 1e15 => format!("{}", number as i64),
        Some(number) if !number.is_finite() => "a non-finite number".to_owned(),
        Some(number) if number.fract() != 0.0 => "a fractional number".to_owned(),
        Some(number) if number < 0.0 => "a negative number".to_owned(),
        Some(_) => "a number over 9007199254740991".to_owned(),
        None => kind_of(value).name().to_owned(),
    }
}

pub(super) fn type_error(message: &str) -> JsValue {
    let error: JsValue = js::TypeError::new(message).into();
    // The wrapper throws this after the call has returned, so the module needs no reset. The
    // mark distinguishes it from a caller's TypeError that passed through WebAssembly frames.
    let _ = js_sys::Reflect::set(&error, &js_sys::Symbol::for_(OWN_ERROR_MARK).into(), &JsValue::TRUE);
    error
}

/// The registered symbol that marks the module's own `TypeError`s, as `api.js` checks them.
const OWN_ERROR_MARK: &str = "brp-customer-patch.ownError";

/// JSON text copied out of JavaScript.
pub(crate) struct JsonText {
    /// The text, with each raw lone surrogate written as an escape.
    pub(crate) text: String,
    /// The byte offsets in `text` of the escapes written for raw lone surrogates.
    escapes: Vec<usize>,
}

impl JsonText {
    /// Moves the columns of `invalid_json` issues back to the caller's text, where each
    /// escape written for a raw lone surrogate was one code unit instead of six.
    pub(crate) fn correct_columns(&self, report: &mut Report) {
        if self.escapes.is_empty() {
            return;
        }
        let escapes: Vec<(usize, usize)> = self.escapes.iter().map(|offset| line_and_column(&self.text, *offset)).collect();
        for issue in &mut report.issues {
            if let IssueKind::InvalidJson { line, column, .. } = &mut issue.kind {
                let before = escapes.iter().filter(|(escape_line, escape_column)| escape_line == line && escape_column < column).count();
                *column -= 5 * before;
            }
        }
    }
}

/// Copies JSON text out of JavaScript, or returns the issue that stops it from being read.
///
/// `max_bytes` bounds the size in bytes of UTF-8, as [`check_body_size`] checks it.
pub(crate) fn read_json_text(value: &JsValue, max_bytes: Option<usize>, subject: Subject) -> Result<JsonText, Issue> {
    let Some(string) = value.dyn_ref::<JsString>() else {
        let kind = IssueKind::NotText { subject, received: kind_of(value) };
        return Err(Issue { pointer: Pointer::root(), severity: Severity::Error, kind });
    };
    let units = string.length() as usize;
    if let Some(maximum) = max_bytes {
        check_body_size(units, None, maximum)?;
    }

    let well_formed = string.unchecked_ref::<js::WellFormedString>().is_well_formed().unwrap_or_else(|_| string.is_valid_utf16());
    let text = if well_formed {
        JsonText { text: value.as_string().unwrap_or_default(), escapes: Vec::new() }
    } else {
        escape_lone_surrogates(&string.iter().collect::<Vec<u16>>())
    };

    // A lone surrogate counts as the three bytes of U+FFFD, as TextEncoder writes it, though
    // its escape here takes six.
    if let Some(maximum) = max_bytes {
        check_body_size(units, Some(text.text.len() - 3 * text.escapes.len()), maximum)?;
    }
    Ok(text)
}

/// Checks the size of a PATCH body of `units` UTF-16 code units and, once it is known, `bytes`
/// bytes of UTF-8 against `maximum` bytes.
///
/// A string of more than `maximum` code units always exceeds it, because each code unit takes
/// at least one byte. It is rejected before it is copied, and its length is reported as a lower
/// bound of its size.
pub(crate) fn check_body_size(units: usize, bytes: Option<usize>, maximum: usize) -> Result<(), Issue> {
    let kind = if units > maximum {
        IssueKind::BodyTooLarge { maximum, actual: units, exact: false }
    } else {
        match bytes {
            Some(actual) if actual > maximum => IssueKind::BodyTooLarge { maximum, actual, exact: true },
            _ => return Ok(()),
        }
    };
    Err(Issue { pointer: Pointer::root(), severity: Severity::Error, kind })
}

/// Writes UTF-16 text with lone surrogates as UTF-8 text that JSON reads the same way.
///
/// Copying the string as it is would turn each lone surrogate into U+FFFD. Inside a JSON string,
/// the escape `\udXXX` means the same code unit, so the rules still see it and report it. After
/// an odd number of backslashes the surrogate is itself escaped, which JSON does not allow, so
/// it becomes U+FFFD there and the scan reports the invalid escape.
fn escape_lone_surrogates(units: &[u16]) -> JsonText {
    let mut text = String::with_capacity(units.len() + 16);
    let mut escapes = Vec::new();
    let mut backslashes = 0usize;
    for decoded in char::decode_utf16(units.iter().copied()) {
        match decoded {
            Ok(character) => {
                backslashes = if character == '\\' { backslashes + 1 } else { 0 };
                text.push(character);
            }
            Err(_) if backslashes % 2 == 1 => {
                backslashes = 0;
                text.push(char::REPLACEMENT_CHARACTER);
            }
            Err(lone) => {
                backslashes = 0;
                escapes.push(text.len());
                let _ = write!(text, "\\u{:04x}", lone.unpaired_surrogate());
            }
        }
    }
    JsonText { text, escapes }
}
