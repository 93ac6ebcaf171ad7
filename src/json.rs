//! A JSON document model that keeps what the rules must see: key order, duplicate keys,
//! numbers as written, and strings with lone surrogates (written as `\udXXX` escapes, which
//! `JSON.stringify` produces and `JSON.parse` accepts).

use std::borrow::Cow;
use std::fmt;

use crate::keys::KeyIndex;
use crate::{Build, Input, Kind, Text};

/// Maximum nesting of arrays and objects that [`Json::parse`] accepts. Deeper input is an
/// error rather than a stack overflow, because parsing, dropping and printing recurse.
pub const MAX_DEPTH: usize = 512;

/// A parsed JSON value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, exactly as written in the source.
    Number(String),
    /// A string.
    String(Text<'static>),
    /// An array.
    Array(Vec<Json>),
    /// An object, with its entries in source order. A key may occur more than once.
    Object(Vec<(Text<'static>, Json)>),
}

/// A syntax error in JSON text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// A description of the syntax error.
    pub message: &'static str,
    /// Line of the error, counted from 1.
    pub line: usize,
    /// Column of the error in characters, counted from 1.
    pub column: usize,
}

impl fmt::Display for ParseError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{} at line {}, column {}", self.message, self.line, self.column)
    }
}

impl std::error::Error for ParseError {}

impl Json {
    /// Parses JSON text (RFC 8259).
    ///
    /// ```
    /// use brp_customer_patch::Json;
    ///
    /// let value = Json::parse(r#"{"n": 1.0, "s": "\ud800"}"#).unwrap();
    /// assert_eq!(value.to_string(), r#"{"n":1.0,"s":"\ud800"}"#);
    /// ```
    pub fn parse(text: &str) -> Result<Json, ParseError> {
        let mut parser = Parser { bytes: text.as_bytes(), position: 0, text };
        parser.skip_whitespace();
        let value = parser.value(0)?;
        parser.skip_whitespace();
        if parser.position < parser.bytes.len() {
            return Err(parser.error("unexpected text after the JSON value"));
        }
        Ok(value)
    }

    /// Returns the member `name` of an object; the last one when the key occurs more than once.
    pub fn get(&self, name: &str) -> Option<&Json> {
        match self {
            Json::Object(entries) => entries.iter().rev().find(|(key, _)| key.as_str() == Some(name)).map(|(_, value)| value),
            _ => None,
        }
    }

    /// Returns the string when the value is a well-formed string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(text) => text.as_str(),
            _ => None,
        }
    }
}

impl Json {
    /// Returns compact JSON text, escaping as `JSON.stringify` does.
    pub fn to_json_text(&self) -> String {
        let mut out = String::new();
        self.write_to(&mut out);
        out
    }

    /// Appends compact JSON text to `out`, escaping as `JSON.stringify` does.
    ///
    /// It pushes to the string directly: the formatting machinery behind `Display` costs
    /// several times more per piece, which shows when issues are sent to JavaScript.
    pub fn write_to(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(true) => out.push_str("true"),
            Json::Bool(false) => out.push_str("false"),
            Json::Number(raw) => out.push_str(raw),
            Json::String(text) => push_string_literal(out, text),
            Json::Array(items) => {
                out.push('[');
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    item.write_to(out);
                }
                out.push(']');
            }
            Json::Object(entries) => {
                out.push('{');
                for (index, (key, value)) in entries.iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    push_string_literal(out, key);
                    out.push(':');
                    value.write_to(out);
                }
                out.push('}');
            }
        }
    }
}

/// Writes compact JSON, escaping as `JSON.stringify` does.
impl fmt::Display for Json {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        self.write_to(&mut out);
        formatter.write_str(&out)
    }
}

const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";

/// Appends `\uXXXX` for a UTF-16 code unit.
fn push_unicode_escape(out: &mut String, unit: u16) {
    out.push_str("\\u");
    for shift in [12, 8, 4, 0] {
        out.push(char::from(HEX_DIGITS[usize::from((unit >> shift) & 0xf)]));
    }
}

/// Appends a JSON string literal with the escapes `JSON.stringify` uses.
pub(crate) fn push_string_literal(out: &mut String, text: &Text<'_>) {
    out.push('"');
    match text {
        Text::Utf8(text) => {
            // Copy runs that need no escape in one step; only `"`, `\` and control characters do.
            let mut run_start = 0;
            for (index, byte) in text.bytes().enumerate() {
                if byte >= 0x20 && byte != b'"' && byte != b'\\' {
                    continue;
                }
                out.push_str(&text[run_start..index]);
                push_escaped_byte(out, byte);
                run_start = index + 1;
            }
            out.push_str(&text[run_start..]);
        }
        Text::Utf16(units) => {
            for decoded in char::decode_utf16(units.iter().copied()) {
                match decoded {
                    Ok(character) if character.is_ascii() => {
                        let byte = character as u8;
                        if byte >= 0x20 && byte != b'"' && byte != b'\\' {
                            out.push(character);
                        } else {
                            push_escaped_byte(out, byte);
                        }
                    }
                    Ok(character) => out.push(character),
                    Err(lone) => push_unicode_escape(out, lone.unpaired_surrogate()),
                }
            }
        }
    }
    out.push('"');
}

/// Appends the escape of `"`, `\` or an ASCII control character.
fn push_escaped_byte(out: &mut String, byte: u8) {
    match byte {
        b'"' => out.push_str("\\\""),
        b'\\' => out.push_str("\\\\"),
        b'\n' => out.push_str("\\n"),
        b'\r' => out.push_str("\\r"),
        b'\t' => out.push_str("\\t"),
        0x08 => out.push_str("\\b"),
        0x0c => out.push_str("\\f"),
        control => push_unicode_escape(out, u16::from(control)),
    }
}

struct Parser<'t> {
    text: &'t str,
    bytes: &'t [u8],
    position: usize,
}

impl Parser<'_> {
    fn error(&self, message: &'static str) -> ParseError {
        let before = &self.text[..self.position.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |index| index + 1);
        let column = before[line_start..].chars().count() + 1;
        ParseError { message, line, column }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.position).copied()
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.position += 1;
        }
    }

    fn expect_literal(&mut self, literal: &str, value: Json) -> Result<Json, ParseError> {
        if self.bytes[self.position..].starts_with(literal.as_bytes()) {
            self.position += literal.len();
            Ok(value)
        } else {
            Err(self.error("invalid literal"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, ParseError> {
        match self.peek() {
            None => Err(self.error("unexpected end of input")),
            Some(b'n') => self.expect_literal("null", Json::Null),
            Some(b't') => self.expect_literal("true", Json::Bool(true)),
            Some(b'f') => self.expect_literal("false", Json::Bool(false)),
            Some(b'"') => Ok(Json::String(self.string()?)),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') => self.array(depth + 1),
            Some(b'{') => self.object(depth + 1),
            Some(_) => Err(self.error("expected a JSON value")),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nesting is deeper than 512 levels"));
        }
        self.position += 1;
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.position += 1;
            return Ok(Json::Array(items));
        }
        loop {
            self.skip_whitespace();
            items.push(self.value(depth)?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.position += 1,
                Some(b']') => {
                    self.position += 1;
                    return Ok(Json::Array(items));
                }
                _ => return Err(self.error("expected ',' or ']' in an array")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nesting is deeper than 512 levels"));
        }
        self.position += 1;
        let mut entries = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.position += 1;
            return Ok(Json::Object(entries));
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a string key in an object"));
            }
            let key = self.string()?;
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                return Err(self.error("expected ':' after an object key"));
            }
            self.position += 1;
            self.skip_whitespace();
            let value = self.value(depth)?;
            entries.push((key, value));
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.position += 1,
                Some(b'}') => {
                    self.position += 1;
                    return Ok(Json::Object(entries));
                }
                _ => return Err(self.error("expected ',' or '}' in an object")),
            }
        }
    }

    fn number(&mut self) -> Result<Json, ParseError> {
        let start = self.position;
        if self.peek() == Some(b'-') {
            self.position += 1;
        }
        match self.peek() {
            Some(b'0') => self.position += 1,
            Some(b'1'..=b'9') => self.skip_digits(),
            _ => return Err(self.error("invalid number")),
        }
        if self.peek() == Some(b'.') {
            self.position += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("invalid number"));
            }
            self.skip_digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.position += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.position += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error("invalid number"));
            }
            self.skip_digits();
        }
        Ok(Json::Number(self.text[start..self.position].to_owned()))
    }

    fn skip_digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.position += 1;
        }
    }

    fn string(&mut self) -> Result<Text<'static>, ParseError> {
        self.position += 1;
        let start = self.position;

        // Most strings have no escape and can be copied as they are.
        loop {
            match self.peek() {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    let text = self.text[start..self.position].to_owned();
                    self.position += 1;
                    return Ok(Text::Utf8(Cow::Owned(text)));
                }
                Some(b'\\') => break,
                Some(byte) if byte < 0x20 => return Err(self.error("control character in a string")),
                Some(_) => self.position += 1,
            }
        }

        let mut units: Vec<u16> = self.text[start..self.position].encode_utf16().collect();
        loop {
            match self.peek() {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    self.position += 1;
                    return Ok(Text::from_utf16(&units));
                }
                Some(b'\\') => {
                    self.position += 1;
                    let unit = match self.peek() {
                        Some(b'"') => u16::from(b'"'),
                        Some(b'\\') => u16::from(b'\\'),
                        Some(b'/') => u16::from(b'/'),
                        Some(b'b') => 0x8,
                        Some(b'f') => 0xc,
                        Some(b'n') => u16::from(b'\n'),
                        Some(b'r') => u16::from(b'\r'),
                        Some(b't') => u16::from(b'\t'),
                        Some(b'u') => {
                            let hex = self.text.get(self.position + 1..self.position + 5);
                            let Some(unit) = hex.and_then(|hex| u16::from_str_radix(hex, 16).ok()) else {
                                return Err(self.error("invalid \\u escape"));
                            };
                            self.position += 4;
                            unit
                        }
                        _ => return Err(self.error("invalid escape in a string")),
                    };
                    units.push(unit);
                    self.position += 1;
                }
                Some(byte) if byte < 0x20 => return Err(self.error("control character in a string")),
                Some(_) => {
                    let character = self.text[self.position..].chars().next().unwrap_or_default();
                    let mut buffer = [0u16; 2];
                    units.extend_from_slice(character.encode_utf16(&mut buffer));
                    self.position += character.len_utf8();
                }
            }
        }
    }
}

impl<'a> Input for &'a Json {
    type Key = &'a Text<'static>;

    const MAY_REPEAT_KEYS: bool = true;

    fn kind(&self) -> Kind {
        match self {
            Json::Null => Kind::Null,
            Json::Bool(_) => Kind::Boolean,
            Json::Number(_) => Kind::Number,
            Json::String(_) => Kind::String,
            Json::Array(_) => Kind::Array,
            Json::Object(_) => Kind::Object,
        }
    }

    fn text(&self) -> Option<Text<'_>> {
        match self {
            Json::String(Text::Utf8(text)) => Some(Text::Utf8(Cow::Borrowed(text))),
            Json::String(Text::Utf16(units)) => Some(Text::Utf16(Cow::Borrowed(units))),
            _ => None,
        }
    }

    fn entries(&self) -> Option<Vec<(Self::Key, Self)>> {
        match self {
            Json::Object(entries) => Some(entries.iter().map(|(key, value)| (key, value)).collect()),
            _ => None,
        }
    }

    fn key_text<'k>(key: &'k Self::Key) -> Text<'k> {
        match key {
            Text::Utf8(text) => Text::Utf8(Cow::Borrowed(text)),
            Text::Utf16(units) => Text::Utf16(Cow::Borrowed(units)),
        }
    }

    fn deep_equals(&self, other: &Self) -> bool {
        json_equals(self, other)
    }
}

/// Compares two values as `JSON.parse` would read them: numbers by value, so `1.0` equals `1`,
/// and objects by their last value for each key, in any order.
fn json_equals(left: &Json, right: &Json) -> bool {
    match (left, right) {
        (Json::Number(left), Json::Number(right)) => left == right || left.parse::<f64>().ok() == right.parse::<f64>().ok(),
        (Json::Array(left), Json::Array(right)) => left.len() == right.len() && left.iter().zip(right).all(|(left, right)| json_equals(left, right)),
        (Json::Object(left_entries), Json::Object(right_entries)) => {
            let left_keys = KeyIndex::new(left_entries.iter().map(|(key, _)| key.borrowed()).collect());
            let right_keys = KeyIndex::new(right_entries.iter().map(|(key, _)| key.borrowed()).collect());
            // Each name is compared once, at its last occurrence, whose value JSON.parse keeps.
            left_keys.distinct_count() == right_keys.distinct_count()
                && left_keys.names().iter().enumerate().all(|(position, name)| {
                    left_keys.last(name) != Some(position)
                        || right_keys.last(name).is_some_and(|right| json_equals(&left_entries[position].1, &right_entries[right].1))
                })
        }
        _ => left == right,
    }
}

/// Builds [`Json`] output, copying the values that a merge keeps.
#[derive(Clone, Copy, Debug, Default)]
pub struct JsonBuilder;

impl<'a> Build<&'a Json> for JsonBuilder {
    type Value = Json;
    type Object = Vec<(Text<'static>, Json)>;

    fn object(&mut self) -> Self::Object {
        Vec::new()
    }

    fn insert(&mut self, object: &mut Self::Object, key: &&'a Text<'static>, value: Json) {
        object.push(((*key).clone(), value));
    }

    fn finish(&mut self, object: Self::Object) -> Json {
        Json::Object(object)
    }

    fn keep(&mut self, value: &&'a Json) -> Json {
        (*value).clone()
    }

    fn null(&mut self) -> Json {
        Json::Null
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_keeps_numbers_and_order() {
        let source = r#"{"b":12345678901234567890,"a":1.0,"c":[true,false,null],"d":"x\"\n\u0001"}"#;
        let value = Json::parse(source).unwrap();
        assert_eq!(value.to_string(), source);
    }

    #[test]
    fn lone_surrogate_is_kept() {
        let value = Json::parse(r#""a\udc00""#).unwrap();
        assert_eq!(value, Json::String(Text::Utf16(Cow::Owned(vec![0x61, 0xdc00]))));
        assert_eq!(value.to_string(), r#""a\udc00""#);
    }

    #[test]
    fn escaped_pair_becomes_utf8() {
        let value = Json::parse(r#""\ud83d\ude00""#).unwrap();
        assert_eq!(value.as_str(), Some("\u{1f600}"));
    }

    #[test]
    fn errors_name_line_and_column() {
        let error = Json::parse("{\n  \"a\": tru\n}").unwrap_err();
        assert_eq!((error.line, error.column), (2, 8));
        assert_eq!(error.message, "invalid literal");
    }

    #[test]
    fn deep_nesting_is_an_error() {
        let deep = "[".repeat(100_000);
        let error = Json::parse(&deep).unwrap_err();
        assert_eq!(error.message, "nesting is deeper than 512 levels");
    }

    #[test]
    fn deep_equals_ignores_key_order_and_number_spelling() {
        let left = Json::parse(r#"{"a": 1.0, "b": [true, "x"], "c": {"d": null}}"#).unwrap();
        let right = Json::parse(r#"{"c": {"d": null}, "b": [true, "x"], "a": 1}"#).unwrap();
        assert!((&left).deep_equals(&&right));
    }

    #[test]
    fn deep_equals_sees_differences() {
        let base = Json::parse(r#"{"a": "1", "b": ["x"]}"#).unwrap();
        for other in [r#"{"a": "1"}"#, r#"{"a": "1", "b": ["y"]}"#, r#"{"a": 1, "b": ["x"]}"#, r#"{"a": "1", "b": ["x"], "c": null}"#] {
            let other = Json::parse(other).unwrap();
            assert!(!(&base).deep_equals(&&other), "{other}");
        }
    }

    #[test]
    fn trailing_text_is_an_error() {
        assert_eq!(Json::parse("{} x").unwrap_err().message, "unexpected text after the JSON value");
    }
}
