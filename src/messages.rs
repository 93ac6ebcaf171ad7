//! Issue messages in English and German.
//!
//! Rules only record an [`IssueKind`] with its facts. This module turns one into a sentence,
//! so a new language is a new function here and touches no rule. Messages name the value
//! that is wrong and say what to do about it.

use crate::{IssueKind, Kind, Locale, Subject};

/// Writes the message of an issue in `locale`.
pub fn message(kind: &IssueKind, locale: Locale) -> String {
    match locale {
        Locale::De => german(kind),
        _ => english(kind),
    }
}

/// Returns the allowed name closest to `key`, when it differs by at most two edits, so that a
/// typo such as `stauts` gets a suggestion.
fn closest<'a>(key: &str, allowed: &[&'a str]) -> Option<&'a str> {
    allowed
        .iter()
        .map(|candidate| (edit_distance(key, candidate), *candidate))
        .filter(|(distance, _)| *distance <= 2)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Counts the insertions, deletions, substitutions and swaps of neighbours that turn `a` into
/// `b` (optimal string alignment distance).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Long keys cannot be within two edits of the short field names, and skipping them keeps
    // the cost bounded for hostile input.
    if a.len().abs_diff(b.len()) > 2 {
        return usize::MAX;
    }

    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let substitution = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1).min(rows[i][j - 1] + 1).min(rows[i - 1][j - 1] + substitution);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

fn english_kind(kind: Kind) -> &'static str {
    match kind {
        Kind::Undefined => "undefined",
        Kind::Null => "null",
        Kind::Boolean => "a boolean",
        Kind::Number => "a number",
        Kind::BigInt => "a BigInt",
        Kind::String => "a string",
        Kind::Symbol => "a symbol",
        Kind::Function => "a function",
        Kind::Array => "an array",
        Kind::Object => "an object",
        Kind::Map => "a Map",
        Kind::Set => "a Set",
        Kind::Date => "a Date",
        Kind::OtherObject => "an object that is not plain (a class instance or a built-in such as a typed array)",
        _ => "a value that could not be read (a getter or proxy threw)",
    }
}

fn german_kind(kind: Kind) -> &'static str {
    match kind {
        Kind::Undefined => "undefined",
        Kind::Null => "null",
        Kind::Boolean => "ein Wahrheitswert (boolean)",
        Kind::Number => "eine Zahl",
        Kind::BigInt => "ein BigInt",
        Kind::String => "eine Zeichenkette",
        Kind::Symbol => "ein Symbol",
        Kind::Function => "eine Funktion",
        Kind::Array => "ein Array",
        Kind::Object => "ein Objekt",
        Kind::Map => "eine Map",
        Kind::Set => "ein Set",
        Kind::Date => "ein Date",
        Kind::OtherObject => "kein einfaches Objekt (eine Klasseninstanz oder ein eingebautes Objekt wie ein Typed Array)",
        _ => "ein nicht lesbarer Wert (ein Getter oder Proxy hat einen Fehler geworfen)",
    }
}

fn english(kind: &IssueKind) -> String {
    match kind {
        IssueKind::NotAnObject { subject, received } => {
            let received = english_kind(*received);
            match subject {
                Subject::Patch => format!("The PATCH body must be a JSON object, but it is {received}. Send an object such as {{\"status\": \"active\"}}."),
                Subject::BalanceGroup => format!("balance_group must be an object with eic and tso, but it is {received}."),
                Subject::Metadata => format!("metadata must be an object of string values, but it is {received}. Leave metadata out to change nothing."),
                Subject::Customer => format!("The customer to apply the patch to must be a JSON object, but it is {received}. Pass the customer as the API returned it."),
                _ => format!("The customer's metadata must be an object, but it is {received}, so the patch cannot be merged into it. Fix the stored customer."),
            }
        }
        IssueKind::ReadOnlyField { field } => format!("{field} is read-only and only the server sets it. Remove it from the PATCH body."),
        IssueKind::UnknownField { key, allowed } => {
            let list = allowed.join(", ");
            match key.as_str().and_then(|key| closest(key, allowed)) {
                Some(suggestion) => format!("Unknown field \"{key}\". Did you mean \"{suggestion}\"? Allowed here: {list}."),
                None => format!("Unknown field \"{key}\". Allowed here: {list}."),
            }
        }
        IssueKind::Required { field } => format!("balance_group is replaced whole, so it must contain {field}. Add \"{field}\"."),
        IssueKind::NotAString { field, received } => format!("{field} must be a string, but it is {}.", english_kind(*received)),
        IssueKind::MetadataValueType { received } => format!(
            "Metadata values must be strings, or null to remove the key, but this one is {}. Convert it to a string.",
            english_kind(*received)
        ),
        IssueKind::CustomerValueUnreadable => {
            "This field of the customer could not be read because a getter or Proxy threw, so the merge would lose its value. Pass the customer as plain data.".to_owned()
        }
        IssueKind::MetadataValueUndefined => {
            "This metadata value is undefined, which JSON cannot send, so the key would silently stay as it is. Use null to remove the key or a string to set it.".to_owned()
        }
        IssueKind::InvalidEnumValue { field, received, options } => {
            format!("\"{received}\" is not a valid {field}. Use one of: {}.", options.join(", "))
        }
        IssueKind::EicLength { length } => {
            format!("An EIC has 16 characters, but this one has {length}. Look for a missing or extra character.")
        }
        IssueKind::EicCharacter { character, position } => {
            let hint = if character.is_ascii_lowercase() { " Write letters in upper case." } else { "" };
            format!("An EIC contains only 0-9, A-Z and '-', but character {position} is '{character}'.{hint}")
        }
        IssueKind::EicCheckCharacter { expected, received } => format!(
            "The EIC's check character should be '{expected}', not '{received}'. Look for a typo in the code; the API may reject it."
        ),
        IssueKind::EicNoCheckCharacter => {
            "No valid EIC starts with these 15 characters, because their check value is 36, which is never assigned. Look for a typo in the code.".to_owned()
        }
        IssueKind::EicObjectType { object_type } => format!(
            "This EIC has object type '{object_type}', but a balance group is an area, whose EIC has 'Y' as its third character. Check that this is the balance group's code."
        ),
        IssueKind::LoneSurrogate => {
            "The string contains a lone UTF-16 surrogate, which is not valid Unicode and cannot be stored. Remove the broken character.".to_owned()
        }
        IssueKind::EmptyKey => "A metadata key must not be empty. Give the key a name.".to_owned(),
        IssueKind::TooManyKeys { maximum, actual } => {
            format!("metadata has {actual} keys, more than the limit of {maximum}. Split the change into several requests.")
        }
        IssueKind::KeyTooLong { maximum, actual } => {
            format!("This metadata key has {actual} characters, more than the limit of {maximum}. Shorten the key.")
        }
        IssueKind::ValueTooLong { maximum, actual } => {
            format!("This metadata value has {actual} characters, more than the limit of {maximum}. Shorten the value.")
        }
    }
}

fn german(kind: &IssueKind) -> String {
    match kind {
        IssueKind::NotAnObject { subject, received } => {
            let received = german_kind(*received);
            match subject {
                Subject::Patch => format!("Der PATCH-Body muss ein JSON-Objekt sein, ist aber {received}. Senden Sie ein Objekt wie {{\"status\": \"active\"}}."),
                Subject::BalanceGroup => format!("Der Bilanzkreis (balance_group) muss ein Objekt mit eic und tso sein, ist aber {received}."),
                Subject::Metadata => format!("metadata muss ein Objekt mit Zeichenketten als Werten sein, ist aber {received}. Lassen Sie metadata weg, wenn sich nichts ändern soll."),
                Subject::Customer => format!("Der Kunde, auf den der Patch angewendet wird, muss ein JSON-Objekt sein, ist aber {received}. Übergeben Sie den Kunden so, wie die API ihn liefert."),
                _ => format!("Die metadata des Kunden müssen ein Objekt sein, sind aber {received}, daher lässt sich der Patch nicht einarbeiten. Korrigieren Sie den gespeicherten Kunden."),
            }
        }
        IssueKind::ReadOnlyField { field } => {
            format!("{field} ist schreibgeschützt und wird nur vom Server gesetzt. Entfernen Sie das Feld aus dem PATCH-Body.")
        }
        IssueKind::UnknownField { key, allowed } => {
            let list = allowed.join(", ");
            match key.as_str().and_then(|key| closest(key, allowed)) {
                Some(suggestion) => format!("Unbekanntes Feld „{key}“. Meinten Sie „{suggestion}“? Erlaubt sind hier: {list}."),
                None => format!("Unbekanntes Feld „{key}“. Erlaubt sind hier: {list}."),
            }
        }
        IssueKind::Required { field } => {
            format!("Der Bilanzkreis (balance_group) wird vollständig ersetzt und muss daher {field} enthalten. Ergänzen Sie „{field}“.")
        }
        IssueKind::NotAString { field, received } => format!("{field} muss eine Zeichenkette sein, ist aber {}.", german_kind(*received)),
        IssueKind::MetadataValueType { received } => format!(
            "Metadata-Werte müssen Zeichenketten sein oder null, um den Schlüssel zu entfernen. Dieser Wert ist {}. Wandeln Sie ihn in eine Zeichenkette um.",
            german_kind(*received)
        ),
        IssueKind::CustomerValueUnreadable => {
            "Dieses Feld des Kunden ließ sich nicht lesen, weil ein Getter oder Proxy einen Fehler geworfen hat, daher ginge sein Wert beim Zusammenführen verloren. Übergeben Sie den Kunden als einfache Daten.".to_owned()
        }
        IssueKind::MetadataValueUndefined => {
            "Dieser Metadata-Wert ist undefined und lässt sich in JSON nicht senden, der Schlüssel bliebe also unverändert. Verwenden Sie null, um den Schlüssel zu entfernen, oder eine Zeichenkette, um ihn zu setzen.".to_owned()
        }
        IssueKind::InvalidEnumValue { field, received, options } => {
            format!("„{received}“ ist kein gültiger Wert für {field}. Zulässig sind: {}.", options.join(", "))
        }
        IssueKind::EicLength { length } => {
            format!("Ein EIC hat 16 Zeichen, dieser hat {length}. Prüfen Sie, ob ein Zeichen fehlt oder zu viel ist.")
        }
        IssueKind::EicCharacter { character, position } => {
            let hint = if character.is_ascii_lowercase() { " Schreiben Sie Buchstaben groß." } else { "" };
            format!("Ein EIC besteht nur aus 0-9, A-Z und „-“, aber Zeichen {position} ist „{character}“.{hint}")
        }
        IssueKind::EicCheckCharacter { expected, received } => format!(
            "Das Prüfzeichen des EIC müsste „{expected}“ lauten, nicht „{received}“. Prüfen Sie den Code auf Tippfehler, die API lehnt ihn womöglich ab."
        ),
        IssueKind::EicNoCheckCharacter => {
            "Kein gültiger EIC beginnt mit diesen 15 Zeichen, denn ihr Prüfwert ist 36 und wird nie vergeben. Prüfen Sie den Code auf Tippfehler.".to_owned()
        }
        IssueKind::EicObjectType { object_type } => format!(
            "Dieser EIC hat den Objekttyp „{object_type}“. Ein Bilanzkreis ist aber ein Gebiet, dessen EIC an dritter Stelle ein „Y“ trägt. Prüfen Sie, ob dies der Code des Bilanzkreises ist."
        ),
        IssueKind::LoneSurrogate => {
            "Die Zeichenkette enthält ein einzelnes UTF-16-Surrogat. Das ist kein gültiges Unicode und lässt sich nicht speichern. Entfernen Sie das defekte Zeichen.".to_owned()
        }
        IssueKind::EmptyKey => "Ein Metadata-Schlüssel darf nicht leer sein. Geben Sie dem Schlüssel einen Namen.".to_owned(),
        IssueKind::TooManyKeys { maximum, actual } => {
            format!("metadata enthält {actual} Schlüssel, mehr als die Grenze von {maximum}. Teilen Sie die Änderung auf mehrere Anfragen auf.")
        }
        IssueKind::KeyTooLong { maximum, actual } => {
            format!("Dieser Metadata-Schlüssel hat {actual} Zeichen, mehr als die Grenze von {maximum}. Kürzen Sie den Schlüssel.")
        }
        IssueKind::ValueTooLong { maximum, actual } => {
            format!("Dieser Metadata-Wert hat {actual} Zeichen, mehr als die Grenze von {maximum}. Kürzen Sie den Wert.")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Text;

    #[test]
    fn typo_gets_suggestion() {
        let kind = IssueKind::UnknownField { key: Text::from("stauts"), allowed: &["status", "balance_group", "metadata"] };
        assert_eq!(message(&kind, Locale::En), "Unknown field \"stauts\". Did you mean \"status\"? Allowed here: status, balance_group, metadata.");
    }

    #[test]
    fn german_names_expected_check_character() {
        let kind = IssueKind::EicCheckCharacter { expected: 'G', received: 'X' };
        assert!(message(&kind, Locale::De).starts_with("Das Prüfzeichen des EIC müsste „G“ lauten, nicht „X“."));
    }

    #[test]
    fn edit_distance_counts_swaps_once() {
        assert_eq!(edit_distance("stauts", "status"), 1);
        assert_eq!(edit_distance("metdata", "metadata"), 1);
        assert_eq!(edit_distance("x", "status"), usize::MAX);
    }
}
