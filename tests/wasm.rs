//! The wasm facade, in Node through wasm-bindgen-test: each export's happy path and its
//! error shape (a JS Error named TwinningAtlasError with a stable `code`).
//! Run: cargo test --target wasm32-unknown-unknown --test wasm
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use js_sys::{Array, JSON};
use twinning_atlas::wasm::WasmAtlas;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

mod wasm_support;
use wasm_support::{atlas, code_of, get, obj};

#[wasm_bindgen_test]
fn search_returns_plain_json_safe_hits() {
    let a = atlas();
    let r = a
        .search(obj(&[("text", "stalingrad".into()), ("limit", 5.into())]))
        .unwrap();
    let hits: Array = get(&r, "hits").dyn_into().unwrap();
    assert!(hits.length() >= 1);
    let first = hits.get(0);
    assert_eq!(
        get(&get(&first, "place"), "name").as_string().as_deref(),
        Some("Volgograd")
    );
    // missing values are null, not undefined, and the whole result survives JSON
    let text: String = JSON::stringify(&r).unwrap().into();
    assert!(text.contains("\"matched\":\"Stalingrad\""));
}

#[wasm_bindgen_test]
fn search_rejects_unknown_options_and_bad_limits() {
    let a = atlas();
    let e = a
        .search(obj(&[("text", "x".into()), ("limt", 3.into())]))
        .unwrap_err();
    assert_eq!(code_of(e), "invalid_argument");
    let e = a
        .search(obj(&[("text", "x".into()), ("limit", 0.into())]))
        .unwrap_err();
    assert_eq!(code_of(e), "invalid_argument");
    let e = a.search(JsValue::UNDEFINED).unwrap_err();
    assert_eq!(code_of(e), "invalid_argument");
}

#[wasm_bindgen_test]
fn place_and_partners_work_and_unknown_ids_throw_not_found() {
    let a = atlas();
    let p = a.place("coventry-gb".into()).unwrap();
    assert_eq!(get(&p, "name").as_string().as_deref(), Some("Coventry"));
    let ps = a
        .partners("coventry-gb".into(), obj(&[("asOf", "2021".into())]))
        .unwrap();
    let list: Array = get(&ps, "partners").dyn_into().unwrap();
    assert!(list.length() >= 3);
    assert_eq!(
        code_of(a.place("atlantis".into()).unwrap_err()),
        "not_found"
    );
    assert_eq!(
        code_of(a.place(JsValue::from(42)).unwrap_err()),
        "invalid_argument"
    );
    let e = a
        .partners("coventry-gb".into(), obj(&[("asOf", "yesterday".into())]))
        .unwrap_err();
    assert_eq!(code_of(e), "invalid_argument");
}

#[wasm_bindgen_test]
fn link_terms_and_stats_answer() {
    let a = atlas();
    let l = a
        .link(
            "volgograd-ru".into(),
            "coventry-gb".into(),
            JsValue::UNDEFINED,
        )
        .unwrap();
    let events: Array = get(&l, "events").dyn_into().unwrap();
    assert!(events.length() >= 2);
    assert_eq!(
        code_of(
            a.link(
                "coventry-gb".into(),
                "ankh-morpork".into(),
                JsValue::UNDEFINED
            )
            .unwrap_err()
        ),
        "not_found"
    );
    let terms: Array = a.terms().unwrap().dyn_into().unwrap();
    assert!(terms.length() >= 33);
    let stats = a.stats().unwrap();
    assert!(get(&stats, "places").as_f64().unwrap_or(0.0) > 100.0);
}

#[wasm_bindgen_test]
fn from_json_reports_where_a_document_is_broken() {
    let e = WasmAtlas::from_json("{\"format\": \"twinning-atlas/1\",\n \"places\": [ }".into())
        .err()
        .unwrap();
    assert_eq!(code_of(e.clone()), "parse_error");
    let msg = get(&e, "message").as_string().unwrap();
    assert!(msg.contains("line 2"), "{msg}");
    let a = atlas();
    let round = WasmAtlas::from_json(a.export_json().into()).unwrap();
    assert_eq!(
        get(&round.stats().unwrap(), "links").as_f64(),
        get(&a.stats().unwrap(), "links").as_f64()
    );
}

#[wasm_bindgen_test]
fn a_hostile_date_or_an_array_of_options_is_a_coded_error_and_the_atlas_still_answers() {
    let a = atlas();
    let hostile =
        js_sys::JSON::parse(&format!("{{\"asOf\": \"{}1990\"}}", "c.".repeat(4400))).unwrap();
    let e = a.partners("coventry-gb".into(), hostile).err().unwrap();
    assert_eq!(code_of(e), "invalid_argument");
    let array = js_sys::JSON::parse("[\"1990\"]").unwrap();
    let e = a.partners("coventry-gb".into(), array).err().unwrap();
    assert_eq!(code_of(e), "invalid_argument");
    let e = WasmAtlas::from_json("[\"twinning-atlas/1\"]".into())
        .err()
        .unwrap();
    assert_eq!(code_of(e), "invalid_data");
    let q = js_sys::JSON::parse("{\"text\": \"Coventry\"}").unwrap();
    assert!(get(&a.search(q).unwrap(), "total").as_f64().unwrap_or(0.0) > 0.0);
}

#[wasm_bindgen_test]
fn map_data_gives_typed_columns_and_rejects_a_bad_date() {
    let a = atlas();
    let d = a.map_data(JsValue::UNDEFINED).unwrap();
    let places = get(&d, "places");
    let lat: js_sys::Float64Array = get(&places, "lat").dyn_into().unwrap();
    let ids = get(&places, "id").as_string().unwrap();
    assert_eq!(ids.split('\n').count(), lat.length() as usize);
    let links = get(&d, "links");
    let la: js_sys::Uint32Array = get(&links, "a").dyn_into().unwrap();
    assert!(la.length() > 10);
    let e = a.map_data(obj(&[("asOf", "soon".into())])).unwrap_err();
    assert_eq!(code_of(e), "invalid_argument");
}
