//! The user's edits in JavaScript: `atlas.applyEdits(edits)` applies a list of edits (add a
//! partner, add or correct an event, mark a link disputed) and returns what each one did.

use super::{decode_capped, throw, to_js, WasmAtlas};
use crate::edit::Edit;
use wasm_bindgen::prelude::*;

/// The largest list of edits accepted, as JSON characters.
const MAX_EDITS_CHARS: usize = 16 * 1024 * 1024;

#[wasm_bindgen(js_class = Atlas)]
impl WasmAtlas {
    /// `applyEdits([{ id, kind: "partner" | "event" | "correct" | "disputed", a, b, form?,
    /// event?, replaces?, claim?, sourceUrl?, made? }])` → `{ applied, skipped, placesAdded,
    /// linksAdded, outcomes: [{ id, applied, linkId, message }] }`. An edit that cannot apply
    /// is reported and left out; on error the atlas is unchanged.
    #[wasm_bindgen(js_name = applyEdits, unchecked_return_type = "EditReport")]
    pub fn apply_edits(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Edit[]")] edits: JsValue,
    ) -> Result<JsValue, JsValue> {
        let list: Vec<Edit> = decode_capped(edits, "edits", MAX_EDITS_CHARS)?;
        to_js(&self.inner.apply_edits(&list).map_err(throw)?)
    }
}
