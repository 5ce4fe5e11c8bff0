//! Answers that agree with each other on the curated data: one date rule, so every view
//! gives a link the same status at the same date; "as of today" gives what "now" gives;
//! one partner count and one status order everywhere; criteria where the facts decide.

#![allow(clippy::unwrap_used)]

use twinning_atlas::classify::ClassifyOptions;
use twinning_atlas::compare::{ComparePairsOptions, PairSpec, PairsInput};
use twinning_atlas::model::Verdict;
use twinning_atlas::network::NetworkOptions;
use twinning_atlas::view::Classification;
use twinning_atlas::{Atlas, Date, PartnersOptions, SearchQuery, Status};

/// The day these tests take as today (the curated data was compiled in November 2026).
const TODAY: &str = "2026-12-01";

fn atlas() -> Atlas {
    match Atlas::with_default_data() {
        Ok(a) => a,
        Err(e) => panic!("the curated dataset does not load: {e}"),
    }
}

fn at(d: Option<&str>) -> ClassifyOptions {
    ClassifyOptions {
        as_of: d.map(str::to_string),
        thresholds: None,
    }
}

fn verdicts(c: &Classification) -> Vec<Verdict> {
    c.criteria.all().iter().map(|(_, v)| v.verdict).collect()
}

#[test]
fn every_view_gives_each_curated_link_the_same_status_at_several_dates() {
    let atlas = atlas();
    let dates = [
        None,
        Some("1950"),
        Some("1990"),
        Some("2005"),
        Some("2012"),
        Some("2022-03-21"),
        Some("2022-12-31"),
        Some(TODAY),
    ];
    for d in dates {
        for l in &atlas.dataset().links {
            let opts = PartnersOptions {
                as_of: d.map(str::to_string),
            };
            let link = atlas.link_by_id(&l.id, &opts).unwrap().status;
            let classified = atlas.classify_link(&l.id, &at(d)).unwrap();
            let here = format!("{} at {d:?}", l.id);
            assert_eq!(classified.status.status, link.status, "classify, {here}");
            assert_eq!(classified.status.certain, link.certain, "certainty, {here}");
            for (me, other) in [(&l.a, &l.b), (&l.b, &l.a)] {
                let p = atlas.partners(me, &opts).unwrap();
                let row = p
                    .partners
                    .iter()
                    .chain(p.pairings.iter())
                    .find(|r| r.link_id == l.id)
                    .unwrap_or_else(|| panic!("{here}: not among the partners of {me}"));
                assert_eq!(row.status.status, link.status, "partners of {me}, {here}");
                assert_eq!(&row.partner.id, other);
            }
            let pairs = atlas
                .compare_pairs(
                    &PairsInput::Pairs(vec![PairSpec::Tuple([l.a.clone(), l.b.clone()])]),
                    &ComparePairsOptions {
                        as_of: d.map(str::to_string),
                        ..Default::default()
                    },
                )
                .unwrap();
            let row = &pairs.pairs[0];
            let c = row.classification.as_ref().unwrap();
            assert_eq!(c.status.status, link.status, "compare, {here}");
            if let Some(k) = &row.cooperation {
                assert_eq!(
                    k.in_force_since.is_some(),
                    link.status == Status::Established,
                    "compare's 'in force since', {here}"
                );
                // the events the comparison lists are the ones the status counted
                if let Some(e) = &link.decided_by {
                    assert!(
                        k.events
                            .iter()
                            .any(|x| x.kind == e.kind && x.date == e.date),
                        "compare does not list the deciding event, {here}"
                    );
                }
            }
            // C3 follows the status (real places; a fictional one fails it)
            let imaginary = [&c.a, &c.b].iter().any(|p| {
                matches!(
                    p.level,
                    twinning_atlas::model::Level::Fictional | twinning_atlas::model::Level::Virtual
                )
            });
            if !imaginary && c.criteria.c3.source != twinning_atlas::view::Basis::Recorded {
                assert_eq!(
                    c.criteria.c3.verdict == Verdict::Holds,
                    link.status == Status::Established,
                    "C3 against the status, {here}: {}",
                    c.criteria.c3.evidence
                );
            }
            // the network counts a link as active exactly when its status is established
            let net = atlas
                .partners_of_partners(
                    &l.a,
                    &NetworkOptions {
                        as_of: d.map(str::to_string),
                        active_only: true,
                        ..Default::default()
                    },
                )
                .unwrap();
            let json = serde_json::to_string(&net).unwrap();
            let direct = json.contains(&format!("\"id\":\"{}\"", l.b));
            if l.form != twinning_atlas::model::Form::None && link.status == Status::Established {
                assert!(direct, "network leaves out an active link, {here}");
            }
        }
    }
}

#[test]
fn classify_at_today_agrees_with_classify_without_a_date_on_every_curated_link() {
    let atlas = atlas();
    let today = Date::parse(TODAY).unwrap();
    let mut checked = 0;
    for l in &atlas.dataset().links {
        // a link with an event after today may rightly differ
        if l.events
            .iter()
            .any(|e| !e.date.is_unknown() && e.date.start() > today.end())
        {
            continue;
        }
        let now = atlas.classify_link(&l.id, &at(None)).unwrap();
        let then = atlas.classify_link(&l.id, &at(Some(TODAY))).unwrap();
        assert_eq!(now.status.status, then.status.status, "{}", l.id);
        assert!(then.status.certain, "{}: uncertain today", l.id);
        assert_eq!(now.kind.kind, then.kind.kind, "{}", l.id);
        assert_eq!(verdicts(&now), verdicts(&then), "{}", l.id);
        assert_eq!(
            now.twin_cities.verdict, then.twin_cities.verdict,
            "{}",
            l.id
        );
        checked += 1;
    }
    assert_eq!(checked, atlas.dataset().links.len());
}

#[test]
fn an_agreement_recorded_without_a_date_is_established_today_and_says_so() {
    let atlas = atlas();
    // Chicago–Warsaw: established, year not in the source
    let c = atlas
        .classify("chicago-us", "warsaw-pl", &at(Some(TODAY)))
        .unwrap();
    assert_eq!(c.status.status, Status::Established);
    assert!(c.status.certain);
    assert_eq!(c.criteria.c3.verdict, Verdict::Holds);
    assert!(
        c.criteria.c3.evidence.contains("established (date unknown"),
        "{}",
        c.criteria.c3.evidence
    );
}

#[test]
fn a_place_has_one_partner_count_everywhere() {
    let atlas = atlas();
    let most = atlas
        .most_connected(&NetworkOptions {
            limit: Some(1000),
            ..Default::default()
        })
        .unwrap();
    for p in &atlas.dataset().places {
        let partners = atlas.partners(&p.id, &PartnersOptions::default()).unwrap();
        let n = partners.partner_count;
        assert_eq!(n as usize, partners.partners.len(), "{}", p.id);
        assert_eq!(partners.place.partner_count, n, "summary of {}", p.id);
        assert_eq!(
            partners.counts.iter().map(|c| c.count).sum::<u32>(),
            n,
            "counts of {}",
            p.id
        );
        assert!(partners
            .pairings
            .iter()
            .all(|r| r.form == twinning_atlas::model::Form::None));
        if let Some(m) = most.places.iter().find(|m| m.place.id == p.id) {
            assert_eq!(m.partners, n, "network count of {}", p.id);
        }
    }
    // Coventry: five agreements (one of them suspended, one proposed); Kaliningrad is a
    // pairing without an agreement
    let c = atlas
        .partners("coventry-gb", &PartnersOptions::default())
        .unwrap();
    assert_eq!(c.partner_count, 5);
    assert_eq!(c.pairings.len(), 1);
    let hits = atlas
        .search(&SearchQuery {
            text: "Coventry".into(),
            ..Default::default()
        })
        .unwrap();
    let hit = hits
        .hits
        .iter()
        .find(|h| h.place.id == "coventry-gb")
        .unwrap();
    assert_eq!(hit.place.partner_count, 5);
}

#[test]
fn partners_and_their_counts_come_in_the_cores_status_order() {
    let atlas = atlas();
    for p in &atlas.dataset().places {
        let v = atlas.partners(&p.id, &PartnersOptions::default()).unwrap();
        assert_eq!(v.status_order, Status::ORDER.to_vec());
        let ranks: Vec<usize> = v.partners.iter().map(|r| r.status.status.rank()).collect();
        assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{}", p.id);
        let ranks: Vec<usize> = v.counts.iter().map(|c| c.key.rank()).collect();
        assert!(ranks.windows(2).all(|w| w[0] < w[1]), "{}", p.id);
    }
}

#[test]
fn places_too_far_apart_to_be_one_town_fail_c2_and_c5_with_the_distance() {
    let atlas = atlas();
    let c = atlas
        .classify("chicago-us", "warsaw-pl", &at(None))
        .unwrap();
    for v in [&c.criteria.c2, &c.criteria.c5] {
        assert_eq!(v.verdict, Verdict::Fails, "{}", v.evidence);
        assert!(v.evidence.contains("km apart"), "{}", v.evidence);
        assert!(v.evidence.contains("Poland"), "{}", v.evidence);
    }
}

#[test]
fn a_fictional_or_virtual_place_fails_every_criterion_not_recorded() {
    let atlas = atlas();
    for l in &atlas.dataset().links {
        let c = atlas.classify_link(&l.id, &at(None)).unwrap();
        let imaginary = [&c.a, &c.b].iter().any(|p| {
            matches!(
                p.level,
                twinning_atlas::model::Level::Fictional | twinning_atlas::model::Level::Virtual
            )
        });
        if !imaginary {
            continue;
        }
        for (n, v) in c.criteria.all() {
            if v.source != twinning_atlas::view::Basis::Recorded {
                assert_eq!(v.verdict, Verdict::Fails, "{} {n}: {}", l.id, v.evidence);
            }
        }
        assert_eq!(c.twin_cities.verdict, Verdict::Fails);
    }
}

#[test]
fn no_unknown_remains_where_the_facts_decide() {
    // every remaining "unknown" on the curated data is for a pair close enough to be one
    // town (or without coordinates), where only a source could tell
    let atlas = atlas();
    for l in &atlas.dataset().links {
        let c = atlas.classify_link(&l.id, &at(None)).unwrap();
        for (n, v) in c.criteria.all() {
            if v.verdict != Verdict::Unknown || n == "C3" || n == "C6" {
                continue;
            }
            let km = c.distance_km;
            assert!(
                km.is_none_or(|d| d <= c.thresholds.near_border_km.max(c.thresholds.shared_town_km)),
                "{} {n} is unknown {km:?} km apart: {}",
                l.id,
                v.evidence
            );
        }
    }
}

#[test]
fn exports_carry_what_the_page_shows() {
    use twinning_atlas::{ExportFormat, ExportOptions};
    let atlas = atlas();
    let csv = atlas
        .export(&ExportOptions {
            format: ExportFormat::Csv,
        })
        .unwrap();
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row = r
        .records()
        .map(|x| x.unwrap())
        .find(|x| &x[0] == "coventry-gb~volgograd-ru")
        .unwrap();
    // the page shows "suspended 2022-03-22": so does the export
    assert_eq!(&row[col("status")], "suspended");
    assert_eq!(&row[col("end")], "2022-03-22");
    assert_eq!(&row[col("status_date")], "2022-03-22");
    assert!(row[col("suspensions")].contains("suspended 2022-03-22"));
    assert!(row[col("events")].contains("established 1944"));
    assert!(row[col("source_citations")].contains("BBC"));
    assert!(row[col("source_urls")].contains("http"));
    let partners = atlas
        .partners("coventry-gb", &PartnersOptions::default())
        .unwrap();
    let p = partners
        .partners
        .iter()
        .find(|p| p.partner.id == "volgograd-ru")
        .unwrap();
    assert_eq!(
        p.until.as_ref().map(|d| d.text.as_str()),
        Some("2022-03-22")
    );

    let geo = atlas
        .export(&ExportOptions {
            format: ExportFormat::Geojson,
        })
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(&geo).unwrap();
    let f = v["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "coventry-gb~volgograd-ru")
        .unwrap();
    let props = &f["properties"];
    assert_eq!(props["status"], "suspended");
    assert_eq!(props["until"], "2022-03-22");
    assert_eq!(props["statusDate"], "2022-03-22");
    assert_eq!(props["form"], "twinning");
    assert!(props["events"].as_array().unwrap().len() >= 2);
    let source = &props["sources"][0];
    assert!(source["title"].is_string() && source["citation"].is_string());

    // our JSON stays lossless, source citations included
    let json = atlas.export(&ExportOptions::default()).unwrap();
    let again = twinning_atlas::Dataset::from_json(&json, "export").unwrap();
    assert!(&again == atlas.dataset());
}

#[test]
fn every_source_has_what_a_citation_needs() {
    let atlas = atlas();
    for s in atlas.sources() {
        assert!(!s.title.is_empty(), "{}", s.id);
        assert!(
            s.date.is_some() || s.accessed.is_some(),
            "{}: no date",
            s.id
        );
        assert!(!s.citation.is_empty(), "{}", s.id);
        for word in ["garbled", "Founding document", "reference sheet", ".csv"] {
            assert!(!s.title.contains(word), "{}: {}", s.id, s.title);
        }
    }
    let paper = atlas
        .sources()
        .into_iter()
        .find(|s| s.id == "seed-000")
        .unwrap();
    assert!(paper.author.as_deref().unwrap().contains("Sergunin"));
    assert_eq!(
        paper.identifier.as_deref(),
        Some("doi:10.5922/2079-8555-2012-1-3")
    );
    assert!(paper.citation.contains("Baltic Region"));
}
