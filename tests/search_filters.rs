//! Filters combined with the text (country, level, form, status at a date, start years,
//! motive), browsing with filters and no text, and links found by naming both places.

mod search_fixture;

use search_fixture::{atlas, run};
use twinning_atlas::search::OneOrMany;
use twinning_atlas::{SearchQuery, Status};

fn one(s: &str) -> Option<OneOrMany> {
    Some(OneOrMany::One(s.into()))
}

fn hit_ids(q: SearchQuery) -> Vec<String> {
    run(
        &atlas(),
        &SearchQuery {
            limit: Some(50),
            ..q
        },
    )
    .hits
    .into_iter()
    .map(|h| h.place.id)
    .collect()
}

#[test]
fn the_country_filter_keeps_places_of_that_country() {
    let got = hit_ids(SearchQuery {
        text: "frankfurt".into(),
        country: one("de"),
        ..SearchQuery::default()
    });
    assert_eq!(got, ["frankfurt-oder-de", "frankfurt-main-de"]);
    let got = hit_ids(SearchQuery {
        text: "s".into(),
        country: Some(OneOrMany::Many(vec!["PL".into(), "US".into()])),
        ..SearchQuery::default()
    });
    assert_eq!(
        got,
        [
            "slubice-pl",
            "seattle-us",
            "springfield-a-us",
            "springfield-b-us"
        ]
    );
}

#[test]
fn the_level_filter_keeps_places_of_that_level() {
    let got = hit_ids(SearchQuery {
        text: "frankfurt".into(),
        level: one("city"),
        ..SearchQuery::default()
    });
    assert_eq!(got, ["frankfurt-main-de"]);
    let got = hit_ids(SearchQuery {
        level: one("fictional"),
        ..SearchQuery::default()
    });
    assert_eq!(got, ["ankh-morpork"]);
}

#[test]
fn the_form_filter_keeps_places_with_a_link_of_that_form() {
    let got = hit_ids(SearchQuery {
        form: one("cooperation"),
        ..SearchQuery::default()
    });
    assert_eq!(got, ["frankfurt-oder-de", "slubice-pl"]);
}

#[test]
fn the_status_filter_looks_at_the_date_asked_for() {
    let suspended = |as_of: Option<&str>| {
        hit_ids(SearchQuery {
            status: one("suspended"),
            as_of: as_of.map(Into::into),
            ..SearchQuery::default()
        })
    };
    assert_eq!(suspended(None), ["volgograd-ru", "coventry-gb"]);
    assert_eq!(suspended(Some("2023")), ["volgograd-ru", "coventry-gb"]);
    assert!(
        suspended(Some("2021")).is_empty(),
        "the Coventry–Volgograd link was paused in March 2022"
    );
    let proposed = hit_ids(SearchQuery {
        text: "k".into(),
        status: one("proposed"),
        ..SearchQuery::default()
    });
    assert_eq!(proposed, ["kyiv-ua"]);
}

#[test]
fn the_year_range_keeps_places_with_a_link_established_in_it() {
    let got = hit_ids(SearchQuery {
        from_year: Some(1950),
        to_year: Some(1990),
        ..SearchQuery::default()
    });
    assert_eq!(
        got,
        ["volgograd-ru", "coventry-gb", "koln-de", "dresden-de"]
    );
    let got = hit_ids(SearchQuery {
        text: "c".into(),
        to_year: Some(1945),
        ..SearchQuery::default()
    });
    assert_eq!(got, ["coventry-gb"]);
}

#[test]
fn the_motive_filter_keeps_places_with_a_link_for_that_motive() {
    let got = hit_ids(SearchQuery {
        motive: one("novelty"),
        ..SearchQuery::default()
    });
    assert_eq!(got, ["wincanton-gb", "ankh-morpork"]);
}

#[test]
fn link_filters_must_hold_for_one_and_the_same_link() {
    // Coventry has a suspended link (Volgograd, 1944) and one established in 1959 (Dresden)
    let got = hit_ids(SearchQuery {
        text: "coventry".into(),
        status: one("suspended"),
        from_year: Some(1950),
        ..SearchQuery::default()
    });
    assert!(got.is_empty());
}

#[test]
fn unknown_filter_values_are_invalid_arguments_that_name_the_choices() {
    let a = atlas();
    let e = a.search(&SearchQuery {
        level: one("metropolis"),
        ..SearchQuery::default()
    });
    let e = e.err().map(|e| (e.code(), e.to_string()));
    assert!(
        matches!(&e, Some(("invalid_argument", m)) if m.contains("city")),
        "{e:?}"
    );
    let e = a.search(&SearchQuery {
        from_year: Some(2000),
        to_year: Some(1990),
        ..SearchQuery::default()
    });
    assert_eq!(e.err().map(|e| e.code()), Some("invalid_argument"));
    let e = a.search(&SearchQuery {
        as_of: Some("yesterday".into()),
        ..SearchQuery::default()
    });
    assert_eq!(e.err().map(|e| e.code()), Some("invalid_argument"));
}

#[test]
fn unknown_options_are_rejected() {
    let r: Result<SearchQuery, _> = serde_json::from_str(r#"{"text":"x","contry":"DE"}"#);
    assert!(r.is_err());
}

#[test]
fn naming_two_places_finds_the_link_between_them() {
    let a = atlas();
    let r = run(
        &a,
        &SearchQuery {
            text: "coventry dresden".into(),
            ..SearchQuery::default()
        },
    );
    assert_eq!(r.links.len(), 1);
    let l = &r.links[0];
    assert_eq!(l.id, "coventry-gb~dresden-de");
    assert_eq!(
        (l.a.id.as_str(), l.b.id.as_str()),
        ("coventry-gb", "dresden-de")
    );
    assert_eq!(l.since, Some(1959));
    // either order, other names, and typos
    let r = run(
        &a,
        &SearchQuery {
            text: "stalingrad coventry".into(),
            ..SearchQuery::default()
        },
    );
    assert_eq!(r.links[0].id, "coventry-gb~volgograd-ru");
    assert_eq!(r.links[0].matched_b, "Stalingrad");
    assert_eq!(r.links[0].status, Status::Suspended);
    let r = run(
        &a,
        &SearchQuery {
            text: "frankfurt oder slubice".into(),
            ..SearchQuery::default()
        },
    );
    assert_eq!(r.links[0].id, "frankfurt-oder-de~slubice-pl");
    let r = run(
        &a,
        &SearchQuery {
            text: "covenrty dresden".into(),
            ..SearchQuery::default()
        },
    );
    assert_eq!(
        r.links.first().map(|l| l.id.as_str()),
        Some("coventry-gb~dresden-de")
    );
}

#[test]
fn link_hits_respect_the_link_filters_and_can_be_turned_off() {
    let a = atlas();
    let q = |status: &str, links| SearchQuery {
        text: "coventry volgograd".into(),
        status: one(status),
        as_of: Some("2021".into()),
        links,
        ..SearchQuery::default()
    };
    assert_eq!(run(&a, &q("established", None)).links.len(), 1);
    assert!(run(&a, &q("suspended", None)).links.is_empty());
    assert!(run(&a, &q("established", Some(false))).links.is_empty());
}
