//! JSON text read in place: one syntax check over the whole text, then values read lazily.
//!
//! The text entry points validate a request body and merge it into a stored customer without
//! building a tree. [`scan`] checks the syntax in one pass, without recursion, so no nesting
//! depth can overflow the stack, and notes where each value starts and ends. A [`RawValue`] is
//! then one of those places, and the rules read only the levels they check, without scanning
//! the text again. A merge copies every value it leaves alone as it was written, so numbers
//! such as `1.0` or `12345678901234567890` keep their exact text.

use std::borrow::Cow;

use crate::{Build, Input, Kind, Pointer, Text};

/// The kind of a syntax error in JSON text. [`crate::messages`] describes each in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SyntaxProblem {
    /// The text ends inside a value.
    UnexpectedEnd,
    /// A character that cannot start a value.
    ExpectedValue,
    /// More text after the one value.
    TrailingText,
    /// An object member that does not start with a string key.
    ExpectedKey,
    /// A key without a colon after it.
    ExpectedColon,
    /// An object member followed by something other than `,` or `}`.
    ExpectedCommaOrBrace,
    /// An array element followed by something other than `,` or `]`.
    ExpectedCommaOrBracket,
    /// A string without its closing quote.
    UnterminatedString,
    /// A `\u` escape without four hex digits.
    InvalidUnicodeEscape,
    /// A backslash followed by a character that JSON does not escape.
    InvalidEscape,
    /// A raw control character, such as a line break, inside a string.
    ControlCharacter,
    /// A number that breaks JSON's grammar, such as `01`, `1.` or `.5`.
    InvalidNumber,
}

/// A syntax error in JSON text, with its place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// The kind of error.
    pub problem: SyntaxProblem,
    /// Line of the error, counted from 1.
    pub line: usize,
    /// Column of the error in UTF-16 code units, counted from 1, so that it indexes the line
    /// as a JavaScript string.
    pub column: usize,
    /// The innermost array or object that the scan had entered.
    pub pointer: Pointer,
}

/// The place of one value or object key in scanned text.
#[derive(Clone, Copy, Debug)]
struct Node {
    /// Byte offset of the value's first character, or of a key's opening quote.
    start: usize,
    /// Byte offset just after the value or key.
    end: usize,
    /// Index of the node after this one and everything inside it: the next key or value of the
    /// enclosing container, or the end of its nodes.
    next: usize,
    /// Whether a string or key contains an escape, so that reading it must decode it.
    escaped: bool,
    /// The kind of value, known from its first character.
    kind: Kind,
}

/// JSON text that [`scan`] accepted, with the place of every value and key in it.
///
/// The nodes are in text order, so the members of an object are its key and value nodes up to
/// the object's `next`, and a level is read by stepping from sibling to sibling.
#[derive(Clone, Debug)]
pub struct ScannedText<'a> {
    source: &'a str,
    nodes: Vec<Node>,
    /// Whether white space occurs outside strings. Compact text, as services usually store it,
    /// can be copied into a merge without looking at it again.
    spaced: bool,
}

impl<'a> ScannedText<'a> {
    /// Returns the whole text as a value.
    pub fn root(&self) -> RawValue<'_> {
        RawValue { text: self, index: 0 }
    }
}

/// Checks that `text` is one JSON value (RFC 8259) with optional white space around it, and
/// returns it with the place of every value.
pub fn scan(text: &str) -> Result<ScannedText<'_>, SyntaxError> {
    let bytes = text.as_bytes();
    let mut position = 0;
    // The nodes of the open arrays and objects, innermost last.
    let mut open: Vec<usize> = Vec::new();
    // About one value per eight bytes is typical of request bodies and stored customers.
    let mut nodes: Vec<Node> = Vec::with_capacity(bytes.len() / 8 + 1);
    let mut spaced = false;
    let fail = |problem, position, open: &[usize], nodes: &[Node]| Err(syntax_error(text, problem, position, open, nodes));

    'value: loop {
        position = skip_whitespace(bytes, position, &mut spaced);
        let start = position;
        match bytes.get(position) {
            Some(b'{') => {
                let node = nodes.len();
                nodes.push(Node { start, end: 0, next: 0, escaped: false, kind: Kind::Object });
                position = skip_whitespace(bytes, position + 1, &mut spaced);
                if bytes.get(position) == Some(&b'}') {
                    position += 1;
                    nodes[node] = Node { start, end: position, next: node + 1, escaped: false, kind: Kind::Object };
                } else {
                    // The object is entered before its first key is read, so that an error in
                    // that key points at the object.
                    open.push(node);
                    match scan_member_key(bytes, position, &mut spaced) {
                        Ok((key, after)) => {
                            nodes.push(Node { next: nodes.len() + 1, ..key });
                            position = after;
                            continue 'value;
                        }
                        Err((problem, at)) => return fail(problem, at, &open, &nodes),
                    }
                }
            }
            Some(b'[') => {
                let node = nodes.len();
                nodes.push(Node { start, end: 0, next: 0, escaped: false, kind: Kind::Array });
                position = skip_whitespace(bytes, position + 1, &mut spaced);
                if bytes.get(position) == Some(&b']') {
                    position += 1;
                    nodes[node] = Node { start, end: position, next: node + 1, escaped: false, kind: Kind::Array };
                } else {
                    open.push(node);
                    continue 'value;
                }
            }
            Some(b'"') => match scan_string(bytes, position) {
                Ok((after, escaped)) => {
                    position = after;
                    nodes.push(Node { start, end: position, next: nodes.len() + 1, escaped, kind: Kind::String });
                }
                Err((problem, at)) => return fail(problem, at, &open, &nodes),
            },
            Some(b'-' | b'0'..=b'9') => match scan_number(bytes, position) {
                Ok(after) => {
                    position = after;
                    nodes.push(Node { start, end: position, next: nodes.len() + 1, escaped: false, kind: Kind::Number });
                }
                Err((problem, at)) => return fail(problem, at, &open, &nodes),
            },
            Some(b't' | b'f' | b'n') => {
                let literal: &[u8] = match bytes[position] {
                    b't' => b"true",
                    b'f' => b"false",
                    _ => b"null",
                };
                if !bytes[position..].starts_with(literal) {
                    return fail(SyntaxProblem::ExpectedValue, position, &open, &nodes);
                }
                position += literal.len();
                let kind = if literal == b"null" { Kind::Null } else { Kind::Boolean };
                nodes.push(Node { start, end: position, next: nodes.len() + 1, escaped: false, kind });
            }
            None => return fail(SyntaxProblem::UnexpectedEnd, position, &open, &nodes),
            Some(_) => return fail(SyntaxProblem::ExpectedValue, position, &open, &nodes),
        }

        // A value is complete: close every container that ends here, then find the next value.
        loop {
            position = skip_whitespace(bytes, position, &mut spaced);
            let Some(&container) = open.last() else {
                if position < bytes.len() {
                    return fail(SyntaxProblem::TrailingText, position, &open, &nodes);
                }
                return Ok(ScannedText { source: text, nodes, spaced });
            };
            let in_object = bytes[nodes[container].start] == b'{';
            match (in_object, bytes.get(position)) {
                (true, Some(b',')) => {
                    let key_start = skip_whitespace(bytes, position + 1, &mut spaced);
                    match scan_member_key(bytes, key_start, &mut spaced) {
                        Ok((key, after)) => {
                            nodes.push(Node { next: nodes.len() + 1, ..key });
                            position = after;
                            continue 'value;
                        }
                        Err((problem, at)) => return fail(problem, at, &open, &nodes),
                    }
                }
                (false, Some(b',')) => {
                    position += 1;
                    continue 'value;
                }
                (true, Some(b'}')) | (false, Some(b']')) => {
                    position += 1;
                    nodes[container].end = position;
                    nodes[container].next = nodes.len();
                    open.pop();
                }
                (_, None) => return fail(SyntaxProblem::UnexpectedEnd, position, &open, &nodes),
                (true, Some(_)) => return fail(SyntaxProblem::ExpectedCommaOrBrace, position, &open, &nodes),
                (false, Some(_)) => return fail(SyntaxProblem::ExpectedCommaOrBracket, position, &open, &nodes),
            }
        }
    }
}

/// A failed step of the scan: the problem and the byte offset where it failed.
type ScanFailure = (SyntaxProblem, usize);

/// Scans `"key" :` and returns the key's node, whose `next` is the value that follows, and the
/// offset after the colon.
fn scan_member_key(bytes: &[u8], position: usize, spaced: &mut bool) -> Result<(Node, usize), ScanFailure> {
    if bytes.get(position) != Some(&b'"') {
        return Err((SyntaxProblem::ExpectedKey, position));
    }
    let (end, escaped) = scan_string(bytes, position)?;
    let colon = skip_whitespace(bytes, end, spaced);
    if bytes.get(colon) != Some(&b':') {
        return Err((SyntaxProblem::ExpectedColon, colon));
    }
    Ok((Node { start: position, end, next: 0, escaped, kind: Kind::String }, colon + 1))
}

/// Returns the offset of the first `"` or `\\` at or after `index`, or of a control character
/// when `controls` is set. Returns `bytes.len()` when there is none.
///
/// Strings are most of a body, so this looks at eight bytes per step. A matching byte of a
/// word is flagged by the usual trick of subtracting 1 from each byte and testing its top bit.
/// A borrow can flag a byte after a match too, but never one before it, so the lowest flag is
/// the first match.
fn next_special(bytes: &[u8], mut index: usize, controls: bool) -> usize {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    let has_zero_byte = |word: u64| word.wrapping_sub(ONES) & !word & HIGHS;
    while let Some(Ok(chunk)) = bytes.get(index..index + 8).map(<[u8; 8]>::try_from) {
        let word = u64::from_le_bytes(chunk);
        let quote = has_zero_byte(word ^ (ONES * u64::from(b'"')));
        let backslash = has_zero_byte(word ^ (ONES * u64::from(b'\\')));
        // A byte below 0x20 becomes one with its top bit set when 0x20 is subtracted.
        let control = if controls { word.wrapping_sub(ONES * 0x20) & !word & HIGHS } else { 0 };
        let flags = quote | backslash | control;
        if flags != 0 {
            return index + (flags.trailing_zeros() / 8) as usize;
        }
        index += 8;
    }
    while let Some(&byte) = bytes.get(index) {
        if byte == b'"' || byte == b'\\' || (controls && byte < 0x20) {
            return index;
        }
        index += 1;
    }
    bytes.len()
}

/// Scans a string literal that starts at `position` and returns the offset after it and
/// whether it contains an escape.
fn scan_string(bytes: &[u8], position: usize) -> Result<(usize, bool), ScanFailure> {
    let mut index = position + 1;
    let mut escaped = false;
    loop {
        index = next_special(bytes, index, true);
        match bytes.get(index) {
            None => return Err((SyntaxProblem::UnterminatedString, index)),
            Some(b'"') => return Ok((index + 1, escaped)),
            Some(b'\\') => {
                escaped = true;
                match bytes.get(index + 1) {
                    Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => index += 2,
                    Some(b'u') => {
                        let hex = bytes.get(index + 2..index + 6).filter(|hex| hex.iter().all(u8::is_ascii_hexdigit));
                        if hex.is_none() {
                            return Err((SyntaxProblem::InvalidUnicodeEscape, index));
                        }
                        index += 6;
                    }
                    _ => return Err((SyntaxProblem::InvalidEscape, index)),
                }
            }
            Some(byte) if *byte < 0x20 => return Err((SyntaxProblem::ControlCharacter, index)),
            Some(_) => index += 1,
        }
    }
}

/// Scans a number that starts at `position` and returns the offset after it.
fn scan_number(bytes: &[u8], position: usize) -> Result<usize, ScanFailure> {
    let mut index = position;
    if bytes.get(index) == Some(&b'-') {
        index += 1;
    }
    match bytes.get(index) {
        Some(b'0') => index += 1,
        Some(b'1'..=b'9') => index = skip_digits(bytes, index),
        _ => return Err((SyntaxProblem::InvalidNumber, index)),
    }
    if bytes.get(index) == Some(&b'.') {
        if !bytes.get(index + 1).is_some_and(u8::is_ascii_digit) {
            return Err((SyntaxProblem::InvalidNumber, index + 1));
        }
        index = skip_digits(bytes, index + 1);
    }
    if let Some(b'e' | b'E') = bytes.get(index) {
        index += 1;
        if let Some(b'+' | b'-') = bytes.get(index) {
            index += 1;
        }
        if !bytes.get(index).is_some_and(u8::is_ascii_digit) {
            return Err((SyntaxProblem::InvalidNumber, index));
        }
        index = skip_digits(bytes, index);
    }
    Ok(index)
}

fn skip_digits(bytes: &[u8], mut index: usize) -> usize {
    while bytes.get(index).is_some_and(u8::is_ascii_digit) {
        index += 1;
    }
    index
}

/// Returns the offset of the first byte at or after `index` that is not white space, and
/// notes in `spaced` when there was any.
fn skip_whitespace(bytes: &[u8], index: usize, spaced: &mut bool) -> usize {
    let mut after = index;
    while let Some(b' ' | b'\t' | b'\n' | b'\r') = bytes.get(after) {
        after += 1;
    }
    *spaced |= after != index;
    after
}

/// Returns the line and the column in UTF-16 code units, both counted from 1, of a byte offset.
/// Lines end with LF, CRLF or a lone CR, as editors count them.
pub(crate) fn line_and_column(text: &str, position: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..position.min(text.len())];
    let ends_line = |index: usize| before[index] == b'\n' || (before[index] == b'\r' && text.as_bytes().get(index + 1) != Some(&b'\n'));
    let line = (0..before.len()).filter(|index| ends_line(*index)).count() + 1;
    let line_start = (0..before.len()).rev().find(|index| ends_line(*index)).map_or(0, |index| index + 1);
    // The position may fall inside a multi-byte character; count the whole characters before it.
    let column = String::from_utf8_lossy(&before[line_start..]).encode_utf16().count() + 1;
    (line, column)
}

/// Builds the error for a failed scan, with line, column and the pointer of the innermost
/// container entered. Only the failure path pays for this.
fn syntax_error(text: &str, problem: SyntaxProblem, position: usize, open: &[usize], nodes: &[Node]) -> SyntaxError {
    let (line, column) = line_and_column(text, position);

    // The pointer runs through every open container to the innermost: in an object through the
    // key just before the next open container, in an array through that container's index.
    let mut segments: Vec<Text<'static>> = Vec::with_capacity(open.len());
    for pair in open.windows(2) {
        let (container, child) = (pair[0], pair[1]);
        if text.as_bytes()[nodes[container].start] == b'{' {
            let key = nodes[child - 1];
            segments.push(decode_string(&text[key.start + 1..key.end - 1], key.escaped).into_owned());
        } else {
            // Earlier elements are closed, so their `next` steps over them.
            let mut index = 0;
            let mut sibling = container + 1;
            while sibling < child {
                sibling = nodes[sibling].next;
                index += 1;
            }
            segments.push(Text::from(index.to_string()));
        }
    }
    let pointer = Pointer::from_segments(&segments);
    SyntaxError { problem, line, column, pointer }
}

/// Decodes the inside of a string literal, without its quotes, that [`scan`] accepted. Borrows
/// the text when the literal has no escape, which the scan noted in `escaped`.
#[inline]
fn decode_string(inner: &str, escaped: bool) -> Text<'_> {
    if escaped {
        decode_escapes(inner)
    } else {
        Text::Utf8(Cow::Borrowed(inner))
    }
}

/// Decodes the inside of a string literal that contains escapes. Most keys and values have
/// none, so this stays out of line and the common case stays small.
#[inline(never)]
fn decode_escapes(inner: &str) -> Text<'static> {
    let bytes = inner.as_bytes();
    let mut units: Vec<u16> = Vec::with_capacity(inner.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] != b'\\' {
            // Copy the run up to the next escape in one step.
            let run_end = inner[index..].find('\\').map_or(inner.len(), |offset| index + offset);
            units.extend(inner[index..run_end].encode_utf16());
            index = run_end;
            continue;
        }
        let unit = match bytes[index + 1] {
            b'b' => 0x8,
            b'f' => 0xc,
            b'n' => 0xa,
            b'r' => 0xd,
            b't' => 0x9,
            b'u' => u16::from_str_radix(&inner[index + 2..index + 6], 16).unwrap_or(0xfffd),
            other => u16::from(other),
        };
        units.push(unit);
        index += if bytes[index + 1] == b'u' { 6 } else { 2 };
    }
    Text::from_utf16(&units)
}

/// Returns the offset after the string literal at `position` in scanned text.
fn skip_string(bytes: &[u8], position: usize) -> usize {
    let mut index = position + 1;
    loop {
        index = next_special(bytes, index, false);
        match bytes[index] {
            b'"' => return index + 1,
            b'\\' => index += 2,
            _ => index += 1,
        }
    }
}

/// A value inside JSON text that [`scan`] accepted, read only as far as the rules look.
#[derive(Clone, Copy, Debug)]
pub struct RawValue<'a> {
    text: &'a ScannedText<'a>,
    index: usize,
}

/// A key inside scanned JSON text: its literal as written and its decoded text.
#[derive(Clone, Debug)]
pub struct RawKey<'a> {
    literal: &'a str,
    text: Text<'a>,
}

impl<'a> RawValue<'a> {
    fn node(&self) -> Node {
        self.text.nodes[self.index]
    }

    /// Returns the value's text exactly as written.
    pub fn as_raw(&self) -> &'a str {
        let node = self.node();
        &self.text.source[node.start..node.end]
    }

    /// Returns the elements of an array, or `None` for another kind of value.
    pub fn items(&self) -> Option<Vec<RawValue<'a>>> {
        if self.kind() != Kind::Array {
            return None;
        }
        let mut items = Vec::new();
        let mut index = self.index + 1;
        while index < self.node().next {
            items.push(RawValue { text: self.text, index });
            index = self.text.nodes[index].next;
        }
        Some(items)
    }
}

impl<'a> Input for RawValue<'a> {
    type Key = RawKey<'a>;

    /// JSON text can repeat a key, which `JSON.parse` would hide by keeping the last value.
    const MAY_REPEAT_KEYS: bool = true;

    fn kind(&self) -> Kind {
        self.node().kind
    }

    fn text(&self) -> Option<Text<'_>> {
        let node = self.node();
        // One slice without the quotes, as strings are read often.
        (node.kind == Kind::String).then(|| decode_string(&self.text.source[node.start + 1..node.end - 1], node.escaped))
    }

    fn entries(&self) -> Option<Vec<(RawKey<'a>, RawValue<'a>)>> {
        if self.kind() != Kind::Object {
            return None;
        }
        let nodes = &self.text.nodes;
        let end = self.node().next;
        // Members alternate key and value, and each value's `next` is the following key.
        let mut count = 0;
        let mut key = self.index + 1;
        while key < end {
            count += 1;
            key = nodes[key + 1].next;
        }

        let mut entries = Vec::with_capacity(count);
        let mut key = self.index + 1;
        while key < end {
            let literal = &self.text.source[nodes[key].start..nodes[key].end];
            let text = decode_string(&literal[1..literal.len() - 1], nodes[key].escaped);
            entries.push((RawKey { literal, text }, RawValue { text: self.text, index: key + 1 }));
            key = nodes[key + 1].next;
        }
        Some(entries)
    }

    fn key_text<'k>(key: &'k RawKey<'a>) -> Text<'k> {
        match &key.text {
            Text::Utf8(text) => Text::Utf8(Cow::Borrowed(text)),
            Text::Utf16(units) => Text::Utf16(Cow::Borrowed(units)),
        }
    }

    /// Compares as parsed JSON. Values nested deeper than [`crate::MAX_DEPTH`] cannot be
    /// parsed into a tree, and are compared by their text without white space instead.
    fn deep_equals(&self, other: &Self) -> bool {
        match (crate::Json::parse(self.as_raw()), crate::Json::parse(other.as_raw())) {
            (Ok(left), Ok(right)) => (&left).deep_equals(&&right),
            _ => minify(self.as_raw()) == minify(other.as_raw()),
        }
    }
}

/// Writes compact JSON text. Keys keep their literal and kept values their text, with white
/// space outside strings removed.
#[derive(Clone, Copy, Debug, Default)]
pub struct TextBuilder {
    capacity: usize,
}

impl TextBuilder {
    /// Returns a builder that reserves `capacity` bytes for each object, so that writing an
    /// object of about that size never grows its string.
    pub fn with_capacity(capacity: usize) -> TextBuilder {
        TextBuilder { capacity }
    }
}

/// A value written by [`TextBuilder`]: text of the input, copied only when its object is
/// written, or an object written already.
#[derive(Clone, Debug)]
pub enum TextPiece<'a> {
    /// A value of the input, as written there.
    Raw {
        /// The value's text.
        text: &'a str,
        /// Whether the text may have white space outside strings, which the output drops.
        spaced: bool,
    },
    /// Compact JSON text.
    Written(String),
}

impl TextPiece<'_> {
    /// Returns the piece as compact JSON text.
    pub fn into_text(self) -> String {
        match self {
            TextPiece::Raw { text, spaced: true } => minify(text),
            TextPiece::Raw { text, spaced: false } => text.to_owned(),
            TextPiece::Written(text) => text,
        }
    }
}

impl<'a> Build<RawValue<'a>> for TextBuilder {
    type Value = TextPiece<'a>;
    type Object = String;

    fn object(&mut self) -> String {
        let mut object = String::with_capacity(self.capacity);
        object.push('{');
        object
    }

    fn insert(&mut self, object: &mut String, key: &RawKey<'a>, value: TextPiece<'a>) {
        if object.len() > 1 {
            object.push(',');
        }
        object.push_str(key.literal);
        object.push(':');
        match value {
            TextPiece::Raw { text, spaced: true } => minify_into(object, text),
            TextPiece::Raw { text, spaced: false } => object.push_str(text),
            TextPiece::Written(text) => object.push_str(&text),
        }
    }

    fn finish(&mut self, mut object: String) -> TextPiece<'a> {
        object.push('}');
        TextPiece::Written(object)
    }

    fn keep(&mut self, value: &RawValue<'a>) -> TextPiece<'a> {
        TextPiece::Raw { text: value.as_raw(), spaced: value.text.spaced }
    }

    fn null(&mut self) -> TextPiece<'a> {
        TextPiece::Raw { text: "null", spaced: false }
    }
}

/// Removes white space outside strings from scanned JSON text.
fn minify(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    minify_into(&mut out, raw);
    out
}

/// Appends scanned JSON text to `out` without the white space outside strings.
fn minify_into(out: &mut String, raw: &str) {
    let bytes = raw.as_bytes();
    let mut run_start = 0;
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'"' => index = skip_string(bytes, index),
            b' ' | b'\t' | b'\n' | b'\r' => {
                // White space and strings are ASCII-delimited, so every cut is a character boundary.
                out.push_str(&raw[run_start..index]);
                index += 1;
                run_start = index;
            }
            _ => index += 1,
        }
    }
    out.push_str(&raw[run_start..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(text: &str) -> SyntaxError {
        scan(text).expect_err("a syntax error")
    }

    #[test]
    fn scan_accepts_json() {
        for text in ["{}", " [1, -0.5e+3, \"a\\u00e9\", true, false, null] ", "{\"a\":{\"b\":[{}]}}", "\"\\ud800\""] {
            let scanned = scan(text).unwrap_or_else(|error| panic!("{text}: {error:?}"));
            assert_eq!(scanned.root().as_raw(), text.trim(), "{text}");
        }
    }

    #[test]
    fn error_names_line_column_and_container() {
        let error = error_of("{\n  \"metadata\": {\"a\": \"x\",}\n}");
        assert_eq!(error.problem, SyntaxProblem::ExpectedKey);
        assert_eq!((error.line, error.column), (2, 25));
        assert_eq!(error.pointer.as_str(), Some("/metadata"));
    }

    #[test]
    fn error_in_first_key_points_at_object() {
        for text in [r#"{"metadata":{,}}"#, r#"{"metadata":{"a" "x"}}"#, r#"{"metadata":{a:1}}"#, r#"{"metadata":{"#] {
            assert_eq!(error_of(text).pointer.as_str(), Some("/metadata"), "{text}");
        }
    }

    #[test]
    fn lone_carriage_return_breaks_lines() {
        let error = error_of("{\"a\":1,\r\"b\":x}");
        assert_eq!((error.line, error.column), (2, 5));
        let error = error_of("{\"a\":1,\r\n\"b\":x}");
        assert_eq!((error.line, error.column), (2, 5));
    }

    #[test]
    fn error_pointer_counts_array_indices() {
        let error = error_of(r#"{"a":[1,{"b":tru}]}"#);
        assert_eq!(error.pointer.as_str(), Some("/a/1"));
        assert_eq!(error.problem, SyntaxProblem::ExpectedValue);
    }

    #[test]
    fn column_counts_utf16_units() {
        let error = error_of("{\"\u{1f600}\": x}");
        assert_eq!(error.column, 8);
    }

    #[test]
    fn deep_nesting_scans_without_recursion() {
        let depth = 1_000_000;
        let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let scanned = scan(&text).expect("valid JSON");
        assert_eq!(scanned.root().as_raw().len(), 2 * depth);

        let unclosed = "[".repeat(depth);
        let error = error_of(&unclosed);
        assert_eq!(error.problem, SyntaxProblem::UnexpectedEnd);
        // The innermost container is the last array, reached through index 0 of each other.
        let pointer = error.pointer.as_str().unwrap_or_default();
        assert_eq!(pointer.len(), 2 * (depth - 1));
        assert!(pointer.starts_with("/0/0/"));
    }

    #[test]
    fn entries_keep_raw_values() {
        let text = r#"{ "n" : 1.0 , "big": 12345678901234567890, "o": {"x": [1, 2]}, "s\u0041": "v" }"#;
        let scanned = scan(text).unwrap();
        let root = scanned.root();
        let entries = root.entries().unwrap();
        let raws: Vec<_> = entries.iter().map(|(key, value)| (key.literal, value.as_raw())).collect();
        assert_eq!(raws, [("\"n\"", "1.0"), ("\"big\"", "12345678901234567890"), ("\"o\"", "{\"x\": [1, 2]}"), ("\"s\\u0041\"", "\"v\"")]);
        assert_eq!(entries[3].0.text.as_str(), Some("sA"));
    }

    #[test]
    fn levels_step_over_nested_values() {
        let text = r#"{"a": [1, {"b": [2, 3]}, []], "c": {}, "d": "x"}"#;
        let scanned = scan(text).unwrap();
        let entries = scanned.root().entries().unwrap();
        let raws: Vec<_> = entries.iter().map(|(key, value)| (key.literal, value.as_raw())).collect();
        assert_eq!(raws, [("\"a\"", r#"[1, {"b": [2, 3]}, []]"#), ("\"c\"", "{}"), ("\"d\"", "\"x\"")]);
        let items: Vec<_> = entries[0].1.items().unwrap().iter().map(RawValue::as_raw).collect();
        assert_eq!(items, ["1", r#"{"b": [2, 3]}"#, "[]"]);
        assert_eq!(entries[1].1.entries().map(|members| members.len()), Some(0));
    }

    #[test]
    fn mismatched_bracket_is_an_error() {
        assert_eq!(error_of(r#"{"a": 1]"#).problem, SyntaxProblem::ExpectedCommaOrBrace);
        assert_eq!(error_of("[1}").problem, SyntaxProblem::ExpectedCommaOrBracket);
    }

    #[test]
    fn minify_keeps_strings() {
        assert_eq!(minify("{ \"a b\" : [ 1 , \"x y\" ] }"), "{\"a b\":[1,\"x y\"]}");
    }

    #[test]
    fn decode_keeps_lone_surrogate() {
        assert_eq!(decode_string("a\\udc00", true), Text::Utf16(Cow::Owned(vec![0x61, 0xdc00])));
        assert_eq!(decode_string("\\ud83d\\ude00", true).as_str(), Some("\u{1f600}"));
    }
}
