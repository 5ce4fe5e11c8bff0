//! The maps' data in JavaScript: `mapData({ asOf })` → every positioned place and every link
//! between two of them, in columns (see `crate::map`).

use super::{options, throw, to_js, WasmAtlas};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(js_class = Atlas)]
impl WasmAtlas {
    /// `mapData({ asOf })` → `{ asOf, statuses, forms, places: { id, name, country, lat, lon,
    /// partners }, links: { id, a, b, status, form, since, until, decided } }`.
    #[wasm_bindgen(js_name = mapData)]
    pub fn map_data(&self, opts: JsValue) -> Result<JsValue, JsValue> {
        let o: crate::map::MapOptions = options(opts, "map options")?;
        to_js(&self.inner.map_data(&o).map_err(throw)?)
    }
}
