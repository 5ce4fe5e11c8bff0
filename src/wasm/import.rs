//! The JavaScript facade of import and export: `atlas.import(textOrBytes, options)` returns
//! the report, `atlas.export({ format })` the file's text. Errors are thrown with `.code`.

use super::{options, throw, to_js, WasmAtlas};
use crate::export::ExportOptions;
use crate::import::ImportOptions;
use crate::Error;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(js_class = Atlas)]
impl WasmAtlas {
    /// `import(textOrBytes, { format?, mapping?, mode?: "merge" | "replace", sourceName?,
    /// labels?, maxBytes? })` → the import report. A string or a `Uint8Array` / `ArrayBuffer`;
    /// on error the atlas is unchanged.
    #[wasm_bindgen(js_name = import)]
    pub fn import_file(&mut self, input: JsValue, opts: JsValue) -> Result<JsValue, JsValue> {
        let o: ImportOptions = options(opts, "import options")?;
        let limit = crate::import::MAX_IMPORT_BYTES;
        let size = match input.dyn_ref::<js_sys::Uint8Array>() {
            Some(a) => a.length() as usize,
            None => input
                .dyn_ref::<js_sys::ArrayBuffer>()
                .map(|b| b.byte_length() as usize)
                .unwrap_or(0),
        };
        if size > limit {
            return Err(throw(Error::TooLarge {
                what: "the imported file".into(),
                limit,
                actual: size,
            }));
        }
        let bytes: Vec<u8> = if let Some(s) = input.as_string() {
            s.into_bytes()
        } else if let Some(a) = input.dyn_ref::<js_sys::Uint8Array>() {
            a.to_vec()
        } else if let Some(b) = input.dyn_ref::<js_sys::ArrayBuffer>() {
            js_sys::Uint8Array::new(b).to_vec()
        } else {
            return Err(throw(Error::invalid(
                "import input",
                "must be a string, a Uint8Array or an ArrayBuffer",
            )));
        };
        to_js(&self.inner.import(&bytes, &o).map_err(throw)?)
    }

    /// `export({ format: "json" | "csv" | "geojson" })` → the file's text.
    pub fn export(&self, opts: JsValue) -> Result<String, JsValue> {
        let o: ExportOptions = options(opts, "export options")?;
        self.inner.export(&o).map_err(throw)
    }
}
