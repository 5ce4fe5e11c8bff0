//! The search exports of the wasm facade, in Node through wasm-bindgen-test: `search` with
//! filters, spans and link hits as plain JSON-safe objects, `fromColumns` + `searchIds`, and
//! their errors (a JS Error named TwinningAtlasError with a stable `code`).
//! Run: cargo test --target wasm32-unknown-unknown --test search_wasm
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use js_sys::{Array, JSON};
use twinning_atlas::wasm::WasmAtlas;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod wasm_support;
use wasm_support::{atlas, code_of, get, obj};

#[wasm_bindgen_test]
fn search_returns_spans_and_link_hits_as_plain_json() {
    let a = atlas();
    let r = a
        .search(obj(&[
            ("text", "coventry dresden".into()),
            ("limit", 5.into()),
        ]))
        .unwrap_or_else(|_| panic!("search failed"));
    let links: Array = get(&r, "links").dyn_into().unwrap_or_default();
    assert!(links.length() >= 1);
    let text: String = JSON::stringify(&r).map(Into::into).unwrap_or_default();
    assert!(text.contains("\"matchedA\""));
    let r = a
        .search(obj(&[("text", "stalin".into())]))
        .unwrap_or_else(|_| panic!("search failed"));
    let text: String = JSON::stringify(&r).map(Into::into).unwrap_or_default();
    assert!(text.contains("\"spans\":[[0,6]]"), "{text}");
}

#[wasm_bindgen_test]
fn search_takes_filters_and_rejects_unknown_values() {
    let a = atlas();
    let r = a
        .search(obj(&[
            ("text", "".into()),
            ("country", "de".into()),
            ("limit", 3.into()),
        ]))
        .unwrap_or_else(|_| panic!("search failed"));
    let hits: Array = get(&r, "hits").dyn_into().unwrap_or_default();
    for h in hits.iter() {
        assert_eq!(
            get(&get(&h, "place"), "country").as_string().as_deref(),
            Some("DE")
        );
    }
    let e = a.search(obj(&[("text", "x".into()), ("level", "metropolis".into())]));
    assert_eq!(e.err().map(code_of).as_deref(), Some("invalid_argument"));
}

#[wasm_bindgen_test]
fn from_columns_and_search_ids_answer_in_the_callers_numbering() {
    let a = WasmAtlas::from_columns(
        "",
        "Volgograd\nStalingrad\nKöln\nCologne".into(),
        &[2, 2],
        &[1_000_000, 1_080_000],
        "RU\nDE",
        "city\ncity",
    )
    .unwrap_or_else(|_| panic!("fromColumns failed"));
    assert_eq!(a.search_ids("stalingrad", 10), vec![0]);
    assert_eq!(a.search_ids("cologne", 10), vec![1]);
    let e = WasmAtlas::from_columns("", "A".into(), &[2], &[], "", "").err();
    assert_eq!(e.map(code_of).as_deref(), Some("invalid_argument"));
}
