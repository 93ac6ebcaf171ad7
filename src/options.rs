//! Options of validation and merge.

/// The language of issue messages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Locale {
    /// English, the default.
    #[default]
    En,
    /// German.
    De,
}

impl Locale {
    /// Returns the locale for a language tag such as `"de"` or `"de-AT"`, or for an
    /// Accept-Language value such as `"de;q=0.9, en"`.
    ///
    /// Any tag that is not German, including an empty or unknown one, gives English, so that a
    /// message is always available.
    pub fn from_tag(tag: &str) -> Locale {
        // Also takes the first range of an Accept-Language header, such as "de;q=0.9, en".
        let language = tag.split(['-', '_', ';', ',']).next().unwrap_or_default().trim();
        if language.eq_ignore_ascii_case("de") {
            Locale::De
        } else {
            Locale::En
        }
    }
}

/// Optional upper bounds on metadata in a patch. `None` means no limit.
///
/// Lengths count UTF-16 code units, the unit of JavaScript's `String.length`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Limits {
    /// Maximum number of keys in the patch's `metadata`, removals included.
    pub max_metadata_keys: Option<usize>,
    /// Maximum length of a metadata key.
    pub max_key_length: Option<usize>,
    /// Maximum length of a metadata value.
    pub max_value_length: Option<usize>,
}

/// Default of [`Options::max_bytes`]: 1 MiB.
pub const DEFAULT_MAX_BYTES: usize = 1 << 20;

/// Options of [`crate::validate_patch`] and [`crate::apply_patch`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Language of messages.
    pub locale: Locale,
    /// Whether warnings, such as a wrong EIC check character, count as errors.
    pub strict: bool,
    /// Limits on metadata.
    pub limits: Limits,
    /// Maximum size in bytes of UTF-8 of a PATCH body given as text. A larger body is rejected
    /// before it is parsed.
    pub max_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { locale: Locale::En, strict: false, limits: Limits::default(), max_bytes: DEFAULT_MAX_BYTES }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_tags_and_ranges() {
        for tag in ["de", "DE", "de-AT", "de_DE", "de;q=0.9", "de-DE,de;q=0.9,en;q=0.8", " de "] {
            assert_eq!(Locale::from_tag(tag), Locale::De, "{tag:?}");
        }
    }

    #[test]
    fn other_tags_are_english() {
        for tag in ["", "en", "fr", "deu", "german", "en;q=0.9, de"] {
            assert_eq!(Locale::from_tag(tag), Locale::En, "{tag:?}");
        }
    }
}
