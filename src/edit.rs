//! The user's own changes, made in the page: add a partnership, add or correct a dated event,
//! mark a link disputed. Each edit names both places in full (id, name, country, position,
//! Wikidata id), so it applies to any atlas — the curated data, an import, an atlas without
//! the world network yet — adding a place that is not there. Every edit cites a source of
//! its own ("Your change …", with the URL the user gave), so the atlas always says which
//! facts are the user's. A corrected event is replaced, and the value it replaces is kept as
//! a disagreement, so nothing is silently lost.
//!
//! Applying is all-or-nothing per call, like an import: the new dataset is built aside,
//! checked and indexed, then swapped in. Each edit's outcome is reported: an edit that does
//! not apply (its event is no longer there, a bad date or URL) is listed with the reason and
//! the others still apply.
//!
//! Not for: storing edits (the page keeps them in IndexedDB), or merging files (`import/`).

use crate::atlas::Atlas;
use crate::date::Date;
use crate::error::{Error, Result};
use crate::limits;
use crate::model::{Disagreement, Event, EventKind, Form, Level, Link, Place, Source};
use crate::view::{EditOutcome, EditReport};
use serde::{Deserialize, Serialize};

/// The most edits one call applies.
pub const MAX_EDITS: usize = 10_000;
/// The longest free text of an edit (who, why, a claim), in characters.
pub const MAX_TEXT_CHARS: usize = 2_000;
/// The longest source URL, in characters.
pub const MAX_URL_CHARS: usize = 2_000;

/// What an edit does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum EditKind {
    /// A new partnership between two places (with an optional first event).
    Partner,
    /// A dated event added to the link (created when the atlas has none between them).
    Event,
    /// An event of the link replaced by another (`replaces` says which).
    Correct,
    /// The link marked disputed: a disagreement with the user's claim.
    Disputed,
}

/// A place as the page saw it when the edit was made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(rename = "EditPlaceRef", optional_fields = nullable)]
pub struct PlaceRef {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub admin: Option<String>,
    #[serde(default)]
    pub level: Option<Level>,
    #[serde(default)]
    pub lat: Option<f64>,
    #[serde(default)]
    pub lon: Option<f64>,
    #[serde(default)]
    pub wikidata: Option<String>,
}

/// A dated event as the user wrote it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields = nullable)]
pub struct EditEvent {
    pub kind: EventKind,
    /// A date in any form the atlas reads (`1967`, `2022-03-22`, `c. 1950`).
    pub date: String,
    #[serde(default)]
    pub actor: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// Which event a correction replaces.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EventKey {
    pub kind: EventKind,
    /// The date as the atlas shows it (the link view's `date.text`; `unknown` when undated).
    pub date: String,
}

/// One change the user made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields = nullable)]
pub struct Edit {
    /// The page's id of the edit (letters, digits, `-`): it names the edit's source.
    pub id: String,
    pub kind: EditKind,
    pub a: PlaceRef,
    pub b: PlaceRef,
    /// The form of a new partnership (default: twinning), or of the link an event or a dispute
    /// is about, used when the link has to be created (default: unspecified).
    #[serde(default)]
    pub form: Option<Form>,
    #[serde(default)]
    pub event: Option<EditEvent>,
    #[serde(default)]
    pub replaces: Option<EventKey>,
    /// What is disputed, in the user's words.
    #[serde(default)]
    pub claim: Option<String>,
    /// Where the fact can be checked (http or https).
    #[serde(default)]
    pub source_url: Option<String>,
    /// When the edit was made (`2026-12-01`): the source's date.
    #[serde(default)]
    pub made: Option<String>,
}

fn text_problem(what: &str, s: &Option<String>) -> Option<String> {
    let s = s.as_deref()?;
    if s.chars().count() > MAX_TEXT_CHARS {
        return Some(format!("{what} is longer than {MAX_TEXT_CHARS} characters"));
    }
    if s.chars().any(|c| c.is_control() && !c.is_whitespace()) {
        return Some(format!("{what} holds control characters"));
    }
    None
}

fn non_empty(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// An http(s) URL without spaces, or why not.
pub fn url_problem(url: &str) -> Option<String> {
    if url.chars().count() > MAX_URL_CHARS {
        return Some(format!(
            "the source URL is longer than {MAX_URL_CHARS} characters"
        ));
    }
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(r) if !r.is_empty() && !r.starts_with('/') => {}
        _ => return Some(format!("the source URL {url:?} is not an http(s) address")),
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Some(format!("the source URL {url:?} holds spaces"));
    }
    None
}

fn place_problem(p: &PlaceRef) -> Option<String> {
    if let Some(m) = limits::id_problem(&p.id) {
        return Some(format!("place id {:?}: {m}", p.id));
    }
    if let Some(m) = limits::name_problem(&p.name) {
        return Some(format!("place {:?}: {m}", p.name));
    }
    let country = non_empty(&p.country)?.to_ascii_uppercase();
    (!crate::country::countries().is_code(&country)).then(|| {
        format!(
            "place {:?}: country {country:?} is not an ISO 3166-1 code",
            p.name
        )
    })
}

fn new_place(p: &PlaceRef, source: &str) -> Place {
    let country = non_empty(&p.country).map(|c| c.to_ascii_uppercase());
    let known = |x: Option<f64>, max: f64| x.filter(|v| v.is_finite() && v.abs() <= max);
    let (lat, lon) = match (known(p.lat, 90.0), known(p.lon, 180.0)) {
        (Some(a), Some(b)) => (Some(a), Some(b)),
        _ => (None, None),
    };
    Place {
        id: p.id.clone(),
        name: p.name.trim().to_string(),
        level: match (&country, p.level) {
            (None, Some(l)) if !l.is_imaginary() => Level::Unknown,
            (_, l) => l.unwrap_or(Level::Unknown),
        },
        country,
        admin: non_empty(&p.admin),
        names: Vec::new(),
        historic: Vec::new(),
        lat,
        lon,
        population: None,
        wikidata: non_empty(&p.wikidata),
        description: None,
        coord_source: None,
        sources: vec![source.to_string()],
        seeds: Vec::new(),
    }
}

fn event_of(e: &EditEvent, source: &str) -> std::result::Result<Event, String> {
    let date = if e.date.trim().is_empty() {
        Date::UNKNOWN
    } else {
        Date::parse(&e.date)?
    };
    for (what, v) in [("who", &e.actor), ("why", &e.reason), ("the note", &e.note)] {
        if let Some(p) = text_problem(what, v) {
            return Err(p);
        }
    }
    Ok(Event {
        kind: e.kind,
        date,
        actor: non_empty(&e.actor),
        reason: non_empty(&e.reason),
        note: non_empty(&e.note),
        sources: vec![source.to_string()],
    })
}

fn describe(e: &Event) -> String {
    if e.date.is_unknown() {
        format!("{} (undated)", e.kind.as_str())
    } else {
        format!("{} {}", e.kind.as_str(), e.date)
    }
}

/// The source every record of an edit cites.
fn edit_source(edit: &Edit) -> std::result::Result<Source, String> {
    if edit.id.is_empty()
        || edit.id.len() > 64
        || !edit
            .id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        return Err(format!(
            "the edit id {:?} must be 1 to 64 letters, digits or '-'",
            edit.id
        ));
    }
    let url = non_empty(&edit.source_url);
    if let Some(p) = url.as_deref().and_then(url_problem) {
        return Err(p);
    }
    let date = match non_empty(&edit.made) {
        Some(m) => Some(Date::parse(&m)?),
        None => None,
    };
    Ok(Source {
        id: format!("my-edit-{}", edit.id),
        title: match &date {
            Some(d) => format!("Your change ({d})"),
            None => "Your change".to_string(),
        },
        author: None,
        date,
        accessed: None,
        published_in: None,
        identifier: None,
        url,
        licence: None,
    })
}

/// Apply one edit to a dataset under construction; the outcome's message on failure.
fn apply_one(
    data: &mut crate::model::Dataset,
    edit: &Edit,
    report: &mut EditReport,
) -> std::result::Result<(String, Option<String>), String> {
    let source = edit_source(edit)?;
    for p in [&edit.a, &edit.b] {
        if let Some(m) = place_problem(p) {
            return Err(m);
        }
    }
    if edit.a.id == edit.b.id {
        return Err("a place cannot be its own partner".into());
    }
    if let Some(p) = text_problem("the claim", &edit.claim) {
        return Err(p);
    }
    let event = match &edit.event {
        Some(e) => Some(event_of(e, &source.id)?),
        None => None,
    };
    // check what the edit needs before anything changes
    let link_at = data
        .links
        .iter()
        .position(|l| Link::pair_id(&l.a, &l.b) == Link::pair_id(&edit.a.id, &edit.b.id));
    match edit.kind {
        EditKind::Partner => {}
        EditKind::Event if event.is_none() => {
            return Err("an added event needs a kind and a date".into())
        }
        EditKind::Correct => {
            let (Some(_), Some(key)) = (&event, &edit.replaces) else {
                return Err("a correction needs the event it replaces and the new one".into());
            };
            let l = link_at
                .and_then(|i| data.links.get(i))
                .ok_or_else(|| "the link it corrects is no longer in the data".to_string())?;
            if !l
                .events
                .iter()
                .any(|e| e.kind == key.kind && e.date.to_string() == key.date)
            {
                return Err(format!(
                    "the event it corrects ({} {}) is no longer on the link",
                    key.kind.as_str(),
                    key.date
                ));
            }
        }
        EditKind::Disputed if non_empty(&edit.claim).is_none() => {
            return Err("say what is disputed".into());
        }
        _ => {}
    }
    let mut notes: Vec<String> = Vec::new();
    // the edit's records
    let mut place_added = |p: &PlaceRef, data: &mut crate::model::Dataset| {
        if !data.places.iter().any(|x| x.id == p.id) {
            data.places.push(new_place(p, &source.id));
            report.places_added += 1;
            notes.push(format!("{} added as a place", p.name.trim()));
        }
    };
    place_added(&edit.a, data);
    place_added(&edit.b, data);
    let li = match link_at {
        Some(i) => i,
        None => {
            let (a, b) = (edit.a.id.clone(), edit.b.id.clone());
            data.links.push(Link {
                id: Link::pair_id(&a, &b),
                a,
                b,
                // a new partnership is a twinning unless said otherwise; a link an event or a
                // dispute needs (one the world network lists, before it is loaded) keeps the
                // form the page saw, else none is claimed
                form: edit.form.unwrap_or(if edit.kind == EditKind::Partner {
                    Form::Twinning
                } else {
                    Form::Unspecified
                }),
                term: None,
                description: None,
                events: Vec::new(),
                motives: Vec::new(),
                pair: None,
                disagreements: Vec::new(),
                sources: Vec::new(),
                seeds: Vec::new(),
            });
            report.links_added += 1;
            data.links.len() - 1
        }
    };
    let link = data
        .links
        .get_mut(li)
        .ok_or_else(|| "the link vanished".to_string())?;
    let link_id = link.id.clone();
    if !link.sources.contains(&source.id) {
        link.sources.push(source.id.clone());
    }
    if edit.kind == EditKind::Partner {
        if let Some(f) = edit.form {
            if link_at.is_some() && link.form != f {
                notes.push(format!(
                    "the partnership was already there as {}; its form is kept",
                    serde_json::to_string(&link.form)
                        .unwrap_or_default()
                        .trim_matches('"')
                ));
            }
        }
    }
    match edit.kind {
        EditKind::Partner | EditKind::Event => {
            if let Some(ev) = event {
                link.events.push(ev);
            }
        }
        EditKind::Correct => {
            let (Some(ev), Some(key)) = (event, &edit.replaces) else {
                return Err("a correction needs the event it replaces and the new one".into());
            };
            let at = link
                .events
                .iter()
                .position(|e| e.kind == key.kind && e.date.to_string() == key.date)
                .ok_or_else(|| {
                    format!(
                        "the event it corrects ({} {}) is no longer on the link",
                        key.kind.as_str(),
                        key.date
                    )
                })?;
            let old = link.events.remove(at);
            link.disagreements.push(Disagreement {
                claim: format!("{} (as recorded before your correction)", describe(&old)),
                claimed_by: old
                    .sources
                    .first()
                    .cloned()
                    .unwrap_or_else(|| source.id.clone()),
                kept: format!("{}: your correction", describe(&ev)),
                sources: vec![source.id.clone()],
            });
            link.events.insert(at, ev);
        }
        EditKind::Disputed => {
            link.disagreements.push(Disagreement {
                claim: non_empty(&edit.claim).unwrap_or_default(),
                claimed_by: source.id.clone(),
                kept: "Marked disputed by you; the recorded history is kept as it is.".into(),
                sources: vec![source.id.clone()],
            });
        }
    }
    if !data.sources.iter().any(|s| s.id == source.id) {
        data.sources.push(source);
    }
    Ok((link_id, (!notes.is_empty()).then(|| notes.join("; "))))
}

impl Atlas {
    /// Apply the user's edits in order. Each edit that does not apply is reported and left
    /// out; the rest are applied together. The world network under the atlas is kept. Fails
    /// (leaving the atlas as it was) only when the result is not a valid dataset or there
    /// are more than [`MAX_EDITS`] edits.
    pub fn apply_edits(&mut self, edits: &[Edit]) -> Result<EditReport> {
        if edits.len() > MAX_EDITS {
            return Err(Error::TooLarge {
                what: "the list of edits".into(),
                limit: MAX_EDITS,
                actual: edits.len(),
            });
        }
        let mut data = self.data.clone();
        let mut report = EditReport::default();
        for edit in edits {
            // each edit on a copy of the links it may touch is overkill; instead check first,
            // then change (apply_one changes nothing before its checks pass)
            let outcome = match apply_one(&mut data, edit, &mut report) {
                Ok((link_id, message)) => {
                    report.applied += 1;
                    EditOutcome {
                        id: edit.id.clone(),
                        applied: true,
                        link_id: Some(link_id),
                        message,
                    }
                }
                Err(message) => {
                    report.skipped += 1;
                    EditOutcome {
                        id: edit.id.clone(),
                        applied: false,
                        link_id: None,
                        message: Some(message),
                    }
                }
            };
            report.outcomes.push(outcome);
        }
        data.normalise();
        data.check()?;
        let world = self.world.take();
        *self = Atlas::index(data);
        self.world = world;
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(id: &str, name: &str, cc: &str) -> PlaceRef {
        PlaceRef {
            id: id.into(),
            name: name.into(),
            country: Some(cc.into()),
            admin: None,
            level: Some(Level::City),
            lat: None,
            lon: None,
            wikidata: None,
        }
    }

    fn edit(id: &str, kind: EditKind, a: PlaceRef, b: PlaceRef) -> Edit {
        Edit {
            id: id.into(),
            kind,
            a,
            b,
            form: None,
            event: None,
            replaces: None,
            claim: None,
            source_url: Some("https://example.org/council".into()),
            made: Some("2026-12-01".into()),
        }
    }

    fn ev(kind: EventKind, date: &str) -> EditEvent {
        EditEvent {
            kind,
            date: date.into(),
            actor: Some("City council".into()),
            reason: None,
            note: None,
        }
    }

    fn coventry() -> PlaceRef {
        place("coventry-gb", "Coventry", "GB")
    }

    #[test]
    fn a_new_partner_adds_the_link_its_event_and_a_source_with_the_url() {
        let mut atlas = Atlas::with_default_data().unwrap();
        let mut e = edit(
            "e1",
            EditKind::Partner,
            coventry(),
            place("nowhere-fr", "Nowhereville", "FR"),
        );
        e.event = Some(ev(EventKind::Established, "2025-06-01"));
        let r = atlas.apply_edits(&[e]).unwrap();
        assert_eq!((r.applied, r.places_added, r.links_added), (1, 1, 1));
        let l = atlas
            .link("coventry-gb", "nowhere-fr", &Default::default())
            .unwrap();
        assert_eq!(l.events.len(), 1);
        assert!(l
            .sources
            .iter()
            .any(|s| s.url.as_deref() == Some("https://example.org/council")));
        assert_eq!(
            atlas.place("nowhere-fr").unwrap().summary.name,
            "Nowhereville"
        );
    }

    #[test]
    fn an_event_on_an_existing_link_is_added_and_changes_its_status() {
        let mut atlas = Atlas::with_default_data().unwrap();
        let partners = atlas.partners("coventry-gb", &Default::default()).unwrap();
        let p = partners
            .partners
            .iter()
            .find(|p| p.status.status == crate::Status::Established)
            .unwrap();
        let other = place(
            &p.partner.id,
            &p.partner.name,
            p.partner.country.as_deref().unwrap_or("FR"),
        );
        let mut e = edit("e2", EditKind::Event, coventry(), other.clone());
        e.event = Some(ev(EventKind::Suspended, "2026-01-15"));
        let r = atlas.apply_edits(&[e]).unwrap();
        assert_eq!((r.applied, r.links_added), (1, 0));
        let l = atlas
            .link("coventry-gb", &other.id, &Default::default())
            .unwrap();
        assert_eq!(l.status.status, crate::Status::Suspended);
    }

    #[test]
    fn a_correction_replaces_the_event_and_keeps_the_old_value_as_a_disagreement() {
        let mut atlas = Atlas::with_default_data().unwrap();
        let l = atlas
            .link("coventry-gb", "volgograd-ru", &Default::default())
            .unwrap();
        let est = l
            .events
            .iter()
            .find(|e| e.kind == EventKind::Established)
            .unwrap();
        let old_date = est.date.text.clone();
        let mut e = edit(
            "e3",
            EditKind::Correct,
            coventry(),
            place("volgograd-ru", "Volgograd", "RU"),
        );
        e.replaces = Some(EventKey {
            kind: EventKind::Established,
            date: old_date.clone(),
        });
        e.event = Some(ev(EventKind::Established, "1945"));
        let r = atlas.apply_edits(&[e]).unwrap();
        assert_eq!(r.applied, 1, "{:?}", r.outcomes);
        let l = atlas
            .link("coventry-gb", "volgograd-ru", &Default::default())
            .unwrap();
        assert!(l
            .events
            .iter()
            .any(|e| e.kind == EventKind::Established && e.date.text == "1945"));
        assert!(!l
            .events
            .iter()
            .any(|e| e.kind == EventKind::Established && e.date.text == old_date));
        assert!(l
            .disagreements
            .iter()
            .any(|d| d.disagreement.claim.contains(&old_date)));
    }

    #[test]
    fn marking_disputed_adds_a_disagreement_with_the_claim() {
        let mut atlas = Atlas::with_default_data().unwrap();
        let mut e = edit(
            "e4",
            EditKind::Disputed,
            coventry(),
            place("volgograd-ru", "Volgograd", "RU"),
        );
        e.claim = Some("The council says the link was never suspended.".into());
        atlas.apply_edits(&[e]).unwrap();
        let l = atlas
            .link("coventry-gb", "volgograd-ru", &Default::default())
            .unwrap();
        assert!(l
            .disagreements
            .iter()
            .any(|d| d.disagreement.claim == "The council says the link was never suspended."));
    }

    #[test]
    fn an_edit_that_cannot_apply_is_reported_and_the_others_still_apply() {
        let mut atlas = Atlas::with_default_data().unwrap();
        let mut bad = edit(
            "bad",
            EditKind::Partner,
            coventry(),
            place("x-fr", "X", "FR"),
        );
        bad.source_url = Some("javascript:alert(1)".into());
        let mut late = edit(
            "late",
            EditKind::Correct,
            coventry(),
            place("volgograd-ru", "Volgograd", "RU"),
        );
        late.replaces = Some(EventKey {
            kind: EventKind::Established,
            date: "1066".into(),
        });
        late.event = Some(ev(EventKind::Established, "1945"));
        let mut baddate = edit(
            "bd",
            EditKind::Event,
            coventry(),
            place("volgograd-ru", "Volgograd", "RU"),
        );
        baddate.event = Some(ev(EventKind::Suspended, "next tuesday"));
        let good = edit(
            "good",
            EditKind::Partner,
            coventry(),
            place("y-fr", "Yville", "FR"),
        );
        let r = atlas.apply_edits(&[bad, late, baddate, good]).unwrap();
        assert_eq!((r.applied, r.skipped), (1, 3));
        assert!(r.outcomes[0].message.as_deref().unwrap().contains("http"));
        assert!(r.outcomes[1]
            .message
            .as_deref()
            .unwrap()
            .contains("no longer"));
        assert!(atlas.get_place("x-fr").is_none());
        assert!(atlas.get_place("y-fr").is_some());
    }

    #[test]
    fn edits_apply_to_an_empty_dataset_for_export() {
        let mut atlas = Atlas::new(crate::model::Dataset {
            format: crate::model::FORMAT.into(),
            ..Default::default()
        })
        .unwrap();
        let mut e = edit(
            "e5",
            EditKind::Event,
            coventry(),
            place("volgograd-ru", "Volgograd", "RU"),
        );
        e.event = Some(ev(EventKind::Suspended, "2022-03-22"));
        let r = atlas.apply_edits(&[e]).unwrap();
        assert_eq!((r.places_added, r.links_added), (2, 1));
        let csv = atlas
            .export(&serde_json::from_str(r#"{"format":"csv"}"#).unwrap())
            .unwrap();
        assert!(csv.contains("Volgograd"));
    }

    #[test]
    fn a_place_cannot_partner_itself_and_bad_ids_are_refused() {
        let mut atlas = Atlas::with_default_data().unwrap();
        let r = atlas
            .apply_edits(&[
                edit("s", EditKind::Partner, coventry(), coventry()),
                edit(
                    "has space",
                    EditKind::Partner,
                    coventry(),
                    place("z-fr", "Z", "FR"),
                ),
            ])
            .unwrap();
        assert_eq!(r.skipped, 2);
    }

    #[test]
    fn a_bad_country_code_skips_the_edit_instead_of_failing_the_whole_list() {
        let mut atlas = Atlas::with_default_data().unwrap();
        let r = atlas
            .apply_edits(&[
                edit(
                    "c1",
                    EditKind::Partner,
                    coventry(),
                    place("q-xx", "Q", "XX"),
                ),
                edit(
                    "c2",
                    EditKind::Partner,
                    coventry(),
                    place("r-fr", "R", "FR"),
                ),
            ])
            .unwrap();
        assert_eq!((r.applied, r.skipped), (1, 1));
        assert!(r.outcomes[0]
            .message
            .as_deref()
            .unwrap()
            .contains("ISO 3166-1"));
    }

    #[test]
    fn a_link_made_again_for_an_event_claims_no_form_unless_the_edit_gives_one() {
        let mut atlas = Atlas::with_default_data().unwrap();
        let mut e = edit(
            "f1",
            EditKind::Event,
            coventry(),
            place("zed-fr", "Zed", "FR"),
        );
        e.event = Some(ev(EventKind::Suspended, "2022"));
        let mut g = edit(
            "f2",
            EditKind::Disputed,
            coventry(),
            place("why-fr", "Why", "FR"),
        );
        g.claim = Some("listed, never signed".into());
        g.form = Some(Form::Friendship);
        atlas.apply_edits(&[e, g]).unwrap();
        let none = Default::default();
        assert_eq!(
            atlas.link("coventry-gb", "zed-fr", &none).unwrap().form,
            Form::Unspecified
        );
        assert_eq!(
            atlas.link("coventry-gb", "why-fr", &none).unwrap().form,
            Form::Friendship
        );
    }
}
