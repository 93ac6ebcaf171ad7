//! JSON Pointers (RFC 6901) to the place of an issue.
//!
//! While the rules walk an input they only keep a [`Path`] on the stack, a linked list of
//! borrowed segments. A [`Pointer`] string is built from it when an issue is reported, so a
//! valid patch allocates no pointer at all.

use std::fmt;

use crate::Text;

/// The location of a value during a walk: the root, or a key below a parent location.
#[derive(Clone, Copy, Debug)]
pub enum Path<'a> {
    /// The whole input.
    Root,
    /// A key of the object at the parent location.
    Key(&'a Path<'a>, &'a Text<'a>),
}

impl<'a> Path<'a> {
    /// Returns the location of `key` below this one.
    pub fn join(&'a self, key: &'a Text<'a>) -> Path<'a> {
        Path::Key(self, key)
    }

    /// Builds the JSON Pointer of this location.
    pub fn to_pointer(&self) -> Pointer {
        let mut segments = Vec::new();
        let mut current = self;
        while let Path::Key(parent, key) = current {
            segments.push(*key);
            current = parent;
        }
        segments.reverse();
        Pointer::from_segments(segments)
    }
}

impl Pointer {
    /// Builds the pointer through `segments`, the keys from the root down.
    pub fn from_segments<'t>(segments: impl IntoIterator<Item = &'t Text<'t>> + Clone) -> Pointer {
        if segments.clone().into_iter().all(|key| key.is_well_formed()) {
            let mut pointer = String::new();
            for key in segments {
                pointer.push('/');
                push_escaped(&mut pointer, key.as_str().unwrap_or_default());
            }
            return Pointer::Utf8(pointer);
        }

        // A key with a lone surrogate cannot be written as a Rust string, so the whole pointer
        // is kept as UTF-16, the form a JavaScript caller receives it in.
        let mut units = Vec::new();
        for key in segments {
            units.push(u16::from(b'/'));
            let mut raw = Vec::new();
            key.push_utf16(&mut raw);
            for unit in raw {
                match unit {
                    0x7e => units.extend([0x7e, u16::from(b'0')]),
                    0x2f => units.extend([0x7e, u16::from(b'1')]),
                    other => units.push(other),
                }
            }
        }
        Pointer::Utf16(units)
    }
}

/// Appends `key` to `pointer`, escaping `~` as `~0` and `/` as `~1`.
fn push_escaped(pointer: &mut String, key: &str) {
    for character in key.chars() {
        match character {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            other => pointer.push(other),
        }
    }
}

/// A JSON Pointer (RFC 6901), such as `/metadata/cost_center`. The empty pointer `""` is the
/// whole document.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Pointer {
    /// A pointer whose keys are all well-formed.
    Utf8(String),
    /// A pointer through a key that contains a lone surrogate, as UTF-16 code units.
    Utf16(Vec<u16>),
}

impl Pointer {
    /// Returns the pointer to the whole document, `""`.
    pub fn root() -> Pointer {
        Pointer::Utf8(String::new())
    }

    /// Returns the pointer as a string when all its keys are well-formed.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Pointer::Utf8(pointer) => Some(pointer),
            Pointer::Utf16(_) => None,
        }
    }

    /// Returns the pointer as UTF-16 code units, the form of a JavaScript string.
    pub fn to_utf16(&self) -> Vec<u16> {
        match self {
            Pointer::Utf8(pointer) => pointer.encode_utf16().collect(),
            Pointer::Utf16(units) => units.clone(),
        }
    }
}

/// Writes the pointer; a lone surrogate appears as an escape such as `\u{d800}`.
impl fmt::Display for Pointer {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Pointer::Utf8(pointer) => formatter.write_str(pointer),
            Pointer::Utf16(units) => fmt::Display::fmt(&Text::from_utf16(units), formatter),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_pointer_is_empty() {
        assert_eq!(Path::Root.to_pointer(), Pointer::root());
    }

    #[test]
    fn keys_are_escaped() {
        let metadata = Text::from("metadata");
        let slash = Text::from("a/b");
        let tilde = Text::from("~");
        let empty = Text::from("");
        let root = Path::Root;
        let parent = root.join(&metadata);

        assert_eq!(parent.join(&slash).to_pointer().as_str(), Some("/metadata/a~1b"));
        assert_eq!(parent.join(&tilde).to_pointer().as_str(), Some("/metadata/~0"));
        assert_eq!(parent.join(&empty).to_pointer().as_str(), Some("/metadata/"));
    }

    #[test]
    fn lone_surrogate_key_stays_utf16() {
        let metadata = Text::from("metadata");
        let lone = Text::from_utf16(&[0xdc00, 0x2f]);
        let root = Path::Root;
        let parent = root.join(&metadata);
        let pointer = parent.join(&lone).to_pointer();

        let mut expected: Vec<u16> = "/metadata/".encode_utf16().collect();
        expected.extend([0xdc00, 0x7e, 0x31]);
        assert_eq!(pointer.to_utf16(), expected);
        assert_eq!(pointer.as_str(), None);
    }
}
