//! Motives of a relationship: the ones the data records, and the ones that can be inferred
//! cheaply from the names, marked as inferred — the same name (Toledo–Toledo), a shared
//! former or other name (Valga and Valka were both Walk), a shared distinctive word
//! (Laredo–Nuevo Laredo), or names one letter apart (possibly the same origin).
//!
//! Not for: guessing motives from anything but names (diaspora, industry …): those must be
//! recorded.

use super::Pair;
use crate::model::Motive;
use crate::text::{fold, tokens};
use crate::view::{MotiveRule, MotiveView};

/// Words too common in place names to suggest a shared name.
const COMMON_WORDS: [&str; 64] = [
    "city",
    "town",
    "saint",
    "sankt",
    "santa",
    "santo",
    "sainte",
    "nuevo",
    "nueva",
    "nova",
    "novo",
    "nowy",
    "nowa",
    "novi",
    "nove",
    "neue",
    "upon",
    "mount",
    "north",
    "south",
    "east",
    "west",
    "nord",
    "grand",
    "great",
    "little",
    "municipality",
    "district",
    "county",
    "province",
    "region",
    "village",
    "gmina",
    "rural",
    "prefecture",
    "oblast",
    "kreis",
    "stadt",
    "ville",
    "ciudad",
    "cidade",
    "citta",
    "gorod",
    "mesto",
    "miasto",
    "island",
    "isle",
    "lake",
    "river",
    "port",
    "fort",
    "beach",
    "valley",
    "heights",
    "park",
    "springs",
    "villa",
    "puerto",
    "porto",
    "municipio",
    "comune",
    "shire",
    "borough",
    "upper",
];

fn distinctive(word: &str) -> bool {
    word.chars().count() >= 4
        && !COMMON_WORDS.contains(&word)
        && !word.bytes().all(|b| b.is_ascii_digit())
}

/// Whether two words differ by exactly one substitution, insertion or deletion.
fn one_edit_apart(x: &str, y: &str) -> bool {
    let a: Vec<char> = x.chars().collect();
    let b: Vec<char> = y.chars().collect();
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 || a == b {
        return false;
    }
    let mut i = 0;
    while i < short.len() && short[i] == long[i] {
        i += 1;
    }
    if short.len() == long.len() {
        short[i + 1..] == long[i + 1..]
    } else {
        short[i..] == long[i + 1..]
    }
}

fn infer(p: &Pair) -> Option<(MotiveRule, String)> {
    let owned;
    let (fa, fb) = match p.folded {
        Some(f) => f,
        None => {
            owned = (fold(&p.a.name), fold(&p.b.name));
            (owned.0.as_str(), owned.1.as_str())
        }
    };
    if fa.is_empty() || fb.is_empty() {
        return None;
    }
    if fa == fb {
        return Some((
            MotiveRule::SameName,
            format!("both are called {}", p.a.name),
        ));
    }
    if !p.a.names.is_empty() || !p.b.names.is_empty() {
        let all = |pl: &crate::model::Place, main: &str| -> Vec<(String, String)> {
            std::iter::once((main.to_string(), pl.name.clone()))
                .chain(pl.names.iter().map(|n| (fold(&n.name), n.name.clone())))
                .collect()
        };
        let (na, nb) = (all(p.a, fa), all(p.b, fb));
        if let Some((_, shown)) = na
            .iter()
            .find(|(f, _)| !f.is_empty() && nb.iter().any(|(g, _)| g == f))
        {
            return Some((
                MotiveRule::SharedOtherName,
                format!("both have been called {shown}: possibly the same origin"),
            ));
        }
    }
    if let Some(w) = tokens(fa).find(|w| distinctive(w) && tokens(fb).any(|v| v == *w)) {
        return Some((
            MotiveRule::SharedWord,
            format!("both names contain \"{w}\""),
        ));
    }
    if !fa.contains(' ') && !fb.contains(' ') && fa.chars().count() >= 5 && one_edit_apart(fa, fb) {
        return Some((
            MotiveRule::SimilarName,
            format!(
                "the names {} and {} differ by one letter: possibly the same origin",
                p.a.name, p.b.name
            ),
        ));
    }
    None
}

pub(crate) fn motives(p: &Pair) -> Vec<MotiveView> {
    let mut out: Vec<MotiveView> = p
        .link
        .map(|l| {
            let sources = p.atlas.sources_view(&l.sources);
            l.motives
                .iter()
                .map(|&m| MotiveView {
                    motive: m,
                    inferred: false,
                    rule: None,
                    evidence: "recorded in the data".into(),
                    sources: sources.clone(),
                })
                .collect()
        })
        .unwrap_or_default();
    if !out.iter().any(|m| m.motive == Motive::SharedName) {
        if let Some((rule, evidence)) = infer(p) {
            out.push(MotiveView {
                motive: Motive::SharedName,
                inferred: true,
                rule: Some(rule),
                evidence,
                sources: vec![],
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_names_one_letter_apart() {
        assert!(one_edit_apart("valga", "valka"));
        assert!(one_edit_apart("perth", "perths"));
        assert!(!one_edit_apart("toledo", "toledo"));
        assert!(!one_edit_apart("narva", "ivangorod"));
        assert!(one_edit_apart("a", ""));
    }

    #[test]
    fn common_words_are_not_distinctive() {
        assert!(!distinctive("saint"));
        assert!(!distinctive("san"));
        assert!(distinctive("laredo"));
    }
}
