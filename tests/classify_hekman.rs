//! The Hekman network (../shared/data, ~26,000 pairs) through the importer, classified,
//! chained and counted natively: no panics, sane counts, and rough native timings printed
//! (the benchmark that counts is `node benches/classify.mjs`). Skips with a printed reason
//! where the folder is absent.

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::time::Instant;
use twinning_atlas::classify::ClassifyAllOptions;
use twinning_atlas::import::ImportOptions;
use twinning_atlas::network::NetworkOptions;
use twinning_atlas::statistics::StatisticsOptions;
use twinning_atlas::{Atlas, Dataset, ImportMode};

fn hekman() -> Option<Atlas> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/hekman_twin_cities_geocoded.csv");
    let Ok(bytes) = std::fs::read(&p) else {
        println!("skipping: {} is absent", p.display());
        return None;
    };
    let mut atlas = Atlas::new(Dataset::empty()).unwrap();
    let options = ImportOptions {
        mode: ImportMode::Replace,
        source_name: Some("Hekman".into()),
        ..Default::default()
    };
    atlas.import(&bytes, &options).unwrap();
    Some(atlas)
}

#[test]
fn the_hekman_network_classifies_chains_and_counts() {
    let Some(atlas) = hekman() else { return };
    let links = atlas.dataset().links.len();
    assert!(links > 20_000, "{links} links");
    let mut best = std::time::Duration::MAX;
    let mut all = None;
    for _ in 0..5 {
        let t = Instant::now();
        all = Some(atlas.classify_all(&ClassifyAllOptions::default()).unwrap());
        best = best.min(t.elapsed());
    }
    let all = all.unwrap();
    let build = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    println!("classify_all: {links} links, best of 5 {best:?} (native, {build} build)");
    assert_eq!(all.links as usize, links);
    println!("kinds: {:?}", all.by_kind);
    let ids: Vec<String> = atlas
        .dataset()
        .places
        .iter()
        .map(|p| p.id.clone())
        .collect();
    let t = Instant::now();
    let mut found = 0;
    for i in 0..200 {
        let (a, b) = (
            &ids[(i * 7919) % ids.len()],
            &ids[(i * 104_729 + 13) % ids.len()],
        );
        if atlas.chain(a, b, &NetworkOptions::default()).unwrap().found {
            found += 1;
        }
    }
    println!("200 chains in {:?}, {found} found", t.elapsed());
    let most = atlas.most_connected(&NetworkOptions::default()).unwrap();
    println!("{}", most.saint_petersburg.statement);
    let s = atlas.statistics(&StatisticsOptions::default()).unwrap();
    println!("{}", s.distance_influence.statement);
    assert!(s.distances.count > 20_000);
}
