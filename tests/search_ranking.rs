//! The order of hits: match quality first, then prominence (partners, population, level),
//! then name and id, so that the page, the npm API and the tests agree.

mod search_fixture;

use search_fixture::{atlas, ids, query, run};
use twinning_atlas::search::SortOrder;
use twinning_atlas::view::MatchQuality;
use twinning_atlas::SearchQuery;

#[test]
fn an_exact_name_ranks_before_longer_names_that_start_with_it() {
    let a = atlas();
    let r = run(&a, &query("frankfurt"));
    let got: Vec<&str> = r.hits.iter().map(|h| h.place.id.as_str()).collect();
    // neither is exact; Frankfurt (Oder) has a partner, so it leads
    assert_eq!(got, ["frankfurt-oder-de", "frankfurt-main-de"]);
    let r = run(&a, &query("kyiv"));
    assert_eq!(r.hits[0].quality, MatchQuality::Exact);
}

#[test]
fn prefix_matches_rank_before_later_words_and_typos() {
    let a = atlas();
    let r = run(&a, &query("a"));
    let qualities: Vec<MatchQuality> = r.hits.iter().map(|h| h.quality).collect();
    let mut sorted = qualities.clone();
    sorted.sort();
    assert_eq!(qualities, sorted, "hits come best match first");
}

#[test]
fn among_equal_matches_places_with_more_partners_come_first() {
    let a = atlas();
    // browsing (no text) ranks by prominence alone: Volgograd and Coventry have two
    // partners (Volgograd more people), then Tokyo, Kyiv, Köln … one each, by population
    let r = run(
        &a,
        &SearchQuery {
            limit: Some(5),
            ..SearchQuery::default()
        },
    );
    let got: Vec<&str> = r.hits.iter().map(|h| h.place.id.as_str()).collect();
    assert_eq!(
        got,
        [
            "volgograd-ru",
            "coventry-gb",
            "tokyo-jp",
            "kyiv-ua",
            "koln-de"
        ]
    );
}

#[test]
fn equal_places_are_ordered_by_name_then_id() {
    let a = atlas();
    assert_eq!(
        ids(&a, "springfield"),
        ["springfield-a-us", "springfield-b-us"]
    );
    // the same order on every run and for every prefix
    assert_eq!(ids(&a, "spring"), ["springfield-a-us", "springfield-b-us"]);
    assert_eq!(
        ids(&a, "sprinfield"),
        ["springfield-a-us", "springfield-b-us"]
    );
}

#[test]
fn total_counts_every_matching_place_and_limit_and_offset_page_through_them() {
    let a = atlas();
    let all = run(
        &a,
        &SearchQuery {
            text: "s".into(),
            limit: Some(100),
            ..SearchQuery::default()
        },
    );
    assert_eq!(all.total as usize, all.hits.len());
    let page = run(
        &a,
        &SearchQuery {
            text: "s".into(),
            limit: Some(2),
            offset: Some(1),
            ..SearchQuery::default()
        },
    );
    assert_eq!(page.total, all.total);
    let want: Vec<&str> = all.hits[1..3].iter().map(|h| h.place.id.as_str()).collect();
    let got: Vec<&str> = page.hits.iter().map(|h| h.place.id.as_str()).collect();
    assert_eq!(got, want);
}

#[test]
fn other_sort_orders_keep_the_same_matches() {
    let a = atlas();
    let by = |sort| {
        run(
            &a,
            &SearchQuery {
                text: "s".into(),
                limit: Some(100),
                sort: Some(sort),
                ..SearchQuery::default()
            },
        )
    };
    let names: Vec<String> = by(SortOrder::Name)
        .hits
        .into_iter()
        .map(|h| h.place.name)
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    let pops: Vec<u32> = by(SortOrder::Population)
        .hits
        .iter()
        .map(|h| h.place.population.unwrap_or(0))
        .collect();
    assert!(pops.windows(2).all(|w| w[0] >= w[1]));
    assert_eq!(
        by(SortOrder::Partners).total,
        by(SortOrder::Relevance).total
    );
}

#[test]
fn a_bad_limit_or_offset_is_an_invalid_argument() {
    let a = atlas();
    for q in [
        SearchQuery {
            text: "x".into(),
            limit: Some(0),
            ..SearchQuery::default()
        },
        SearchQuery {
            text: "x".into(),
            limit: Some(1001),
            ..SearchQuery::default()
        },
        SearchQuery {
            text: "x".into(),
            offset: Some(1_000_000),
            ..SearchQuery::default()
        },
    ] {
        let e = a.search(&q).err().map(|e| e.code());
        assert_eq!(e, Some("invalid_argument"));
    }
}

#[test]
fn a_whole_name_in_another_language_ranks_before_the_start_of_another_name() {
    use twinning_atlas::{Atlas, Dataset};
    let data: Dataset = serde_json::from_value(serde_json::json!({
        "format": "twinning-atlas/1",
        "sources": [{ "id": "s", "title": "test" }],
        "places": [
            { "id": "kolno-pl", "name": "Kolno", "level": "town", "country": "PL", "population": 10000, "sources": ["s"] },
            { "id": "cologne-de", "name": "Cologne", "level": "city", "country": "DE", "names": [{ "name": "Köln", "kind": "local", "lang": "de" }], "sources": ["s"] }
        ],
        "links": [{ "a": "kolno-pl", "b": "cologne-de", "form": "unspecified", "sources": ["s"] }]
    }))
    .unwrap();
    let a = Atlas::new(data).unwrap();
    let r = run(&a, &query("Köln"));
    assert_eq!(r.hits[0].place.id, "cologne-de");
    assert_eq!(r.hits[0].quality, MatchQuality::Exact);
    assert_eq!(r.hits[1].place.id, "kolno-pl");
    assert_eq!(r.hits[1].quality, MatchQuality::Prefix);
}
