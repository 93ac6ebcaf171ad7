//! The head of an RFC 9457 problem document for a rejected patch. The package's
//! `toProblemDetails` adds the `errors` it already holds, so the issues make no second trip
//! into WebAssembly.

use wasm_bindgen::prelude::*;

use crate::messages::problem_text;
use crate::{Json, Locale, Text};

use super::de::{kind_of, type_error, CallScope, OptionObject};

/// The HTTP status of every problem document this package builds: the request body is at fault.
const STATUS_BAD_REQUEST: &str = "400";

/// Returns JSON text of `{ type, title, status, detail, instance? }` for a patch rejected with
/// `listed` errors. When the report reached its limit, its last error counts the `dropped`
/// issues that it left out, and the detail counts those instead of that last error.
///
/// `options` may set `type` (a URI reference, `"about:blank"` by default), `instance` (a URI
/// reference for this occurrence) and `locale`. Throws a `TypeError` for an unknown option or
/// a value that is not a string.
#[wasm_bindgen(js_name = problemHead)]
pub fn problem_head_js(listed: u32, dropped: u32, options: JsValue) -> Result<String, JsValue> {
    let mut problem_type = "about:blank".to_owned();
    let mut instance = None;
    let mut locale = Locale::En;

    if !options.is_undefined() && !options.is_null() {
        if kind_of(&options) != crate::Kind::Object {
            return Err(type_error("options must be a plain object such as { type: \"https://example.com/problems/invalid-patch\" }."));
        }
        let _scope = CallScope::enter();
        let options = OptionObject::read(&options, "options", &["type", "instance", "locale"], &["type", "instance", "locale"])?;
        if let Some(value) = options.string("type")? {
            problem_type = value;
        }
        instance = options.string("instance")?;
        if let Some(tag) = options.string("locale")? {
            locale = Locale::from_tag(&tag);
        }
    }

    let error_count = if dropped > 0 { listed as usize - 1 + dropped as usize } else { listed as usize };
    let (title, detail) = problem_text(error_count, locale, problem_type == "about:blank");
    let mut members = vec![
        (Text::from("type"), Json::String(Text::from(problem_type))),
        (Text::from("title"), Json::String(Text::from(title.to_owned()))),
        (Text::from("status"), Json::Number(STATUS_BAD_REQUEST.to_owned())),
        (Text::from("detail"), Json::String(Text::from(detail))),
    ];
    if let Some(instance) = instance {
        members.push((Text::from("instance"), Json::String(Text::from(instance))));
    }
    Ok(Json::Object(members).to_json_text())
}
