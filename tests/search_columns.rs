//! The search-only atlas built from columns (what the benchmark and large name lists use):
//! the caller's numbering, aliases reported as written, and bad columns rejected.

use twinning_atlas::search::PlaceColumns;
use twinning_atlas::view::MatchedName;
use twinning_atlas::{Atlas, SearchQuery};

fn columns(names: &str, counts: &[u32]) -> twinning_atlas::Result<Atlas> {
    Atlas::from_columns(PlaceColumns {
        ids: "",
        names: names.to_string(),
        name_counts: counts,
        populations: &[1_000_000, 500_000, 200_000],
        countries: "RU\nDE\nDE",
        levels: "city\ncity\nmunicipality",
    })
}

#[test]
fn ids_are_the_callers_numbering_and_aliases_are_found() {
    let a = columns(
        "Volgograd\nStalingrad\nВолгоград\nKöln\nCologne\nKöln-Porz\n",
        &[3, 2, 1],
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let ix = a.search_index();
    assert_eq!(ix.search_ids("stalingrad", 5), [0]);
    assert_eq!(
        ix.search_ids("koln", 5),
        [1, 2],
        "the whole name first, then the longer one"
    );
    assert_eq!(ix.search_ids("волгогр", 5), [0]);
    assert_eq!(ix.search_ids("colgne", 5), [1], "one typo");
    assert_eq!(a.get_place("2").map(|p| p.name.as_str()), Some("Köln-Porz"));
}

#[test]
fn the_rich_search_reports_the_alias_as_written() {
    let a = columns(
        "Volgograd\nStalingrad\nЦарицын\nKöln\nCologne\nKöln-Porz",
        &[3, 2, 1],
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let r = a
        .search(&SearchQuery {
            text: "царицын".into(),
            country: None,
            ..SearchQuery::default()
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.hits[0].matched, "Царицын");
    assert_eq!(r.hits[0].matched_kind, MatchedName::Alias);
    assert_eq!(r.hits[0].place.country.as_deref(), Some("RU"));
}

#[test]
fn columns_that_do_not_add_up_are_invalid_arguments() {
    let code = |r: twinning_atlas::Result<Atlas>| r.err().map(|e| e.code());
    assert_eq!(
        code(columns("A\nB\n", &[3, 2, 1])),
        Some("invalid_argument")
    );
    assert_eq!(
        code(columns("A\nB\nC\nD\n", &[1, 0, 3])),
        Some("invalid_argument")
    );
    let bad_ids = Atlas::from_columns(PlaceColumns {
        ids: "x\nx",
        names: "A\nB".into(),
        name_counts: &[1, 1],
        populations: &[],
        countries: "",
        levels: "",
    });
    assert_eq!(code(bad_ids), Some("invalid_argument"));
}
