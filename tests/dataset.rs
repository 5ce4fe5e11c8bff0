//! Reading and checking dataset documents: every kind of disagreement between records is
//! reported with the record it concerns, and broken documents say where they break.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use twinning_atlas::{Atlas, Dataset, Error};

const GOOD: &str = r#"{
  "format": "twinning-atlas/1",
  "sources": [{ "id": "s", "title": "A source" }],
  "places": [
    { "id": "a-gb", "name": "A", "level": "town", "country": "gb", "lat": 52.0, "lon": -1.0, "sources": ["s"] },
    { "id": "b-de", "name": "B", "level": "city", "country": "DE", "sources": ["s"] },
    { "id": "imaginary", "name": "Imaginary", "level": "fictional", "sources": ["s"] }
  ],
  "links": [
    { "a": "a-gb", "b": "b-de", "form": "twinning", "sources": ["s"],
      "events": [ { "kind": "suspended", "date": "2022-03" }, { "kind": "established", "date": 1956 } ] }
  ]
}"#;

fn problems_of(edit: impl Fn(&mut Dataset)) -> Vec<String> {
    let mut d = Dataset::from_json(GOOD, "good").unwrap();
    edit(&mut d);
    d.problems()
}

#[test]
fn a_consistent_document_loads_and_gets_defaults() {
    let d = Dataset::from_json(GOOD, "good").unwrap();
    assert_eq!(d.links[0].id, "a-gb~b-de");
    assert_eq!(
        d.places[0].country.as_deref(),
        Some("GB"),
        "country codes are upper-cased"
    );
    assert_eq!(
        d.links[0].events[0].date.year, 1956,
        "events are sorted by date"
    );
    let a = Atlas::new(d).unwrap();
    assert_eq!(a.degree("a-gb"), 1);
}

#[test]
fn json_export_reads_back_identically() {
    let d = Dataset::from_json(GOOD, "good").unwrap();
    let again = Dataset::from_json(&d.to_json(), "again").unwrap();
    assert_eq!(d, again);
    let curated = Dataset::curated().unwrap();
    assert_eq!(
        Dataset::from_json(&curated.to_json(), "curated again").unwrap(),
        curated
    );
}

#[test]
fn reports_links_to_unknown_places() {
    let p = problems_of(|d| d.links[0].b = "nowhere".into());
    assert!(
        p.iter().any(|m| m.contains("unknown place \"nowhere\"")),
        "{p:?}"
    );
}

#[test]
fn reports_duplicate_ids_and_duplicate_pairs() {
    let p = problems_of(|d| {
        let again = d.places[1].clone();
        d.places.push(again);
        let link = d.links[0].clone();
        d.links.push(link);
    });
    assert!(
        p.iter()
            .any(|m| m.contains("place \"b-de\" is defined twice")),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|m| m.contains("defined twice") && m.contains("link")),
        "{p:?}"
    );
}

#[test]
fn reports_countries_that_are_not_iso_codes_and_real_places_without_one() {
    let p = problems_of(|d| {
        d.places[0].country = Some("XX".into());
        d.places[1].country = None;
    });
    assert!(
        p.iter()
            .any(|m| m.contains("\"XX\" is not an ISO 3166-1 code")),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|m| m.contains("place \"b-de\" has no country")),
        "{p:?}"
    );
}

#[test]
fn reports_coordinates_off_the_globe_or_half_given() {
    let p = problems_of(|d| {
        d.places[0].lat = Some(123.0);
        d.places[1].lat = Some(1.0);
    });
    assert!(p.iter().any(|m| m.contains("off the globe")), "{p:?}");
    assert!(
        p.iter().any(|m| m.contains("only one of lat and lon")),
        "{p:?}"
    );
}

#[test]
fn reports_sources_that_do_not_exist() {
    let p = problems_of(|d| d.links[0].sources.push("ghost".into()));
    assert!(
        p.iter()
            .any(|m| m.contains("cites unknown source \"ghost\"")),
        "{p:?}"
    );
}

#[test]
fn a_link_from_a_place_to_itself_is_a_problem() {
    let p = problems_of(|d| d.links[0].b = "a-gb".into());
    assert!(
        p.iter().any(|m| m.contains("links a place to itself")),
        "{p:?}"
    );
}

#[test]
fn broken_json_says_line_and_column() {
    let err = Dataset::from_json(
        "{\n  \"format\": \"twinning-atlas/1\",\n  \"places\": [,]\n}",
        "f.json",
    )
    .unwrap_err();
    assert_eq!(err.code(), "parse_error");
    match &err {
        Error::Parse {
            origin,
            line,
            column,
            ..
        } => {
            assert_eq!(origin, "f.json");
            assert_eq!(*line, 3);
            assert!(*column > 0);
        }
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().starts_with("f.json, line 3, column"));
}

#[test]
fn unknown_fields_and_bad_dates_are_parse_errors() {
    let e = Dataset::from_json(r#"{"format":"twinning-atlas/1","colour":"red"}"#, "x").unwrap_err();
    assert!(e.to_string().contains("unknown field `colour`"), "{e}");
    let bad_date = GOOD.replace("\"2022-03\"", "\"2022-13\"");
    let e = Dataset::from_json(&bad_date, "x").unwrap_err();
    assert_eq!(e.code(), "parse_error");
    assert!(e.to_string().contains("month out of range"), "{e}");
}

#[test]
fn another_format_version_is_refused() {
    let e = Dataset::from_json(r#"{"format":"twinning-atlas/2"}"#, "x").unwrap_err();
    assert_eq!(e.code(), "unsupported_format");
}

#[test]
fn an_inconsistent_dataset_lists_every_problem() {
    let mut d = Dataset::from_json(GOOD, "good").unwrap();
    d.links[0].a = "x".into();
    d.links[0].b = "y".into();
    let e = Atlas::new(d).unwrap_err();
    assert_eq!(e.code(), "invalid_data");
    let Error::Invalid { problems } = e else {
        panic!()
    };
    assert_eq!(problems.len(), 2);
}
