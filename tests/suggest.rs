//! Find a partner, on the public API: the reasons' wording, every filter, errors with their
//! codes, results that do not change from run to run, and a place with no partners at all.
//! The fixture (`tests/fixtures/suggest/tiny.json`) is small enough that the model falls
//! back on its built-in weights; `tests/suggest_world.rs` trains on curated + mini world.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use twinning_atlas::suggest::SuggestOptions;
use twinning_atlas::view::Suggestion;
use twinning_atlas::{Atlas, Dataset};

fn tiny() -> Atlas {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/suggest/tiny.json"
    ))
    .unwrap();
    Atlas::new(Dataset::from_json(&text, "tiny.json").unwrap()).unwrap()
}

fn opts(json: &str) -> SuggestOptions {
    serde_json::from_str(json).unwrap()
}

fn find<'a>(list: &'a [Suggestion], id: &str) -> &'a Suggestion {
    list.iter()
        .find(|s| s.place.id == id)
        .unwrap_or_else(|| panic!("{id} is not suggested"))
}

#[test]
fn shared_partners_are_said_with_their_count_and_the_places_named() {
    let atlas = tiny();
    let s = atlas
        .suggest_partners("coventry-gb", &SuggestOptions::default())
        .unwrap();
    let kiel = find(&s.suggestions, "kiel-de");
    let shared = kiel
        .reasons
        .iter()
        .find(|r| r.kind == "sharedPartners")
        .expect("a shared-partners reason");
    assert_eq!(
        shared.text,
        "3 of Coventry's partners are also partners of Kiel"
    );
    let mut named = shared.places.clone();
    named.sort();
    assert_eq!(named, ["caen-fr", "dresden-de", "sarajevo-ba"]);
    // and named, so that the page need not look them up
    let mut refs: Vec<(&str, &str, Option<&str>)> = shared
        .place_refs
        .iter()
        .map(|r| (r.id.as_str(), r.name.as_str(), r.country_name.as_deref()))
        .collect();
    refs.sort();
    assert_eq!(
        refs,
        [
            ("caen-fr", "Caen", Some("France")),
            ("dresden-de", "Dresden", Some("Germany")),
            ("sarajevo-ba", "Sarajevo", Some("Bosnia and Herzegovina")),
        ]
    );
    assert_eq!(s.suggestions[0].place.id, "kiel-de", "Kiel shares the most");
}

#[test]
fn size_distance_countries_and_names_are_said_in_plain_words() {
    let atlas = tiny();
    let why = atlas.explain_pair("coventry-gb", "kiel-de").unwrap();
    let texts: Vec<&str> = why
        .other
        .reasons
        .iter()
        .chain(&why.other.against)
        .map(|r| r.text.as_str())
        .collect();
    assert!(
        texts.contains(&"similar size (317,000 and 247,000)"),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("towns in United Kingdom and Germany are twinned ")),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.starts_with("800 km apart, ")),
        "{texts:?}"
    );
    let boston = atlas.explain_pair("boston-gb", "boston-us").unwrap();
    assert!(
        boston.other.reasons.iter().any(|r| r.text == "same name"),
        "{:?}",
        boston.other.reasons
    );
    let circle = atlas.explain_pair("coventry-gb", "hanover-de").unwrap();
    assert!(circle
        .other
        .reasons
        .iter()
        .any(|r| r.text == "both belong to Test Circle"));
}

#[test]
fn a_place_with_no_partners_gets_suggestions_from_country_distance_and_size_alone() {
    let atlas = tiny();
    let s = atlas
        .suggest_partners("lonelytown-gb", &SuggestOptions::default())
        .unwrap();
    assert_eq!(s.place.partner_count, 0);
    assert!(!s.suggestions.is_empty());
    for x in &s.suggestions {
        assert_ne!(x.place.id, "lonelytown-gb");
        for r in x.reasons.iter().chain(&x.against) {
            assert!(
                !matches!(r.kind, "sharedPartners" | "threeSteps"),
                "{}",
                r.text
            );
        }
        assert!(
            x.reasons
                .iter()
                .chain(&x.against)
                .any(|r| matches!(r.kind, "countries" | "distance" | "size" | "partnerCount")),
            "{} has no reason",
            x.place.id
        );
    }
}

#[test]
fn never_suggests_the_place_itself_or_a_partner_it_has() {
    let atlas = tiny();
    let s = atlas
        .suggest_partners("coventry-gb", &opts(r#"{"limit": 100}"#))
        .unwrap();
    let ids: Vec<&str> = s.suggestions.iter().map(|x| x.place.id.as_str()).collect();
    for bad in ["coventry-gb", "dresden-de", "caen-fr", "sarajevo-ba"] {
        assert!(!ids.contains(&bad), "{bad} in {ids:?}");
    }
    let why = atlas.explain_pair("coventry-gb", "dresden-de").unwrap();
    assert!(why.already_partners);
    assert_eq!(why.rank, None);
}

#[test]
fn the_filters_keep_only_what_was_asked_for() {
    let atlas = tiny();
    let all = atlas
        .suggest_partners("coventry-gb", &opts(r#"{"limit": 100}"#))
        .unwrap();
    assert!(all.suggestions.len() > 5);
    let one = atlas
        .suggest_partners("coventry-gb", &opts(r#"{"limit": 2}"#))
        .unwrap();
    assert_eq!(one.suggestions.len(), 2);
    let fr = atlas
        .suggest_partners("coventry-gb", &opts(r#"{"country": "FR", "limit": 100}"#))
        .unwrap();
    assert!(!fr.suggestions.is_empty());
    assert!(fr
        .suggestions
        .iter()
        .all(|x| x.place.country.as_deref() == Some("FR")));
    let by_name = atlas
        .suggest_partners("coventry-gb", &opts(r#"{"country": "France"}"#))
        .unwrap();
    assert_eq!(
        by_name.suggestions,
        fr.suggestions[..by_name.suggestions.len()]
    );
    let near = atlas
        .suggest_partners(
            "coventry-gb",
            &opts(r#"{"maxDistanceKm": 300, "limit": 100}"#),
        )
        .unwrap();
    assert!(!near.suggestions.is_empty());
    assert!(near
        .suggestions
        .iter()
        .all(|x| x.distance_km.is_some_and(|d| d <= 300.0)));
    let sized = atlas
        .suggest_partners(
            "coventry-gb",
            &opts(r#"{"minPopulation": 200000, "maxPopulation": 600000, "limit": 100}"#),
        )
        .unwrap();
    assert!(!sized.suggestions.is_empty());
    assert!(sized.suggestions.iter().all(|x| x
        .place
        .population
        .is_some_and(|p| (200_000..=600_000).contains(&p))));
    let without = atlas
        .suggest_partners(
            "coventry-gb",
            &opts(r#"{"exclude": ["kiel-de", "no-such-place"], "limit": 100}"#),
        )
        .unwrap();
    assert!(without.suggestions.iter().all(|x| x.place.id != "kiel-de"));
    assert_eq!(without.suggestions.len() + 1, all.suggestions.len());
}

#[test]
fn bad_options_are_refused_with_stable_codes() {
    let atlas = tiny();
    assert!(serde_json::from_str::<SuggestOptions>(r#"{"maxDistance": 3}"#).is_err());
    let code = |json: &str| {
        atlas
            .suggest_partners("coventry-gb", &opts(json))
            .unwrap_err()
            .code()
    };
    assert_eq!(code(r#"{"limit": 0}"#), "invalid_argument");
    assert_eq!(code(r#"{"country": "Atlantis"}"#), "invalid_argument");
    assert_eq!(code(r#"{"maxDistanceKm": -5}"#), "invalid_argument");
    assert_eq!(code(r#"{"maxDistanceKm": 0}"#), "invalid_argument");
    assert_eq!(
        code(r#"{"minPopulation": 10, "maxPopulation": 5}"#),
        "invalid_argument"
    );
    let many = format!(r#"{{"exclude": {:?}}}"#, vec!["x"; 1_001]);
    assert_eq!(code(&many), "too_large");
    let missing = atlas.suggest_partners("atlantis-xx", &SuggestOptions::default());
    assert_eq!(missing.unwrap_err().code(), "not_found");
    assert_eq!(
        atlas
            .explain_pair("coventry-gb", "coventry-gb")
            .unwrap_err()
            .code(),
        "invalid_argument"
    );
    // a limit beyond the cap is capped, not refused
    let s = atlas
        .suggest_partners("coventry-gb", &opts(r#"{"limit": 100000}"#))
        .unwrap();
    assert!(s.suggestions.len() <= 100);
}

#[test]
fn why_not_gives_the_rank_among_the_suggestions() {
    let atlas = tiny();
    let s = atlas
        .suggest_partners("coventry-gb", &SuggestOptions::default())
        .unwrap();
    let second = &s.suggestions[1];
    let why = atlas.explain_pair("coventry-gb", &second.place.id).unwrap();
    assert_eq!(why.rank, Some(2));
    assert_eq!(why.other, *second);
    assert_eq!(why.top_score, Some(s.suggestions[0].score));
    assert!(!why.already_partners);
}
