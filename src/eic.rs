//! Energy Identification Codes (EIC), the ENTSO-E identifiers of balance groups and parties.
//!
//! An EIC has 16 characters from `0-9`, `A-Z` and `-`. The first two name the issuing office
//! and the third the object type (`Y` for an area such as a balance group, `X` for a party).
//! The office chooses the next twelve, and the last is a check character computed from the
//! first 15.

use crate::{IssueKind, Text};

/// Number of characters in an EIC.
pub const EIC_LENGTH: usize = 16;

/// The EIC alphabet in order of value: `0`-`9` are 0-9, `A`-`Z` are 10-35 and `-` is 36.
const ALPHABET: &[u8; 37] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-";

/// Returns the value of an EIC character, or `None` for a character outside the alphabet.
fn value_of(byte: u8) -> Option<u32> {
    match byte {
        b'0'..=b'9' => Some(u32::from(byte - b'0')),
        b'A'..=b'Z' => Some(u32::from(byte - b'A') + 10),
        b'-' => Some(36),
        _ => None,
    }
}

/// Computes the check character of the first 15 characters of an EIC.
///
/// Each character's value is multiplied by a weight, 16 for the first down to 2 for the
/// fifteenth, and the products are summed to S. The check value is `36 - ((S - 1) mod 37)`,
/// with a non-negative remainder, written back as the character of that value.
///
/// Returns `None` when a character is outside the alphabet or fewer than 15 are given. A result
/// of `-` is possible: such a code can never be valid, because no office assigns it.
pub fn check_character(first_fifteen: &str) -> Option<char> {
    let bytes = first_fifteen.as_bytes();
    if bytes.len() < EIC_LENGTH - 1 {
        return None;
    }

    let mut sum = 0u32;
    for (index, &byte) in bytes[..EIC_LENGTH - 1].iter().enumerate() {
        let weight = 16 - index as u32;
        sum += value_of(byte)? * weight;
    }

    // (S - 1) mod 37 written as (S + 36) mod 37, which cannot underflow when S is 0.
    let check = 36 - ((sum + 36) % 37);
    Some(char::from(ALPHABET[check as usize]))
}

/// The result of checking a string as an EIC.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EicCheck {
    /// The object type, the third character, when the string has a valid format.
    pub object_type: Option<char>,
    /// The check character computed from the first 15 characters, when they are in the alphabet.
    pub expected_check_character: Option<char>,
    /// Format errors, then a wrong check character. Empty for a valid EIC.
    pub issues: Vec<IssueKind>,
}

impl EicCheck {
    /// Returns whether the string is a valid EIC, of any object type.
    pub fn is_valid(&self) -> bool {
        self.issues.is_empty()
    }

    /// Returns whether the string has 16 characters from the alphabet, whatever its check
    /// character.
    pub fn has_valid_format(&self) -> bool {
        self.object_type.is_some()
    }
}

/// Checks a string as an EIC: length, alphabet and check character.
///
/// Lower-case letters are rejected rather than folded, because the code is an identifier that
/// the API compares as sent.
///
/// ```
/// use brp_customer_patch::check_eic;
///
/// let amprion = check_eic("10YDE-RWENET---I");
/// assert!(amprion.is_valid());
/// assert_eq!(amprion.object_type, Some('Y'));
///
/// let typo = check_eic("22XWATTPLUS----X");
/// assert!(!typo.is_valid());
/// assert_eq!(typo.expected_check_character, Some('G'));
/// ```
pub fn check_eic(code: &str) -> EicCheck {
    check_eic_text(&Text::from(code.to_owned()))
}

/// Checks a string from the input as an EIC. See [`check_eic`].
pub fn check_eic_text(code: &Text<'_>) -> EicCheck {
    let mut check = EicCheck { object_type: None, expected_check_character: None, issues: Vec::new() };

    let Some(code) = code.as_str() else {
        check.issues.push(IssueKind::LoneSurrogate);
        return check;
    };

    // The first character outside the alphabet, reported even when the length is also wrong,
    // because fixing one without the other would still fail.
    let outside = code.chars().enumerate().find(|(_, character)| !character.is_ascii() || value_of(*character as u8).is_none());
    let length = Text::Utf8(code.into()).utf16_len();
    if length != EIC_LENGTH {
        check.issues.push(IssueKind::EicLength { length });
    }
    if let Some((index, character)) = outside {
        check.issues.push(IssueKind::EicCharacter { character, position: index + 1 });
    }
    if code.len() >= EIC_LENGTH - 1 && outside.map_or(true, |(index, _)| index >= EIC_LENGTH - 1) {
        check.expected_check_character = check_character(code);
    }
    if !check.issues.is_empty() {
        return check;
    }

    let bytes = code.as_bytes();
    check.object_type = Some(char::from(bytes[2]));
    let received = char::from(bytes[EIC_LENGTH - 1]);
    match check.expected_check_character {
        Some('-') => check.issues.push(IssueKind::EicNoCheckCharacter),
        Some(expected) if expected != received => check.issues.push(IssueKind::EicCheckCharacter { expected, received }),
        _ => {}
    }
    check
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_codes_are_valid() {
        for code in ["10YDE-RWENET---I", "10YDE-VE-------2", "10YDE-EON------1", "10YDE-ENBW-----N", "10Y1001A1001A83F", "22XWATTPLUS----G"] {
            let check = check_eic(code);
            assert!(check.is_valid(), "{code}: {:?}", check.issues);
            assert_eq!(check.expected_check_character, code.chars().last(), "{code}");
        }
    }

    #[test]
    fn wrong_check_character_names_expected() {
        let check = check_eic("22XWATTPLUS----X");
        assert_eq!(check.issues, vec![IssueKind::EicCheckCharacter { expected: 'G', received: 'X' }]);
        assert_eq!(check.object_type, Some('X'));
    }

    #[test]
    fn fifteen_characters_is_a_length_error() {
        let check = check_eic("11YSOLARDACH--A");
        assert_eq!(check.issues, vec![IssueKind::EicLength { length: 15 }]);
        assert_eq!(check.object_type, None);
    }

    #[test]
    fn lower_case_is_rejected() {
        let check = check_eic("10yde-rwenet---i");
        assert_eq!(check.issues, vec![IssueKind::EicCharacter { character: 'y', position: 3 }]);
    }

    #[test]
    fn all_zero_prefix_has_check_zero() {
        assert_eq!(check_character("000000000000000"), Some('0'));
        assert!(check_eic("0000000000000000").is_valid());
    }

    #[test]
    fn check_value_36_is_never_valid() {
        // Search a code whose check value is 36; one in 37 prefixes has it.
        let prefix = (0..100)
            .map(|number| format!("10YTEST{number:08}"))
            .find(|prefix| check_character(prefix) == Some('-'))
            .expect("a prefix with check value 36 among 100");
        let check = check_eic(&format!("{prefix}-"));
        assert_eq!(check.issues, vec![IssueKind::EicNoCheckCharacter]);
    }
}
