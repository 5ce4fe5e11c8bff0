//! Search on the curated dataset: old names, other scripts and links between two places
//! named in one query.

use twinning_atlas::view::MatchedName;
use twinning_atlas::{Atlas, SearchQuery};

fn atlas() -> Atlas {
    Atlas::with_default_data().unwrap_or_else(|e| panic!("the curated dataset does not load: {e}"))
}

fn search(a: &Atlas, text: &str) -> twinning_atlas::SearchResult {
    a.search(&SearchQuery {
        text: text.into(),
        limit: Some(10),
        ..SearchQuery::default()
    })
    .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn stalingrad_is_highlighted_in_the_historic_name_that_matched() {
    let r = search(&atlas(), "stalin");
    let hit = &r.hits[0];
    assert_eq!(hit.place.name, "Volgograd");
    assert_eq!(hit.matched, "Stalingrad");
    assert_eq!(hit.matched_kind, MatchedName::Historic);
    assert_eq!(hit.spans, vec![[0, 6]]);
}

#[test]
fn a_typo_in_an_old_name_still_finds_the_place() {
    assert_eq!(
        search(&atlas(), "stalingard").hits[0].place.name,
        "Volgograd"
    );
}

#[test]
fn coventry_dresden_finds_their_link() {
    let r = search(&atlas(), "coventry dresden");
    let l = r
        .links
        .first()
        .unwrap_or_else(|| panic!("no link hit: {:?}", r.hits));
    let names = [l.a.name.as_str(), l.b.name.as_str()];
    assert!(
        names.contains(&"Coventry") && names.contains(&"Dresden"),
        "{names:?}"
    );
}
