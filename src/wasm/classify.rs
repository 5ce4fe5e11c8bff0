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
    #[wasm_bindgen(unchecked_return_type = "Classification")]
    pub fn classify(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] a: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] b: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ClassifyOptions")] opts: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (a, b) = (id_arg(a, "first place id")?, id_arg(b, "second place id")?);
        let o: ClassifyOptions = options(opts, "classify options")?;
        to_js(&self.inner.classify(&a, &b, &o).map_err(throw)?)
    }

    /// `classifyLink(linkId, { asOf, thresholds })` → as `classify`.
    #[wasm_bindgen(js_name = classifyLink, unchecked_return_type = "Classification")]
    pub fn classify_link(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ClassifyOptions")] opts: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = id_arg(id, "link id")?;
        let o: ClassifyOptions = options(opts, "classify options")?;
        to_js(&self.inner.classify_link(&id, &o).map_err(throw)?)
    }

    /// `classifyAll({ asOf, thresholds, detail })` → counts by kind, status and verdict.
    #[wasm_bindgen(js_name = classifyAll, unchecked_return_type = "ClassifyAllResult")]
    pub fn classify_all(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ClassifyAllOptions")] opts: JsValue,
    ) -> Result<JsValue, JsValue> {
        let o: ClassifyAllOptions = options(opts, "classifyAll options")?;
        to_js(&self.inner.classify_all(&o).map_err(throw)?)
    }

    /// `comparePairs([[idA, idB], …] | { preset: "baltic" }, { asOf, since, thresholds })`.
    #[wasm_bindgen(js_name = comparePairs, unchecked_return_type = "ComparePairsView")]
    pub fn compare_pairs(
        &self,
        #[wasm_bindgen(unchecked_param_type = "PairsInput")] pairs: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ComparePairsOptions")] opts: JsValue,
    ) -> Result<JsValue, JsValue> {
        let input: PairsInput = required(
            pairs,
            "pairs (a list of [idA, idB] or { preset: \"baltic\" })",
        )?;
        let o: ComparePairsOptions = options(opts, "comparePairs options")?;
        to_js(&self.inner.compare_pairs(&input, &o).map_err(throw)?)
    }

    /// `comparePlaces([id, …], { asOf })`: two to four places side by side.
    #[wasm_bindgen(js_name = comparePlaces, unchecked_return_type = "ComparePlacesView")]
    pub fn compare_places(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string[]")] ids: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CompareOptions")] opts: JsValue,
    ) -> Result<JsValue, JsValue> {
        let ids: Vec<String> = required(ids, "place ids")?;
        let o: CompareOptions = options(opts, "comparePlaces options")?;
        to_js(&self.inner.compare_places(&ids, &o).map_err(throw)?)
    }

    /// `compareCountries([code, …], { asOf })`: one to eight countries side by side.
    #[wasm_bindgen(js_name = compareCountries, unchecked_return_type = "CompareCountriesView")]
    pub fn compare_countries(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string[]")] codes: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CompareOptions")] opts: JsValue,
    ) -> Result<JsValue, JsValue> {
        let codes: Vec<String> = required(codes, "country codes")?;
        let o: CompareOptions = options(opts, "compareCountries options")?;
        to_js(&self.inner.compare_countries(&codes, &o).map_err(throw)?)
    }

    /// `chain(idA, idB, { asOf, activeOnly })` → the shortest chain of partnerships.
    #[wasm_bindgen(unchecked_return_type = "ChainView")]
    pub fn chain(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] a: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] b: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "NetworkOptions")] opts: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (a, b) = (id_arg(a, "first place id")?, id_arg(b, "second place id")?);
        let o: NetworkOptions = options(opts, "chain options")?;
        to_js(&self.inner.chain(&a, &b, &o).map_err(throw)?)
    }

    /// `partnersOfPartners(id, { asOf, activeOnly, limit })`.
    #[wasm_bindgen(js_name = partnersOfPartners, unchecked_return_type = "PartnersOfPartnersView")]
    pub fn partners_of_partners(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "NetworkOptions")] opts: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = id_arg(id, "place id")?;
        let o: NetworkOptions = options(opts, "partnersOfPartners options")?;
        to_js(&self.inner.partners_of_partners(&id, &o).map_err(throw)?)
    }

    /// `components({ asOf, activeOnly, limit })` → count, sizes and the largest components.
    #[wasm_bindgen(unchecked_return_type = "ComponentsView")]
    pub fn components(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "NetworkOptions")] opts: JsValue,
    ) -> Result<JsValue, JsValue> {
        let o: NetworkOptions = options(opts, "components options")?;
        to_js(&self.inner.components(&o).map_err(throw)?)
    }

    /// `componentOf(id, { asOf, activeOnly, limit })` → the component of a place.
    #[wasm_bindgen(js_name = componentOf, unchecked_return_type = "ComponentOfView")]
    pub fn component_of(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "NetworkOptions")] opts: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = id_arg(id, "place id")?;
        let o: NetworkOptions = options(opts, "componentOf options")?;
        to_js(&self.inner.component_of(&id, &o).map_err(throw)?)
    }

    /// `mostConnected({ asOf, limit })` → places by partners, and the Saint Petersburg check.
    #[wasm_bindgen(js_name = mostConnected, unchecked_return_type = "MostConnectedView")]
    pub fn most_connected(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "NetworkOptions")] opts: JsValue,
    ) -> Result<JsValue, JsValue> {
        let o: NetworkOptions = options(opts, "mostConnected options")?;
        to_js(&self.inner.most_connected(&o).map_err(throw)?)
    }

    /// `statistics({ seed, rounds })` → per decade, endings, distances, distance check.
    #[wasm_bindgen(unchecked_return_type = "StatisticsView")]
    pub fn statistics(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "StatisticsOptions")] opts: JsValue,
    ) -> Result<JsValue, JsValue> {
        let o: StatisticsOptions = options(opts, "statistics options")?;
        to_js(&self.inner.statistics(&o).map_err(throw)?)
    }
}
