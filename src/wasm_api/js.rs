//! JavaScript built-ins, imported with `catch` wherever a `Proxy` or getter could throw, so
//! that a hostile value becomes an issue instead of an exception through WebAssembly.

use js_sys::{JsString, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Object, js_name = getPrototypeOf, catch)]
    pub fn get_prototype_of(value: &JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_namespace = Object, js_name = prototype, thread_local_v2)]
    pub static OBJECT_PROTOTYPE: JsValue;

    #[wasm_bindgen(js_namespace = Map, js_name = prototype, thread_local_v2)]
    pub static MAP_PROTOTYPE: JsValue;

    #[wasm_bindgen(js_namespace = Set, js_name = prototype, thread_local_v2)]
    pub static SET_PROTOTYPE: JsValue;

    #[wasm_bindgen(js_namespace = Date, js_name = prototype, thread_local_v2)]
    pub static DATE_PROTOTYPE: JsValue;

    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    pub fn is_array(value: &JsValue) -> Result<bool, JsValue>;

    #[wasm_bindgen(js_namespace = Object, js_name = keys, catch)]
    pub fn object_keys(value: &JsValue) -> Result<js_sys::Array, JsValue>;

    #[wasm_bindgen(js_namespace = Reflect, js_name = get, catch)]
    pub fn reflect_get(target: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_namespace = Object, js_name = defineProperty, catch)]
    fn define_property(target: &JsValue, key: &JsValue, descriptor: &JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_namespace = Object, js_name = create)]
    fn object_create(prototype: &JsValue) -> JsValue;

    /// A string seen through the ES2024 methods that js-sys does not bind yet.
    #[wasm_bindgen(js_name = String)]
    pub type WellFormedString;

    #[wasm_bindgen(method, js_name = isWellFormed, catch)]
    pub fn is_well_formed(this: &WellFormedString) -> Result<bool, JsValue>;

    #[wasm_bindgen(js_name = TypeError)]
    pub type TypeError;

    #[wasm_bindgen(constructor, js_class = "TypeError")]
    pub fn new(message: &str) -> TypeError;
}

thread_local! {
    /// The key `value`, made once because every property definition names it.
    static VALUE_KEY: JsValue = JsValue::from_str("value");

    /// A reused data-property descriptor. Its prototype is `null`, so that getters added to
    /// `Object.prototype` cannot turn it into an accessor descriptor.
    static DESCRIPTOR: JsValue = {
        let descriptor = object_create(&JsValue::NULL);
        for flag in ["writable", "enumerable", "configurable"] {
            // Own data properties of a null-prototype object: setting them calls no setter.
            let _ = Reflect::set(&descriptor, &flag.into(), &JsValue::TRUE);
        }
        descriptor
    };
}

/// Adds an own enumerable data property, as an object literal does. Unlike an assignment, it
/// calls no setter inherited from `Object.prototype` and makes `__proto__` an ordinary key.
///
/// Returns `false` if the engine rejects the definition, which it does only for an object that
/// is frozen, non-extensible or a `Proxy`; the objects this crate creates are none of these.
pub fn define_data_property(object: &JsValue, key: &JsValue, value: &JsValue) -> bool {
    DESCRIPTOR.with(|descriptor| {
        VALUE_KEY.with(|value_key| {
            let _ = Reflect::set(descriptor, value_key, value);
            let defined = define_property(object, key, descriptor).is_ok();
            // Drop the reference, so the descriptor does not keep the last value alive.
            let _ = Reflect::set(descriptor, value_key, &JsValue::UNDEFINED);
            defined
        })
    })
}

/// Builds a JavaScript string from UTF-16 code units, lone surrogates included.
pub fn string_from_utf16(units: &[u16]) -> JsValue {
    // `String.fromCharCode` takes the units as arguments, and engines cap the argument count
    // (V8 overflows its stack past about 120,000), so long strings are built in chunks.
    const CHUNK: usize = 4096;
    let mut chunks = units.chunks(CHUNK);
    let Some(first) = chunks.next() else {
        return JsValue::from_str("");
    };
    let mut string = JsString::from_char_code(first);
    for chunk in chunks {
        string = string.concat(&JsString::from_char_code(chunk).into());
    }
    string.into()
}
