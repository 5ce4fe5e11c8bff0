//! Find a partner in JavaScript: `suggestPartners(id, options)` and `whyNot(id, otherId)`.
//! The model is trained on the loaded network at the first call (a second or two with the
//! world network) and kept until the data changes.

use super::{id_arg, options, throw, to_js, WasmAtlas};
use crate::suggest::SuggestOptions;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(js_class = Atlas)]
impl WasmAtlas {
    /// `suggestPartners(id, { limit, country, maxDistanceKm, minPopulation, maxPopulation,
    /// exclude })` → `{ place, suggestions: [{ place, score, distanceKm, reasons: [{ kind,
    /// text, weight, places }], against }], considered, model }`.
    #[wasm_bindgen(js_name = suggestPartners)]
    pub fn suggest_partners(&self, id: JsValue, opts: JsValue) -> Result<JsValue, JsValue> {
        let o: SuggestOptions = options(opts, "suggest options")?;
        to_js(
            &self
                .inner
                .suggest_partners(&id_arg(id, "place id")?, &o)
                .map_err(throw)?,
        )
    }

    /// `whyNot(id, otherId)` → `{ place, other: { place, score, distanceKm, reasons,
    /// against }, alreadyPartners, rank, considered, topScore }`.
    #[wasm_bindgen(js_name = whyNot)]
    pub fn why_not(&self, id: JsValue, other: JsValue) -> Result<JsValue, JsValue> {
        let (a, b) = (id_arg(id, "place id")?, id_arg(other, "other place id")?);
        to_js(&self.inner.explain_pair(&a, &b).map_err(throw)?)
    }
}
