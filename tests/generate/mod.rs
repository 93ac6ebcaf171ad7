//! A seeded generator of customers and of edits that a patch can express, shared by the Rust
//! property test and the browser test of the bindings.
#![allow(dead_code)]

use brp_customer_patch::eic::check_character;
use brp_customer_patch::fields::{STATUSES, TSOS};
use brp_customer_patch::{Input, Json, Text};

/// SplitMix64, enough to spread cases over the edge cases; not for anything secret.
pub struct Random(pub u64);

impl Random {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut mixed = self.0;
        mixed = (mixed ^ (mixed >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        mixed = (mixed ^ (mixed >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        mixed ^ (mixed >> 31)
    }

    pub fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// Metadata keys that stress pointers, prototypes and Unicode, next to ordinary ones.
pub const KEYS: &[&str] = &["customer_number", "cost_center", "region", "__proto__", "a/b", "~", "constructor", "Zählpunkt", "😀", " "];
pub const VALUE_PIECES: &[&str] = &["KD-2026-0815", "CC-4200", "NRW", "", "\"", "\\", "ä", "😀", "\n", "x"];

pub fn string(text: &str) -> Json {
    Json::String(Text::from(text.to_owned()))
}

pub fn object(entries: Vec<(&str, Json)>) -> Json {
    Json::Object(entries.into_iter().map(|(key, value)| (Text::from(key.to_owned()), value)).collect())
}

pub fn members(value: &Json) -> &Vec<(Text<'static>, Json)> {
    match value {
        Json::Object(entries) => entries,
        other => panic!("expected an object, found {other}"),
    }
}

pub fn members_mut(value: &mut Json) -> &mut Vec<(Text<'static>, Json)> {
    match value {
        Json::Object(entries) => entries,
        other => panic!("expected an object, found {other}"),
    }
}

pub fn set(value: &mut Json, key: &str, new_value: Json) {
    let entries = members_mut(value);
    match entries.iter_mut().find(|(candidate, _)| candidate.as_str() == Some(key)) {
        Some((_, slot)) => *slot = new_value,
        None => entries.push((Text::from(key.to_owned()), new_value)),
    }
}

pub fn remove(value: &mut Json, key: &str) {
    members_mut(value).retain(|(candidate, _)| candidate.as_str() != Some(key));
}

pub fn equal(left: &Json, right: &Json) -> bool {
    (&left).deep_equals(&right)
}

/// Returns an area EIC with a correct check character, or rarely a wrong one, which is only a
/// warning.
pub fn random_eic(random: &mut Random) -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-";
    let mut code = format!("1{}Y", random.below(10));
    for _ in 0..12 {
        code.push(char::from(random.pick(ALPHABET)));
    }
    let check = check_character(&code).expect("15 characters of the alphabet");
    let last = if random.chance(5) { if check == 'A' { 'B' } else { 'A' } } else { check };
    code.push(last);
    code
}

pub fn random_value(random: &mut Random) -> String {
    (0..random.below(4)).map(|_| random.pick(VALUE_PIECES)).collect()
}

pub fn random_metadata(random: &mut Random) -> Json {
    let mut metadata = object(Vec::new());
    for _ in 0..random.below(6) {
        set(&mut metadata, random.pick(KEYS), string(&random_value(random)));
    }
    metadata
}

pub fn random_group(random: &mut Random) -> Json {
    object(vec![("eic", string(&random_eic(random))), ("tso", string(random.pick(TSOS)))])
}

/// Returns a stored customer. Optional fields are sometimes missing, and some customers carry a
/// field this library does not know.
pub fn random_customer(random: &mut Random, number: u64) -> Json {
    let mut customer = object(vec![("id", string(&format!("cust_{number}"))), ("name", string("SolarDach GmbH"))]);
    if random.chance(90) {
        set(&mut customer, "status", string(random.pick(STATUSES)));
    }
    if random.chance(90) {
        set(&mut customer, "balance_group", random_group(random));
    }
    if random.chance(85) {
        set(&mut customer, "metadata", random_metadata(random));
    }
    set(&mut customer, "created_at", string("2026-01-10T09:00:00Z"));
    if random.chance(50) {
        set(&mut customer, "activated_at", if random.chance(50) { Json::Null } else { string("2026-01-10T11:30:00Z") });
    }
    if random.chance(20) {
        set(&mut customer, "updated_at", string("2026-02-01T08:00:00Z"));
    }
    customer
}

/// Applies one edit that a patch can express: a writable field changed, added or left equal,
/// metadata keys added, changed or removed, or members reordered.
pub fn random_edit(random: &mut Random, customer: &mut Json) {
    match random.below(9) {
        0 => set(customer, "status", string(random.pick(STATUSES))),
        1 => set(customer, "balance_group", random_group(random)),
        2 => {
            let tso = string(random.pick(TSOS));
            let eic = customer.get("balance_group").and_then(|group| group.get("eic")).cloned().unwrap_or_else(|| string(&random_eic(random)));
            set(customer, "balance_group", object(vec![("tso", tso), ("eic", eic)]));
        }
        3 | 4 => {
            let mut metadata = customer.get("metadata").cloned().unwrap_or_else(|| object(Vec::new()));
            set(&mut metadata, random.pick(KEYS), string(&random_value(random)));
            set(customer, "metadata", metadata);
        }
        5 => {
            if let Some(mut metadata) = customer.get("metadata").cloned() {
                if !members(&metadata).is_empty() {
                    let index = random.below(members(&metadata).len());
                    members_mut(&mut metadata).remove(index);
                }
                set(customer, "metadata", metadata);
            }
        }
        6 => {
            if let Some(mut metadata) = customer.get("metadata").cloned() {
                members_mut(&mut metadata).reverse();
                set(customer, "metadata", metadata);
            }
        }
        7 => members_mut(customer).reverse(),
        _ => {
            if customer.get("metadata").is_none() {
                set(customer, "metadata", object(Vec::new()));
            }
        }
    }
}


/// Returns a copy of `original` with up to four edits. The copy always has metadata, because
/// a patch can add metadata but not remove the field.
pub fn random_edited(random: &mut Random, original: &Json) -> Json {
    let mut edited = original.clone();
    if edited.get("metadata").is_none() {
        set(&mut edited, "metadata", object(Vec::new()));
    }
    for _ in 0..random.below(5) {
        random_edit(random, &mut edited);
    }
    edited
}
