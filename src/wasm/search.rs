//! The search exports beyond the basic `search` (in `mod.rs`): a search-only atlas built
//! straight from columns, and a lean call that returns place indexes only, for large name
//! lists and the benchmark.

use super::{throw, WasmAtlas};
use crate::search::PlaceColumns;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(js_class = Atlas)]
impl WasmAtlas {
    /// `Atlas.fromColumns(ids, names, nameCounts, populations, countries, levels)`: a
    /// search-only atlas (no links). `names` holds, for each place, its name then its
    /// aliases, one per line; `nameCounts[i]` says how many lines place `i` has. `ids`,
    /// `countries` and `levels` have one line per place (or are empty); `populations` is a
    /// `Uint32Array` (or empty). Place `i` is index `i` in `searchIds`.
    #[wasm_bindgen(js_name = fromColumns)]
    pub fn from_columns(
        ids: &str,
        names: String,
        name_counts: &[u32],
        populations: &[u32],
        countries: &str,
        levels: &str,
    ) -> Result<WasmAtlas, JsValue> {
        let inner = crate::Atlas::from_columns(PlaceColumns {
            ids,
            names,
            name_counts,
            populations,
            countries,
            levels,
        })
        .map_err(throw)?;
        Ok(WasmAtlas { inner })
    }

    /// `searchIds(text, k)` → `Uint32Array` of the best `k` place indexes, best first (the
    /// ranking of `search`, without filters, links or views).
    #[wasm_bindgen(js_name = searchIds)]
    pub fn search_ids(&self, text: &str, k: u32) -> Vec<u32> {
        self.inner
            .search_index()
            .search_ids(text, k.min(1000) as usize)
    }
}
