//! Issue messages in English and German.
//!
//! Rules only record an [`IssueKind`] with its facts. This module turns one into a sentence,
//! so a new language is a new function here and touches no rule. Messages name the value
//! that is wrong and state what to do about it.

use crate::raw::SyntaxProblem;
use crate::{Issue, IssueKind, Kind, Locale, Subject, Text};

/// Writes the message of an issue in `locale`.
pub fn message(kind: &IssueKind, locale: Locale) -> String {
    match locale {
        Locale::De => german(kind),
        _ => english(kind),
    }
}

/// Writes the message of a failed merge: how many issues, then the first one.
pub fn error_summary(issues: &[Issue], locale: Locale) -> String {
    let Some(first) = issues.first() else {
        return String::new();
    };
    let count = issues.len();
    let concerns_customer = first.kind.concerns_customer();
    let pointer = first.pointer.to_string();
    match locale {
        Locale::De => {
            let problems = if count == 1 { "1 Problem".to_owned() } else { format!("{count} Probleme") };
            let lead = if concerns_customer { "Der Patch lässt sich auf diesen Kunden nicht anwenden" } else { "Ungültiger Patch" };
            let place = if pointer.is_empty() { String::new() } else { format!(" bei {pointer}") };
            format!("{lead}, {problems}. {}{place}: {}", first.code(), first.message(locale))
        }
        _ => {
            let problems = if count == 1 { "1 issue".to_owned() } else { format!("{count} issues") };
            let lead = if concerns_customer { "Cannot apply the patch to this customer" } else { "Invalid patch" };
            let place = if pointer.is_empty() { String::new() } else { format!(" at {pointer}") };
            format!("{lead}, {problems}. {}{place}: {}", first.code(), first.message(locale))
        }
    }
}

/// Writes the `title` and `detail` of an RFC 9457 problem document for a rejected patch.
///
/// With the problem type `about:blank`, RFC 9457 recommends the HTTP status phrase as the title,
/// so `about_blank` selects "Bad Request" over a title that names the patch.
pub fn problem_text(error_count: usize, locale: Locale, about_blank: bool) -> (&'static str, String) {
    match locale {
        Locale::De => {
            let title = if about_blank { "Ungültige Anfrage" } else { "Ungültiger Kunden-Patch" };
            (title, format!("Der Patch enthält {error_count} Fehler."))
        }
        _ => {
            let title = if about_blank { "Bad Request" } else { "Invalid customer patch" };
            let errors = if error_count == 1 { "error" } else { "errors" };
            (title, format!("The patch has {error_count} {errors}."))
        }
    }
}

/// Shortens a value from the input for a message, so that a 10 MB string does not become a
/// 10 MB message. Parameters keep the whole value.
fn shorten(text: &Text<'_>) -> String {
    const MAX_CHARACTERS: usize = 80;
    let written = text.to_string();
    match written.char_indices().nth(MAX_CHARACTERS) {
        Some((cut, _)) => format!("{}…", &written[..cut]),
        None => written,
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

/// Describes a JSON syntax error in `locale`. The German text is worded to follow "In Zeile 3,
/// Spalte 20", as the message of an `invalid_json` issue uses it.
pub fn syntax_problem(problem: SyntaxProblem, locale: Locale) -> &'static str {
    let german = locale == Locale::De;
    match (problem, german) {
        (SyntaxProblem::UnexpectedEnd, false) => "the text ends before the JSON value is complete",
        (SyntaxProblem::UnexpectedEnd, true) => "endet der Text, bevor der JSON-Wert vollständig ist",
        (SyntaxProblem::ExpectedValue, false) => "expected a JSON value",
        (SyntaxProblem::ExpectedValue, true) => "wird ein JSON-Wert erwartet",
        (SyntaxProblem::TrailingText, false) => "unexpected text after the JSON value",
        (SyntaxProblem::TrailingText, true) => "steht unerwarteter Text nach dem JSON-Wert",
        (SyntaxProblem::ExpectedKey, false) => "expected a key in double quotes",
        (SyntaxProblem::ExpectedKey, true) => "wird ein Schlüssel in doppelten Anführungszeichen erwartet",
        (SyntaxProblem::ExpectedColon, false) => "expected ':' after the key",
        (SyntaxProblem::ExpectedColon, true) => "wird nach dem Schlüssel „:“ erwartet",
        (SyntaxProblem::ExpectedCommaOrBrace, false) => "expected ',' or '}' after an object member",
        (SyntaxProblem::ExpectedCommaOrBrace, true) => "wird nach einem Objekteintrag „,“ oder „}“ erwartet",
        (SyntaxProblem::ExpectedCommaOrBracket, false) => "expected ',' or ']' after an array element",
        (SyntaxProblem::ExpectedCommaOrBracket, true) => "wird nach einem Array-Element „,“ oder „]“ erwartet",
        (SyntaxProblem::UnterminatedString, false) => "a string is missing its closing quote",
        (SyntaxProblem::UnterminatedString, true) => "fehlt einer Zeichenkette das schließende Anführungszeichen",
        (SyntaxProblem::InvalidUnicodeEscape, false) => "a \\u escape needs four hex digits",
        (SyntaxProblem::InvalidUnicodeEscape, true) => "braucht eine \\u-Escape-Sequenz vier Hexadezimalziffern",
        (SyntaxProblem::InvalidEscape, false) => "a backslash starts an escape that JSON does not have",
        (SyntaxProblem::InvalidEscape, true) => "leitet ein Backslash eine Escape-Sequenz ein, die es in JSON nicht gibt",
        (SyntaxProblem::ControlCharacter, false) => "a string contains a raw control character such as a line break; escape it",
        (SyntaxProblem::ControlCharacter, true) => "enthält eine Zeichenkette ein Steuerzeichen wie einen Zeilenumbruch, das maskiert werden muss",
        (SyntaxProblem::InvalidNumber, false) => "a number does not follow JSON's grammar",
        (SyntaxProblem::InvalidNumber, true) => "entspricht eine Zahl nicht der JSON-Syntax",
    }
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
        Kind::OtherObject => "an object that is not plain (a class instance, a built-in such as a typed array, or an object from another realm such as an iframe)",
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
        Kind::OtherObject => "kein einfaches Objekt (eine Klasseninstanz, ein eingebautes Objekt wie ein Typed Array oder ein Objekt aus einem anderen Realm wie einem iframe)",
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
                Subject::EditedCustomer => format!("The edited customer must be a JSON object, but it is {received}. Pass a copy of the original customer with your changes."),
                _ => format!("The customer's metadata must be an object, but it is {received}, so the patch cannot be merged into it. Fix the stored customer."),
            }
        }
        IssueKind::ReadOnlyField { field } => format!("{field} is read-only and only the server sets it. Remove it from the PATCH body."),
        IssueKind::UnknownField { key, allowed } => {
            let list = allowed.join(", ");
            let shown = shorten(key);
            match key.as_str().and_then(|key| closest(key, allowed)) {
                Some(suggestion) => format!("Unknown field \"{shown}\". Did you mean \"{suggestion}\"? Allowed here: {list}."),
                None => format!("Unknown field \"{shown}\". Allowed here: {list}."),
            }
        }
        IssueKind::Required { field } => format!("balance_group is replaced whole, so it must contain {field}. Add \"{field}\"."),
        IssueKind::NotAString { field, received } => format!("{field} must be a string, but it is {}.", english_kind(*received)),
        IssueKind::MetadataValueType { received } => format!(
            "Metadata values must be strings, or null to remove the key, but this one is {}. Convert it to a string.",
            english_kind(*received)
        ),
        IssueKind::MetadataValueUndefined => {
            "This metadata value is undefined, which JSON cannot send, so the key would silently stay as it is. Use null to remove the key or a string to set it.".to_owned()
        }
        IssueKind::InvalidEnumValue { field, received, options } => {
            format!("\"{}\" is not a valid {field}. Use one of: {}.", shorten(received), options.join(", "))
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
        IssueKind::ReadOnlyFieldChanged { field } => {
            format!("{field} is read-only, so no PATCH body can change it. Restore its original value.")
        }
        IssueKind::UnknownFieldChanged { key, allowed } => format!(
            "\"{key}\" is not a field that a PATCH body can change, so this change cannot be sent. Restore its original value; a patch can change only {}.",
            allowed.join(", ")
        ),
        IssueKind::FieldRemoved { field } => {
            format!("{field} is missing from the edited customer, but a PATCH body can only replace a field, not remove it. Restore {field}.")
        }
        IssueKind::MetadataValueNull => {
            "A customer's metadata value cannot be null, because null in a PATCH body removes the key. Remove the key or give it a string value.".to_owned()
        }
        IssueKind::TooManyKeys { maximum, actual } => {
            format!("metadata has {actual} keys, more than the limit of {maximum}. Split the change into several requests.")
        }
        IssueKind::KeyTooLong { maximum, actual } => {
            format!("This metadata key has {actual} characters, more than the limit of {maximum}. Shorten the key.")
        }
        IssueKind::ValueTooLong { maximum, actual } => {
            format!("This metadata value has {actual} characters, more than the limit of {maximum}. Shorten the value.")
        }
        IssueKind::InvalidJson { subject, problem, line, column } => {
            let what = if subject.is_customer() { "The customer" } else { "The PATCH body" };
            format!("{what} is not valid JSON: {} at line {line}, column {column}.", syntax_problem(*problem, Locale::En))
        }
        IssueKind::DuplicateKey { key, subject: Subject::Customer | Subject::CustomerMetadata } => format!(
            "The stored customer repeats the key \"{}\" in this object, so a merge cannot tell which value to change. Fix the stored customer.",
            shorten(key)
        ),
        IssueKind::DuplicateKey { key, .. } => {
            format!("The key \"{}\" occurs more than once in this object, and parsers disagree on which value wins. Send it once.", shorten(key))
        }
        IssueKind::TooManyIssues { maximum, dropped } => {
            format!("The body has {dropped} more issues than the {maximum} listed. Fix those first, then validate again.")
        }
        IssueKind::Unreadable { .. } => {
            "This value of the customer could not be read, because a getter or proxy threw. Pass the customer as plain data, such as a copy made with structuredClone.".to_owned()
        }
        IssueKind::NotText { subject, received } => {
            let (what, alternative) = if subject.is_customer() { ("The customer", "applyPatch") } else { ("The PATCH body", "validatePatch or applyPatch") };
            format!("{what} must be JSON text here, but it is {}. Pass the raw text, or use {alternative} for parsed objects.", english_kind(*received))
        }
        IssueKind::BodyTooLarge { maximum, actual, exact } => {
            let size = if *exact { format!("{actual} bytes") } else { format!("at least {actual} bytes") };
            format!("The PATCH body has {size}, more than the limit of {maximum}. Send a smaller body.")
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
                Subject::EditedCustomer => format!("Der bearbeitete Kunde muss ein JSON-Objekt sein, ist aber {received}. Übergeben Sie eine Kopie des ursprünglichen Kunden mit Ihren Änderungen."),
                _ => format!("Das Feld metadata des gespeicherten Kunden muss ein Objekt sein, ist aber {received}, daher lässt sich der Patch nicht anwenden. Korrigieren Sie den gespeicherten Kunden."),
            }
        }
        IssueKind::ReadOnlyField { field } => {
            format!("{field} ist schreibgeschützt und wird nur vom Server gesetzt. Entfernen Sie das Feld aus dem PATCH-Body.")
        }
        IssueKind::UnknownField { key, allowed } => {
            let list = allowed.join(", ");
            let shown = shorten(key);
            match key.as_str().and_then(|key| closest(key, allowed)) {
                Some(suggestion) => format!("Unbekanntes Feld „{shown}“. Meinten Sie „{suggestion}“? Erlaubt sind hier: {list}."),
                None => format!("Unbekanntes Feld „{shown}“. Erlaubt sind hier: {list}."),
            }
        }
        IssueKind::Required { field } => {
            format!("Der Bilanzkreis (balance_group) wird vollständig ersetzt und muss daher {field} enthalten. Ergänzen Sie „{field}“.")
        }
        IssueKind::NotAString { field, received } => format!("{field} muss eine Zeichenkette sein, ist aber {}.", german_kind(*received)),
        IssueKind::MetadataValueType { received } => format!(
            "Ein Metadaten-Wert muss eine Zeichenkette sein. Nur null ist außerdem erlaubt und entfernt den Schlüssel. Dieser Wert ist {}. Wandeln Sie ihn in eine Zeichenkette um.",
            german_kind(*received)
        ),
        IssueKind::MetadataValueUndefined => {
            "Dieser Metadaten-Wert ist undefined und lässt sich in JSON nicht senden, der Schlüssel bliebe also unverändert. Verwenden Sie null, um den Schlüssel zu entfernen, oder eine Zeichenkette, um ihn zu setzen.".to_owned()
        }
        IssueKind::InvalidEnumValue { field, received, options } => {
            format!("„{}“ ist kein gültiger Wert für {field}. Zulässig sind: {}.", shorten(received), options.join(", "))
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
            "Dieser EIC hat den Objekttyp „{object_type}“. Bilanzkreise tragen aber EIC vom Typ „Y“ (Gebiete), mit „Y“ an dritter Stelle. Prüfen Sie, ob dies der Code des Bilanzkreises ist."
        ),
        IssueKind::LoneSurrogate => {
            "Die Zeichenkette enthält ein einzelnes UTF-16-Surrogat. Das ist kein gültiges Unicode und lässt sich nicht speichern. Entfernen Sie das defekte Zeichen.".to_owned()
        }
        IssueKind::EmptyKey => "Ein Metadaten-Schlüssel darf nicht leer sein. Geben Sie dem Schlüssel einen Namen.".to_owned(),
        IssueKind::ReadOnlyFieldChanged { field } => {
            format!("{field} ist schreibgeschützt und lässt sich mit keinem PATCH-Body ändern. Stellen Sie den ursprünglichen Wert wieder her.")
        }
        IssueKind::UnknownFieldChanged { key, allowed } => format!(
            "„{key}“ ist kein Feld, das ein PATCH-Body ändern kann, daher lässt sich diese Änderung nicht senden. Stellen Sie den ursprünglichen Wert wieder her; ändern lassen sich nur {}.",
            allowed.join(", ")
        ),
        IssueKind::FieldRemoved { field } => {
            format!("{field} fehlt im bearbeiteten Kunden, aber ein PATCH-Body kann ein Feld nur ersetzen, nicht entfernen. Stellen Sie {field} wieder her.")
        }
        IssueKind::MetadataValueNull => {
            "Ein Metadaten-Wert eines Kunden kann nicht null sein, denn null entfernt im PATCH-Body den Schlüssel. Entfernen Sie den Schlüssel oder geben Sie ihm eine Zeichenkette als Wert.".to_owned()
        }
        IssueKind::TooManyKeys { maximum, actual } => {
            format!("metadata enthält {actual} Schlüssel, erlaubt sind höchstens {maximum}. Teilen Sie die Änderung auf mehrere Anfragen auf.")
        }
        IssueKind::KeyTooLong { maximum, actual } => {
            format!("Dieser Metadaten-Schlüssel hat {actual} Zeichen, erlaubt sind höchstens {maximum}. Kürzen Sie den Schlüssel.")
        }
        IssueKind::ValueTooLong { maximum, actual } => {
            format!("Dieser Metadaten-Wert hat {actual} Zeichen, erlaubt sind höchstens {maximum}. Kürzen Sie den Wert.")
        }
        IssueKind::InvalidJson { subject, problem, line, column } => {
            let what = if subject.is_customer() { "Der Kunde" } else { "Der PATCH-Body" };
            // The German descriptions continue a sentence that starts with the place.
            format!("{what} ist kein gültiges JSON: In Zeile {line}, Spalte {column} {}.", syntax_problem(*problem, Locale::De))
        }
        IssueKind::DuplicateKey { key, subject: Subject::Customer | Subject::CustomerMetadata } => format!(
            "Der gespeicherte Kunde enthält den Schlüssel „{}“ in diesem Objekt mehrfach, daher ist beim Zusammenführen unklar, welcher Wert sich ändert. Korrigieren Sie den gespeicherten Kunden.",
            shorten(key)
        ),
        IssueKind::DuplicateKey { key, .. } => format!(
            "Der Schlüssel „{}“ kommt in diesem Objekt mehrfach vor, sodass unklar ist, welcher Wert gilt. Senden Sie ihn nur einmal.",
            shorten(key)
        ),
        IssueKind::TooManyIssues { maximum, dropped } => {
            format!("Der Body enthält {dropped} weitere Probleme über die {maximum} aufgeführten hinaus. Beheben Sie zuerst diese und prüfen Sie dann erneut.")
        }
        IssueKind::Unreadable { .. } => {
            "Dieser Wert des Kunden ließ sich nicht lesen, weil ein Getter oder Proxy einen Fehler geworfen hat. Übergeben Sie den Kunden als einfache Daten, etwa als Kopie mit structuredClone.".to_owned()
        }
        IssueKind::NotText { subject, received } => {
            let what = if subject.is_customer() { "den Kunden" } else { "den PATCH-Body" };
            let alternative = if subject.is_customer() { "applyPatch" } else { "validatePatch oder applyPatch" };
            format!("Erwartet wird {what} als JSON-Text, erhalten wurde aber {}. Übergeben Sie den Rohtext oder verwenden Sie {alternative} für bereits geparste Objekte.", german_kind(*received))
        }
        IssueKind::BodyTooLarge { maximum, actual, exact } => {
            let size = if *exact { format!("{actual} Bytes") } else { format!("mindestens {actual} Bytes") };
            format!("Der PATCH-Body hat {size}, erlaubt sind höchstens {maximum} Bytes. Senden Sie einen kleineren Body.")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Text;

    #[test]
    fn problem_text_counts_errors() {
        assert_eq!(problem_text(1, Locale::En, true), ("Bad Request", "The patch has 1 error.".to_owned()));
        assert_eq!(problem_text(3, Locale::En, false), ("Invalid customer patch", "The patch has 3 errors.".to_owned()));
        assert_eq!(problem_text(2, Locale::De, true), ("Ungültige Anfrage", "Der Patch enthält 2 Fehler.".to_owned()));
    }

    #[test]
    fn german_limits_name_the_maximum() {
        let kind = IssueKind::ValueTooLong { maximum: 18, actual: 20 };
        assert_eq!(message(&kind, Locale::De), "Dieser Metadaten-Wert hat 20 Zeichen, erlaubt sind höchstens 18. Kürzen Sie den Wert.");
        let kind = IssueKind::BodyTooLarge { maximum: 30, actual: 31, exact: false };
        assert_eq!(message(&kind, Locale::De), "Der PATCH-Body hat mindestens 31 Bytes, erlaubt sind höchstens 30 Bytes. Senden Sie einen kleineren Body.");
    }

    #[test]
    fn german_metadata_value_type_names_null_separately() {
        let kind = IssueKind::MetadataValueType { received: Kind::Number };
        assert_eq!(
            message(&kind, Locale::De),
            "Ein Metadaten-Wert muss eine Zeichenkette sein. Nur null ist außerdem erlaubt und entfernt den Schlüssel. Dieser Wert ist eine Zahl. Wandeln Sie ihn in eine Zeichenkette um."
        );
    }

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
    fn long_values_are_shortened() {
        let kind = IssueKind::InvalidEnumValue { field: "status", received: Text::from("x".repeat(100_000)), options: &["active"] };
        let message = message(&kind, Locale::En);
        assert_eq!(message, format!("\"{}…\" is not a valid status. Use one of: active.", "x".repeat(80)));
    }

    #[test]
    fn edit_distance_counts_swaps_once() {
        assert_eq!(edit_distance("stauts", "status"), 1);
        assert_eq!(edit_distance("metdata", "metadata"), 1);
        assert_eq!(edit_distance("x", "status"), usize::MAX);
    }
}
