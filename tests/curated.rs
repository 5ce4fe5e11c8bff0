//! The curated dataset: it loads, its records agree, and every row of the founding
//! documents' checklist (`../shared/reference/seed_facts.csv`) is either carried by a record
//! or excluded with a reason in `data/README.md`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::Path;
use twinning_atlas::{Atlas, Dataset, PartnersOptions, SearchQuery, Status};

fn atlas() -> Atlas {
    match Atlas::with_default_data() {
        Ok(a) => a,
        Err(e) => panic!("the curated dataset does not load: {e}"),
    }
}

fn shared(rel: &str) -> Option<std::path::PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    p.exists().then_some(p)
}

/// Every checklist id: from the reference sheet when it is there, else the copy of its ids.
fn checklist_ids() -> Vec<String> {
    let copy: Vec<String> = include_str!("fixtures/checklist-ids.txt")
        .lines()
        .map(str::to_string)
        .collect();
    if let Some(p) = shared("reference/seed_facts.csv") {
        let text = std::fs::read_to_string(p).unwrap();
        let mut ids = Vec::new();
        for line in text.lines().skip(1) {
            let id = line.split(',').next().unwrap_or("");
            if id.starts_with('S') && id.contains('-') && id.len() <= 6 {
                ids.push(id.to_string());
            }
        }
        assert_eq!(ids, copy, "tests/fixtures/checklist-ids.txt is out of date");
    } else {
        println!("skipping the comparison with ../shared/reference: folder absent");
    }
    copy
}

fn carried_ids(d: &Dataset) -> BTreeSet<String> {
    let mut s = BTreeSet::new();
    let mut add = |v: &Vec<String>| s.extend(v.iter().cloned());
    d.places.iter().for_each(|p| add(&p.seeds));
    d.links.iter().for_each(|l| add(&l.seeds));
    d.groups.iter().for_each(|g| add(&g.seeds));
    d.terms.iter().for_each(|t| add(&t.seeds));
    d.notes.iter().for_each(|n| add(&n.seeds));
    s
}

/// Ids in the exclusion table of data/README.md: lines like `| S1-31 | reason |`.
fn excluded_ids() -> BTreeSet<String> {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/README.md"))
            .unwrap_or_default();
    readme
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            (cells.len() >= 4 && cells[1].starts_with('S') && !cells[2].is_empty())
                .then(|| cells[1].to_string())
        })
        .collect()
}

#[test]
fn curated_dataset_loads_without_problems() {
    let d = Dataset::curated().unwrap_or_else(|e| panic!("{e}"));
    let problems = d.problems();
    assert!(problems.is_empty(), "problems:\n{}", problems.join("\n"));
    assert!(d.places.len() > 150, "only {} places", d.places.len());
    assert!(d.links.len() > 100, "only {} links", d.links.len());
}

#[test]
fn every_checklist_row_is_carried_or_excluded_with_a_reason() {
    let d = Dataset::curated().unwrap();
    let carried = carried_ids(&d);
    let excluded = excluded_ids();
    let ids = checklist_ids();
    assert_eq!(ids.len(), 113);
    let mut missing = Vec::new();
    for id in &ids {
        if !carried.contains(id) && !excluded.contains(id) {
            missing.push(id.clone());
        }
    }
    assert!(
        missing.is_empty(),
        "checklist rows neither carried nor excluded: {missing:?}"
    );
    let unknown: Vec<&String> = carried.iter().filter(|c| !ids.contains(c)).collect();
    assert!(
        unknown.is_empty(),
        "records cite ids that are not on the checklist: {unknown:?}"
    );
    println!(
        "checklist: {} carried, {} excluded",
        carried.len(),
        excluded.len()
    );
}

#[test]
fn every_record_cites_a_source() {
    let d = Dataset::curated().unwrap();
    for p in &d.places {
        assert!(!p.sources.is_empty(), "place {} cites no source", p.id);
    }
    for l in &d.links {
        assert!(!l.sources.is_empty(), "link {} cites no source", l.id);
    }
    for g in &d.groups {
        assert!(!g.sources.is_empty(), "group {} cites no source", g.id);
    }
    for t in &d.terms {
        assert!(!t.sources.is_empty(), "term {} cites no source", t.term);
    }
    for n in &d.notes {
        assert!(!n.sources.is_empty(), "note {} cites no source", n.id);
    }
}

fn top(a: &Atlas, text: &str) -> twinning_atlas::SearchHit {
    let r = a
        .search(&SearchQuery {
            text: text.into(),
            limit: Some(5),
            ..SearchQuery::default()
        })
        .unwrap();
    r.hits
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no hit for {text:?}"))
}

#[test]
fn stalingrad_finds_volgograd_with_its_coventry_link_paused_in_2022() {
    let a = atlas();
    let hit = top(&a, "stalingrad");
    assert_eq!(hit.place.name, "Volgograd");
    assert_eq!(hit.matched, "Stalingrad");
    let partners = a
        .partners(&hit.place.id, &PartnersOptions::default())
        .unwrap();
    let coventry = partners
        .partners
        .iter()
        .find(|p| p.partner.name == "Coventry")
        .expect("Volgograd has Coventry as a partner");
    assert_eq!(coventry.since.as_ref().and_then(|d| d.year), Some(1944));
    assert_eq!(coventry.status.status, Status::Suspended);
    let decided = coventry.status.decided_by.as_ref().unwrap();
    assert_eq!(decided.date.text, "2022-03-22");
    let before = a
        .partners(
            &hit.place.id,
            &PartnersOptions {
                as_of: Some("2021".into()),
            },
        )
        .unwrap();
    let c2021 = before
        .partners
        .iter()
        .find(|p| p.partner.name == "Coventry")
        .unwrap();
    assert_eq!(c2021.status.status, Status::Established);
}

#[test]
fn enso_finds_svetogorsk() {
    assert_eq!(top(&atlas(), "enso").place.name, "Svetogorsk");
}

#[test]
fn koln_with_and_without_umlaut_give_the_same_results() {
    let a = atlas();
    let q = |t: &str| {
        a.search(&SearchQuery {
            text: t.into(),
            limit: Some(50),
            ..SearchQuery::default()
        })
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.place.id)
        .collect::<Vec<_>>()
    };
    assert_eq!(q("Köln"), q("koln"));
    assert_eq!(q("MÜNCHEN"), q("munchen"));
    // the same on names the curated data holds, so the comparison cannot pass vacuously
    for (with, without) in [
        ("Görlitz", "gorlitz"),
        ("Słubice", "slubice"),
        ("Český Těšín", "cesky tesin"),
    ] {
        let (a, b) = (q(with), q(without));
        assert!(!a.is_empty(), "{with} finds nothing");
        assert_eq!(a, b, "{with} and {without} differ");
    }
}

#[test]
fn ankh_finds_ankh_morpork_as_wincantons_fictional_partner() {
    let a = atlas();
    let hit = top(&a, "ankh");
    assert_eq!(hit.place.name, "Ankh-Morpork");
    assert_eq!(hit.place.level, twinning_atlas::model::Level::Fictional);
    assert!(
        hit.place.lat.is_none(),
        "a fictional place has no coordinates"
    );
    let p = a
        .partners(&hit.place.id, &PartnersOptions::default())
        .unwrap();
    assert!(p.partners.iter().any(|x| x.partner.name == "Wincanton"));
}

#[test]
fn glossary_holds_every_term_of_the_reference_sheet() {
    let a = atlas();
    let terms = a.terms();
    let Some(p) = shared("reference/terminology.csv") else {
        println!("skipping: ../shared/reference absent");
        assert!(terms.len() >= 33);
        return;
    };
    let text = std::fs::read_to_string(p).unwrap();
    let mut rdr_terms = Vec::new();
    for line in text.lines().skip(1) {
        // the term is the first CSV field, possibly quoted
        let term = if let Some(rest) = line.strip_prefix('"') {
            rest.split("\",").next().unwrap_or("").replace("\"\"", "\"")
        } else {
            line.split(',').next().unwrap_or("").to_string()
        };
        rdr_terms.push(term);
    }
    assert_eq!(rdr_terms.len(), 33);
    let have: Vec<String> = terms
        .iter()
        .map(|t| twinning_atlas::text::fold(&t.term.term))
        .collect();
    for t in rdr_terms {
        let f = twinning_atlas::text::fold(&t);
        assert!(
            have.iter()
                .any(|h| h == &f || h.contains(&f) || f.contains(h.as_str())),
            "glossary lacks {t:?}"
        );
    }
}

#[test]
fn links_the_sources_say_were_ended_or_suspended_are_not_shown_as_in_force() {
    let a = atlas();
    let status = |x: &str, y: &str| {
        a.link(x, y, &PartnersOptions::default())
            .unwrap_or_else(|e| panic!("{x}–{y}: {e}"))
            .status
            .status
    };
    // undated agreements that a dated event later ended or suspended
    assert_eq!(
        status("prague-cz", "saint-petersburg-ru"),
        Status::Terminated
    );
    assert_eq!(status("milan-it", "saint-petersburg-ru"), Status::Suspended);
    assert_eq!(
        status("melbourne-au", "saint-petersburg-ru"),
        Status::Suspended
    );
    assert_eq!(status("doncaster-gb", "ozyorsk-ru"), Status::Terminated);
    assert_eq!(status("oak-ridge-us", "obninsk-ru"), Status::Suspended);
    assert_eq!(status("eugene-us", "irkutsk-ru"), Status::Suspended);
    assert_eq!(status("nieuwegein-nl", "pulawy-pl"), Status::Terminated);
    assert_eq!(status("edirne-tr", "haskovo-bg"), Status::Terminated);
    assert_eq!(status("osaka-jp", "san-francisco-us"), Status::Terminated);
    assert_eq!(status("coventry-gb", "volgograd-ru"), Status::Suspended);
    // and an undated agreement's first event on the timeline is its start
    let l = a
        .link(
            "prague-cz",
            "saint-petersburg-ru",
            &PartnersOptions::default(),
        )
        .unwrap();
    assert_eq!(
        l.events[0].kind,
        twinning_atlas::model::EventKind::Established
    );
    // in 2010 the Prague link was in force, but the data cannot say since when
    let then = a
        .link(
            "prague-cz",
            "saint-petersburg-ru",
            &PartnersOptions {
                as_of: Some("2010".into()),
            },
        )
        .unwrap();
    assert_eq!(then.status.status, Status::Unknown);
    assert!(!then.status.certain);
}
