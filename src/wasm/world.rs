//! The world network in JavaScript: `loadWorldBytes(bytes)` lays the uncompressed world
//! asset under the loaded data, `world()` says what is loaded. Fetching and decompressing
//! the asset is the package's JavaScript (`Atlas.loadWorld`, `Atlas.withWorldData` in Node).

#[cfg(feature = "full")]
use super::throw;
use super::{to_js, WasmAtlas};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(js_class = Atlas)]
impl WasmAtlas {
    /// `loadWorldBytes(bytes)` → `{ title, built, licence, attribution, counts, sources,
    /// placesMerged, placesAdded, linksMerged, linksAdded }`: lay the world network
    /// (`twinning-atlas-world/1` JSON, uncompressed) under the loaded data. On error the
    /// atlas is unchanged.
    #[cfg(feature = "full")]
    #[wasm_bindgen(js_name = loadWorldBytes, unchecked_return_type = "WorldInfo")]
    pub fn load_world_bytes(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: &[u8],
    ) -> Result<JsValue, JsValue> {
        to_js(&self.inner.load_world(bytes).map_err(throw)?)
    }

    /// `world()` → what `loadWorldBytes` returned, or `null` when no world network is loaded.
    #[wasm_bindgen(unchecked_return_type = "WorldInfo | null")]
    pub fn world(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.world())
    }
}
