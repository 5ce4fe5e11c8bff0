//! Files nobody prepared for us (issue 12): the query service's plain JSON download, the
//! Italian lists of twinnings (pipe- and comma-delimited, names and countries in Italian,
//! wiki markup), a list with no country column; the preview a column-mapping form starts
//! from; conflicts with the loaded data and the choices for them; the QuickStatements
//! export. Fixtures of our own in `tests/fixtures/import/`; the real UK list from
//! `../shared/data` when it is there.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use twinning_atlas::import::quickstatements::{quickstatements, QsRow};
use twinning_atlas::import::{preview, read, ColumnRef, ImportOptions, Resolution};
use twinning_atlas::model::EventKind;
use twinning_atlas::view::ConflictKind;
use twinning_atlas::{Atlas, Error, ImportFormat, ImportMode};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/import")
            .join(name),
    )
    .unwrap()
}

fn shared(name: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data")
        .join(name);
    if p.exists() {
        Some(p)
    } else {
        eprintln!(
            "skipped: {} is absent (../shared is not beside the checkout)",
            p.display()
        );
        None
    }
}

fn replace() -> ImportOptions {
    ImportOptions {
        mode: ImportMode::Replace,
        ..ImportOptions::default()
    }
}

/// The CSV that says "Kiel since 1967" against the curated 1947.
const KIEL_1967: &str =
    "city1,country1,city2,country2,start\nCoventry,United Kingdom,Kiel,Germany,1967\n";

fn kiel_link(atlas: &Atlas) -> twinning_atlas::model::Link {
    atlas
        .dataset()
        .links
        .iter()
        .find(|l| {
            (l.a == "coventry-gb" && l.b == "kiel-de") || (l.a == "kiel-de" && l.b == "coventry-gb")
        })
        .cloned()
        .expect("Coventry–Kiel")
}

fn starts(l: &twinning_atlas::model::Link) -> Vec<String> {
    let mut v: Vec<String> = l
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Established)
        .map(|e| e.date.to_string())
        .collect();
    v.sort();
    v
}

// ---- preview -------------------------------------------------------------------------

#[test]
fn a_pipe_file_is_previewed_with_its_delimiter_header_rows_and_a_guess() {
    let p = preview(&fixture("gemellaggi-comuni.csv"), &ImportOptions::default()).unwrap();
    assert_eq!(p.format, ImportFormat::Csv);
    assert_eq!(p.delimiter.as_deref(), Some("|"));
    assert_eq!(p.header.len(), 13);
    assert_eq!(p.header[1], "comune_start_name");
    assert_eq!(p.rows.len(), 12);
    assert_eq!(p.rows[0][1], "Verona");
    assert!(p.recognised);
    let name = |r: &Option<ColumnRef>| match r {
        Some(ColumnRef::Name(n)) => n.clone(),
        other => format!("{other:?}"),
    };
    assert_eq!(name(&p.guess.a_name), "comune_start_name");
    assert_eq!(name(&p.guess.b_name), "comune_end_name");
    assert_eq!(name(&p.guess.b_country), "comune_end_stato");
    assert_eq!(name(&p.guess.a_lon), "comune_start_log");
    assert_eq!(name(&p.guess.a_admin), "comune_start_regione");
    let roles: Vec<(&str, &str)> = p
        .columns
        .iter()
        .map(|c| (c.column.as_str(), c.role.as_str()))
        .collect();
    assert!(
        roles.contains(&("comune_end_stato", "bCountry")),
        "{roles:?}"
    );
    assert!(roles.contains(&("gemelli_names", "ignored")), "{roles:?}");
    // every role a form offers is a key the mapping object takes
    assert_eq!(p.roles.len(), 26);
    for role in &p.roles {
        let json = format!("{{\"{role}\": 1}}");
        assert!(
            serde_json::from_str::<twinning_atlas::import::ColumnMapping>(&json).is_ok(),
            "{role}"
        );
    }
    let sample = p
        .columns
        .iter()
        .find(|c| c.column == "comune_end_stato")
        .unwrap();
    assert_eq!(sample.sample.as_deref(), Some("Germania"));
}

#[test]
fn importing_with_the_guess_is_importing_with_no_mapping() {
    for file in [
        "gemellaggi-comuni.csv",
        "gemellaggi-comuni-fails.csv",
        "wikidata-query-download.json",
        "wikidata.tsv",
        "reordered.csv",
    ] {
        let input = fixture(file);
        let p = preview(&input, &ImportOptions::default()).unwrap();
        assert!(p.recognised, "{file}");
        let (plain, r1) = read(&input, &replace()).unwrap();
        let mapped_opts = ImportOptions {
            mapping: Some(p.guess.clone()),
            ..replace()
        };
        let (mapped, r2) = read(&input, &mapped_opts).unwrap();
        assert_eq!(plain, mapped, "{file}");
        assert_eq!(
            (r1.pairs, r1.rows_rejected),
            (r2.pairs, r2.rows_rejected),
            "{file}"
        );
    }
}

#[test]
fn an_unrecognised_table_is_previewed_and_imports_after_one_mapping_step() {
    let input = b"Partnerkommune;Ort;Vertrag\nKiel;Coventry;1947\nKiel;Brest;1964\n";
    let p = preview(input, &ImportOptions::default()).unwrap();
    assert_eq!(p.delimiter.as_deref(), Some(";"));
    assert!(!p.recognised);
    assert_eq!(p.rows.len(), 2);
    let err = read(input, &replace()).unwrap_err();
    assert_eq!(err.code(), "unsupported_format");
    let mut m = p.guess.clone();
    m.a_name = Some(ColumnRef::Name("Partnerkommune".into()));
    m.a_country = Some(ColumnRef::Name("=Germany".into()));
    m.b_name = Some(ColumnRef::Name("Ort".into()));
    m.start = Some(ColumnRef::Number(3));
    let (d, r) = read(
        input,
        &ImportOptions {
            mapping: Some(m),
            ..replace()
        },
    )
    .unwrap();
    assert_eq!((r.rows_read, r.pairs), (2, 2));
    assert!(d
        .places
        .iter()
        .any(|p| p.name == "Kiel" && p.country.as_deref() == Some("DE")));
}

#[test]
fn the_preview_refuses_what_the_importer_refuses() {
    let small = ImportOptions {
        max_bytes: Some(10),
        ..ImportOptions::default()
    };
    let e = preview(b"city1,city2\nKiel,Coventry\n", &small).unwrap_err();
    assert!(matches!(e, Error::TooLarge { .. }), "{e:?}");
    let e = preview(b"   \n", &ImportOptions::default()).unwrap_err();
    assert_eq!(e.code(), "parse_error");
    let wide = format!("{}\n", vec!["x"; 1001].join(","));
    let e = preview(wide.as_bytes(), &ImportOptions::default()).unwrap_err();
    assert_eq!(e.code(), "unsupported_format");
    let e = preview(b"[{\"item\": \"Q1\"},\n 7]", &ImportOptions::default()).unwrap_err();
    match e {
        Error::Parse { line, column, .. } => assert_eq!((line, column), (2, 2)),
        other => panic!("{other:?}"),
    }
    let e = preview(
        b"a,b\n1,2\n",
        &ImportOptions {
            delimiter: Some("x".into()),
            ..ImportOptions::default()
        },
    )
    .unwrap_err();
    assert_eq!(e.code(), "invalid_argument");
    // a cell of 100,000 characters is cut for the preview
    let long = format!("city1,city2\n{},Kiel\n", "a".repeat(100_000));
    let p = preview(long.as_bytes(), &ImportOptions::default()).unwrap();
    assert!(p.rows[0][0].chars().count() <= 201);
}

// ---- conflicts -----------------------------------------------------------------------

#[test]
fn a_merged_start_that_disagrees_is_a_conflict_and_both_statements_are_kept() {
    let mut atlas = Atlas::with_default_data().unwrap();
    let r = atlas
        .import(KIEL_1967.as_bytes(), &ImportOptions::default())
        .unwrap();
    assert_eq!(r.conflicts.len(), 1, "{:?}", r.conflicts);
    assert_eq!(r.conflicts_total, 1);
    let c = &r.conflicts[0];
    assert_eq!(c.kind, ConflictKind::Start);
    assert_eq!(c.id, "start:coventry-gb~kiel-de");
    assert_eq!(c.loaded.value, "1947");
    assert_eq!(c.incoming.value, "1967");
    assert_eq!(c.resolution, Resolution::Both);
    assert!(c.loaded.sources.iter().any(|s| s.id == "seed-001"));
    assert_eq!(c.incoming.sources[0].id, r.source);
    let link = c.link.as_ref().unwrap();
    assert_eq!(
        (link.a_name.as_str(), link.b_name.as_str()),
        ("Coventry", "Kiel")
    );
    let l = kiel_link(&atlas);
    assert_eq!(starts(&l), ["1947", "1967"]);
    assert_eq!(l.disagreements.len(), 1, "the link is marked disputed");
    assert!(l.disagreements[0].claim.contains("1967"));
    // each statement keeps its own sources
    let e1967 = l
        .events
        .iter()
        .find(|e| e.date.to_string() == "1967")
        .unwrap();
    assert_eq!(e1967.sources, std::slice::from_ref(&r.source));
    let e1947 = l
        .events
        .iter()
        .find(|e| e.date.to_string() == "1947")
        .unwrap();
    assert!(!e1947.sources.contains(&r.source));
}

#[test]
fn keep_and_take_resolve_every_conflict_or_one_by_its_id() {
    let opts = |conflicts: Resolution, per: Option<(&str, Resolution)>| ImportOptions {
        conflicts,
        resolutions: per
            .map(|(k, v)| BTreeMap::from([(k.to_string(), v)]))
            .unwrap_or_default(),
        ..ImportOptions::default()
    };
    let mut keep = Atlas::with_default_data().unwrap();
    let r = keep
        .import(KIEL_1967.as_bytes(), &opts(Resolution::Keep, None))
        .unwrap();
    assert_eq!(r.conflicts[0].resolution, Resolution::Keep);
    assert_eq!(starts(&kiel_link(&keep)), ["1947"]);
    assert!(kiel_link(&keep).disagreements.is_empty());

    let mut take = Atlas::with_default_data().unwrap();
    take.import(KIEL_1967.as_bytes(), &opts(Resolution::Take, None))
        .unwrap();
    assert_eq!(starts(&kiel_link(&take)), ["1967"]);

    // a choice for one conflict wins over the choice for all
    let mut one = Atlas::with_default_data().unwrap();
    let r = one
        .import(
            KIEL_1967.as_bytes(),
            &opts(
                Resolution::Both,
                Some(("start:coventry-gb~kiel-de", Resolution::Keep)),
            ),
        )
        .unwrap();
    assert_eq!(r.conflicts[0].resolution, Resolution::Keep);
    assert_eq!(starts(&kiel_link(&one)), ["1947"]);
}

#[test]
fn a_dry_run_lists_the_conflicts_and_changes_nothing() {
    let mut atlas = Atlas::with_default_data().unwrap();
    let before = atlas.dataset().clone();
    let r = atlas
        .import(
            KIEL_1967.as_bytes(),
            &ImportOptions {
                dry_run: true,
                ..ImportOptions::default()
            },
        )
        .unwrap();
    assert!(r.dry_run);
    assert_eq!(r.conflicts.len(), 1);
    assert_eq!(atlas.dataset(), &before);
}

#[test]
fn an_agreeing_date_of_another_precision_is_no_conflict() {
    let mut atlas = Atlas::with_default_data().unwrap();
    let csv =
        "city1,country1,city2,country2,start\nCoventry,United Kingdom,Kiel,Germany,1947-06-01\n";
    let r = atlas
        .import(csv.as_bytes(), &ImportOptions::default())
        .unwrap();
    assert!(r.conflicts.is_empty(), "{:?}", r.conflicts);
    let l = kiel_link(&atlas);
    assert_eq!(starts(&l), ["1947"]);
    assert!(l.events[0].sources.contains(&r.source));
}

#[test]
fn an_end_the_loaded_data_does_not_know_is_a_status_conflict() {
    let csv = "city1,country1,city2,country2,end\nCoventry,United Kingdom,Kiel,Germany,2010\n";
    let mut atlas = Atlas::with_default_data().unwrap();
    let r = atlas
        .import(csv.as_bytes(), &ImportOptions::default())
        .unwrap();
    let c = r
        .conflicts
        .iter()
        .find(|c| c.kind == ConflictKind::Status)
        .expect("a status conflict");
    assert_eq!(
        (c.loaded.value.as_str(), c.incoming.value.as_str()),
        ("established", "terminated")
    );
    assert_eq!(c.id, "status:coventry-gb~kiel-de");
    let l = kiel_link(&atlas);
    assert!(l.events.iter().any(|e| e.kind == EventKind::Terminated));
    assert_eq!(l.disagreements.len(), 1);
    // keep: the loaded status stands
    let mut kept = Atlas::with_default_data().unwrap();
    kept.import(
        csv.as_bytes(),
        &ImportOptions {
            conflicts: Resolution::Keep,
            ..ImportOptions::default()
        },
    )
    .unwrap();
    assert!(!kiel_link(&kept)
        .events
        .iter()
        .any(|e| e.kind == EventKind::Terminated));
}

#[test]
fn another_country_for_a_loaded_place_is_a_conflict() {
    let mut atlas = Atlas::with_default_data().unwrap();
    let mut data = atlas.dataset().clone();
    // our own JSON naming the loaded Coventry with another country
    data.links
        .retain(|l| l.a == "coventry-gb" || l.b == "coventry-gb");
    let keep: std::collections::HashSet<String> = data
        .links
        .iter()
        .flat_map(|l| [l.a.clone(), l.b.clone()])
        .collect();
    data.places.retain(|p| keep.contains(&p.id));
    data.groups.clear();
    data.notes.clear();
    for p in &mut data.places {
        if p.id == "coventry-gb" {
            p.country = Some("IE".into());
        }
    }
    let json = data.to_json();
    let r = atlas
        .import(json.as_bytes(), &ImportOptions::default())
        .unwrap();
    let c = r
        .conflicts
        .iter()
        .find(|c| c.kind == ConflictKind::Country)
        .expect("a country conflict");
    assert_eq!(c.id, "country:coventry-gb");
    assert_eq!(
        (c.loaded.value.as_str(), c.incoming.value.as_str()),
        ("GB", "IE")
    );
    assert_eq!(
        atlas.get_place("coventry-gb").unwrap().country.as_deref(),
        Some("GB")
    );
}

// ---- QuickStatements ------------------------------------------------------------------

#[test]
fn quickstatements_lists_what_it_cannot_write() {
    let rows = vec![
        QsRow {
            a: Some("Q1707".into()),
            b: Some("Q23311".into()),
            start: Some("1947".into()),
            reference: Some("https://www.kiel.de/de/kiel_zukunft/staedtepartnerschaften/".into()),
            ..QsRow::default()
        },
        QsRow {
            a: Some("Q1707".into()),
            a_name: Some("Kiel".into()),
            b_name: Some("Sovetsk".into()),
            start: Some("1992-05".into()),
            ..QsRow::default()
        },
        QsRow {
            a: Some("Q64".into()),
            b: Some("Q90".into()),
            start: Some("c. 1987".into()),
            reference: Some("not a url".into()),
            ..QsRow::default()
        },
        QsRow {
            a: Some("Q64".into()),
            b: Some("wd:Q64".into()),
            ..QsRow::default()
        },
    ];
    let out = quickstatements(&rows).unwrap();
    assert_eq!(
        out.commands,
        "Q1707\tP190\tQ23311\tP580\t+1947-00-00T00:00:00Z/9\tS854\t\"https://www.kiel.de/de/kiel_zukunft/staedtepartnerschaften/\"\n\
         Q23311\tP190\tQ1707\tP580\t+1947-00-00T00:00:00Z/9\tS854\t\"https://www.kiel.de/de/kiel_zukunft/staedtepartnerschaften/\"\n\
         Q64\tP190\tQ90\n\
         Q90\tP190\tQ64\n"
    );
    assert_eq!((out.pairs, out.lines), (2, 4));
    let reasons: Vec<(u32, bool, &str)> = out
        .skipped
        .iter()
        .map(|s| (s.row, s.written, s.reason.as_str()))
        .collect();
    assert_eq!(reasons.len(), 4, "{reasons:?}");
    assert_eq!(reasons[0], (2, false, "no Wikidata id for Sovetsk"));
    assert!(reasons[1].2.contains("approximate") && reasons[1].1);
    assert!(reasons[2].2.contains("not an http(s) URL") && reasons[2].1);
    assert_eq!(reasons[3], (4, false, "Q64 is given as its own partner"));
}

// ---- the UK list: no country column, Wikipedia titles --------------------------------

#[test]
fn the_uk_list_imports_with_no_mapping() {
    let Some(path) = shared("fozy81_enwiki_uk_twin_towns_2014.csv") else {
        return;
    };
    let input = std::fs::read(path).unwrap();
    let p = preview(&input, &ImportOptions::default()).unwrap();
    assert!(p.recognised, "{:?}", p.columns);
    let (d, r) = read(&input, &replace()).unwrap();
    eprintln!(
        "UK: rows {} rejected {} duplicates {} pairs {} places {} disambiguations {}",
        r.rows_read,
        r.rows_rejected,
        r.duplicates,
        r.pairs,
        r.places_read,
        r.cleaning.disambiguations
    );
    assert_eq!(r.rows_read, 1022);
    assert_eq!(r.rows_rejected, 0);
    // 9 surplus rows are exact duplicates; 3 pairs are stated from both sides
    assert_eq!(r.duplicates, 9);
    assert_eq!(r.pairs, 1010);
    // the home side is British, by the "UK" of its column names
    let halifax = d
        .places
        .iter()
        .find(|p| p.name == "Halifax, West Yorkshire")
        .unwrap();
    assert_eq!(halifax.country.as_deref(), Some("GB"));
    assert_eq!(halifax.admin.as_deref(), Some("West Yorkshire"));
    assert!(halifax.names.iter().any(|n| n.name == "Halifax"));
    // "Brest, France" is Brest in France, "Cork (city)" is Cork
    let brest = d.places.iter().find(|p| p.name == "Brest").unwrap();
    assert_eq!(brest.country.as_deref(), Some("FR"));
    assert!(d.places.iter().any(|p| p.name == "Cork"));
}

// ---- the Italian lists ---------------------------------------------------------------

#[test]
fn the_italian_pipe_list_imports_with_its_markup_cleaned_and_countries_read() {
    let (d, r) = read(&fixture("gemellaggi-comuni.csv"), &replace()).unwrap();
    assert_eq!(r.delimiter.as_deref(), Some("|"));
    assert_eq!((r.rows_read, r.rows_rejected, r.pairs), (12, 0, 12));
    assert_eq!(r.cleaning.wiki_markup, 3, "Parigi, Treviri, Coventry");
    assert!(
        r.unresolved_countries.is_empty(),
        "{:?}",
        r.unresolved_countries
    );
    let place = |name: &str| {
        d.places.iter().find(|p| p.name == name).unwrap_or_else(|| {
            panic!(
                "{name} in {:?}",
                d.places.iter().map(|p| &p.name).collect::<Vec<_>>()
            )
        })
    };
    assert_eq!(place("Treviri").country.as_deref(), Some("DE"));
    assert!(place("Treviri")
        .names
        .iter()
        .any(|n| n.name == "Treviri (Germania)"));
    assert_eq!(place("Parigi").country.as_deref(), Some("FR"));
    assert_eq!(
        place("Coventry").country.as_deref(),
        Some("GB"),
        "Inghilterra"
    );
    assert_eq!(place("Kyoto").country.as_deref(), Some("JP"), "Giappone");
    assert_eq!(place("Filadelfia").country.as_deref(), Some("US"));
    // the comune's country from its region
    assert_eq!(place("Verona").country.as_deref(), Some("IT"));
    assert_eq!(place("Verona").admin.as_deref(), Some("Veneto"));
    // a historic state is reported as such, not silently mapped
    assert_eq!(r.historic_countries.len(), 1, "{:?}", r.historic_countries);
    let h = &r.historic_countries[0];
    assert_eq!(
        (h.text.as_str(), h.state.as_str(), h.code.as_deref(), h.rows),
        ("Unione Sovietica", "Soviet Union", Some("SU"), 1)
    );
}

#[test]
fn the_italian_comma_companion_imports_too() {
    let (d, r) = read(&fixture("gemellaggi-comuni-fails.csv"), &replace()).unwrap();
    assert_eq!(r.delimiter.as_deref(), Some(","));
    assert_eq!((r.rows_read, r.rows_rejected, r.pairs), (6, 0, 6));
    assert_eq!(r.cleaning.wiki_markup, 1);
    assert!(d
        .places
        .iter()
        .any(|p| p.name == "Chartres" && p.country.as_deref() == Some("FR")));
    assert_eq!(r.historic_countries[0].text, "Germania Ovest");
    assert_eq!(r.historic_countries[0].code.as_deref(), Some("FRG"));
}

#[test]
fn a_historic_state_without_a_code_is_reported_and_left_to_the_gazetteer() {
    let csv = "city1,country1,city2,country2\nTorino,Italia,Odessa,Impero russo\n";
    let (d, r) = read(csv.as_bytes(), &replace()).unwrap();
    assert!(r.unresolved_countries.is_empty());
    assert_eq!(r.historic_countries[0].state, "Russian Empire");
    assert_eq!(r.historic_countries[0].code, None);
    assert_eq!(
        d.places
            .iter()
            .find(|p| p.name == "Odessa")
            .unwrap()
            .country,
        None
    );
}

// ---- the query service's plain JSON download -------------------------------------------

#[test]
fn the_plain_json_download_is_recognised_with_no_mapping() {
    let (d, r) = read(&fixture("wikidata-query-download.json"), &replace()).unwrap();
    assert_eq!(r.format, ImportFormat::WikidataJson);
    assert_eq!(
        (r.rows_read, r.rows_rejected, r.pairs, r.both_ways),
        (6, 0, 5, 1)
    );
    let kiel = d.places.iter().find(|p| p.id == "Q1707").unwrap();
    assert_eq!(kiel.name, "Kiel");
    let volgograd = d
        .links
        .iter()
        .find(|l| l.a == "Q914" || l.b == "Q914")
        .unwrap();
    let kinds: Vec<EventKind> = volgograd.events.iter().map(|e| e.kind).collect();
    assert_eq!(kinds, [EventKind::Established, EventKind::Terminated]);
    assert_eq!(volgograd.events[1].date.to_string(), "2022-03-23");
    // a wrong shape is a coded error with its line and column
    for (bad, line) in [
        (&b"[{\"item\": 1},\n \"x\"]"[..], 2),
        (&b"[{\"item\": \"Q1\", \"itemLabel\": \"A\"\n"[..], 2),
    ] {
        match read(bad, &replace()).unwrap_err() {
            Error::Parse { line: l, .. } => assert_eq!(l, line),
            other => panic!("{other:?}"),
        }
    }
}

// ---- one resolver, many languages ------------------------------------------------------

fn with_world() -> Atlas {
    use std::io::Read;
    let gz = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/world/world.json.gz"))
        .unwrap();
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(&gz[..])
        .read_to_end(&mut bytes)
        .unwrap();
    let mut atlas = Atlas::with_default_data().unwrap();
    atlas.load_world(&bytes).unwrap();
    atlas
}

#[test]
fn names_in_any_language_resolve_through_the_gazetteer() {
    let mut atlas = with_world();
    let places_before = atlas.dataset().places.len();
    let r = atlas
        .import(&fixture("gemellaggi-comuni.csv"), &ImportOptions::default())
        .unwrap();
    let found = |name: &str| {
        r.gazetteer
            .places
            .iter()
            .find(|g| g.name == name)
            .map(|g| g.id.as_str())
    };
    assert_eq!(found("Monaco di Baviera"), Some("munich-de"));
    assert_eq!(found("Parigi"), Some("paris-fr"));
    assert_eq!(found("Filadelfia"), Some("philadelphia-us"));
    assert_eq!(
        found("Friburgo in Brisgovia"),
        Some("freiburg-im-breisgau-de")
    );
    assert!(r.gazetteer.matched >= 4, "{:?}", r.gazetteer);
    assert!(atlas.link_between("verona-it", "munich-de").is_some());
    // "München" and "Munich" in one file are the same place, and the loaded one
    let csv = "city1,country1,city2,country2\nSalzburg,Austria,München,Germany\nVerona,Italy,Munich,Germany\n";
    let r = atlas
        .import(csv.as_bytes(), &ImportOptions::default())
        .unwrap();
    assert_eq!(r.places_added, 0, "{:?}", r.gazetteer);
    assert!(atlas.link_between("salzburg-at", "munich-de").is_some());
    assert!(atlas.dataset().places.len() <= places_before + 12);
}

#[test]
fn a_place_without_coordinates_gets_the_gazetteers_and_says_so() {
    let mut atlas = with_world();
    let r = atlas
        .import(
            &fixture("gemellaggi-comuni-fails.csv"),
            &ImportOptions::default(),
        )
        .unwrap();
    let h = r
        .gazetteer
        .places
        .iter()
        .find(|g| g.name == "Hildesheim")
        .expect("Hildesheim");
    assert_eq!(h.id, "hildesheim-de");
    assert_eq!(h.filled, ["coordinates"]);
    assert!(r.gazetteer.coordinates_filled >= 4, "{:?}", r.gazetteer);
    // "Tubinga (Germania Ovest)": a town of West Germany is a town of Germany
    assert!(r
        .gazetteer
        .places
        .iter()
        .any(|g| g.name == "Tubinga" && g.id == "tubingen-de"));
    assert!(atlas.get_place("hildesheim-de").unwrap().lat.is_some());
}

#[test]
fn a_name_that_fits_two_places_of_one_country_stays_apart_and_is_listed() {
    let mut atlas = with_world();
    let csv = "city1,country1,city2,country2\nKiel,Germany,Newport,United Kingdom\n";
    let r = atlas
        .import(csv.as_bytes(), &ImportOptions::default())
        .unwrap();
    assert_eq!(r.ambiguous.len(), 1, "{:?}", r.ambiguous);
    let a = &r.ambiguous[0];
    assert_eq!(a.name, "Newport");
    let mut ids: Vec<&str> = a.candidates.iter().map(|c| c.id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["newport-gb", "newport-gb-wls"]);
    assert!(
        atlas.get_place(&a.kept_as).is_some(),
        "kept as a place of its own"
    );
    assert_eq!(r.places_added, 1);
}

#[test]
fn quickstatements_for_links_of_the_atlas() {
    let mut atlas = with_world_free();
    // the query service's download gives the places their Wikidata ids
    atlas
        .import(
            &fixture("wikidata-query-download.json"),
            &ImportOptions::default(),
        )
        .unwrap();
    let kiel = atlas.get_place("kiel-de").unwrap();
    assert_eq!(kiel.wikidata.as_deref(), Some("Q1707"));
    let l = atlas
        .link_between("coventry-gb", "kiel-de")
        .unwrap()
        .id
        .clone();
    let rows = atlas.quickstatement_rows(std::slice::from_ref(&l)).unwrap();
    assert_eq!(rows[0].start.as_deref(), Some("1947"));
    let out = quickstatements(&rows).unwrap();
    assert!(
        out.commands
            .starts_with("Q23311\tP190\tQ1707\tP580\t+1947-00-00T00:00:00Z/9"),
        "{}",
        out.commands
    );
    assert_eq!(out.lines, 2);
    // a place without a Wikidata id: listed, not written
    let other = atlas
        .links_of("coventry-gb")
        .find(|l| {
            let p = atlas.get_place(l.other("coventry-gb")).unwrap();
            p.wikidata.is_none()
        })
        .unwrap()
        .id
        .clone();
    let out = quickstatements(&atlas.quickstatement_rows(&[other]).unwrap()).unwrap();
    assert_eq!(out.pairs, 0);
    assert!(out.skipped[0].reason.starts_with("no Wikidata id for "));
    assert_eq!(
        atlas
            .quickstatement_rows(&["nope~nope".into()])
            .unwrap_err()
            .code(),
        "not_found"
    );
}

fn with_world_free() -> Atlas {
    Atlas::with_default_data().unwrap()
}
