//! The status of a link at a date, derived from its dated events, with the event that
//! decided it; and the one date rule every view uses to tell whether an event counts at a
//! date ([`DateRule`]): status, criteria, comparisons, statistics and the network all ask it.
//!
//! Not for: the kind of a relationship or the six criteria (`classify`).

use crate::date::{Date, Precision, Ymd};
use crate::model::{Dataset, Event, EventKind, Form, Link};
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Proposed, announced or being explored; nothing signed yet.
    Proposed,
    /// Tried and rejected.
    Attempted,
    /// In force (established, renewed or resumed).
    Established,
    Suspended,
    Terminated,
    /// No agreement: a pairing recorded for its geography or history.
    None,
    /// The data cannot tell.
    Unknown,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Proposed,
        Status::Attempted,
        Status::Established,
        Status::Suspended,
        Status::Terminated,
        Status::None,
        Status::Unknown,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Proposed => "proposed",
            Status::Attempted => "attempted",
            Status::Established => "established",
            Status::Suspended => "suspended",
            Status::Terminated => "terminated",
            Status::None => "none",
            Status::Unknown => "unknown",
        }
    }
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// The order in which every view lists links and counts by status: in force first,
    /// then undecided, suspended, proposed, attempted, ended, and pairings without an
    /// agreement last. The page takes it from the core (`statusOrder` in the partners view).
    pub const ORDER: [Status; 7] = [
        Status::Established,
        Status::Suspended,
        Status::Proposed,
        Status::Attempted,
        Status::Terminated,
        Status::None,
        // last: a link merely listed somewhere, its status not known, never sorts above one
        // whose suspension or ending is recorded
        Status::Unknown,
    ];

    /// The place of this status in [`Status::ORDER`].
    pub fn rank(self) -> usize {
        Status::ORDER
            .iter()
            .position(|&s| s == self)
            .unwrap_or(Status::ORDER.len())
    }
}

/// The moment a status is asked for: a date (its last day counts) or now.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AsOf {
    /// Everything the data knows, including events without a date.
    Now,
    /// The end of the given date: `2022` means "at the end of 2022".
    Date(Date),
}

impl AsOf {
    /// The last day of the date asked for; none for now.
    pub fn point(&self) -> Option<Ymd> {
        match self {
            AsOf::Now => None,
            AsOf::Date(d) => Some(d.end()),
        }
    }
}

/// A derived status with the index of the event that decided it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StatusAt {
    pub status: Status,
    /// Index into `link.events`.
    pub decided_by: Option<usize>,
    /// False when an event's date straddles the moment asked for, so the status may differ.
    pub certain: bool,
}

/// Where an event sits on a link's timeline. An undated start (an agreement the sources say
/// exists, without a year) comes before every dated event: whatever happened later happened
/// to it. An undated end comes after every dated event. Dated events in date order between.
pub fn timeline_order(x: &Event, y: &Event) -> Ordering {
    fn group(e: &Event) -> u8 {
        match (e.date.is_unknown(), e.kind) {
            (false, _) => 1,
            (
                true,
                EventKind::Proposed
                | EventKind::Attempted
                | EventKind::Established
                | EventKind::Renewed
                | EventKind::Resumed,
            ) => 0,
            (true, _) => 2,
        }
    }
    group(x)
        .cmp(&group(y))
        .then_with(|| x.date.chrono_cmp(&y.date))
}

fn effect(kind: EventKind) -> Option<Status> {
    Some(match kind {
        EventKind::Proposed => Status::Proposed,
        EventKind::Attempted => Status::Attempted,
        EventKind::Established | EventKind::Renewed | EventKind::Resumed => Status::Established,
        EventKind::Suspended => Status::Suspended,
        EventKind::Terminated => Status::Terminated,
        EventKind::Other => return None,
    })
}

/// Whether an event has happened by the moment asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counts {
    /// It had happened.
    Yes,
    /// It may or may not have happened: its date spans the moment, or it has no date and
    /// its source is later than the moment.
    Maybe,
    /// It had not happened yet.
    No,
}

/// The one date rule: whether an event counts at a date.
///
/// - Now: every event counts.
/// - A dated event counts at a date when it lies before it (its last day is on or before
///   the date); when its date spans the date it may or may not count (`Maybe`).
/// - An event recorded without a date happened by the date of the source that records it,
///   or by the dataset's date when that source has none: it counts at any date on or after
///   that. Before it, it may or may not count (`Maybe`, so answers stay uncertain), with
///   two exceptions that follow from the order of a link's life: an undated start (an
///   agreement) came before the link's first dated event, so it counts once that has
///   happened; an undated end (a suspension, a termination) came after every dated event,
///   so it does not count while one of them is still to come.
///
/// A source's date is the day it was published, or else the day it was read (`accessed`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DateRule {
    /// The last day by which each source was published (or else read), by source id.
    sources: HashMap<String, Ymd>,
    /// The dataset's date (its last day).
    dataset: Option<Ymd>,
}

/// The last day a date may mean, when it has one (not for "unknown" or "after 2000").
fn last_day(d: &Date) -> Option<Ymd> {
    match d.precision {
        Precision::Unknown | Precision::After => None,
        _ => Some(d.end()),
    }
}

impl DateRule {
    /// The rule for a dataset: the dates of its sources. It has no date of its own until
    /// [`Self::with_dataset_date`] gives one.
    pub fn new(data: &Dataset) -> DateRule {
        let sources: HashMap<String, Ymd> = data
            .sources
            .iter()
            .filter_map(|s| {
                let d = s.date.as_ref().and_then(last_day);
                Some((s.id.clone(), d.or(s.accessed.as_ref().and_then(last_day))?))
            })
            .collect();
        DateRule {
            sources,
            dataset: None,
        }
    }

    /// The date the dataset was compiled: what its undated sources record happened by then.
    pub fn with_dataset_date(mut self, date: &Date) -> DateRule {
        self.dataset = last_day(date);
        self
    }

    /// The dataset's date, when known.
    pub fn dataset_date(&self) -> Option<Ymd> {
        self.dataset
    }

    /// The day by which something dated `date` and recorded by the sources `ids` is known
    /// to have happened: the last day of its own date, or the date of the earliest dated
    /// source that records it, whichever comes first; for something without a date and
    /// without a dated source, the dataset's date.
    pub fn known_by(&self, date: &Date, ids: &[String]) -> Option<Ymd> {
        let own = last_day(date);
        let source = ids
            .iter()
            .filter_map(|id| self.sources.get(id).copied())
            .min();
        match (own, source) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (Some(x), None) => Some(x),
            (None, Some(y)) => Some(y),
            (None, None) => self.dataset,
        }
    }

    /// The sources that record an event: its own, else its link's.
    fn event_sources<'a>(link: &'a Link, e: &'a Event) -> &'a [String] {
        if e.sources.is_empty() {
            &link.sources
        } else {
            &e.sources
        }
    }

    /// The day by which an event of `link` is known to have happened ([`Self::known_by`]).
    pub fn event_known_by(&self, link: &Link, e: &Event) -> Option<Ymd> {
        self.known_by(&e.date, Self::event_sources(link, e))
    }

    /// Whether a fact dated `date` (a founding, a membership) and recorded by the sources
    /// `ids` counts at `as_of`: the rule without a link's order of events.
    pub fn fact_counts(&self, date: &Date, ids: &[String], as_of: AsOf) -> Counts {
        let Some(p) = as_of.point() else {
            return Counts::Yes;
        };
        if !date.is_unknown() && date.start() > p {
            Counts::No
        } else if self.known_by(date, ids).is_some_and(|k| k <= p) {
            Counts::Yes
        } else {
            Counts::Maybe
        }
    }

    /// Whether `e`, an event of `link`, counts at `as_of`.
    pub fn counts(&self, link: &Link, e: &Event, as_of: AsOf) -> Counts {
        let first = self.fact_counts(&e.date, Self::event_sources(link, e), as_of);
        if first != Counts::Maybe || !e.date.is_unknown() {
            return first;
        }
        let dated = || {
            link.events
                .iter()
                .filter(|x| effect(x.kind).is_some() && !x.date.is_unknown())
        };
        if is_start(e.kind) {
            // an undated start happened before the first dated event
            let first = dated().min_by(|x, y| x.date.chrono_cmp(&y.date));
            if first.is_some_and(|f| {
                self.fact_counts(&f.date, Self::event_sources(link, f), as_of) == Counts::Yes
            }) {
                return Counts::Yes;
            }
        } else if effect(e.kind).is_some()
            && dated().any(|x| {
                self.fact_counts(&x.date, Self::event_sources(link, x), as_of) != Counts::Yes
            })
        {
            // an undated end happened after every dated event
            return Counts::No;
        }
        Counts::Maybe
    }

    /// Whether `e` counts for certain at `as_of` (what lists of "events up to a date" show).
    pub fn happened(&self, link: &Link, e: &Event, as_of: AsOf) -> bool {
        self.counts(link, e, as_of) == Counts::Yes
    }

    /// What views show as a link's "since" and "until" at `as_of`: its first agreement
    /// (`established`) that had happened or may have, and, when it is suspended or
    /// terminated then, the event that ended it.
    pub fn since_until<'a>(
        &self,
        link: &'a Link,
        as_of: AsOf,
    ) -> (Option<&'a Event>, Option<&'a Event>) {
        let mut starts: Vec<&Event> = link
            .events
            .iter()
            .filter(|e| e.kind == EventKind::Established)
            .filter(|e| self.counts(link, e, as_of) != Counts::No)
            .collect();
        starts.sort_by(|x, y| timeline_order(x, y));
        let s = self.status_at(link, as_of);
        let until = match s.status {
            Status::Suspended | Status::Terminated => s.decided_by.and_then(|i| link.events.get(i)),
            _ => None,
        };
        (starts.first().copied(), until)
    }

    /// The status of `link` at `as_of`.
    pub fn status_at(&self, link: &Link, as_of: AsOf) -> StatusAt {
        if link.form == Form::None {
            return StatusAt {
                status: Status::None,
                decided_by: None,
                certain: true,
            };
        }
        let mut order: Vec<usize> = (0..link.events.len())
            .filter(|&i| effect(link.events[i].kind).is_some())
            .collect();
        order.sort_by(|&x, &y| timeline_order(&link.events[x], &link.events[y]));
        let mut status = Status::Unknown;
        let mut decided_by = None;
        let mut certain = true;
        for i in order {
            let e = &link.events[i];
            let Some(next) = effect(e.kind) else { continue };
            // a proposal after the link exists does not undo it
            if next == Status::Proposed && status == Status::Established {
                continue;
            }
            match self.counts(link, e, as_of) {
                Counts::Yes => {
                    status = next;
                    decided_by = Some(i);
                }
                Counts::Maybe => certain = false,
                Counts::No => {}
            }
        }
        if let (Status::Unknown, Some(p)) = (status, as_of.point()) {
            // before anything happened, nothing was agreed yet
            let first = link
                .events
                .iter()
                .filter(|e| effect(e.kind).is_some() && !e.date.is_unknown())
                .map(|e| e.date.start())
                .min();
            if certain && first.is_some_and(|start| p < start) {
                status = Status::None;
            }
        }
        StatusAt {
            status,
            decided_by,
            certain,
        }
    }
}

fn is_start(kind: EventKind) -> bool {
    matches!(
        kind,
        EventKind::Proposed
            | EventKind::Attempted
            | EventKind::Established
            | EventKind::Renewed
            | EventKind::Resumed
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Event;

    fn status_at(link: &Link, as_of: AsOf) -> StatusAt {
        DateRule::default().status_at(link, as_of)
    }

    fn ev(kind: EventKind, date: &str) -> Event {
        Event {
            kind,
            date: Date::parse(date).unwrap(),
            actor: None,
            reason: None,
            note: None,
            sources: vec![],
        }
    }

    fn sourced(kind: EventKind, date: &str, source: &str) -> Event {
        Event {
            sources: vec![source.to_string()],
            ..ev(kind, date)
        }
    }

    /// A rule whose sources `paper` (published 2012) and `page` (read 2026-11) have dates.
    fn rule() -> DateRule {
        let source = |id: &str, date: Option<&str>, accessed: Option<&str>| crate::model::Source {
            id: id.into(),
            title: id.into(),
            author: None,
            date: date.map(|d| Date::parse(d).unwrap()),
            accessed: accessed.map(|d| Date::parse(d).unwrap()),
            published_in: None,
            identifier: None,
            url: None,
            licence: None,
        };
        DateRule::new(&Dataset {
            sources: vec![
                source("paper", Some("2012"), Some("2026-11")),
                source("page", None, Some("2026-11")),
                source("undated", None, None),
            ],
            ..Dataset::default()
        })
    }

    fn at(d: &str) -> AsOf {
        AsOf::Date(Date::parse(d).unwrap())
    }

    fn link(events: Vec<Event>) -> Link {
        Link {
            id: "a~b".into(),
            a: "a".into(),
            b: "b".into(),
            form: Form::Twinning,
            term: None,
            description: None,
            events,
            motives: vec![],
            pair: None,
            disagreements: vec![],
            sources: vec![],
            seeds: vec![],
        }
    }

    #[test]
    fn coventry_volgograd_is_established_in_2000_and_suspended_after_march_2022() {
        let l = link(vec![
            ev(EventKind::Established, "1944"),
            ev(EventKind::Suspended, "2022-03-22"),
        ]);
        let at = |d: &str| status_at(&l, AsOf::Date(Date::parse(d).unwrap())).status;
        assert_eq!(at("2000"), Status::Established);
        assert_eq!(at("2022-03-21"), Status::Established);
        assert_eq!(at("2022-03-22"), Status::Suspended);
        assert_eq!(at("1940"), Status::None);
        assert_eq!(status_at(&l, AsOf::Now).status, Status::Suspended);
        assert_eq!(status_at(&l, AsOf::Now).decided_by, Some(1));
    }

    #[test]
    fn resumed_links_are_established_again() {
        let l = link(vec![
            ev(EventKind::Established, "1998-09-24"),
            ev(EventKind::Suspended, "2023-02"),
            ev(EventKind::Resumed, "2023-09-01"),
            ev(EventKind::Suspended, "2025-05-30"),
        ]);
        let at = |d: &str| status_at(&l, AsOf::Date(Date::parse(d).unwrap())).status;
        assert_eq!(at("2023-06"), Status::Suspended);
        assert_eq!(at("2024"), Status::Established);
        assert_eq!(at("2025-06"), Status::Suspended);
    }

    #[test]
    fn undated_agreements_are_unknown_at_a_past_date() {
        let l = link(vec![ev(EventKind::Established, "unknown")]);
        assert_eq!(status_at(&l, AsOf::Now).status, Status::Established);
        let past = status_at(&l, AsOf::Date(Date::year(1990)));
        assert_eq!(past.status, Status::Unknown);
        assert!(!past.certain);
    }

    #[test]
    fn an_undated_agreement_ended_later_is_ended() {
        // Prague–Saint Petersburg: twinned (year unknown), terminated 2014
        let l = link(vec![
            ev(EventKind::Terminated, "2014"),
            ev(EventKind::Established, "unknown"),
        ]);
        assert_eq!(status_at(&l, AsOf::Now).status, Status::Terminated);
        let after = status_at(&l, AsOf::Date(Date::year(2015)));
        assert_eq!(after.status, Status::Terminated);
        assert!(after.certain);
        let before = status_at(&l, AsOf::Date(Date::year(2000)));
        assert_eq!(before.status, Status::Unknown);
        assert!(!before.certain);
        let mut events = l.events.clone();
        events.sort_by(timeline_order);
        assert_eq!(
            events[0].kind,
            EventKind::Established,
            "the undated start comes first"
        );
    }

    #[test]
    fn an_undated_end_comes_after_every_dated_event() {
        let l = link(vec![
            ev(EventKind::Terminated, "unknown"),
            ev(EventKind::Established, "1950"),
        ]);
        assert_eq!(status_at(&l, AsOf::Now).status, Status::Terminated);
        let s = status_at(&l, AsOf::Date(Date::year(1990)));
        assert_eq!(s.status, Status::Established);
        assert!(!s.certain, "it may have ended by then");
    }

    #[test]
    fn a_date_straddling_the_moment_is_uncertain() {
        let l = link(vec![ev(EventKind::Established, "1960s")]);
        let s = status_at(&l, AsOf::Date(Date::year(1965)));
        assert!(!s.certain);
        assert_eq!(
            status_at(&l, AsOf::Date(Date::year(1970))).status,
            Status::Established
        );
    }

    #[test]
    fn the_status_order_holds_every_status_once() {
        let mut all: Vec<Status> = Status::ORDER.to_vec();
        all.sort();
        assert_eq!(all, Status::ALL.to_vec());
        assert_eq!(Status::Established.rank(), 0);
        assert!(Status::Suspended.rank() < Status::Terminated.rank());
    }

    #[test]
    fn a_dated_event_counts_at_a_date_when_it_lies_before_it() {
        let l = link(vec![ev(EventKind::Established, "1990-05-01")]);
        let e = &l.events[0];
        let r = DateRule::default();
        assert_eq!(r.counts(&l, e, at("1990-05-01")), Counts::Yes);
        assert_eq!(r.counts(&l, e, at("1990")), Counts::Yes, "the end of 1990");
        assert_eq!(r.counts(&l, e, at("1990-04")), Counts::No);
        assert_eq!(r.counts(&l, e, AsOf::Now), Counts::Yes);
    }

    #[test]
    fn an_undated_agreement_counts_from_the_publication_date_of_its_source() {
        let l = link(vec![sourced(EventKind::Established, "unknown", "paper")]);
        let r = rule();
        let s = r.status_at(&l, at("2012"));
        assert_eq!((s.status, s.certain), (Status::Established, true));
        assert_eq!(
            r.status_at(&l, at("2026-12-01")).status,
            Status::Established
        );
        assert_eq!(s.decided_by, Some(0));
    }

    #[test]
    fn an_undated_agreement_before_its_sources_date_stays_uncertain() {
        let l = link(vec![sourced(EventKind::Established, "unknown", "paper")]);
        let s = rule().status_at(&l, at("2011"));
        assert_eq!((s.status, s.certain), (Status::Unknown, false));
    }

    #[test]
    fn a_source_without_a_publication_date_counts_from_the_month_it_was_read() {
        let l = link(vec![sourced(EventKind::Established, "unknown", "page")]);
        let r = rule();
        assert_eq!(r.status_at(&l, at("2026-11")).status, Status::Established);
        let before = r.status_at(&l, at("2026-10"));
        assert_eq!((before.status, before.certain), (Status::Unknown, false));
    }

    #[test]
    fn an_event_without_sources_of_its_own_is_dated_by_its_links_sources() {
        let mut l = link(vec![ev(EventKind::Established, "unknown")]);
        l.sources = vec!["undated".into(), "paper".into()];
        assert_eq!(rule().status_at(&l, at("2013")).status, Status::Established);
    }

    #[test]
    fn without_a_dated_source_the_datasets_date_decides() {
        let l = link(vec![sourced(EventKind::Established, "unknown", "undated")]);
        let r = rule();
        assert_eq!(r.status_at(&l, at("2030")).status, Status::Unknown);
        let r = r.with_dataset_date(&Date::parse("2026-11-22").unwrap());
        assert_eq!(
            r.status_at(&l, at("2026-11-22")).status,
            Status::Established
        );
        assert!(!r.status_at(&l, at("2026-11-21")).certain);
    }

    #[test]
    fn an_imprecise_date_counts_once_its_source_records_it() {
        // Isle of Skye–Skylands: "21c", in a page read in 2026-11
        let l = link(vec![sourced(EventKind::Established, "21c", "page")]);
        let r = rule();
        assert_eq!(
            r.status_at(&l, at("2026-12-01")).status,
            Status::Established
        );
        assert!(
            !r.status_at(&l, at("2010")).certain,
            "the 21st century spans 2010"
        );
        assert_eq!(r.status_at(&l, at("1999")).status, Status::None);
    }

    #[test]
    fn an_undated_end_counts_from_its_sources_date() {
        let l = link(vec![
            ev(EventKind::Established, "1950"),
            sourced(EventKind::Terminated, "unknown", "paper"),
        ]);
        let r = rule();
        assert_eq!(r.status_at(&l, at("2012")).status, Status::Terminated);
        let s = r.status_at(&l, at("2000"));
        assert_eq!((s.status, s.certain), (Status::Established, false));
    }

    #[test]
    fn a_fact_without_a_link_follows_the_same_rule() {
        let r = rule();
        let founded = Date::parse("2006-12").unwrap();
        assert_eq!(r.fact_counts(&founded, &[], at("2006-12")), Counts::Yes);
        assert_eq!(r.fact_counts(&founded, &[], at("2006")), Counts::Yes);
        assert_eq!(r.fact_counts(&founded, &[], at("2006-11")), Counts::No);
        let undated = Date::UNKNOWN;
        let paper = ["paper".to_string()];
        assert_eq!(r.fact_counts(&undated, &paper, at("2012")), Counts::Yes);
        assert_eq!(r.fact_counts(&undated, &paper, at("2011")), Counts::Maybe);
    }
}
