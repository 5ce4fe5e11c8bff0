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
    #[wasm_bindgen(js_name = suggestPartners, unchecked_return_type = "Suggestions")]
    pub fn suggest_partners(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "SuggestOptions")] opts: JsValue,
    ) -> Result<JsValue, JsValue> {
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
    #[wasm_bindgen(js_name = whyNot, unchecked_return_type = "PairExplanation")]
    pub fn why_not(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] other: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (a, b) = (id_arg(id, "place id")?, id_arg(other, "other place id")?);
        to_js(&self.inner.explain_pair(&a, &b).map_err(throw)?)
    }
}
