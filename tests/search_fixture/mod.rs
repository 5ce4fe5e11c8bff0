//! A small dataset for the search tests: a few real places with names in other scripts,
//! historic names and exonyms, two places with the same name and size (for the tie-break),
//! and links with dated events and motives (for the filters and link hits).

#![allow(dead_code)]

use twinning_atlas::{Atlas, Dataset, SearchQuery, SearchResult};

const FIXTURE: &str = r#"{
  "format": "twinning-atlas/1",
  "sources": [{ "id": "t", "title": "Test fixture" }],
  "places": [
    { "id": "coventry-gb", "name": "Coventry", "level": "city", "country": "GB", "population": 345000, "sources": ["t"] },
    { "id": "volgograd-ru", "name": "Volgograd", "level": "city", "country": "RU", "population": 1000000, "sources": ["t"],
      "names": [ { "name": "Stalingrad", "kind": "historic" }, { "name": "Tsaritsyn", "kind": "historic" },
                 { "name": "Волгоград", "lang": "ru", "kind": "local" } ] },
    { "id": "dresden-de", "name": "Dresden", "level": "city", "country": "DE", "population": 556000, "sources": ["t"] },
    { "id": "koln-de", "name": "Köln", "level": "city", "country": "DE", "population": 1080000, "sources": ["t"],
      "names": [ { "name": "Cologne", "lang": "en", "kind": "exonym" } ] },
    { "id": "frankfurt-oder-de", "name": "Frankfurt (Oder)", "level": "town", "country": "DE", "population": 57000, "sources": ["t"] },
    { "id": "frankfurt-main-de", "name": "Frankfurt am Main", "level": "city", "country": "DE", "population": 750000, "sources": ["t"] },
    { "id": "slubice-pl", "name": "Słubice", "level": "town", "country": "PL", "population": 16000, "sources": ["t"] },
    { "id": "athens-gr", "name": "Athens", "level": "city", "country": "GR", "population": 660000, "sources": ["t"],
      "names": [ { "name": "Αθήνα", "lang": "el", "kind": "local" } ] },
    { "id": "giessen-de", "name": "Gießen", "level": "town", "country": "DE", "population": 90000, "sources": ["t"] },
    { "id": "tromso-no", "name": "Tromsø", "level": "town", "country": "NO", "population": 77000, "sources": ["t"] },
    { "id": "kyiv-ua", "name": "Kyiv", "level": "city", "country": "UA", "population": 2900000, "sources": ["t"],
      "names": [ { "name": "Київ", "lang": "uk", "kind": "local" }, { "name": "Kiev", "kind": "exonym" } ] },
    { "id": "tokyo-jp", "name": "Tokyo", "level": "city", "country": "JP", "population": 14000000, "sources": ["t"],
      "names": [ { "name": "東京", "lang": "ja", "kind": "local" } ] },
    { "id": "springfield-b-us", "name": "Springfield", "level": "town", "country": "US", "population": 100000, "sources": ["t"] },
    { "id": "springfield-a-us", "name": "Springfield", "level": "town", "country": "US", "population": 100000, "sources": ["t"] },
    { "id": "seattle-us", "name": "Seattle", "level": "city", "country": "US", "population": 750000, "sources": ["t"] },
    { "id": "wincanton-gb", "name": "Wincanton", "level": "town", "country": "GB", "population": 5000, "sources": ["t"] },
    { "id": "ankh-morpork", "name": "Ankh-Morpork", "level": "fictional", "sources": ["t"] }
  ],
  "links": [
    { "a": "coventry-gb", "b": "volgograd-ru", "form": "twinning", "motives": ["solidarity"], "sources": ["t"],
      "events": [ { "kind": "established", "date": "1944", "sources": ["t"] },
                  { "kind": "suspended", "date": "2022-03-22", "sources": ["t"] } ] },
    { "a": "coventry-gb", "b": "dresden-de", "form": "twinning", "motives": ["reconciliation"], "sources": ["t"],
      "events": [ { "kind": "established", "date": "1959", "sources": ["t"] } ] },
    { "a": "koln-de", "b": "volgograd-ru", "form": "twinning", "sources": ["t"],
      "events": [ { "kind": "established", "date": "1988", "sources": ["t"] } ] },
    { "a": "frankfurt-oder-de", "b": "slubice-pl", "form": "cooperation", "motives": ["cross_border"], "sources": ["t"],
      "events": [ { "kind": "established", "date": "1993", "sources": ["t"] } ] },
    { "a": "ankh-morpork", "b": "wincanton-gb", "form": "twinning", "motives": ["novelty"], "sources": ["t"],
      "events": [ { "kind": "established", "date": "2002", "sources": ["t"] } ] },
    { "a": "kyiv-ua", "b": "tokyo-jp", "form": "sister_city", "sources": ["t"],
      "events": [ { "kind": "proposed", "date": "2020", "sources": ["t"] } ] }
  ]
}"#;

pub fn atlas() -> Atlas {
    let data = Dataset::from_json(FIXTURE, "the search fixture").unwrap_or_else(|e| panic!("{e}"));
    Atlas::new(data).unwrap_or_else(|e| panic!("{e}"))
}

pub fn query(text: &str) -> SearchQuery {
    SearchQuery {
        text: text.into(),
        limit: Some(10),
        ..SearchQuery::default()
    }
}

pub fn run(a: &Atlas, q: &SearchQuery) -> SearchResult {
    a.search(q).unwrap_or_else(|e| panic!("{e}"))
}

/// The place ids of the hits for `text`, best first.
pub fn ids(a: &Atlas, text: &str) -> Vec<String> {
    run(a, &query(text))
        .hits
        .into_iter()
        .map(|h| h.place.id)
        .collect()
}

/// The id of the first hit for `text`.
pub fn top(a: &Atlas, text: &str) -> String {
    ids(a, text)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no hit for {text:?}"))
}
