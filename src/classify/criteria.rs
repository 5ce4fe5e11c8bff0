//! The founding paper's six criteria that tell cross-border "twin cities" from other
//! municipal cooperation, and its verdict:
//!
//! - C1 frontier proximity — computed from coordinates and countries ([`super::Thresholds`]);
//! - C2 common history — recorded, or derived from the pair's origin or a shared former state;
//!   fails (computed) when they are farther apart than one town spans (`sharedTownKm`);
//! - C3 present cooperation — computed from the status at the date asked for;
//! - C4 a border river between them (bridge towns) — recorded, derived from the pair's river
//!   facts, or computed (in one country, or too far apart to face each other);
//! - C5 mixed or bilingual population — recorded; else fails (computed) when they are farther
//!   apart than one town spans (`sharedTownKm`);
//! - C6 legal or institutional basis — recorded, or derived from an agreement in force or
//!   membership of the City Twins Association.
//!
//! C1, C2, C3 and C6 are necessary; C4 and C5 hold "as a rule, but not necessarily".
//! With a fictional or virtual place every criterion fails unless a judgement is recorded.
//!
//! Not for: the kind of a relationship (`kind.rs`).

use super::{country_name, in_country, is_twin_city_association, km_text, lit, Pair};
use crate::model::{CriterionFact, EventKind, Motive, Origin, Verdict};
use crate::status::{AsOf, Counts, Status};
use crate::view::{Basis, CriteriaView, CriterionView, DistanceSource, SourceRef, TwinCitiesView};

pub const NECESSARY: [&str; 4] = ["C1", "C2", "C3", "C6"];

fn view(
    verdict: Verdict,
    evidence: String,
    source: Basis,
    sources: Vec<SourceRef>,
    phrase: String,
) -> CriterionView {
    CriterionView {
        verdict,
        evidence,
        source,
        sources,
        phrase,
    }
}

/// The generic clause for a criterion's verdict, used for recorded judgements.
fn generic_phrase(criterion: &str, v: Verdict) -> &'static str {
    match (criterion, v) {
        ("C1", Verdict::Holds) => "they are frontier towns close to the border",
        ("C1", Verdict::Fails) => "they are not frontier towns",
        ("C1", _) => "it is not known how close they are to a border",
        ("C2", Verdict::Holds) => "they share a past",
        ("C2", Verdict::Fails) => "they have no common past",
        ("C2", _) => "nothing is recorded about a shared past",
        ("C3", Verdict::Holds) => "they cooperate",
        ("C3", Verdict::Fails) => "they do not cooperate",
        ("C3", _) => "it is not known whether they cooperate",
        ("C4", Verdict::Holds) => "a border river runs between them",
        ("C4", Verdict::Fails) => "no border river runs between them",
        ("C4", _) => "it is not known whether a border river runs between them",
        ("C5", Verdict::Holds) => "their population is mixed or bilingual",
        ("C5", Verdict::Fails) => "their population is not mixed",
        ("C5", _) => "nothing is recorded about the languages spoken there",
        ("C6", Verdict::Holds) => "their cooperation has a legal and institutional basis",
        ("C6", Verdict::Fails) => "nothing gives their cooperation a legal or institutional basis",
        _ => "it is not known whether their cooperation rests on an agreement",
    }
}

fn recorded(p: &Pair, f: &CriterionFact) -> CriterionView {
    // A recorded "unknown" says why the sources cannot tell, often next to facts the atlas
    // shows (a membership, an agreement): its own words, not a bare "not known", so no
    // view states a fact and "not known" about it side by side.
    let phrase = match f.verdict {
        Verdict::Unknown if p.explain && !f.evidence.trim().is_empty() => {
            let e = f.evidence.trim().trim_end_matches('.');
            let mut c = e.chars();
            match c.next() {
                Some(first) => first.to_lowercase().chain(c).collect(),
                None => String::new(),
            }
        }
        _ => lit(p, generic_phrase(&f.criterion, f.verdict)),
    };
    view(
        f.verdict,
        lit(p, &f.evidence),
        Basis::Recorded,
        p.sources(&f.sources),
        phrase,
    )
}

fn link_sources(p: &Pair) -> Vec<SourceRef> {
    p.link.map(|l| p.sources(&l.sources)).unwrap_or_default()
}

fn date_phrase(as_of: AsOf) -> String {
    match as_of {
        AsOf::Now => "today".into(),
        AsOf::Date(d) => format!("in {d}"),
    }
}

pub(crate) fn criteria(p: &Pair) -> CriteriaView {
    CriteriaView {
        c1: c1(p),
        c2: c2(p),
        c3: c3(p),
        c4: c4(p),
        c5: c5(p),
        c6: c6(p),
    }
}

fn c1(p: &Pair) -> CriterionView {
    let computed = c1_computed(p);
    if computed.verdict == Verdict::Unknown {
        if let Some(f) = p.recorded("C1") {
            return recorded(p, f);
        }
    }
    computed
}

fn c1_computed(p: &Pair) -> CriterionView {
    let (ca, cb) = (country_name(p.a), country_name(p.b));
    for pl in [p.a, p.b] {
        if pl.level.is_imaginary() {
            return view(
                Verdict::Fails,
                text!(
                    p,
                    "{} is a {} place: there is no border to be near",
                    pl.name,
                    pl.level.as_str()
                ),
                Basis::Computed,
                vec![],
                text!(p, "{} is not a real place", pl.name),
            );
        }
    }
    match p.countries_differ() {
        None => view(
            Verdict::Unknown,
            lit(p, "the country of one of them is not recorded"),
            Basis::Computed,
            vec![],
            lit(p, "the country of one of them is not recorded"),
        ),
        Some(false) => view(
            Verdict::Fails,
            text!(
                p,
                "both are in {}: no international border runs between them",
                in_country(p.a)
            ),
            Basis::Computed,
            vec![],
            text!(
                p,
                "both are in {}, so no border separates them",
                in_country(p.a)
            ),
        ),
        Some(true) if p.homonym_on_one_spot() => view(
            Verdict::Unknown,
            text!(
                p,
                "{} and {} share a name and the same coordinates in different countries: \
                 probably a geocoding error, so their distance cannot be trusted",
                p.a.name,
                p.b.name
            ),
            Basis::Computed,
            vec![],
            lit(p, "their coordinates look wrong"),
        ),
        Some(true) => match p.distance {
            None => view(
                Verdict::Unknown,
                text!(
                    p,
                    "no coordinates or recorded distance for {}",
                    missing_position(p)
                ),
                Basis::Computed,
                vec![],
                lit(p, "the data has no coordinates for them"),
            ),
            Some((d, how)) => {
                let (basis, sources, from) = match how {
                    DistanceSource::Computed => (Basis::Computed, vec![], "between their centres"),
                    DistanceSource::Recorded => {
                        (Basis::Derived, link_sources(p), "as a source gives it")
                    }
                };
                let t = p.thresholds;
                if d <= t.near_border_km {
                    let band = if d <= t.adjacent_km {
                        text!(p, "adjacent across the border (≤ {} km)", t.adjacent_km)
                    } else {
                        text!(p,
                            "near-border towns (≤ {} km: each is at most that far from the border between them)",
                            t.near_border_km
                        )
                    };
                    view(
                        Verdict::Holds,
                        text!(p, "{} apart {from}, in {ca} and {cb}: {band}", km_text(d)),
                        basis,
                        sources,
                        text!(
                            p,
                            "they lie {} apart on either side of the {ca}–{cb} border",
                            km_text(d)
                        ),
                    )
                } else {
                    view(
                        Verdict::Fails,
                        text!(p,
                            "{} apart {from}, in {ca} and {cb}: farther than the near-border threshold ({} km)",
                            km_text(d),
                            t.near_border_km
                        ),
                        basis,
                        sources,
                        text!(p, "they are {} apart, too far to be frontier towns facing each other", km_text(d)),
                    )
                }
            }
        },
    }
}

fn close(p: &Pair) -> bool {
    p.km().is_some_and(|d| d <= p.thresholds.near_border_km)
}

/// The fictional or virtual place of the pair, if one is: the criteria are about real
/// towns on a real border, so they fail for it unless a judgement is recorded.
fn imaginary<'a>(p: &Pair<'a>) -> Option<&'a crate::model::Place> {
    [p.a, p.b].into_iter().find(|pl| pl.level.is_imaginary())
}

/// The failing verdict for a pair with a fictional or virtual place.
fn imaginary_fails(p: &Pair, pl: &crate::model::Place, what: &str) -> CriterionView {
    view(
        Verdict::Fails,
        text!(
            p,
            "{} is a {} place, not a town on a map: {what}",
            pl.name,
            pl.level.as_str()
        ),
        Basis::Derived,
        vec![],
        text!(p, "{} is not a real place", pl.name),
    )
}

/// The distance when the two are farther apart than one town can span (the shared-town
/// threshold), unless that distance looks like a geocoding error.
fn beyond_one_town(p: &Pair) -> Option<(f64, DistanceSource)> {
    p.distance
        .filter(|(d, _)| *d > p.thresholds.shared_town_km)
        .filter(|_| !p.homonym_on_one_spot())
}

/// "1,830 km apart (between their centres), in Poland and the United States"
fn apart(p: &Pair, d: f64, how: DistanceSource) -> String {
    let from = match how {
        DistanceSource::Computed => "between their centres",
        DistanceSource::Recorded => "as a source gives it",
    };
    let where_ = match p.countries_differ() {
        Some(true) => text!(p, "in {} and {}", in_country(p.a), in_country(p.b)),
        Some(false) => text!(p, "both in {}", in_country(p.a)),
        None => String::new(),
    };
    text!(
        p,
        "{} apart {from}{}{where_}",
        km_text(d),
        if where_.is_empty() { "" } else { ", " }
    )
}

fn c2(p: &Pair) -> CriterionView {
    if let Some(f) = p.recorded("C2") {
        return recorded(p, f);
    }
    if let Some(pl) = imaginary(p) {
        return imaginary_fails(p, pl, "it shares no town's past");
    }
    let phrase = |s: &str| lit(p, s);
    if let Some(pair) = p.pair {
        match pair.origin {
            Some(Origin::Separate) => {
                return view(
                    Verdict::Fails,
                    lit(p, "separate towns with no shared urban past (the pair's recorded origin)"),
                    Basis::Derived,
                    link_sources(p),
                    phrase("they grew up as separate towns"),
                )
            }
            Some(Origin::Partitioned) => {
                return view(
                    Verdict::Holds,
                    lit(p, "one town divided by a border (the pair's recorded origin)"),
                    Basis::Derived,
                    link_sources(p),
                    phrase("they were once one town"),
                )
            }
            Some(Origin::Counterpart) => {
                return view(
                    Verdict::Holds,
                    lit(p, "one was founded across a new border as the other's counterpart (the pair's recorded origin)"),
                    Basis::Derived,
                    link_sources(p),
                    phrase("one was founded as the other's counterpart across a new border"),
                )
            }
            _ => {}
        }
    }
    if close(p) {
        let former = |pl: &crate::model::Place| -> Vec<String> {
            pl.historic.iter().map(|h| h.state.clone()).collect()
        };
        let (ha, hb) = (former(p.a), former(p.b));
        let table = crate::country::countries();
        let shared = ha.iter().find(|s| hb.contains(s)).cloned().or_else(|| {
            let ca = p.a.country.clone().unwrap_or_default();
            let cb = p.b.country.clone().unwrap_or_default();
            ha.iter()
                .find(|s| **s == cb)
                .or_else(|| hb.iter().find(|s| **s == ca))
                .cloned()
        });
        if let Some(s) = shared {
            return view(
                Verdict::Holds,
                text!(
                    p,
                    "both were part of {} (recorded former states)",
                    table.name(&s)
                ),
                Basis::Derived,
                vec![],
                text!(p, "they were both part of {}", table.name(&s)),
            );
        }
    }
    if let Some(l) = p.link {
        if l.motives.contains(&Motive::SharedHistory) {
            return view(
                Verdict::Holds,
                lit(p, "shared history is a recorded motive of their link"),
                Basis::Derived,
                link_sources(p),
                phrase("they share a past"),
            );
        }
    }
    if let Some((d, how)) = beyond_one_town(p) {
        return view(
            Verdict::Fails,
            text!(
                p,
                "{}: farther apart than one town spans (shared-town threshold {} km), so they \
                 were never one town and share no urban area",
                apart(p, d, how),
                p.thresholds.shared_town_km
            ),
            Basis::Computed,
            vec![],
            text!(p, "{} apart, they were never one town", km_text(d)),
        );
    }
    view(
        Verdict::Unknown,
        text!(
            p,
            "{}nothing in the data records a shared past",
            near_enough(p)
        ),
        Basis::Derived,
        vec![],
        phrase("nothing is recorded about a shared past"),
    )
}

/// Why the distance does not decide C2 or C5: close enough to be one town, or not known.
fn near_enough(p: &Pair) -> String {
    match p.km() {
        Some(d) => text!(
            p,
            "{} apart, close enough to be one town (shared-town threshold {} km), but ",
            km_text(d),
            p.thresholds.shared_town_km
        ),
        None => text!(
            p,
            "without a position for {} the distance cannot tell, and ",
            missing_position(p)
        ),
    }
}

/// The name(s) of the place(s) without coordinates.
fn missing_position(p: &Pair) -> String {
    let names: Vec<&str> = [p.a, p.b]
        .iter()
        .filter(|pl| pl.lat.is_none() || pl.lon.is_none())
        .map(|pl| pl.name.as_str())
        .collect();
    match names.as_slice() {
        [] => "them".to_string(),
        [one] => (*one).to_string(),
        _ => names.join(" or "),
    }
}

fn c3(p: &Pair) -> CriterionView {
    if let Some(pl) = imaginary(p) {
        return match p.recorded("C3") {
            Some(f) => recorded(p, f),
            None => imaginary_fails(p, pl, "no two towns cooperate across a border here"),
        };
    }
    let Some(l) = p.link else {
        return view(
            Verdict::Fails,
            lit(
                p,
                "the data records no link between them, so no cooperation",
            ),
            Basis::Computed,
            vec![],
            lit(p, "they have no recorded cooperation"),
        );
    };
    let s = p.status;
    let decided = s.decided_by.and_then(|i| l.events.get(i));
    let sources = decided
        .filter(|e| !e.sources.is_empty())
        .map(|e| p.sources(&e.sources))
        .unwrap_or_else(|| link_sources(p));
    let what = decided
        .filter(|_| p.explain)
        .map(|e| {
            let why = e
                .reason
                .as_deref()
                .or(e.note.as_deref())
                .map(|r| text!(p, ": {}", r.trim_end_matches('.')))
                .unwrap_or_default();
            if e.date.is_unknown() {
                text!(p, "date unknown{why}")
            } else {
                text!(p, "{} {}{why}", e.kind.as_str(), e.date)
            }
        })
        .unwrap_or_default();
    let at = date_phrase(p.as_of);
    let (verdict, mut evidence, phrase) = match s.status {
        Status::Established => (
            Verdict::Holds,
            text!(p, "status at the date asked for: established ({what})"),
            match p.as_of {
                AsOf::Now => lit(p, "they cooperate today"),
                AsOf::Date(d) => text!(p, "they were cooperating in {d}"),
            },
        ),
        Status::Suspended => (
            Verdict::Fails,
            text!(p, "status: suspended ({what})"),
            text!(
                p,
                "their cooperation was suspended {}",
                on(decided.map(|e| e.date))
            ),
        ),
        Status::Terminated => (
            Verdict::Fails,
            text!(p, "status: terminated ({what})"),
            text!(
                p,
                "their agreement was terminated {}",
                on(decided.map(|e| e.date))
            ),
        ),
        Status::Proposed => (
            Verdict::Fails,
            text!(p, "status: only proposed ({what})"),
            text!(p, "their cooperation had only been proposed {at}"),
        ),
        Status::Attempted => (
            Verdict::Fails,
            text!(p, "status: attempted and not carried through ({what})"),
            lit(p, "an attempt to cooperate was not carried through"),
        ),
        Status::None => {
            if l.form.is_agreement() {
                let first = l
                    .events
                    .iter()
                    .filter(|e| e.kind != EventKind::Other && !e.date.is_unknown())
                    .map(|e| e.date)
                    .min_by(|x, y| x.chrono_cmp(y));
                let first = first
                    .map(|d| text!(p, "; the first recorded step is dated {d}"))
                    .unwrap_or_default();
                (
                    Verdict::Fails,
                    text!(p, "no agreement yet at the date asked for{first}"),
                    text!(p, "they had no agreement yet {at}"),
                )
            } else {
                (
                    Verdict::Fails,
                    lit(
                        p,
                        "the data records the pair without an agreement to cooperate",
                    ),
                    lit(p, "they have no agreement to cooperate"),
                )
            }
        }
        Status::Unknown => (
            Verdict::Unknown,
            lit(
                p,
                "the dates of their agreement do not tell its status at the date asked for",
            ),
            lit(p, "the dates of their agreement are not known"),
        ),
    };
    if !s.certain {
        evidence.push_str(" (uncertain: an event's date spans the date asked for)");
    }
    // What happened since the deciding event without changing the status (a border
    // crossing closed, a bridge opened): the picture may have changed all the same.
    if let Some(d) = decided {
        let later: Vec<String> = l
            .events
            .iter()
            .filter(|e| e.kind == EventKind::Other && e.date.chrono_cmp(&d.date).is_gt())
            .filter(|e| !e.date.is_unknown() && p.atlas.dates.happened(l, e, p.as_of))
            .map(|e| {
                let text = e
                    .note
                    .as_deref()
                    .or(e.reason.as_deref())
                    .unwrap_or("an event")
                    .trim_end_matches('.');
                text!(p, "{} {text}", e.date)
            })
            .collect();
        if !later.is_empty() {
            evidence.push_str(&text!(p, "; since then: {}", later.join("; ")));
        }
    }
    if verdict == Verdict::Unknown {
        if let Some(f) = p.recorded("C3") {
            return recorded(p, f);
        }
    }
    view(verdict, evidence, Basis::Computed, sources, phrase)
}

fn c4(p: &Pair) -> CriterionView {
    if let Some(f) = p.recorded("C4") {
        return recorded(p, f);
    }
    if let Some(pl) = imaginary(p) {
        return imaginary_fails(p, pl, "no border river runs to it");
    }
    if let Some(pair) = p.pair {
        let river = pair.river.as_deref();
        match (pair.river_is_border, river) {
            (Some(true), r) => {
                let r = r.unwrap_or("a river");
                let bridge = if pair.bridge == Some(true) {
                    ", joined by a bridge"
                } else {
                    ""
                };
                return view(
                    Verdict::Holds,
                    text!(p, "{r} between them is a border{bridge}: bridge towns"),
                    Basis::Derived,
                    link_sources(p),
                    text!(p, "{r} runs between them as a border"),
                );
            }
            (Some(false), Some(r)) => {
                return view(
                    Verdict::Fails,
                    text!(
                        p,
                        "{r} runs between or near them but is not the border between them"
                    ),
                    Basis::Derived,
                    link_sources(p),
                    lit(p, "no border river runs between them"),
                );
            }
            (Some(false), None) => {
                return view(
                    Verdict::Fails,
                    lit(p, "no river forms the border between them"),
                    Basis::Derived,
                    link_sources(p),
                    lit(p, "no border river runs between them"),
                );
            }
            (None, _) if pair.bridge == Some(true) && p.countries_differ() == Some(true) => {
                return view(
                    Verdict::Holds,
                    lit(p, "a bridge joins them across the border"),
                    Basis::Derived,
                    link_sources(p),
                    lit(p, "a bridge joins them across the border"),
                );
            }
            _ => {}
        }
    }
    if p.countries_differ() == Some(false) {
        return view(
            Verdict::Fails,
            text!(
                p,
                "both are in {}: no international border runs between them, so no border river",
                in_country(p.a)
            ),
            Basis::Computed,
            vec![],
            lit(p, "no border river runs between them"),
        );
    }
    if let Some(d) = p.km() {
        if d > p.thresholds.near_border_km {
            return view(
                Verdict::Fails,
                text!(
                    p,
                    "{} apart: too far apart to face each other across a river",
                    km_text(d)
                ),
                Basis::Computed,
                vec![],
                lit(
                    p,
                    "they are too far apart to face each other across a river",
                ),
            );
        }
    }
    view(
        Verdict::Unknown,
        lit(
            p,
            "nothing in the data says whether a border river runs between them",
        ),
        Basis::Derived,
        vec![],
        lit(p, generic_phrase("C4", Verdict::Unknown)),
    )
}

fn c5(p: &Pair) -> CriterionView {
    if let Some(f) = p.recorded("C5") {
        return recorded(p, f);
    }
    if let Some(pl) = imaginary(p) {
        return imaginary_fails(p, pl, "it has no population to share");
    }
    if let Some((d, how)) = beyond_one_town(p) {
        return view(
            Verdict::Fails,
            text!(
                p,
                "{}: farther apart than one town spans (shared-town threshold {} km), so no \
                 population lives across both",
                apart(p, d, how),
                p.thresholds.shared_town_km
            ),
            Basis::Computed,
            vec![],
            text!(p, "{} apart, they share no population", km_text(d)),
        );
    }
    view(
        Verdict::Unknown,
        text!(
            p,
            "{}nothing in the data records the make-up or languages of their population",
            near_enough(p)
        ),
        Basis::Recorded,
        vec![],
        lit(p, generic_phrase("C5", Verdict::Unknown)),
    )
}

fn c6(p: &Pair) -> CriterionView {
    let point = p.as_of.point();
    let cta = p.groups.iter().find(|g| {
        is_twin_city_association(g)
            && g.founded
                .as_ref()
                .is_none_or(|f| p.atlas.dates.fact_counts(f, &g.sources, p.as_of) == Counts::Yes)
    });
    let status = p.status.status;
    let link = p.link.filter(|l| l.form.is_agreement());
    let decided = link.and_then(|l| p.status.decided_by.and_then(|i| l.events.get(i)));
    let when = decided
        .filter(|_| p.explain)
        .map(|e| date_text(&e.date))
        .unwrap_or_default();
    if let (Some(pl), None) = (imaginary(p), p.recorded("C6")) {
        return imaginary_fails(
            p,
            pl,
            "no agreement between real municipalities gives it a legal basis",
        );
    }
    if let Some(f) = p.recorded("C6") {
        // A recorded judgement is not dated: check it against the status at the date.
        let mut v = recorded(p, f);
        if f.verdict == Verdict::Holds && cta.is_none() && link.is_some() {
            let overruled = match status {
                Status::Terminated => Some(text!(
                    p,
                    "but the agreement was terminated (terminated{when})"
                )),
                Status::None | Status::Proposed | Status::Attempted if point.is_some() => {
                    Some(text!(
                        p,
                        "but no agreement was in force yet {}",
                        date_phrase(p.as_of)
                    ))
                }
                _ => None,
            };
            if let Some(but) = overruled {
                v.verdict = Verdict::Fails;
                v.evidence = text!(p, "recorded: {}; {but}", f.evidence);
                v.source = Basis::Derived;
                v.phrase = match status {
                    Status::Terminated => text!(
                        p,
                        "their agreement was terminated {}",
                        on(decided.map(|e| e.date))
                    ),
                    _ => text!(
                        p,
                        "their cooperation had no formal basis yet {}",
                        date_phrase(p.as_of)
                    ),
                };
            }
        }
        return v;
    }
    if let Some(g) = cta {
        let since = g
            .founded
            .map(|d| text!(p, ", founded {d}"))
            .unwrap_or_default();
        return view(
            Verdict::Holds,
            text!(p, "both are members of the {}{since}", g.name),
            Basis::Derived,
            p.sources(&g.sources),
            text!(p, "they are members of the {}", g.name),
        );
    }
    let sources = decided
        .filter(|e| !e.sources.is_empty())
        .map(|e| p.sources(&e.sources))
        .unwrap_or_else(|| link_sources(p));
    let Some(l) = link else {
        return view(
            Verdict::Fails,
            lit(
                p,
                "no agreement or shared institution between them is recorded",
            ),
            Basis::Derived,
            vec![],
            lit(
                p,
                "no agreement or joint body gives their cooperation a formal basis",
            ),
        );
    };
    let form = l.form.as_str().replace('_', " ");
    match status {
        Status::Established => view(
            Verdict::Holds,
            text!(
                p,
                "a {form} agreement is in force ({}{when})",
                decided.map(|e| e.kind.as_str()).unwrap_or("established")
            ),
            Basis::Derived,
            sources,
            lit(p, "under a formal agreement"),
        ),
        Status::Suspended => view(
            Verdict::Holds,
            text!(
                p,
                "a {form} agreement exists, though suspended (suspended{when})"
            ),
            Basis::Derived,
            sources,
            lit(p, "under a formal agreement, though suspended"),
        ),
        Status::Terminated => view(
            Verdict::Fails,
            text!(
                p,
                "their {form} agreement was terminated (terminated{when})"
            ),
            Basis::Derived,
            sources,
            text!(
                p,
                "their agreement was terminated {}",
                on(decided.map(|e| e.date))
            ),
        ),
        Status::Proposed | Status::Attempted => view(
            Verdict::Fails,
            text!(
                p,
                "no agreement was signed: only {} ({}{when})",
                status.as_str(),
                decided.map(|e| e.kind.as_str()).unwrap_or(status.as_str())
            ),
            Basis::Derived,
            sources,
            lit(p, "no agreement was ever signed"),
        ),
        Status::None => view(
            Verdict::Fails,
            text!(p, "no agreement in force yet {}", date_phrase(p.as_of)),
            Basis::Derived,
            sources,
            text!(
                p,
                "no agreement gave their cooperation a formal basis yet {}",
                date_phrase(p.as_of)
            ),
        ),
        Status::Unknown => view(
            Verdict::Unknown,
            lit(
                p,
                "an agreement is recorded, but its dates do not tell whether it was in force then",
            ),
            Basis::Derived,
            sources,
            lit(
                p,
                "an agreement is recorded, but not whether it was in force then",
            ),
        ),
    }
}

/// A date after an event's kind: ` 1990`, or ", date unknown" for an event recorded without one.
fn date_text(d: &crate::date::Date) -> String {
    if d.is_unknown() {
        ", date unknown".into()
    } else {
        format!(" {d}")
    }
}

/// "on 2024-03-20" for a day, "in 2022-03" or "in 1990s" otherwise.
fn on(d: Option<crate::date::Date>) -> String {
    match d {
        Some(d) if d.precision == crate::date::Precision::Day => format!("on {d}"),
        Some(d) if d.is_unknown() => "at an unknown date".into(),
        Some(d) => format!("in {d}"),
        None => "at a date not recorded".into(),
    }
}

fn join(parts: &[&str]) -> String {
    match parts {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] if parts.iter().any(|p| p.contains(',')) => {
            format!("{}; and {last}", init.join("; "))
        }
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The verdict "twin cities in the paper's sense", with one sentence of reasons.
pub(crate) fn twin_cities(p: &Pair, c: &CriteriaView) -> TwinCitiesView {
    let names = text!(p, "{} and {}", p.a.name, p.b.name);
    let mut failing = Vec::new();
    let mut unknown = Vec::new();
    for (n, v) in c.all() {
        if !NECESSARY.contains(&n) {
            continue;
        }
        match v.verdict {
            Verdict::Fails => failing.push(n),
            Verdict::Unknown => unknown.push(n),
            Verdict::Holds => {}
        }
    }
    let phrase = |n: &str| c.get(n).map(|v| v.phrase.as_str()).unwrap_or("");
    let (verdict, reason) = if !failing.is_empty() {
        let mut parts: Vec<&str> = Vec::new();
        for n in &failing {
            if !parts.contains(&phrase(n)) {
                parts.push(phrase(n));
            }
        }
        (
            Verdict::Fails,
            text!(
                p,
                "{names} are not twin cities in the paper's sense: {}.",
                join(&parts)
            ),
        )
    } else if !unknown.is_empty() {
        let parts: Vec<&str> = unknown.iter().map(|n| phrase(n)).collect();
        (
            Verdict::Unknown,
            text!(p,
                "Whether {names} are twin cities in the paper's sense cannot be told from the data: {}.",
                join(&parts)
            ),
        )
    } else {
        let main = join(&[phrase("C1"), phrase("C2"), phrase("C3"), phrase("C6")]);
        let usual: Vec<&str> = [&c.c4, &c.c5]
            .iter()
            .filter(|v| v.verdict == Verdict::Holds)
            .map(|v| v.phrase.as_str())
            .collect();
        let extra = if usual.is_empty() {
            String::new()
        } else {
            text!(p, "; as is usual, {}", join(&usual))
        };
        (
            Verdict::Holds,
            text!(
                p,
                "{names} are twin cities in the paper's sense: {main}{extra}."
            ),
        )
    };
    TwinCitiesView {
        verdict,
        reason,
        necessary: NECESSARY.to_vec(),
        failing,
        unknown,
    }
}
