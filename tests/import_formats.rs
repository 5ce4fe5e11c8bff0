//! Importers on small fixtures of our own (`tests/fixtures/import/`): Wikidata query results
//! in the three download formats, bad input (empty, BOM, CRLF, semicolons, quoted commas and
//! newlines, Latin-1 bytes, columns out of order, too large), an explicit column mapping,
//! merging onto existing data, exports, and a golden test of the JSON an import writes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use twinning_atlas::import::{read, ColumnMapping, ColumnRef, ImportOptions};
use twinning_atlas::model::{EventKind, Form, Level};
use twinning_atlas::{Atlas, Dataset, ExportFormat, ExportOptions, ImportFormat, ImportMode};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).unwrap()
}

fn replace() -> ImportOptions {
    ImportOptions {
        mode: ImportMode::Replace,
        ..ImportOptions::default()
    }
}

#[test]
fn reads_wikidata_results_in_all_three_download_formats() {
    let (d, r) = read(&bytes("wikidata.json"), &ImportOptions::default()).unwrap();
    assert_eq!(r.format, ImportFormat::SparqlJson);
    assert_eq!((r.rows_read, r.pairs, r.both_ways, r.one_way), (3, 2, 1, 1));
    let cov = d.places.iter().find(|p| p.id == "Q23311").unwrap();
    assert_eq!(
        (cov.name.as_str(), cov.country.as_deref(), cov.level),
        ("Coventry", Some("GB"), Level::City)
    );
    assert_eq!(
        (cov.lat, cov.lon, cov.population),
        (Some(52.4081), Some(-1.5097), Some(345_328))
    );
    let l = d.links.iter().find(|l| l.id == "Q23311~Q914").unwrap();
    let est = l
        .events
        .iter()
        .find(|e| e.kind == EventKind::Established)
        .unwrap();
    assert_eq!(est.date.to_string(), "1944", "year precision kept");
    let end = l
        .events
        .iter()
        .find(|e| e.kind == EventKind::Terminated)
        .unwrap();
    assert_eq!(end.date.to_string(), "2022-03-22");
    assert_eq!(end.reason.as_deref(), Some("Russian invasion of Ukraine"));
    let dresden = d.links.iter().find(|l| l.id == "Q1731~Q23311").unwrap();
    assert_eq!(
        dresden.events[0].date.to_string(),
        "1959",
        "+1959-00-00 is a year"
    );

    for (file, format) in [
        ("wikidata.tsv", ImportFormat::Tsv),
        ("wikidata.csv", ImportFormat::Csv),
    ] {
        let (d, r) = read(&bytes(file), &ImportOptions::default()).unwrap();
        assert_eq!(r.format, format, "{file}");
        assert_eq!((r.rows_read, r.pairs, r.rows_rejected), (2, 2, 0), "{file}");
        let cov = d.places.iter().find(|p| p.id == "Q23311").unwrap();
        assert_eq!(
            (cov.name.as_str(), cov.country.as_deref()),
            ("Coventry", Some("GB")),
            "{file}"
        );
        assert_eq!(cov.lat, Some(52.4081), "{file}");
        assert!(
            d.places
                .iter()
                .any(|p| p.name == "Volgograd" && p.country.as_deref() == Some("RU")),
            "{file}"
        );
    }
}

#[test]
fn empty_files_fail_clearly_and_a_header_alone_warns() {
    let e = read(&bytes("empty.csv"), &ImportOptions::default()).unwrap_err();
    assert_eq!(e.code(), "parse_error");
    assert!(e.to_string().contains("empty"), "{e}");
    let (_, r) = read(&bytes("header-only.csv"), &ImportOptions::default()).unwrap();
    assert_eq!(r.rows_read, 0);
    assert!(r
        .warnings
        .iter()
        .any(|w| w.message.contains("no data rows")));
}

#[test]
fn reads_bom_crlf_and_semicolons_with_warnings() {
    let (d, r) = read(&bytes("semicolon-bom-crlf.csv"), &ImportOptions::default()).unwrap();
    assert_eq!(r.delimiter.as_deref(), Some(";"));
    assert!(r
        .warnings
        .iter()
        .any(|w| w.message.contains("byte-order mark") && w.line == Some(1)));
    assert_eq!((r.rows_read, r.rows_rejected, r.pairs), (2, 0, 2));
    assert!(d
        .places
        .iter()
        .any(|p| p.name == "Saint-Étienne; Loire" && p.country.as_deref() == Some("FR")));
    assert!(d.places.iter().all(|p| !p.name.contains('\r')));
}

#[test]
fn reads_quoted_commas_and_newlines_and_latin1_bytes_with_line_and_column() {
    let (d, r) = read(&bytes("quoted-latin1.csv"), &ImportOptions::default()).unwrap();
    assert_eq!(r.rows_read, 3);
    assert!(d.places.iter().any(|p| p.name == "Kiel, Holstein"));
    assert!(d.places.iter().any(|p| p.name == "Multi\nline"));
    assert!(d.places.iter().any(|p| p.name == "Köln"));
    let w = r
        .warnings
        .iter()
        .find(|w| w.message.contains("0xF6"))
        .unwrap();
    assert_eq!((w.line, w.column), (Some(5), Some(2)));
}

#[test]
fn recognises_columns_in_any_order_and_reports_what_it_cleaned() {
    let (d, r) = read(&bytes("reordered.csv"), &ImportOptions::default()).unwrap();
    assert_eq!(r.rows_read, 7);
    assert_eq!(r.rows_rejected, 2, "{:?}", r.rejected);
    assert!(r
        .rejected
        .iter()
        .any(|x| x.reason.contains("self-loop") && x.row == 5 && x.line == 6));
    assert!(r
        .rejected
        .iter()
        .any(|x| x.reason.contains("not a place") && x.raw.contains("File:Coat of Arms")));
    assert_eq!(r.duplicates, 1);
    assert!(r.duplicate_rows[0].exact);
    assert_eq!((r.pairs, r.both_ways, r.one_way), (3, 1, 2));
    let dresden = d
        .links
        .iter()
        .find(|l| l.id == "coventry-gb~dresden-de")
        .unwrap();
    assert_eq!(
        dresden.form,
        Form::Friendship,
        "the first statement's form (f)"
    );
    assert_eq!(dresden.events[0].date.to_string(), "1959");
    assert!(r
        .columns
        .iter()
        .any(|c| c.column == "city2" && c.role == "bName"));
}

#[test]
fn an_explicit_mapping_reads_a_file_without_a_header() {
    let text = "Bonn;Oxford;1947\nBonn;Potsdam;1988\n";
    let mapping = ColumnMapping {
        header: Some(false),
        a_name: Some(ColumnRef::Number(1)),
        a_country: Some(ColumnRef::Name("=Germany".into())),
        b_name: Some(ColumnRef::Number(2)),
        b_country: Some(ColumnRef::Name("=United Kingdom".into())),
        start: Some(ColumnRef::Number(3)),
        ..ColumnMapping::default()
    };
    let options = ImportOptions {
        mapping: Some(mapping),
        ..ImportOptions::default()
    };
    let (d, r) = read(text.as_bytes(), &options).unwrap();
    assert_eq!((r.rows_read, r.pairs), (2, 2));
    assert!(d.places.iter().any(|p| p.id == "oxford-gb"));
    let bad = ColumnMapping {
        a_name: Some(ColumnRef::Name("nope".into())),
        ..ColumnMapping::default()
    };
    let e = read(
        b"a,b\n1,2\n",
        &ImportOptions {
            mapping: Some(bad),
            ..ImportOptions::default()
        },
    )
    .unwrap_err();
    assert_eq!(e.code(), "invalid_argument");
}

#[test]
fn unrecognised_columns_and_formats_fail_with_a_message() {
    let e = read(b"foo,bar\n1,2\n", &ImportOptions::default()).unwrap_err();
    assert_eq!(e.code(), "unsupported_format");
    assert!(e.to_string().contains("\"foo\""), "{e}");
    let e = read(b"{\"hello\": 1}", &ImportOptions::default()).unwrap_err();
    assert_eq!(e.code(), "unsupported_format");
    let e = read(b"\xff\xfeh\x00i\x00", &ImportOptions::default()).unwrap_err();
    assert_eq!(e.code(), "unsupported_format");
}

#[test]
fn a_file_far_too_large_is_refused_and_leaves_the_atlas_untouched() {
    let mut atlas = Atlas::new(Dataset::empty()).unwrap();
    atlas.import(&bytes("reordered.csv"), &replace()).unwrap();
    let before = atlas.dataset().clone();
    let big = vec![b'a'; 2048];
    let options = ImportOptions {
        max_bytes: Some(1024),
        ..ImportOptions::default()
    };
    let e = atlas.import(&big, &options).unwrap_err();
    assert_eq!(e.code(), "too_large");
    let e = atlas.import(b"", &replace()).unwrap_err();
    assert_eq!(e.code(), "parse_error");
    assert!(
        atlas.dataset() == &before,
        "a failed import changed the atlas"
    );
}

#[test]
fn importing_onto_existing_data_enriches_places_instead_of_duplicating_them() {
    // a curated-like dataset: Coventry–Volgograd with its own source
    let curated = r#"{"format":"twinning-atlas/1",
      "sources":[{"id":"book","title":"A book"}],
      "places":[
        {"id":"coventry-gb","name":"Coventry","level":"city","country":"GB","lat":52.41,"lon":-1.51,"sources":["book"]},
        {"id":"volgograd-ru","name":"Volgograd","level":"city","country":"RU","names":[{"name":"Stalingrad","kind":"historic"}],"sources":["book"]},
        {"id":"cape-town-za","name":"Cape Town","level":"city","country":"ZA","names":[{"name":"Kapstadt","lang":"de","kind":"exonym"}],"sources":["book"]}],
      "links":[{"a":"coventry-gb","b":"volgograd-ru","form":"twinning","events":[{"kind":"established","date":"1944","sources":["book"]}],"sources":["book"]}]}"#;
    let mut atlas = Atlas::new(Dataset::from_json(curated, "test").unwrap()).unwrap();
    let text = "city1,country1,lat1,lng1,city2,country2,lat2,lng2\n\
        Coventry,\"England, United Kingdom\",52.4081,-1.5097,Volgograd,Russia,48.7086,44.5147\n\
        Coventry,\"England, United Kingdom\",52.4081,-1.5097,Dresden,Germany,51.05,13.74\n\
        Kapstadt,South Africa,-33.92,18.42,Dresden,Germany,51.05,13.74\n";
    let options = ImportOptions {
        source_name: Some("Hekman".into()),
        ..ImportOptions::default()
    };
    let r = atlas.import(text.as_bytes(), &options).unwrap();
    assert_eq!((r.places_matched, r.places_added), (3, 1), "{r:?}");
    assert_eq!((r.links_merged, r.links_added), (1, 2));
    let d = atlas.dataset();
    assert_eq!(d.places.iter().filter(|p| p.name == "Coventry").count(), 1);
    let link = atlas.link_between("coventry-gb", "volgograd-ru").unwrap();
    assert_eq!(
        link.sources,
        vec!["book".to_string(), "import-hekman".to_string()]
    );
    assert_eq!(
        link.events.len(),
        1,
        "the curated event is kept, not doubled"
    );
    let vol = atlas.get_place("volgograd-ru").unwrap();
    assert_eq!(
        (vol.lat, vol.lon),
        (Some(48.7086), Some(44.5147)),
        "coordinates filled in"
    );
    assert!(
        atlas.link_between("cape-town-za", "dresden-de").is_some(),
        "Kapstadt is Cape Town"
    );
    // importing the same file again adds nothing
    let again = atlas.import(text.as_bytes(), &options).unwrap();
    assert_eq!(
        (again.places_added, again.links_added, again.links_merged),
        (0, 0, 3)
    );
}

#[test]
fn exports_csv_that_imports_again_and_geojson_for_gis() {
    let mut atlas = Atlas::new(Dataset::empty()).unwrap();
    atlas
        .import(&bytes("golden-input.csv"), &replace())
        .unwrap();
    let csv = atlas
        .export(&ExportOptions {
            format: ExportFormat::Csv,
        })
        .unwrap();
    assert!(csv.starts_with("link_id,a_id,a_name,"));
    let (d, r) = read(csv.as_bytes(), &ImportOptions::default()).unwrap();
    assert_eq!(r.rows_rejected, 0, "{:?}", r.rejected);
    assert_eq!(d.links.len(), atlas.dataset().links.len());
    let geo = atlas
        .export(&ExportOptions {
            format: ExportFormat::Geojson,
        })
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(&geo).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let features = v["features"].as_array().unwrap();
    assert!(features.iter().any(|f| f["geometry"]["type"] == "Point"));
    assert!(features
        .iter()
        .any(|f| f["geometry"]["type"] == "LineString" && f["properties"]["kind"] == "link"));
}

#[test]
fn the_json_an_import_writes_matches_the_golden_file() {
    let mut atlas = Atlas::new(Dataset::empty()).unwrap();
    let options = ImportOptions {
        source_name: Some("golden".into()),
        ..replace()
    };
    let report = atlas.import(&bytes("golden-input.csv"), &options).unwrap();
    let json = atlas.export(&ExportOptions::default()).unwrap();
    let golden = fixture("golden.json");
    if std::env::var_os("UPDATE_GOLDEN").is_some() || !golden.exists() {
        std::fs::write(&golden, &json).unwrap();
    }
    assert_eq!(
        json,
        std::fs::read_to_string(&golden).unwrap(),
        "the import's JSON changed; rerun with UPDATE_GOLDEN=1 if on purpose"
    );
    // and what the report says of it
    assert_eq!(
        (report.rows_read, report.rows_rejected, report.both_ways),
        (7, 1, 1)
    );
    assert!(report
        .flagged
        .iter()
        .any(|f| f.message.starts_with("Perth (AU) and Perth (GB)")));
    assert!(report
        .flagged
        .iter()
        .any(|f| f.message.starts_with("(38.322, 142.369) is given to 3")));
    assert!(
        !report.flagged.iter().any(|f| f.message.contains("Görlitz")),
        "a real cross-border pair is not flagged"
    );
    let report_json = serde_json::to_value(&report).unwrap();
    assert!(report_json["rowsRead"].is_u64() && report_json["oneWayStatements"].is_array());
    // a round trip of our JSON is identical
    let mut again = Atlas::new(Dataset::empty()).unwrap();
    again.import(json.as_bytes(), &replace()).unwrap();
    assert!(again.dataset() == atlas.dataset());
}
