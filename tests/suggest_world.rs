//! Find a partner with a trained model: a generated network of 600 towns in eight countries
//! (enough links to learn from; the curated data alone is too small and the world asset too
//! slow for a debug build), the same suggestions every time for the same seed, and the
//! output safe to hand to JavaScript.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::json;
use twinning_atlas::suggest::model::TrainConfig;
use twinning_atlas::suggest::{Engine, SuggestOptions};
use twinning_atlas::{Atlas, Dataset};

/// Towns in clusters by country; each twins with a few towns of its own and the next
/// country, and with partners of its partners, from a fixed linear congruential sequence.
fn atlas() -> Atlas {
    const COUNTRIES: [&str; 8] = ["DE", "FR", "GB", "PL", "IT", "ES", "NL", "BE"];
    const N: usize = 600;
    let mut state: u64 = 14;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) as usize) % n
    };
    let places: Vec<_> = (0..N)
        .map(|i| {
            let c = i % COUNTRIES.len();
            json!({
                "id": format!("town{i}-{}", COUNTRIES[c].to_lowercase()),
                "name": format!("Town {i}"),
                "level": "town",
                "country": COUNTRIES[c],
                "lat": 40.0 + c as f64 + (i % 7) as f64 * 0.1,
                "lon": c as f64 * 2.0 + (i % 11) as f64 * 0.1,
                "population": 5_000 + (i * 7_919) % 400_000,
                "sources": ["gen"]
            })
        })
        .collect();
    let id = |i: usize| places[i]["id"].as_str().unwrap().to_string();
    let mut pairs = std::collections::BTreeSet::new();
    for i in 0..N {
        for _ in 0..3 {
            let step = 1 + next(3);
            let j = (i + step * COUNTRIES.len() + [0, 1][next(2)]) % N;
            if i != j {
                pairs.insert((i.min(j), i.max(j)));
            }
        }
    }
    // close some triangles: partners of partners
    let list: Vec<(usize, usize)> = pairs.iter().copied().collect();
    for w in list.windows(2) {
        let ((a, b), (c, d)) = (w[0], w[1]);
        if a == c && next(3) == 0 && b != d {
            pairs.insert((b.min(d), b.max(d)));
        }
    }
    let links: Vec<_> = pairs
        .iter()
        .map(|&(a, b)| json!({"a": id(a), "b": id(b), "form": "twinning", "sources": ["gen"]}))
        .collect();
    let doc = json!({
        "format": "twinning-atlas/1",
        "sources": [{"id": "gen", "title": "generated"}],
        "places": places,
        "links": links,
    });
    Atlas::new(Dataset::from_json(&doc.to_string(), "generated").unwrap()).unwrap()
}

#[test]
fn the_model_learns_from_the_loaded_network_and_says_so() {
    let atlas = atlas();
    let s = atlas
        .suggest_partners("town1-fr", &SuggestOptions::default())
        .unwrap();
    assert!(s.model.trained_on > 0, "{:?}", s.model);
    assert_eq!(s.model.seed, 14);
    assert_eq!(s.model.weights.len(), 19);
    assert_eq!(s.suggestions.len(), 10);
    for x in &s.suggestions {
        assert!(x.score.is_finite());
        assert!(!x.reasons.is_empty(), "{} has no reason", x.place.id);
    }
    let scores: Vec<f64> = s.suggestions.iter().map(|x| x.score).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn the_same_seed_gives_the_same_suggestions_and_another_seed_its_own_weights() {
    let (one, two) = (atlas(), atlas());
    let o = SuggestOptions::default();
    for id in ["town1-fr", "town43-pl", "town599-be"] {
        assert_eq!(
            one.suggest_partners(id, &o).unwrap(),
            two.suggest_partners(id, &o).unwrap()
        );
    }
    let a = Engine::build(
        &one,
        &TrainConfig {
            seed: 1,
            iterations: 40,
            ..TrainConfig::default()
        },
    );
    let b = Engine::build(
        &one,
        &TrainConfig {
            seed: 1,
            iterations: 40,
            ..TrainConfig::default()
        },
    );
    let c = Engine::build(
        &one,
        &TrainConfig {
            seed: 2,
            iterations: 40,
            ..TrainConfig::default()
        },
    );
    assert_eq!(a.model.weights, b.model.weights);
    assert_ne!(a.model.weights, c.model.weights);
}

#[test]
fn the_output_is_plain_json_with_camel_case_keys() {
    let atlas = atlas();
    let s = atlas
        .suggest_partners("town1-fr", &SuggestOptions::default())
        .unwrap();
    let v = serde_json::to_value(&s).unwrap();
    let first = &v["suggestions"][0];
    for key in ["place", "score", "distanceKm", "reasons", "against"] {
        assert!(first.get(key).is_some(), "{key} missing: {first}");
    }
    assert!(v["model"].get("trainedOn").is_some());
    let why = serde_json::to_value(atlas.explain_pair("town1-fr", "town2-gb").unwrap()).unwrap();
    for key in ["alreadyPartners", "rank", "considered", "topScore", "other"] {
        assert!(why.get(key).is_some(), "{key} missing");
    }
}
