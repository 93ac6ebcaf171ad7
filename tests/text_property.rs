//! Property: JSON text and parsed JSON give the same issues and the same merge.
//!
//! Values come from a small seeded generator, so a failure names a case that can be replayed.

use brp_customer_patch::{apply_json, apply_patch_text, validate_patch, validate_patch_text, Json, Options, Text};

/// A xorshift64* generator: small, seeded and good enough to pick test values.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const TOP_KEYS: &[&str] = &["status", "balance_group", "metadata", "id", "created_at", "stauts", "__proto__", "a/b~c", ""];
const GROUP_KEYS: &[&str] = &["eic", "tso", "eic", "tso", "name"];
const METADATA_KEYS: &[&str] = &["customer_number", "region", "", "a/b", "~", "__proto__", "ü"];
const STRINGS: &[&str] = &[
    "active", "pending", "deactivated", "approved", "", "10YDE-RWENET---I", "10YDE-RWENET---X", "22XWATTPLUS----G", "11YSOLARDACH--A",
    "DE_AMPRION", "DE_TENNET", "DE_NOWHERE", "KD-2026-0815", "Grüße", "line\nbreak", "quote\"and\\slash",
];

fn string(random: &mut Random) -> Json {
    // One string in ten carries a lone surrogate, which only the UTF-16 form can hold.
    if random.below(10) == 0 {
        return Json::String(Text::from_utf16(&[0x61, 0xd800 + random.below(0x800) as u16]));
    }
    Json::String(Text::from(random.pick(STRINGS)))
}

fn object(random: &mut Random, keys: &[&'static str], value: &mut dyn FnMut(&mut Random) -> Json) -> Json {
    let count = random.below(5);
    let entries = (0..count).map(|_| (Text::from(random.pick(keys)), value(random))).collect();
    Json::Object(entries)
}

fn any_value(random: &mut Random, depth: usize) -> Json {
    match random.below(if depth > 0 { 7 } else { 5 }) {
        0 => Json::Null,
        1 => Json::Bool(random.below(2) == 0),
        2 => Json::Number(["0", "-1", "1.0", "1e21", "12345678901234567890"][random.below(5)].to_owned()),
        3 | 4 => string(random),
        5 => Json::Array((0..random.below(3)).map(|_| any_value(random, depth - 1)).collect()),
        _ => object(random, METADATA_KEYS, &mut |random| any_value(random, depth - 1)),
    }
}

fn patch_like(random: &mut Random) -> Json {
    object(random, TOP_KEYS, &mut |random| match random.below(10) {
        0..=2 => string(random),
        3..=4 => object(random, GROUP_KEYS, &mut string),
        5..=7 => object(random, METADATA_KEYS, &mut |random| if random.below(5) == 0 { Json::Null } else { string(random) }),
        _ => any_value(random, 2),
    })
}

#[test]
fn text_and_parsed_json_agree() {
    let customer = Json::parse(r#"{"id":"c","status":"active","metadata":{"region":"NRW"},"score":1.0}"#).expect("valid customer JSON");
    let customer_text = customer.to_string();
    let options = Options::default();
    let mut random = Random(0x5eed_2026_1204);
    let mut valid = 0;

    for case in 0..10_000 {
        let patch = patch_like(&mut random);
        let text = patch.to_string();
        let from_json = validate_patch(&&patch, &options);
        let from_text = validate_patch_text(&text, &options);
        assert_eq!(from_text, from_json, "case {case}: {text}");

        let merged_json = apply_json(&customer, &patch, &options).map(|json| json.to_string());
        let merged_text = apply_patch_text(&customer_text, &text, &options);
        assert_eq!(merged_text, merged_json, "case {case}: {text}");
        valid += usize::from(from_json.is_valid());
    }
    assert!(valid > 1_000, "only {valid} of 10000 generated patches were valid");
    assert!(valid < 9_000, "only {} of 10000 generated patches were invalid", 10_000 - valid);
}
