//! Helpers shared by the wasm facade tests (`tests/wasm.rs`, `tests/search_wasm.rs`).
#![allow(dead_code)]

use js_sys::{Object, Reflect};
use twinning_atlas::wasm::WasmAtlas;
use wasm_bindgen::{JsCast, JsValue};

/// A property of a JS value, `undefined` when absent.
pub fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// A plain object from key–value pairs.
pub fn obj(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o.into()
}

/// The `code` of a thrown value, checking that it is a JS Error named TwinningAtlasError.
pub fn code_of(err: JsValue) -> String {
    assert_eq!(
        get(&err, "name").as_string().as_deref(),
        Some("TwinningAtlasError")
    );
    assert!(err.is_instance_of::<js_sys::Error>());
    get(&err, "code").as_string().unwrap_or_default()
}

/// The atlas on the curated data.
pub fn atlas() -> WasmAtlas {
    WasmAtlas::with_default_data().unwrap_or_else(|_| panic!("default data does not load"))
}
