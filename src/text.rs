//! Strings that may not be valid Unicode.
//!
//! JavaScript strings are sequences of UTF-16 code units and may hold a lone surrogate, which
//! no Rust `str` can represent. Converting such a string to UTF-8 would silently replace the
//! surrogate with U+FFFD and change the caller's data, so [`Text`] keeps the raw code units
//! instead and the rules report the string as `invalid_format`.

use std::borrow::Cow;
use std::fmt;

/// A string from the input: UTF-8 when it is well-formed, UTF-16 code units when it is not.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Text<'a> {
    /// A well-formed string.
    Utf8(Cow<'a, str>),
    /// UTF-16 code units that contain at least one lone surrogate.
    Utf16(Cow<'a, [u16]>),
}

impl<'a> Text<'a> {
    /// Builds a `Text` from UTF-16 code units, as UTF-8 when they are well-formed.
    pub fn from_utf16(units: &[u16]) -> Text<'static> {
        match String::from_utf16(units) {
            Ok(text) => Text::Utf8(Cow::Owned(text)),
            Err(_) => Text::Utf16(Cow::Owned(units.to_vec())),
        }
    }

    /// Returns the string when it is well-formed.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Text::Utf8(text) => Some(text),
            Text::Utf16(_) => None,
        }
    }

    /// Returns the string with each lone surrogate replaced by U+FFFD, as JavaScript's
    /// `TextEncoder` writes it.
    pub fn to_string_lossy(&self) -> Cow<'_, str> {
        match self {
            Text::Utf8(text) => Cow::Borrowed(text),
            Text::Utf16(units) => Cow::Owned(String::from_utf16_lossy(units)),
        }
    }

    /// Returns whether the string contains no lone surrogate.
    pub fn is_well_formed(&self) -> bool {
        matches!(self, Text::Utf8(_))
    }

    /// Returns the length in UTF-16 code units, the unit of JavaScript's `String.length`.
    pub fn utf16_len(&self) -> usize {
        match self {
            Text::Utf8(text) => text.chars().map(char::len_utf16).sum(),
            Text::Utf16(units) => units.len(),
        }
    }

    /// Returns the length in UTF-16 code units when it is over `maximum`, and `None` otherwise.
    ///
    /// A string never has more UTF-16 code units than UTF-8 bytes, so one within `maximum`
    /// bytes is not counted.
    pub fn utf16_len_over(&self, maximum: usize) -> Option<usize> {
        if let Text::Utf8(text) = self {
            if text.len() <= maximum {
                return None;
            }
        }
        Some(self.utf16_len()).filter(|length| *length > maximum)
    }

    /// Returns whether the string is empty.
    pub fn is_empty(&self) -> bool {
        match self {
            Text::Utf8(text) => text.is_empty(),
            Text::Utf16(units) => units.is_empty(),
        }
    }

    /// Returns the same string, borrowed from this one.
    pub fn borrowed(&self) -> Text<'_> {
        match self {
            Text::Utf8(text) => Text::Utf8(Cow::Borrowed(text)),
            Text::Utf16(units) => Text::Utf16(Cow::Borrowed(units)),
        }
    }

    /// Copies the string so that it no longer borrows from the input.
    pub fn into_owned(self) -> Text<'static> {
        match self {
            Text::Utf8(text) => Text::Utf8(Cow::Owned(text.into_owned())),
            Text::Utf16(units) => Text::Utf16(Cow::Owned(units.into_owned())),
        }
    }

    /// Appends the UTF-16 code units of the string to `out`.
    pub fn push_utf16(&self, out: &mut Vec<u16>) {
        match self {
            Text::Utf8(text) => out.extend(text.encode_utf16()),
            Text::Utf16(units) => out.extend_from_slice(units),
        }
    }
}

impl From<&'static str> for Text<'static> {
    fn from(text: &'static str) -> Self {
        Text::Utf8(Cow::Borrowed(text))
    }
}

impl From<String> for Text<'static> {
    fn from(text: String) -> Self {
        Text::Utf8(Cow::Owned(text))
    }
}

/// Writes the string for people: a lone surrogate appears as an escape such as `\u{d800}`.
impl fmt::Display for Text<'_> {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Text::Utf8(text) => formatter.write_str(text),
            Text::Utf16(units) => {
                for decoded in char::decode_utf16(units.iter().copied()) {
                    match decoded {
                        Ok(character) => fmt::Write::write_char(formatter, character)?,
                        Err(lone) => write!(formatter, "\\u{{{:x}}}", lone.unpaired_surrogate())?,
                    }
                }
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_utf16_keeps_lone_surrogate() {
        let text = Text::from_utf16(&[0x61, 0xd800]);
        assert!(!text.is_well_formed());
        assert_eq!(text.utf16_len(), 2);
        assert_eq!(text.utf16_len_over(1), Some(2));
        assert_eq!(text.utf16_len_over(2), None);
        assert_eq!(text.to_string(), "a\\u{d800}");
        assert_eq!(text.to_string_lossy(), "a\u{fffd}");
    }

    #[test]
    fn utf16_length_counts_units_not_bytes() {
        // Six UTF-8 bytes, three UTF-16 code units.
        let text = Text::from("\u{e9}\u{1f600}");
        assert_eq!(text.utf16_len_over(5), None);
        assert_eq!(text.utf16_len_over(3), None);
        assert_eq!(text.utf16_len_over(2), Some(3));
    }

    #[test]
    fn from_utf16_decodes_pairs() {
        let text = Text::from_utf16(&[0xd83d, 0xde00]);
        assert_eq!(text.as_str(), Some("\u{1f600}"));
        assert_eq!(text.utf16_len(), 2);
    }
}
