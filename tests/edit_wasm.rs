//! The user's changes through the wasm facade, in Node through wasm-bindgen-test: the happy
//! path of `applyEdits` on the curated data, and a list that is not a list of changes.
//! Run: cargo test --target wasm32-unknown-unknown --test edit_wasm
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use js_sys::JSON;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

mod wasm_support;
use wasm_support::{atlas, code_of, get};

fn parse(text: &str) -> JsValue {
    JSON::parse(text).unwrap()
}

#[wasm_bindgen_test]
fn apply_edits_adds_a_partner_and_reports_it_as_plain_json() {
    let mut a = atlas();
    let edits = parse(
        r#"[{ "id": "w1", "kind": "partner",
              "a": { "id": "coventry-gb", "name": "Coventry", "country": "GB" },
              "b": { "id": "tornio-fi", "name": "Tornio", "country": "FI" },
              "event": { "kind": "established", "date": "2025" },
              "sourceUrl": "https://example.org/minutes" }]"#,
    );
    let r = a.apply_edits(edits).unwrap();
    assert_eq!(get(&r, "applied").as_f64(), Some(1.0));
    assert_eq!(get(&r, "linksAdded").as_f64(), Some(1.0));
    let text: String = JSON::stringify(&r).unwrap().into();
    assert!(text.contains("\"linkId\":\"coventry-gb~tornio-fi\""));
}

#[wasm_bindgen_test]
fn apply_edits_refuses_what_is_not_a_list_of_changes() {
    let mut a = atlas();
    let e = a.apply_edits(parse(r#"{ "id": "x" }"#)).unwrap_err();
    assert_eq!(code_of(e), "invalid_argument");
    let e = a
        .apply_edits(parse(
            r#"[{ "id": "x", "kind": "rename", "a": {}, "b": {} }]"#,
        ))
        .unwrap_err();
    assert_eq!(code_of(e), "invalid_argument");
}
