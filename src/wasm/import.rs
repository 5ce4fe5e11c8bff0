//! The JavaScript facade of import and export: `atlas.import(textOrBytes, options)` returns
//! the report, `atlas.export({ format })` the file's text. Errors are thrown with `.code`.

use super::{throw, to_js, WasmAtlas};
use wasm_bindgen::prelude::*;
#[cfg(feature = "import")]
use {super::object, crate::import::ImportOptions, crate::Error, wasm_bindgen::JsCast};
#[cfg(feature = "full")]
use {super::options, crate::export::ExportOptions};

// Only in the full module (feature `import`, on by default): the page's first module is
// built without it and imports run in the import job (www/lib/import-job.js) on the full one.
#[cfg(feature = "import")]
#[wasm_bindgen(js_class = Atlas)]
impl WasmAtlas {
    /// `import(textOrBytes, { format?, mapping?, mode?: "merge" | "replace", sourceName?,
    /// labels?, maxBytes? })` → the import report. A string or a `Uint8Array` / `ArrayBuffer`;
    /// on error the atlas is unchanged.
    #[wasm_bindgen(js_name = import, unchecked_return_type = "ImportReport")]
    pub fn import_file(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] input: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ImportOptions")] opts: JsValue,
    ) -> Result<JsValue, JsValue> {
        // import options may carry a labels file: they are capped like a file
        let o: ImportOptions = if opts.is_undefined() || opts.is_null() {
            ImportOptions::default()
        } else {
            object(opts, "import options", crate::import::MAX_IMPORT_BYTES)?
        };
        let bytes = input_bytes(&input, o.limit())?;
        to_js(&self.inner.import(&bytes, &o).map_err(throw)?)
    }
}

#[cfg(feature = "import")]
#[wasm_bindgen(js_class = Atlas)]
impl WasmAtlas {
    /// `Atlas.previewTable(textOrBytes, { format?, delimiter?, mapping?, maxBytes? })` →
    /// `{ format, delimiter, header, rows, guess, recognised, columns, problems }`: the first
    /// 20 rows and the importer's guess of each column, as the `mapping` option's object.
    /// Refuses what `import` refuses, with the same coded errors.
    #[wasm_bindgen(js_name = previewTable, unchecked_return_type = "TablePreview")]
    pub fn preview_table(
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] input: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ImportOptions")] opts: JsValue,
    ) -> Result<JsValue, JsValue> {
        let o: ImportOptions = if opts.is_undefined() || opts.is_null() {
            ImportOptions::default()
        } else {
            object(opts, "preview options", crate::import::MAX_IMPORT_BYTES)?
        };
        let bytes = input_bytes(&input, o.limit())?;
        to_js(&crate::import::preview(&bytes, &o).map_err(throw)?)
    }
}

// QuickStatements and export: only in the full module (feature `full`), since only the
// data view and "My changes" (routes that wait for the full module) call them.
#[cfg(feature = "full")]
#[wasm_bindgen(js_class = Atlas)]
impl WasmAtlas {
    /// `Atlas.quickStatements([{ a, b, aName?, bName?, start?, end?, reference? }])` →
    /// `{ commands, lines, pairs, skipped: [{ row, reason, written }] }`: QuickStatements V1
    /// commands (P190 both ways, P580, P582, S854) for the pairs given by Wikidata id.
    #[wasm_bindgen(js_name = quickStatements, unchecked_return_type = "QsExport")]
    pub fn quick_statements(
        #[wasm_bindgen(unchecked_param_type = "QsRow[]")] rows: JsValue,
    ) -> Result<JsValue, JsValue> {
        // each row is at most a few hundred characters: the JSON text is capped before
        // anything is copied into the module
        let rows: Vec<crate::import::quickstatements::QsRow> = super::decode_capped(
            rows,
            "quickStatements rows (an array of { a, b, start?, end?, reference? })",
            crate::import::quickstatements::MAX_QS_ROWS * 4096,
        )?;
        to_js(&crate::import::quickstatements::quickstatements(&rows).map_err(throw)?)
    }

    /// `atlas.quickStatementsFor([linkId, …])` → the same as `Atlas.quickStatements` for
    /// links of the atlas (Wikidata ids of both places, first start, end, a source's URL).
    #[wasm_bindgen(js_name = quickStatementsFor, unchecked_return_type = "QsExport")]
    pub fn quick_statements_for(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string[]")] ids: JsValue,
    ) -> Result<JsValue, JsValue> {
        let ids: Vec<String> = super::decode_capped(
            ids,
            "quickStatementsFor link ids (an array of strings)",
            crate::import::quickstatements::MAX_QS_ROWS * 1100,
        )?;
        let rows = self.inner.quickstatement_rows(&ids).map_err(throw)?;
        to_js(&crate::import::quickstatements::quickstatements(&rows).map_err(throw)?)
    }

    /// `export({ format: "json" | "csv" | "geojson" })` → the file's text.
    pub fn export(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ExportOptions")] opts: JsValue,
    ) -> Result<String, JsValue> {
        let o: ExportOptions = options(opts, "export options")?;
        self.inner.export(&o).map_err(throw)
    }
}

/// The bytes of an import's input, its size checked against `limit` before anything is
/// copied into the module: a string by its length (its UTF-8 form is at least as long), a
/// buffer by its byte length. An empty or detached buffer is refused here: reading a
/// detached one would throw inside the call and leave the atlas borrowed.
#[cfg(feature = "import")]
fn input_bytes(input: &JsValue, limit: usize) -> Result<Vec<u8>, JsValue> {
    let too_large = |actual: usize| {
        throw(Error::TooLarge {
            what: "the imported file".into(),
            limit,
            actual,
        })
    };
    let empty = || {
        throw(Error::Parse {
            origin: "the imported file".into(),
            line: 1,
            column: 1,
            message: "the buffer is empty, or detached (transferred to a worker or closed)".into(),
        })
    };
    if let Some(s) = input.dyn_ref::<js_sys::JsString>() {
        let units = s.length() as usize;
        if units > limit {
            return Err(too_large(units));
        }
        return Ok(input.as_string().unwrap_or_default().into_bytes());
    }
    if let Some(a) = input.dyn_ref::<js_sys::Uint8Array>() {
        let n = a.length() as usize;
        if n > limit {
            return Err(too_large(n));
        }
        if n == 0 || a.buffer().byte_length() == 0 {
            return Err(empty());
        }
        return Ok(a.to_vec());
    }
    if let Some(b) = input.dyn_ref::<js_sys::ArrayBuffer>() {
        let n = b.byte_length() as usize;
        if n > limit {
            return Err(too_large(n));
        }
        if n == 0 {
            return Err(empty());
        }
        return Ok(js_sys::Uint8Array::new(b).to_vec());
    }
    Err(throw(Error::invalid(
        "import input",
        "must be a string, a Uint8Array or an ArrayBuffer",
    )))
}
