//! The JavaScript facade for classification, comparison, the network and statistics. Each
//! method decodes its arguments, calls the core, and encodes the result (see `mod.rs`).

use super::{id_arg, options, required, throw, to_js, WasmAtlas};
use crate::classify::{ClassifyAllOptions, ClassifyOptions};
use crate::compare::{CompareOptions, ComparePairsOptions, PairsInput};
use crate::network::NetworkOptions;
use crate::statistics::StatisticsOptions;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(js_class = Atlas)]
impl WasmAtlas {
    /// `classify(idA, idB, { asOf, thresholds: { adjacentKm, nearBorderKm, sharedTownKm } })` →
    /// `{ kind, geographicTwin, agreement, status, criteria: { C1 … C6 }, twinCities, motives, distanceKm, … }`.
    pub fn classify(&self, a: JsValue, b: JsValue, opts: JsValue) -> Result<JsValue, JsValue> {
        let (a, b) = (id_arg(a, "first place id")?, id_arg(b, "second place id")?);
        let o: ClassifyOptions = options(opts, "classify options")?;
        to_js(&self.inner.classify(&a, &b, &o).map_err(throw)?)
    }

    /// `classifyLink(linkId, { asOf, thresholds })` → as `classify`.
    #[wasm_bindgen(js_name = classifyLink)]
    pub fn classify_link(&self, id: JsValue, opts: JsValue) -> Result<JsValue, JsValue> {
        let id = id_arg(id, "link id")?;
        let o: ClassifyOptions = options(opts, "classify options")?;
        to_js(&self.inner.classify_link(&id, &o).map_err(throw)?)
    }

    /// `classifyAll({ asOf, thresholds, detail })` → counts by kind, status and verdict.
    #[wasm_bindgen(js_name = classifyAll)]
    pub fn classify_all(&self, opts: JsValue) -> Result<JsValue, JsValue> {
        let o: ClassifyAllOptions = options(opts, "classifyAll options")?;
        to_js(&self.inner.classify_all(&o).map_err(throw)?)
    }

    /// `comparePairs([[idA, idB], …] | { preset: "baltic" }, { asOf, since, thresholds })`.
    #[wasm_bindgen(js_name = comparePairs)]
    pub fn compare_pairs(&self, pairs: JsValue, opts: JsValue) -> Result<JsValue, JsValue> {
        let input: PairsInput = required(
            pairs,
            "pairs (a list of [idA, idB] or { preset: \"baltic\" })",
        )?;
        let o: ComparePairsOptions = options(opts, "comparePairs options")?;
        to_js(&self.inner.compare_pairs(&input, &o).map_err(throw)?)
    }

    /// `comparePlaces([id, …], { asOf })`: two to four places side by side.
    #[wasm_bindgen(js_name = comparePlaces)]
    pub fn compare_places(&self, ids: JsValue, opts: JsValue) -> Result<JsValue, JsValue> {
        let ids: Vec<String> = required(ids, "place ids")?;
        let o: CompareOptions = options(opts, "comparePlaces options")?;
        to_js(&self.inner.compare_places(&ids, &o).map_err(throw)?)
    }

    /// `compareCountries([code, …], { asOf })`: one to eight countries side by side.
    #[wasm_bindgen(js_name = compareCountries)]
    pub fn compare_countries(&self, codes: JsValue, opts: JsValue) -> Result<JsValue, JsValue> {
        let codes: Vec<String> = required(codes, "country codes")?;
        let o: CompareOptions = options(opts, "compareCountries options")?;
        to_js(&self.inner.compare_countries(&codes, &o).map_err(throw)?)
    }

    /// `chain(idA, idB, { asOf, activeOnly })` → the shortest chain of partnerships.
    pub fn chain(&self, a: JsValue, b: JsValue, opts: JsValue) -> Result<JsValue, JsValue> {
        let (a, b) = (id_arg(a, "first place id")?, id_arg(b, "second place id")?);
        let o: NetworkOptions = options(opts, "chain options")?;
        to_js(&self.inner.chain(&a, &b, &o).map_err(throw)?)
    }

    /// `partnersOfPartners(id, { asOf, activeOnly, limit })`.
    #[wasm_bindgen(js_name = partnersOfPartners)]
    pub fn partners_of_partners(&self, id: JsValue, opts: JsValue) -> Result<JsValue, JsValue> {
        let id = id_arg(id, "place id")?;
        let o: NetworkOptions = options(opts, "partnersOfPartners options")?;
        to_js(&self.inner.partners_of_partners(&id, &o).map_err(throw)?)
    }

    /// `components({ asOf, activeOnly, limit })` → count, sizes and the largest components.
    pub fn components(&self, opts: JsValue) -> Result<JsValue, JsValue> {
        let o: NetworkOptions = options(opts, "components options")?;
        to_js(&self.inner.components(&o).map_err(throw)?)
    }

    /// `componentOf(id, { asOf, activeOnly, limit })` → the component of a place.
    #[wasm_bindgen(js_name = componentOf)]
    pub fn component_of(&self, id: JsValue, opts: JsValue) -> Result<JsValue, JsValue> {
        let id = id_arg(id, "place id")?;
        let o: NetworkOptions = options(opts, "componentOf options")?;
        to_js(&self.inner.component_of(&id, &o).map_err(throw)?)
    }

    /// `mostConnected({ asOf, limit })` → places by partners, and the Saint Petersburg check.
    #[wasm_bindgen(js_name = mostConnected)]
    pub fn most_connected(&self, opts: JsValue) -> Result<JsValue, JsValue> {
        let o: NetworkOptions = options(opts, "mostConnected options")?;
        to_js(&self.inner.most_connected(&o).map_err(throw)?)
    }

    /// `statistics({ seed, rounds })` → per decade, endings, distances, distance check.
    pub fn statistics(&self, opts: JsValue) -> Result<JsValue, JsValue> {
        let o: StatisticsOptions = options(opts, "statistics options")?;
        to_js(&self.inner.statistics(&o).map_err(throw)?)
    }
}
