//! Find a partner through the wasm facade, in Node through wasm-bindgen-test: the happy path
//! of `suggestPartners` and `whyNot` on the curated data, and errors with stable codes.
//! Run: cargo test --target wasm32-unknown-unknown --test suggest_wasm
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use js_sys::{Array, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

mod wasm_support;
use wasm_support::{atlas, code_of, get, obj};

#[wasm_bindgen_test]
fn suggest_partners_returns_ranked_places_with_reasons_as_plain_json() {
    let a = atlas();
    let r = a
        .suggest_partners("coventry-gb".into(), obj(&[("limit", 5.into())]))
        .unwrap();
    let list: Array = get(&r, "suggestions").dyn_into().unwrap();
    assert_eq!(list.length(), 5);
    let first = list.get(0);
    let reasons: Array = get(&first, "reasons").dyn_into().unwrap();
    assert!(reasons.length() > 0);
    assert!(get(&reasons.get(0), "text").as_string().is_some());
    let text: String = JSON::stringify(&r).unwrap().into();
    assert!(text.contains("\"distanceKm\""));
    let id = get(&get(&first, "place"), "id").as_string().unwrap();
    let why = a.why_not("coventry-gb".into(), id.into()).unwrap();
    assert_eq!(get(&why, "rank").as_f64(), Some(1.0));
}

#[wasm_bindgen_test]
fn suggest_partners_refuses_bad_options_and_unknown_places() {
    let a = atlas();
    let e = a
        .suggest_partners("coventry-gb".into(), obj(&[("limt", 3.into())]))
        .unwrap_err();
    assert_eq!(code_of(e), "invalid_argument");
    let e = a
        .suggest_partners("nowhere-xx".into(), JsValue::UNDEFINED)
        .unwrap_err();
    assert_eq!(code_of(e), "not_found");
    let e = a
        .why_not("coventry-gb".into(), "coventry-gb".into())
        .unwrap_err();
    assert_eq!(code_of(e), "invalid_argument");
}
