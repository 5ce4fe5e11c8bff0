//! How names match: folding, transliteration, prefixes, typos, aliases and historic names,
//! several words in any order, and the spans to highlight.

mod search_fixture;

use search_fixture::{atlas, ids, query, run, top};
use twinning_atlas::view::{MatchQuality, MatchedName};

#[test]
fn diacritics_and_case_do_not_matter() {
    let a = atlas();
    assert_eq!(top(&a, "koln"), "koln-de");
    assert_eq!(top(&a, "KÖLN"), "koln-de");
    assert_eq!(ids(&a, "Köln"), ids(&a, "koln"));
}

#[test]
fn letters_without_a_decomposition_fold_too() {
    let a = atlas();
    assert_eq!(top(&a, "giessen"), "giessen-de");
    assert_eq!(top(&a, "tromso"), "tromso-no");
    assert_eq!(top(&a, "slubice"), "slubice-pl");
}

#[test]
fn a_latin_query_finds_names_stored_in_cyrillic_and_greek() {
    let a = atlas();
    let r = run(&a, &query("athina"));
    assert_eq!(r.hits[0].place.id, "athens-gr");
    assert_eq!(r.hits[0].matched, "Αθήνα");
    assert_eq!(r.hits[0].matched_kind, MatchedName::Local);
    let r = run(&a, &query("kyyiv"));
    assert_eq!(r.hits[0].place.id, "kyiv-ua");
}

#[test]
fn a_cyrillic_or_greek_query_finds_the_latin_name() {
    let a = atlas();
    assert_eq!(top(&a, "Волгоград"), "volgograd-ru");
    assert_eq!(
        top(&a, "Дрезден"),
        "dresden-de",
        "drezden: one typo from dresden"
    );
    assert_eq!(top(&a, "Кёльн"), "koln-de", "keln: one typo from koln");
}

#[test]
fn names_in_other_scripts_are_reachable_through_their_aliases() {
    let a = atlas();
    let r = run(&a, &query("東京"));
    assert_eq!(r.hits[0].place.id, "tokyo-jp");
    assert_eq!(r.hits[0].matched, "東京");
}

#[test]
fn the_first_letters_find_a_place() {
    let a = atlas();
    assert_eq!(top(&a, "dre"), "dresden-de");
    assert_eq!(
        top(&a, "s"),
        "slubice-pl",
        "of the names starting with s, the one with partners"
    );
    let r = run(&a, &query("cov"));
    assert_eq!(r.hits[0].place.id, "coventry-gb");
    assert_eq!(r.hits[0].quality, MatchQuality::Prefix);
    assert_eq!(r.hits[0].spans, vec![[0, 3]]);
}

#[test]
fn one_typo_is_forgiven_from_four_letters() {
    let a = atlas();
    // substitution, deletion, insertion
    assert_eq!(top(&a, "drezden"), "dresden-de");
    assert_eq!(top(&a, "dresen"), "dresden-de");
    assert_eq!(top(&a, "dressden"), "dresden-de");
    let r = run(&a, &query("covemtry"));
    assert_eq!(r.hits[0].place.id, "coventry-gb");
    assert_eq!(r.hits[0].quality, MatchQuality::Typo);
    assert_eq!(r.hits[0].typos, 1);
    // not below four letters
    assert!(ids(&a, "dqe").is_empty());
}

#[test]
fn a_transposition_counts_as_one_typo() {
    let a = atlas();
    assert_eq!(top(&a, "seatlte"), "seattle-us");
    assert_eq!(top(&a, "voglograd"), "volgograd-ru");
}

#[test]
fn two_typos_are_forgiven_from_eight_letters() {
    let a = atlas();
    let r = run(&a, &query("volgagrat"));
    assert_eq!(r.hits[0].place.id, "volgograd-ru");
    assert_eq!(r.hits[0].typos, 2);
    assert!(
        ids(&a, "dorsdan").is_empty(),
        "two typos in seven letters are too many"
    );
}

#[test]
fn a_typo_in_the_first_letter_is_found_when_nothing_else_is() {
    let a = atlas();
    assert_eq!(top(&a, "wresden"), "dresden-de");
}

#[test]
fn historic_names_and_exonyms_say_which_name_matched() {
    let a = atlas();
    let r = run(&a, &query("stalingrad"));
    let hit = &r.hits[0];
    assert_eq!(hit.place.name, "Volgograd");
    assert_eq!(hit.matched, "Stalingrad");
    assert_eq!(hit.matched_kind, MatchedName::Historic);
    assert_eq!(hit.quality, MatchQuality::Exact);
    let r = run(&a, &query("cologne"));
    assert_eq!(r.hits[0].place.id, "koln-de");
    assert_eq!(r.hits[0].matched_kind, MatchedName::Exonym);
    let r = run(&a, &query("kiev"));
    assert_eq!(r.hits[0].place.id, "kyiv-ua");
    assert_eq!(r.hits[0].matched, "Kiev");
}

#[test]
fn a_later_word_of_the_name_matches() {
    let a = atlas();
    let r = run(&a, &query("oder"));
    assert_eq!(r.hits[0].place.id, "frankfurt-oder-de");
    assert_eq!(r.hits[0].quality, MatchQuality::Word);
    assert_eq!(
        r.hits[0].spans,
        vec![[11, 15]],
        "Frankfurt (Oder): the span covers Oder"
    );
    assert_eq!(top(&a, "morpork"), "ankh-morpork");
}

#[test]
fn several_words_match_in_any_order() {
    let a = atlas();
    let r = run(&a, &query("oder frankfurt"));
    assert_eq!(r.hits[0].place.id, "frankfurt-oder-de");
    assert_eq!(r.hits[0].quality, MatchQuality::Words);
    assert_eq!(r.hits[0].spans, vec![[0, 9], [11, 15]]);
    assert_eq!(top(&a, "main frank"), "frankfurt-main-de");
    assert_eq!(top(&a, "frankfurt o"), "frankfurt-oder-de");
}

#[test]
fn spans_are_counted_in_utf16_units_of_the_matched_name() {
    let a = atlas();
    let r = run(&a, &query("slu"));
    assert_eq!(r.hits[0].matched, "Słubice");
    assert_eq!(r.hits[0].spans, vec![[0, 3]]);
    let r = run(&a, &query("gies"));
    assert_eq!(
        r.hits[0].spans,
        vec![[0, 4]],
        "ß folds to ss: gies covers Gieß"
    );
}

#[test]
fn punctuation_and_empty_queries_find_nothing_and_do_not_fail() {
    let a = atlas();
    assert!(
        ids(&a, "()!").len() == a.dataset().places.len().min(10),
        "no text lists places"
    );
    assert!(ids(&a, "zzzzzzzzzzzz").is_empty());
    assert!(ids(&a, &"ä".repeat(500)).is_empty());
}
