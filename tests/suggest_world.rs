//! Find a partner with a trained model: the curated data with the mini world laid under it
//! (enough links to learn from), the same suggestions every time for the same seed, and the
//! output safe to hand to JavaScript.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use twinning_atlas::suggest::model::TrainConfig;
use twinning_atlas::suggest::{Engine, SuggestOptions};
use twinning_atlas::Atlas;

fn atlas() -> Atlas {
    let mini = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/world/mini.json"
    ))
    .unwrap();
    let mut atlas = Atlas::with_default_data().unwrap();
    atlas.load_world(&mini).unwrap();
    atlas
}

#[test]
fn the_model_learns_from_the_loaded_network_and_says_so() {
    let atlas = atlas();
    let s = atlas
        .suggest_partners("coventry-gb", &SuggestOptions::default())
        .unwrap();
    assert!(s.model.trained_on > 0, "{:?}", s.model);
    assert_eq!(s.model.seed, 14);
    assert_eq!(s.model.weights.len(), 17);
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
    for id in ["coventry-gb", "kiel-de", "volgograd-ru"] {
        if one.get_place(id).is_none() {
            continue;
        }
        assert_eq!(
            one.suggest_partners(id, &o).unwrap(),
            two.suggest_partners(id, &o).unwrap()
        );
    }
    let a = Engine::build(
        &one,
        &TrainConfig {
            seed: 1,
            ..TrainConfig::default()
        },
    );
    let b = Engine::build(
        &one,
        &TrainConfig {
            seed: 1,
            ..TrainConfig::default()
        },
    );
    let c = Engine::build(
        &one,
        &TrainConfig {
            seed: 2,
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
        .suggest_partners("coventry-gb", &SuggestOptions::default())
        .unwrap();
    let v = serde_json::to_value(&s).unwrap();
    let first = &v["suggestions"][0];
    for key in ["place", "score", "distanceKm", "reasons", "against"] {
        assert!(first.get(key).is_some(), "{key} missing: {first}");
    }
    assert!(v["model"].get("trainedOn").is_some());
    let why = serde_json::to_value(atlas.explain_pair("coventry-gb", "kiel-de").unwrap()).unwrap();
    for key in ["alreadyPartners", "rank", "considered", "topScore", "other"] {
        assert!(why.get(key).is_some(), "{key} missing");
    }
}
