//! Hostile input to the core (issue 8), natively and fast: each rule of `src/limits.rs` and
//! each bound of the importers, one test per behaviour. The same inputs run through the npm
//! package in `tests/js/hostile.test.mjs`, and through the page in `tests/browser/`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use twinning_atlas::import::{read, ColumnMapping, ColumnRef, ImportOptions};
use twinning_atlas::{Atlas, Dataset, Date, ExportFormat, ExportOptions, ImportFormat};

fn csv(text: &str) -> twinning_atlas::Result<(Dataset, twinning_atlas::ImportReport)> {
    read(text.as_bytes(), &ImportOptions::default())
}

fn dataset(places: &str, links: &str) -> String {
    format!(
        r#"{{"format":"twinning-atlas/1","sources":[{{"id":"s","title":"S"}}],"places":[{places}],"links":[{links}]}}"#
    )
}

const DOVER_CALAIS: &str = r#"{"id":"dover-gb","name":"Dover","level":"town","country":"GB","sources":["s"]},{"id":"calais-fr","name":"Calais","level":"town","country":"FR","sources":["s"]}"#;

#[test]
fn a_date_of_thousands_of_approximate_prefixes_is_refused_not_recursed() {
    let e = Date::parse(&format!("{}1990", "c.".repeat(100_000))).unwrap_err();
    assert!(e.contains("at most 40 characters"), "{e}");
}

#[test]
fn a_file_of_bad_rows_keeps_exact_counts_and_a_capped_list() {
    let text = format!("city1,city2\n{}", "File:x.png,File:y.png\n".repeat(5000));
    let (_, r) = csv(&text).unwrap();
    assert_eq!(r.rows_rejected, 5000);
    assert_eq!(r.rejected.len(), 1000);
    assert!(r.truncated);
}

#[test]
fn a_rejected_row_is_kept_cut_to_a_thousand_characters() {
    let text = format!("city1,city2\nFile:{}.png,B\n", "x".repeat(50_000));
    let (_, r) = csv(&text).unwrap();
    assert!(r.rejected[0].raw.chars().count() <= 1001);
}

#[test]
fn a_header_wider_than_a_thousand_columns_is_refused() {
    let header: Vec<String> = (0..1001).map(|i| format!("c{i}")).collect();
    let e = csv(&format!("{}\nx\n", header.join(","))).unwrap_err();
    assert_eq!(e.code(), "unsupported_format");
    assert!(e.to_string().len() < 500, "{e}");
}

#[test]
fn short_rows_under_a_wide_header_are_read() {
    let mut header = vec!["city1".to_string(), "city2".to_string()];
    header.extend((0..998).map(|i| format!("c{i}")));
    let text = format!("{}\n{}", header.join(","), "Aville,Btown\n".repeat(2000));
    let (_, r) = csv(&text).unwrap();
    assert_eq!(r.rows_read, 2000);
}

#[test]
fn a_mapping_naming_a_column_past_the_last_is_an_invalid_argument() {
    let o = ImportOptions {
        mapping: Some(ColumnMapping {
            a_name: Some(ColumnRef::Number(1)),
            b_name: Some(ColumnRef::Number(9)),
            ..ColumnMapping::default()
        }),
        ..ImportOptions::default()
    };
    let e = read(b"x,y\nA,B\n", &o).unwrap_err();
    assert_eq!(e.code(), "invalid_argument");
}

#[test]
fn a_json_array_is_not_a_dataset() {
    let e = Dataset::from_json(r#"["twinning-atlas/1"]"#, "the document").unwrap_err();
    assert_eq!(e.code(), "invalid_data");
    let o = ImportOptions {
        format: Some(ImportFormat::Json),
        ..ImportOptions::default()
    };
    assert_eq!(
        read(br#"["twinning-atlas/1"]"#, &o).unwrap_err().code(),
        "invalid_data"
    );
}

#[test]
fn a_population_larger_than_any_place_is_left_out_not_cut_to_fit() {
    let (d, r) =
        csv("city1,country1,population1,city2,country2\nBigtown,GB,99999999999,Smallville,FR\n")
            .unwrap();
    assert!(d.places.iter().all(|p| p.population.is_none()));
    assert!(r.warnings.iter().any(|w| w.message.contains("population")));
    let places = r#"{"id":"x","name":"X","level":"city","country":"GB","population":200000000,"sources":["s"]}"#;
    assert_eq!(
        Dataset::from_json(&dataset(places, ""), "d")
            .unwrap_err()
            .code(),
        "invalid_data"
    );
}

#[test]
fn a_recorded_distance_of_zero_or_beyond_the_earth_is_invalid() {
    for km in ["0", "1e308", "-3", "20039"] {
        let link = format!(
            r#"{{"a":"dover-gb","b":"calais-fr","form":"twinning","sources":["s"],"pair":{{"distanceKm":{km}}}}}"#
        );
        let e = Dataset::from_json(&dataset(DOVER_CALAIS, &link), "d").unwrap_err();
        assert_eq!(e.code(), "invalid_data", "{km}");
        assert!(e.to_string().len() < 400, "{e}");
    }
    let link = r#"{"a":"dover-gb","b":"calais-fr","form":"twinning","sources":["s"],"pair":{"distanceKm":42}}"#;
    assert!(Dataset::from_json(&dataset(DOVER_CALAIS, link), "d").is_ok());
}

#[test]
fn a_nul_byte_after_the_first_8_kb_refuses_the_file() {
    let text = format!(
        "city1,city2\n{}Cov\0entry,B\n",
        "Aville,Btown\n".repeat(1000)
    );
    let e = csv(&text).unwrap_err();
    assert_eq!(e.code(), "parse_error");
    assert!(e.to_string().contains("line 1002"), "{e}");
}

#[test]
fn names_without_letters_too_long_or_with_controls_are_invalid_in_json() {
    for name in [
        "\u{200B}\u{200B}",
        "\u{0301}\u{0301}",
        &"a".repeat(10_000),
        "Cov\u{202E}entry",
        "Cov\u{0}entry",
    ] {
        let place = format!(
            r#"{{"id":"x","name":{},"level":"city","country":"GB","sources":["s"]}}"#,
            serde_json::to_string(name).unwrap()
        );
        let e = Dataset::from_json(&dataset(&place, ""), "d").unwrap_err();
        assert_eq!(e.code(), "invalid_data", "{name:?}");
    }
}

#[test]
fn place_ids_with_a_tilde_are_invalid() {
    let place = r#"{"id":"a~b","name":"X","level":"city","country":"GB","sources":["s"]}"#;
    let e = Dataset::from_json(&dataset(place, ""), "d").unwrap_err();
    assert!(e.to_string().contains('~'), "{e}");
}

#[test]
fn a_name_with_a_zero_width_space_is_kept_and_flagged() {
    let (d, r) = csv("city1,country1,city2,country2\nCov\u{200B}entry,GB,Dresden,DE\n").unwrap();
    assert!(d.places.iter().any(|p| p.name == "Cov\u{200B}entry"));
    let flag = r
        .flagged
        .iter()
        .find(|f| f.kind == twinning_atlas::view::FlagKind::HiddenCharacters)
        .unwrap();
    assert!(flag.message.contains('\u{FFFD}'));
}

#[test]
fn csv_export_cells_cannot_run_as_formulas_and_import_back_unchanged() {
    let mut a = Atlas::new(Dataset::empty()).unwrap();
    a.import(
        b"city1,country1,city2,country2\n\"=HYPERLINK(\"\"x\"\")\",GB,@SUM,FR\n+Plus,DE,-Minus,AT\n",
        &ImportOptions::default(),
    )
    .unwrap();
    let out = a
        .export(&ExportOptions {
            format: ExportFormat::Csv,
        })
        .unwrap();
    for line in out.lines().skip(1) {
        for cell in line.split(',') {
            let c = cell.trim_start_matches('"');
            let formula = c.starts_with(['=', '+', '@', '\t', '\r'])
                || (c.starts_with('-') && c.parse::<f64>().is_err());
            assert!(!formula, "{cell}");
        }
    }
    let (d, _) = csv(&out).unwrap();
    let names: Vec<&str> = d.places.iter().map(|p| p.name.as_str()).collect();
    for want in ["=HYPERLINK(\"x\")", "@SUM", "+Plus", "-Minus"] {
        assert!(names.contains(&want), "{want} in {names:?}");
    }
}
