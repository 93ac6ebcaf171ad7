//! JavaScript built-ins, imported with `catch` wherever a `Proxy` or getter could throw, so
//! that a hostile value becomes an issue instead of an exception through WebAssembly.

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

    #[wasm_bindgen(js_namespace = Reflect, js_name = set)]
    pub fn reflect_set(target: &JsValue, key: &JsValue, value: &JsValue) -> bool;

    #[wasm_bindgen(js_namespace = Object, js_name = defineProperty)]
    pub fn define_property(target: &JsValue, key: &JsValue, descriptor: &JsValue) -> JsValue;

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
