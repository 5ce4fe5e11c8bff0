//! The contract is fully resolved: wherever a result names a source, a place or a country by
//! its id or code, it also carries what the page shows (a source's title, a place's name, a
//! country's name), so the page never asks the atlas again just to name something. Checked on
//! the curated data, record by record.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use twinning_atlas::compare::CompareOptions;
use twinning_atlas::network::NetworkOptions;
use twinning_atlas::view::{DisagreementView, LinkView, SourceRef};
use twinning_atlas::{Atlas, PartnersOptions};

fn atlas() -> Atlas {
    match Atlas::with_default_data() {
        Ok(a) => a,
        Err(e) => panic!("the curated dataset does not load: {e}"),
    }
}

/// Every source of the data by id, with its title.
fn titles(atlas: &Atlas) -> HashMap<String, String> {
    atlas
        .sources()
        .into_iter()
        .map(|s| (s.id, s.title))
        .collect()
}

/// `refs` resolves `ids`, in order, each to the source's real title.
fn assert_resolved(
    ids: &[String],
    refs: &[SourceRef],
    titles: &HashMap<String, String>,
    what: &str,
) {
    let got: Vec<&str> = refs.iter().map(|r| r.id.as_str()).collect();
    let want: Vec<&str> = ids.iter().map(String::as_str).collect();
    assert_eq!(
        got, want,
        "{what}: the resolved sources are not the ids, in order"
    );
    for r in refs {
        let title = titles
            .get(&r.id)
            .unwrap_or_else(|| panic!("{what}: the data cites {}, which it does not list", r.id));
        assert_eq!(&r.title, title, "{what}: {} has the wrong title", r.id);
    }
}

fn curated_links(atlas: &Atlas) -> Vec<LinkView> {
    let ids: Vec<String> = atlas.dataset().links.iter().map(|l| l.id.clone()).collect();
    ids.iter()
        .map(|id| atlas.link_by_id(id, &PartnersOptions::default()).unwrap())
        .collect()
}

#[test]
fn every_disagreement_names_its_sources() {
    let atlas = atlas();
    let titles = titles(&atlas);
    let mut seen = 0;
    let mut check = |d: &DisagreementView, what: String| {
        assert_resolved(
            std::slice::from_ref(&d.disagreement.claimed_by),
            std::slice::from_ref(&d.claimed_by_ref),
            &titles,
            &what,
        );
        assert_resolved(&d.disagreement.sources, &d.source_refs, &titles, &what);
        seen += 1;
    };
    for l in curated_links(&atlas) {
        for d in &l.disagreements {
            check(d, format!("link {} disagreement", l.id));
        }
    }
    for n in atlas.notes(None) {
        for d in &n.disagreements {
            check(d, format!("note {} disagreement", n.id));
        }
    }
    assert!(
        seen >= 3,
        "the curated data has disagreements to check, found {seen}"
    );
}

#[test]
fn every_recorded_criterion_names_its_sources_and_the_satellite_is_named() {
    let atlas = atlas();
    let titles = titles(&atlas);
    let (mut criteria, mut satellites) = (0, 0);
    for l in curated_links(&atlas) {
        let Some(p) = &l.pair else { continue };
        for c in &p.criteria {
            let what = format!("link {} criterion {}", l.id, c.fact.criterion);
            assert_resolved(&c.fact.sources, &c.source_refs, &titles, &what);
            criteria += 1;
        }
        match (&p.satellite, &p.satellite_ref) {
            (None, None) => {}
            (Some(id), Some(r)) => {
                assert_eq!(&r.id, id);
                let place = atlas.get_place(id).unwrap();
                assert_eq!(r.name, place.name, "link {}: the satellite's name", l.id);
                satellites += 1;
            }
            other => panic!("link {}: satellite and its ref disagree: {other:?}", l.id),
        }
    }
    assert!(criteria >= 10, "recorded criteria checked: {criteria}");
    assert!(
        satellites >= 1,
        "the curated data names a satellite (Ivangorod)"
    );
}

#[test]
fn comparing_places_names_every_place_and_country_it_mentions() {
    let atlas = atlas();
    let ids = ["coventry-gb", "volgograd-ru", "dresden-de"].map(String::from);
    let ids: Vec<String> = ids
        .into_iter()
        .filter(|id| atlas.get_place(id).is_some())
        .collect();
    assert!(
        ids.len() >= 2,
        "two of the compared places are in the curated data"
    );
    let r = atlas
        .compare_places(&ids, &CompareOptions::default())
        .unwrap();
    let name = |id: &str| atlas.get_place(id).unwrap().name.clone();
    for b in &r.between {
        assert_eq!(
            (b.a_ref.id.as_str(), b.b_ref.id.as_str()),
            (b.a.as_str(), b.b.as_str())
        );
        assert_eq!(b.a_ref.name, name(&b.a));
        assert_eq!(b.b_ref.name, name(&b.b));
    }
    for s in &r.shared_partners {
        let named: Vec<&str> = s.of_refs.iter().map(|p| p.id.as_str()).collect();
        let ids: Vec<&str> = s.of.iter().map(String::as_str).collect();
        assert_eq!(named, ids);
        for p in &s.of_refs {
            assert_eq!(p.name, name(&p.id));
        }
    }
    assert_eq!(
        r.countries_in_common.len(),
        r.countries_in_common_refs.len()
    );
    for (code, c) in r
        .countries_in_common
        .iter()
        .zip(&r.countries_in_common_refs)
    {
        assert_eq!(code, &c.code);
        assert_ne!(c.name, c.code, "{code} is named");
    }
    let mut countries = 0;
    for p in &r.places {
        for c in &p.countries {
            assert_ne!(c.name, c.key, "country {} is named", c.key);
            countries += 1;
        }
        for c in &p.continents {
            assert_ne!(c.name, c.key, "continent {} is named", c.key);
        }
        if p.countries.iter().any(|c| c.key == "DE") {
            assert_eq!(
                p.countries.iter().find(|c| c.key == "DE").unwrap().name,
                "Germany"
            );
        }
        for x in p.active.iter().chain(&p.ended).chain(&p.other) {
            if let Some(code) = &x.country {
                assert_ne!(x.country_name.as_deref(), Some(code.as_str()), "{}", x.id);
                assert!(x.country_name.is_some());
            }
        }
    }
    assert!(countries > 0, "the compared places have partners abroad");
}

#[test]
fn comparing_countries_names_the_countries_and_continents() {
    let atlas = atlas();
    let codes = ["DE", "FR", "PL"].map(String::from);
    let r = atlas
        .compare_countries(&codes, &CompareOptions::default())
        .unwrap();
    let by_code: HashMap<&str, &str> = r
        .countries
        .iter()
        .map(|c| (c.code.as_str(), c.name.as_str()))
        .collect();
    assert_eq!(by_code.get("DE"), Some(&"Germany"));
    for c in &r.countries {
        assert_eq!(c.continent.as_deref(), Some("EU"));
        assert_eq!(c.continent_name.as_deref(), Some("Europe"));
        for t in &c.top_partner_countries {
            assert_ne!(t.name, t.key, "top partner country {} is named", t.key);
        }
    }
    assert!(
        !r.between.is_empty(),
        "the curated data twins these countries"
    );
    for b in &r.between {
        assert_eq!(b.a_ref.code, b.a);
        assert_eq!(b.b_ref.code, b.b);
        assert_eq!(Some(&b.a_ref.name.as_str()), by_code.get(b.a.as_str()));
        assert_eq!(Some(&b.b_ref.name.as_str()), by_code.get(b.b.as_str()));
    }
}

#[test]
fn a_chain_carries_its_places_in_full_with_coordinates() {
    let atlas = atlas();
    // from Coventry to the first place two hops away or more
    let from = "coventry-gb".to_string();
    let c = atlas
        .dataset()
        .places
        .iter()
        .filter_map(|p| atlas.chain(&from, &p.id, &NetworkOptions::default()).ok())
        .find(|c| c.found && c.hops >= Some(2))
        .expect("a chain of two hops or more from Coventry");
    let to = c.to.id.clone();
    assert!(
        c.found && c.places.len() >= 3,
        "{from} → {to}: {:?}",
        c.hops
    );
    assert_eq!(c.places.first().unwrap().id, from);
    assert_eq!(c.places.last().unwrap().id, to);
    for p in &c.places {
        let place = atlas.get_place(&p.id).unwrap();
        assert_eq!((p.lat, p.lon), (place.lat, place.lon), "{}", p.id);
        assert_eq!(p.name, place.name);
    }
    assert!(
        c.places.iter().all(|p| p.lat.is_some()),
        "curated places have coordinates"
    );
}

#[test]
fn stats_and_the_country_list_name_their_countries_and_continents() {
    let atlas = atlas();
    let stats = atlas.stats();
    assert!(!stats.by_country.is_empty());
    for c in &stats.by_country {
        assert_ne!(c.name, c.key, "country {} is named", c.key);
    }
    let de = stats.by_country.iter().find(|c| c.key == "DE").unwrap();
    assert_eq!(de.name, "Germany");
    let ru = atlas
        .countries()
        .into_iter()
        .find(|c| c.code == "RU")
        .unwrap();
    assert_eq!(
        (ru.continent.as_deref(), ru.continent_name.as_deref()),
        (Some("EU"), Some("Europe"))
    );
}
