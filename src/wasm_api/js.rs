//! JavaScript built-ins, imported with `catch` wherever a `Proxy` or getter could throw, so
//! that a hostile value becomes an issue instead of an exception through WebAssembly.

use wasm_bindgen::prelude::*;

// The helpers catch every exception themselves, so none of them throws into WebAssembly.
#[wasm_bindgen(module = "/src/wasm_api/values.js")]
extern "C" {
    #[wasm_bindgen(js_name = kindOf)]
    pub fn kind_of(value: &JsValue) -> u32;

    #[wasm_bindgen(js_name = beginCall)]
    pub fn begin_call(outermost: bool) -> u32;

    #[wasm_bindgen(js_name = endCall)]
    pub fn end_call(mark: u32);

    #[wasm_bindgen(js_name = useMemory)]
    pub fn use_memory(memory: &JsValue);

    #[wasm_bindgen(js_name = describeObject)]
    pub fn describe_object(object: &JsValue, address: u32, capacity: u32, with_text: bool) -> f64;

    #[wasm_bindgen(js_name = describeEntry)]
    pub fn describe_entry(level: u32, index: u32, address: u32, capacity: u32, with_text: bool) -> f64;

    #[wasm_bindgen(js_name = describeOptions)]
    pub fn describe_options(object: &JsValue, names: &JsValue, text_mask: u32, address: u32, capacity: u32) -> f64;

    #[wasm_bindgen(js_name = encodeLastLevel)]
    pub fn encode_last_level(address: u32, capacity: u32, with_text: bool) -> f64;

    #[wasm_bindgen(js_name = sameTime)]
    pub fn same_time(left: &JsValue, right: &JsValue) -> bool;

    #[wasm_bindgen(js_name = valueAt)]
    pub fn value_at(level: u32, index: u32) -> JsValue;

    pub fn assemble(address: u32, count: u32) -> u32;

    #[wasm_bindgen(js_name = keepValue)]
    pub fn keep_value(value: &JsValue) -> u32;
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Reflect, js_name = get, catch)]
    pub fn reflect_get(target: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;

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
