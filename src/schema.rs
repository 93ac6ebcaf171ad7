//! A JSON Schema (draft 2020-12) of the PATCH body, generated from the field table in
//! [`crate::fields`], so that other tools can check bodies against the same rules.
//!
//! The schema covers what JSON Schema can state: the writable fields, the enums, the EIC's
//! format, metadata values that are strings or `null`, non-empty metadata keys, and read-only
//! and unknown fields rejected. It does not state the EIC check character or the object type,
//! which are warnings, nor `limits`, which are options, nor lone surrogates, which JSON text
//! cannot carry in valid UTF-8.

use crate::fields::{Access, Field, FieldKind, Schema, CUSTOMER};
use crate::{Json, Text};

/// The draft that the schema follows.
pub const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The pattern of an EIC: 16 characters of `0-9`, `A-Z` and `-`, anchored at both ends.
pub const EIC_PATTERN: &str = "^[0-9A-Z-]{16}$";

/// Builds the JSON Schema of a PATCH body.
///
/// ```
/// let schema = brp_customer_patch::patch_json_schema();
/// assert_eq!(schema.get("additionalProperties"), Some(&brp_customer_patch::Json::Bool(false)));
/// ```
pub fn patch_json_schema() -> Json {
    let mut schema = object_schema(&CUSTOMER, false);
    let mut header = vec![
        entry("$schema", string(DRAFT)),
        entry("title", string("PATCH /v1/customers/{customer_id} body")),
        entry("description", string("A partial update of a customer. In metadata, null removes a key.")),
    ];
    if let Json::Object(entries) = &mut schema {
        header.append(entries);
        *entries = header;
    }
    schema
}

/// Builds the schema of an object: one property per field, and no other key.
fn object_schema(schema: &Schema, all_required: bool) -> Json {
    let properties = schema.fields.iter().map(|field| (Text::from(field.name), field_schema(field))).collect();
    let mut entries = vec![entry("type", string("object")), entry("properties", Json::Object(properties))];
    if all_required {
        let required = schema.writable_names.iter().map(|name| string(name)).collect();
        entries.push(entry("required", Json::Array(required)));
    }
    entries.push(entry("additionalProperties", Json::Bool(false)));
    Json::Object(entries)
}

fn field_schema(field: &Field) -> Json {
    if field.access == Access::ReadOnly {
        // `readOnly` alone is an annotation, so `not: {}` is what makes a validator reject it.
        return Json::Object(vec![entry("readOnly", Json::Bool(true)), entry("not", Json::Object(Vec::new()))]);
    }
    match field.kind {
        FieldKind::Enum(options) => Json::Object(vec![
            entry("type", string("string")),
            entry("enum", Json::Array(options.iter().map(|option| string(option)).collect())),
        ]),
        FieldKind::Eic => Json::Object(vec![entry("type", string("string")), entry("pattern", string(EIC_PATTERN))]),
        FieldKind::Group(schema) => object_schema(schema, true),
        FieldKind::Metadata => Json::Object(vec![
            entry("type", string("object")),
            entry("propertyNames", Json::Object(vec![entry("minLength", Json::Number("1".to_owned()))])),
            entry(
                "additionalProperties",
                Json::Object(vec![entry("type", Json::Array(vec![string("string"), string("null")]))]),
            ),
        ]),
        FieldKind::ServerManaged => Json::Object(vec![entry("not", Json::Object(Vec::new()))]),
    }
}

fn entry(key: &'static str, value: Json) -> (Text<'static>, Json) {
    (Text::from(key), value)
}

fn string(value: &str) -> Json {
    Json::String(Text::from(value.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_names_every_field() {
        let schema = patch_json_schema();
        let Some(Json::Object(properties)) = schema.get("properties") else {
            panic!("no properties in {schema}");
        };
        let names: Vec<_> = properties.iter().map(|(key, _)| key.as_str().unwrap_or_default()).collect();
        let expected: Vec<_> = CUSTOMER.fields.iter().map(|field| field.name).collect();
        assert_eq!(names, expected);
    }

    #[test]
    fn read_only_fields_are_rejected() {
        let schema = patch_json_schema();
        let id = schema.get("properties").and_then(|properties| properties.get("id")).expect("an id property");
        assert_eq!(id.to_string(), r#"{"readOnly":true,"not":{}}"#);
    }

    #[test]
    fn balance_group_requires_members() {
        let schema = patch_json_schema();
        let group = schema.get("properties").and_then(|properties| properties.get("balance_group")).expect("a balance_group property");
        assert_eq!(group.get("required").map(ToString::to_string).as_deref(), Some(r#"["eic","tso"]"#));
        let eic = group.get("properties").and_then(|properties| properties.get("eic")).expect("an eic property");
        assert_eq!(eic.get("pattern").and_then(Json::as_str), Some(EIC_PATTERN));
    }

    #[test]
    fn schema_is_valid_json() {
        let text = patch_json_schema().to_string();
        assert_eq!(Json::parse(&text).map(|schema| schema.to_string()), Ok(text));
        assert!(patch_json_schema().to_string().starts_with(r#"{"$schema":"https://json-schema.org/draft/2020-12/schema","#));
    }
}
