//! The world network laid under the curated data: ids kept, history kept, partners and
//! names gained, and every malformed world document refused with the atlas unchanged.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use twinning_atlas::{Atlas, PartnersOptions, Status};

fn mini() -> Vec<u8> {
    std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/world/mini.json"
    ))
    .expect("fixture")
}

fn loaded() -> Atlas {
    let mut atlas = Atlas::with_default_data().expect("curated data");
    atlas.load_world(&mini()).expect("world loads");
    atlas
}

#[test]
fn a_curated_place_keeps_its_history_and_gains_the_worlds_partners() {
    let before = Atlas::with_default_data().unwrap();
    let n_before = before
        .partners("coventry-gb", &PartnersOptions::default())
        .unwrap()
        .partners
        .len();
    let atlas = loaded();
    let p = atlas
        .partners("coventry-gb", &PartnersOptions::default())
        .unwrap();
    assert!(
        p.partners.len() > n_before,
        "{} vs {n_before}",
        p.partners.len()
    );
    let volgograd = p
        .partners
        .iter()
        .find(|x| x.partner.id == "volgograd-ru")
        .expect("Volgograd");
    assert_eq!(volgograd.status.status, Status::Suspended);
    assert!(volgograd
        .sources
        .iter()
        .any(|s| s.id == "world-enwiki-2026"));
    let cologne = p
        .partners
        .iter()
        .find(|x| x.partner.id == "cologne-de")
        .expect("Cologne");
    assert_eq!(cologne.status.status, Status::Unknown);
    let ids: Vec<&str> = cologne.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["world-enwiki-2026"]);
}

#[test]
fn the_worlds_other_names_find_the_place() {
    let atlas = loaded();
    let names: Vec<String> = atlas
        .place("cologne-de")
        .unwrap()
        .names
        .iter()
        .map(|n| n.name.clone())
        .collect();
    for n in ["Köln", "Koeln", "Colonia", "Кёльн"] {
        assert!(names.iter().any(|x| x == n), "{n} in {names:?}");
    }
    let coventry = atlas.get_place("coventry-gb").unwrap();
    assert!(coventry.names.iter().any(|n| n.name == "Kovyentri"));
}

#[test]
fn namesakes_stay_two_places_with_a_link_between_them() {
    let atlas = loaded();
    let link = atlas
        .link_between("felsberg-de", "felsberg-de-he")
        .expect("namesake link");
    assert_ne!(link.a, link.b);
}

#[test]
fn the_world_info_names_its_licence_and_sources() {
    let atlas = loaded();
    let w = atlas.world().expect("world info");
    assert_eq!(w.meta.licence, "CC BY-SA 4.0");
    assert_eq!(w.sources.len(), 2);
    assert_eq!(w.sources[0].date.as_deref(), Some("2026-02"));
    assert!(w.places_merged >= 2, "{w:?}");
    assert!(w.links_merged >= 1, "{w:?}");
    assert!(atlas
        .sources()
        .iter()
        .any(|s| s.id == "world-wikidata-2017"));
}

#[test]
fn replaced_coordinates_are_said_to_come_from_the_gazetteer() {
    let atlas = loaded();
    let p = atlas.get_place("felsberg-de-he").unwrap();
    assert!(p.coord_source.is_none() || p.coord_source.as_deref().unwrap().contains("replaced"));
}

fn refused(mutate: impl Fn(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value = serde_json::from_slice(&mini()).unwrap();
    mutate(&mut v);
    let bytes = serde_json::to_vec(&v).unwrap();
    let mut atlas = Atlas::with_default_data().unwrap();
    let before = atlas.dataset().places.len();
    let e = atlas.load_world(&bytes).expect_err("must be refused");
    assert_eq!(atlas.dataset().places.len(), before, "the atlas changed");
    assert!(atlas.world().is_none());
    format!("{}: {e}", e.code())
}

#[test]
fn malformed_world_documents_are_refused_with_the_atlas_unchanged() {
    use serde_json::json;
    type Mutation = Box<dyn Fn(&mut serde_json::Value)>;
    let cases: Vec<(&str, Mutation)> = vec![
        (
            "unsupported_format",
            Box::new(|v| v["format"] = json!("twinning-atlas/1")),
        ),
        (
            "invalid_data",
            Box::new(|v| v["places"]["name"] = json!(["a"])),
        ),
        (
            "invalid_data",
            Box::new(|v| v["places"]["id"][1] = json!("coventry-gb")),
        ),
        (
            "invalid_data",
            Box::new(|v| v["places"]["id"][1] = json!("a~b")),
        ),
        (
            "invalid_data",
            Box::new(|v| v["places"]["lat"][0] = json!(950000)),
        ),
        (
            "invalid_data",
            Box::new(|v| v["places"]["country"][0] = json!("XX")),
        ),
        (
            "invalid_data",
            Box::new(|v| v["places"]["wikidata"][0] = json!("Q12x")),
        ),
        (
            "invalid_data",
            Box::new(|v| v["places"]["population"][0] = json!(99_999_999_999u64)),
        ),
        (
            "invalid_data",
            Box::new(|v| v["places"]["sources"][0] = json!(8)),
        ),
        ("invalid_data", Box::new(|v| v["links"]["a"][0] = json!(99))),
        ("invalid_data", Box::new(|v| v["links"]["b"][0] = json!(0))),
        (
            "invalid_data",
            Box::new(|v| v["links"]["sources"][0] = json!(0)),
        ),
        ("invalid_data", Box::new(|v| v["links"]["a"][1] = json!(1))),
        ("parse_error", Box::new(|v| v["extra"] = json!(1))),
        ("parse_error", Box::new(|v| v["places"] = json!([1, 2]))),
    ];
    for (code, mutate) in cases {
        let got = refused(mutate);
        assert!(got.starts_with(code), "expected {code}, got {got}");
    }
}

#[test]
fn gzip_bytes_are_refused_with_advice() {
    let mut atlas = Atlas::with_default_data().unwrap();
    let e = atlas.load_world(&[0x1f, 0x8b, 8, 0, 0, 0]).unwrap_err();
    assert_eq!(e.code(), "unsupported_format");
    assert!(e.to_string().contains("decompress"));
}

#[test]
fn a_merged_import_keeps_the_world_and_a_replacement_drops_it() {
    let mut atlas = loaded();
    let csv = b"city1,country1,city2,country2\nKiel,Germany,Coventry,United Kingdom\n";
    atlas
        .import(csv, &serde_json::from_str(r#"{"format":"csv"}"#).unwrap())
        .expect("merge");
    assert!(atlas.world().is_some());
    assert!(atlas.get_place("cologne-de").is_some());
}

#[test]
fn a_partner_list_says_what_rests_on_records_and_who_lists_the_rest() {
    let atlas = loaded();
    let p = atlas
        .partners("coventry-gb", &PartnersOptions::default())
        .unwrap();
    let c = &p.coverage;
    assert_eq!(c.with_history + c.listed_only, p.partners.len() as u32);
    assert!(c.listed_only >= 2, "{c:?}");
    let wiki = c
        .by_source
        .iter()
        .find(|s| s.source.id == "world-enwiki-2026")
        .expect("listed by");
    assert_eq!(wiki.source.title, "English Wikipedia lists (test)");
    assert!(wiki.count >= 3, "{wiki:?}");
}

#[test]
fn partners_of_unknown_status_come_after_every_known_status() {
    let atlas = loaded();
    let p = atlas
        .partners("coventry-gb", &PartnersOptions::default())
        .unwrap();
    let first_unknown = p
        .partners
        .iter()
        .position(|x| x.status.status == Status::Unknown)
        .expect("an unknown");
    assert!(p.partners[first_unknown..]
        .iter()
        .all(|x| x.status.status == Status::Unknown));
    assert!(p.partners[..first_unknown]
        .iter()
        .any(|x| x.status.status == Status::Suspended));
}

#[test]
fn a_column_longer_than_the_cap_is_refused_while_it_is_read() {
    let ids = vec!["\"x\""; twinning_atlas::world::MAX_WORLD_PLACES + 1].join(",");
    let doc = format!(
        r#"{{"format":"twinning-atlas-world/1","meta":{{"title":"t","built":"2026","licence":"CC0","attribution":"a"}},"sources":[{{"id":"s","title":"s"}}],"places":{{"id":[{ids}]}}}}"#
    );
    let mut atlas = Atlas::with_default_data().unwrap();
    let e = atlas.load_world(doc.as_bytes()).unwrap_err();
    assert_eq!(e.code(), "parse_error");
    assert!(e.to_string().contains("more than 500000 values"), "{e}");
    assert!(atlas.world().is_none());
}

#[test]
fn a_world_document_over_the_byte_limit_is_refused_before_it_is_read() {
    let big = vec![b' '; twinning_atlas::world::MAX_WORLD_BYTES + 1];
    let mut atlas = Atlas::with_default_data().unwrap();
    assert_eq!(atlas.load_world(&big).unwrap_err().code(), "too_large");
}
