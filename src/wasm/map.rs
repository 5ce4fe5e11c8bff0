//! The maps' data in JavaScript: `mapData({ asOf })` → every positioned place and every link
//! between two of them, in columns (see `crate::map`). For speed (~22,500 places and ~35,000
//! links cross at once) the columns are typed arrays and text columns are one string joined
//! by newlines, not arrays of JS values; `www/maps/world-map.js` reads them.

use super::{options, throw, WasmAtlas};
use crate::view::MapData;
use js_sys::{Array, Float64Array, Int32Array, Object, Reflect, Uint32Array, Uint8Array};
use wasm_bindgen::prelude::*;

/// A missing year in the `since`, `until` and `decided` columns.
pub const NO_YEAR: i32 = i32::MIN;

fn set(o: &Object, key: &str, value: &JsValue) -> Result<(), JsValue> {
    Reflect::set(o, &JsValue::from_str(key), value).map(|_| ())
}

fn years(v: &[Option<i32>]) -> Int32Array {
    let y: Vec<i32> = v.iter().map(|x| x.unwrap_or(NO_YEAR)).collect();
    Int32Array::from(&y[..])
}

fn strings(v: &[&'static str]) -> Array {
    v.iter().map(|s| JsValue::from_str(s)).collect()
}

fn encode(d: &MapData) -> Result<JsValue, JsValue> {
    let places = Object::new();
    set(&places, "id", &JsValue::from_str(&d.places.id.join("\n")))?;
    set(
        &places,
        "name",
        &JsValue::from_str(&d.places.name.join("\n")),
    )?;
    set(
        &places,
        "country",
        &JsValue::from_str(&d.places.country.join("\n")),
    )?;
    set(&places, "lat", &Float64Array::from(&d.places.lat[..]))?;
    set(&places, "lon", &Float64Array::from(&d.places.lon[..]))?;
    set(
        &places,
        "partners",
        &Uint32Array::from(&d.places.partners[..]),
    )?;
    let links = Object::new();
    set(&links, "id", &JsValue::from_str(&d.links.id.join("\n")))?;
    set(&links, "a", &Uint32Array::from(&d.links.a[..]))?;
    set(&links, "b", &Uint32Array::from(&d.links.b[..]))?;
    set(&links, "status", &Uint8Array::from(&d.links.status[..]))?;
    set(&links, "form", &Uint8Array::from(&d.links.form[..]))?;
    set(&links, "since", &years(&d.links.since))?;
    set(&links, "until", &years(&d.links.until))?;
    set(&links, "decided", &years(&d.links.decided))?;
    let out = Object::new();
    set(
        &out,
        "asOf",
        &d.as_of
            .as_deref()
            .map(JsValue::from_str)
            .unwrap_or(JsValue::NULL),
    )?;
    set(&out, "noYear", &JsValue::from(NO_YEAR))?;
    set(&out, "statuses", &strings(&d.statuses))?;
    set(&out, "forms", &strings(&d.forms))?;
    set(&out, "places", &places)?;
    set(&out, "links", &links)?;
    Ok(out.into())
}

#[wasm_bindgen(js_class = Atlas)]
impl WasmAtlas {
    /// `mapData({ asOf })` → `{ asOf, noYear, statuses, forms, places: { id, name, country,
    /// lat, lon, partners }, links: { id, a, b, status, form, since, until, decided } }`:
    /// text columns are one string joined by `\n`; numbers are typed arrays (`lat`, `lon`
    /// Float64Array; `partners`, `a`, `b` Uint32Array, indexes into the places; `status`,
    /// `form` Uint8Array, indexes into `statuses` and `forms`; the years Int32Array with
    /// `noYear` where there is none).
    #[wasm_bindgen(js_name = mapData, unchecked_return_type = "MapData")]
    pub fn map_data(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "MapOptions")] opts: JsValue,
    ) -> Result<JsValue, JsValue> {
        let o: crate::map::MapOptions = options(opts, "map options")?;
        encode(&self.inner.map_data(&o).map_err(throw)?)
    }
}
