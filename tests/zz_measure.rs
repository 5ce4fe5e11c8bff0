#![allow(clippy::unwrap_used)]
use twinning_atlas::classify::ClassifyOptions;
use twinning_atlas::Atlas;
#[test]
fn measure() {
    let atlas = Atlas::with_default_data().unwrap();
    for as_of in [None, Some("2026-12-01"), Some("2012")] {
        let mut counts = std::collections::BTreeMap::new();
        let mut unknowns = Vec::new();
        let mut n = 0;
        for l in &atlas.dataset().links {
            let c = atlas
                .classify_link(
                    &l.id,
                    &ClassifyOptions {
                        as_of: as_of.map(|s| s.to_string()),
                        thresholds: None,
                    },
                )
                .unwrap();
            n += 1;
            for (name, v) in c.criteria.all() {
                *counts
                    .entry((name, format!("{:?}", v.verdict)))
                    .or_insert(0) += 1;
                *counts
                    .entry(("all", format!("{:?}", v.verdict)))
                    .or_insert(0) += 1;
                if format!("{:?}", v.verdict) == "Unknown" {
                    unknowns.push(format!("{} {} {}", l.id, name, v.evidence));
                }
            }
        }
        println!("AS_OF {:?} links {}", as_of, n);
        for (k, v) in &counts {
            println!("  {:?} {}", k, v);
        }
        if as_of.is_none() {
            for u in &unknowns {
                println!("  U {u}");
            }
        }
    }
}
#[test]
fn agreement_today() {
    let atlas = Atlas::with_default_data().unwrap();
    let (mut agree, mut total) = (0, 0);
    for l in &atlas.dataset().links {
        let now = atlas
            .classify_link(&l.id, &ClassifyOptions::default())
            .unwrap();
        let today = atlas
            .classify_link(
                &l.id,
                &ClassifyOptions {
                    as_of: Some("2026-12-01".into()),
                    thresholds: None,
                },
            )
            .unwrap();
        total += 1;
        let key = |c: &twinning_atlas::classify::Classification| {
            format!(
                "{:?} {:?} {:?} {:?}",
                c.kind.kind,
                c.status.status,
                c.twin_cities.verdict,
                c.criteria
                    .all()
                    .iter()
                    .map(|(_, v)| v.verdict)
                    .collect::<Vec<_>>()
            )
        };
        if key(&now) == key(&today) {
            agree += 1
        } else {
            println!("DIFF {} | {} | {}", l.id, key(&now), key(&today));
        }
    }
    println!("AGREE {agree}/{total}");
}
