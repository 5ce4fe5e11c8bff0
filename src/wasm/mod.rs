//! The JavaScript facade: the only module that names wasm-bindgen (one file per area:
//! this one for the basics, siblings for import, classification …). Each method decodes its
//! input, calls the core, and encodes the output as a plain object (camelCase keys, `null`
//! for missing values). Errors become JS `Error`s whose `name` is `TwinningAtlasError` and
//! whose `code` is the core's stable [`crate::Error::code`].

// The page's first module (built without the default features) holds what the first views
// need: search, a place, its partners, links, groups, notes, the glossary and the world
// network's `world()`. Everything else is feature `full` (on by default, so the npm
// package's module has it): the page loads that module when idle, or at once for a route
// that needs it (www/lib/store.js, docs/first-load.md).
#[cfg(feature = "full")]
mod classify;
#[cfg(feature = "full")]
mod edit;
#[cfg(any(feature = "full", feature = "import"))]
mod import;
#[cfg(feature = "full")]
mod map;
#[cfg(feature = "full")]
mod search;
#[cfg(feature = "full")]
mod suggest;
mod world;

use crate::{atlas, limits, Error};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Encode a result as a plain object: serialised to JSON text in the module and parsed by
/// the engine's own `JSON.parse`. One serializer (serde_json, which the data formats need
/// anyway) keeps the module small: building the objects through serde-wasm-bindgen
/// instantiated every output type's `Serialize` a second time, about 140 KB of the module
/// (docs/first-load.md), and `JSON.parse` builds large results faster than one call per
/// value across the boundary.
pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let cannot = |e: String| {
        throw(Error::Internal {
            message: format!("cannot encode the result: {e}"),
        })
    };
    let text = serde_json::to_string(value).map_err(|e| cannot(e.to_string()))?;
    js_sys::JSON::parse(&text).map_err(|_| cannot("not JSON".to_string()))
}

pub(crate) fn js_error(code: &str, message: &str) -> JsValue {
    let err = js_sys::Error::new(message);
    err.set_name("TwinningAtlasError");
    let _ = js_sys::Reflect::set(&err, &"code".into(), &code.into());
    err.into()
}

pub(crate) fn throw(e: Error) -> JsValue {
    js_error(e.code(), &e.to_string())
}

/// Decode an options object; `undefined` and `null` give the defaults. An array is refused:
/// serde would read it by position (`['csv', null, 'replace']` as `{ format, mapping, mode }`).
pub(crate) fn options<T: DeserializeOwned + Default>(
    value: JsValue,
    what: &str,
) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    object(value, what, limits::MAX_OPTIONS_CHARS)
}

/// Decode an argument that must be an object (not an array), of at most `max` characters
/// as JSON.
pub(crate) fn object<T: DeserializeOwned>(
    value: JsValue,
    what: &str,
    max: usize,
) -> Result<T, JsValue> {
    // no Array.isArray here: it throws on a revoked Proxy, and an exception thrown inside a
    // call would leave the atlas borrowed for good; the JSON text tells an array instead
    let not_object = || {
        throw(Error::invalid(
            what,
            "must be an object ({ key: value, … }), not an array or a single value",
        ))
    };
    if !value.is_object() {
        return Err(not_object());
    }
    let text = json_text(&value, what, max)?;
    if !text.trim_start().starts_with('{') {
        return Err(not_object());
    }
    serde_json::from_str(&text).map_err(|e| throw(Error::invalid(what, e.to_string())))
}

/// Decode through JSON so that unknown keys (a mistyped `asof`) are reported, not ignored.
#[cfg(feature = "full")]
pub(crate) fn decode<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsValue> {
    decode_capped(value, what, limits::MAX_OPTIONS_CHARS)
}

/// [`decode`], refusing a value whose JSON text is longer than `max` characters before it
/// is copied into the module.
#[cfg(feature = "full")]
pub(crate) fn decode_capped<T: DeserializeOwned>(
    value: JsValue,
    what: &str,
    max: usize,
) -> Result<T, JsValue> {
    let text = json_text(&value, what, max)?;
    serde_json::from_str(&text).map_err(|e| throw(Error::invalid(what, e.to_string())))
}

/// The JSON text of a value, its length checked before it is copied into the module.
/// `JSON.stringify` gives `undefined` for a function or a symbol: refused, like a value
/// that cannot be converted (a cycle, a BigInt, a throwing getter).
fn json_text(value: &JsValue, what: &str, max: usize) -> Result<String, JsValue> {
    let cannot = || throw(Error::invalid(what, "cannot be converted to JSON"));
    let json: JsValue = js_sys::JSON::stringify(value).map_err(|_| cannot())?.into();
    let Some(js) = json.dyn_ref::<js_sys::JsString>() else {
        return Err(cannot());
    };
    let chars = js.length() as usize;
    if chars > max {
        return Err(throw(Error::TooLarge {
            what: what.to_string(),
            limit: max,
            actual: chars,
        }));
    }
    json.as_string().ok_or_else(cannot)
}

#[cfg(feature = "full")]
pub(crate) fn required<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Err(throw(Error::invalid(what, "is required")));
    }
    decode(value, what)
}

/// A string id, refused before it is copied when longer than any id can be (a link id is
/// two place ids and a `~`).
pub(crate) fn id_arg(value: JsValue, what: &str) -> Result<String, JsValue> {
    let Some(js) = value.dyn_ref::<js_sys::JsString>() else {
        return Err(throw(Error::invalid(what, "must be a string id")));
    };
    let max = 2 * limits::MAX_ID_CHARS + 1;
    if js.length() as usize > max {
        return Err(throw(Error::invalid(
            what,
            format!(
                "an id is at most {max} characters, this one has {}",
                js.length()
            ),
        )));
    }
    value
        .as_string()
        .ok_or_else(|| throw(Error::invalid(what, "must be a string id")))
}

/// The text of a string argument, refused before it is copied when longer than `max`
/// UTF-16 units (a string's UTF-8 length is never less than that).
pub(crate) fn text_arg(value: &JsValue, what: &str, max: usize) -> Result<String, JsValue> {
    let Some(js) = value.dyn_ref::<js_sys::JsString>() else {
        return Err(throw(Error::invalid(what, "must be a string")));
    };
    let units = js.length() as usize;
    if units > max {
        return Err(throw(Error::TooLarge {
            what: what.to_string(),
            limit: max,
            actual: units,
        }));
    }
    value
        .as_string()
        .ok_or_else(|| throw(Error::invalid(what, "must be a string")))
}

/// The atlas: a dataset of twinning relationships and the queries that explain it.
#[wasm_bindgen(js_name = Atlas)]
pub struct WasmAtlas {
    pub(crate) inner: atlas::Atlas,
}

#[wasm_bindgen(js_class = Atlas)]
impl WasmAtlas {
    /// The atlas on the curated dataset compiled into the module.
    #[wasm_bindgen(js_name = withDefaultData)]
    pub fn with_default_data() -> Result<WasmAtlas, JsValue> {
        let inner = atlas::Atlas::with_default_data().map_err(throw)?;
        Ok(WasmAtlas { inner })
    }

    /// An atlas on a dataset document in our JSON format (`twinning-atlas/1`).
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<WasmAtlas, JsValue> {
        let text = text_arg(
            &text,
            "the JSON document",
            crate::dataset::MAX_DOCUMENT_BYTES,
        )?;
        let data = crate::Dataset::from_json(&text, "the JSON document").map_err(throw)?;
        let inner = atlas::Atlas::new(data).map_err(throw)?;
        Ok(WasmAtlas { inner })
    }

    /// `search({ text, limit, offset, country, level, form, status, asOf, fromYear, toYear,
    /// motive, links, sort })` → `{ query, total, hits: [{ place, matched, matchedKind,
    /// quality, spans, typos }], links: [{ id, a, b, matchedA, matchedB, form, status, since }] }`
    /// (see docs/search.md).
    #[wasm_bindgen(unchecked_return_type = "SearchResult")]
    pub fn search(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | SearchQuery")] query: JsValue,
    ) -> Result<JsValue, JsValue> {
        let q = search_query(query)?;
        to_js(&self.inner.search(&q).map_err(throw)?)
    }

    /// `place(id)` → the place with its names, historic states, groups and sources.
    #[wasm_bindgen(unchecked_return_type = "PlaceView")]
    pub fn place(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        to_js(&self.inner.place(&id_arg(id, "place id")?).map_err(throw)?)
    }

    /// `partners(id, { asOf })` → `{ place, asOf, partners: [...], counts }`.
    #[wasm_bindgen(unchecked_return_type = "PartnersView")]
    pub fn partners(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "PartnersOptions")] opts: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = id_arg(id, "place id")?;
        let o: atlas::PartnersOptions = options(opts, "partners options")?;
        to_js(&self.inner.partners(&id, &o).map_err(throw)?)
    }

    /// `link(idA, idB, { asOf })` → the link between two places, in either order, with
    /// its events and its status at `asOf`.
    #[wasm_bindgen(unchecked_return_type = "LinkView")]
    pub fn link(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] a: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] b: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "PartnersOptions")] opts: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (a, b) = (id_arg(a, "first place id")?, id_arg(b, "second place id")?);
        let o: atlas::PartnersOptions = options(opts, "link options")?;
        to_js(&self.inner.link(&a, &b, &o).map_err(throw)?)
    }

    /// `linkById(id, { asOf })` → a link by its id (`"coventry-gb~volgograd-ru"`).
    #[wasm_bindgen(js_name = linkById, unchecked_return_type = "LinkView")]
    pub fn link_by_id(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "PartnersOptions")] opts: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = id_arg(id, "link id")?;
        let o: atlas::PartnersOptions = options(opts, "link options")?;
        to_js(&self.inner.link_by_id(&id, &o).map_err(throw)?)
    }

    /// `groups()` → every group or network (City Twins Association, Douzelage …) with members.
    #[wasm_bindgen(unchecked_return_type = "GroupView[]")]
    pub fn groups(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.groups())
    }

    /// `group(id)` → one group.
    #[wasm_bindgen(unchecked_return_type = "GroupView")]
    pub fn group(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        to_js(&self.inner.group(&id_arg(id, "group id")?).map_err(throw)?)
    }

    /// `notes({ place })` → concepts, findings, programmes and policies, optionally only
    /// those about one place.
    #[wasm_bindgen(unchecked_return_type = "NoteView[]")]
    pub fn notes(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "NotesOptions")] opts: JsValue,
    ) -> Result<JsValue, JsValue> {
        let o: atlas::NotesOptions = options(opts, "notes options")?;
        to_js(&self.inner.notes(o.place.as_deref()))
    }

    /// `countries()` → the countries of the loaded data: code, name, continent, places and
    /// twinnings, most twinnings first.
    #[wasm_bindgen(unchecked_return_type = "CountryView[]")]
    pub fn countries(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.countries())
    }

    /// `sources()` → every source the data cites: id, title, url, licence.
    #[wasm_bindgen(unchecked_return_type = "SourceView[]")]
    pub fn sources(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.sources())
    }

    /// `terms()` → the glossary.
    #[wasm_bindgen(unchecked_return_type = "TermView[]")]
    pub fn terms(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.terms())
    }

    /// `stats()` → counts over the whole dataset.
    #[wasm_bindgen(unchecked_return_type = "Stats")]
    pub fn stats(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.stats())
    }

    /// `exportJson()` → the whole dataset as a `twinning-atlas/1` JSON document.
    #[wasm_bindgen(js_name = exportJson)]
    pub fn export_json(&self) -> String {
        self.inner.dataset().to_json()
    }
}

/// `vocabulary()` → every level, form, status, event kind, motive, kind, verdict, criterion,
/// name kind, group kind, origin, import and export format and sort order, in the core's order.
#[wasm_bindgen(unchecked_return_type = "Vocabulary")]
pub fn vocabulary() -> Result<JsValue, JsValue> {
    to_js(&crate::vocabulary::vocabulary())
}

/// A search query: a string is the text alone (`search('köln')`), an object the text and
/// filters.
fn search_query(query: JsValue) -> Result<crate::SearchQuery, JsValue> {
    if query.is_undefined() || query.is_null() {
        return Err(throw(Error::invalid("search query", "is required")));
    }
    if query.is_string() {
        let text = text_arg(&query, "search text", limits::MAX_OPTIONS_CHARS)?;
        return Ok(crate::SearchQuery {
            text,
            ..Default::default()
        });
    }
    object(query, "search query", limits::MAX_OPTIONS_CHARS)
}

/// The version of the package.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
