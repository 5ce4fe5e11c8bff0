//! The status of a link at a date, derived from its dated events, with the event that
//! decided it.
//!
//! Not for: the kind of a relationship or the six criteria (`classify`).

use crate::date::{Date, Ymd};
use crate::model::{Event, EventKind, Form, Link};
use serde::Serialize;
use std::cmp::Ordering;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
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
    fn point(&self) -> Option<Ymd> {
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

/// The status of `link` at `as_of`.
pub fn status_at(link: &Link, as_of: AsOf) -> StatusAt {
    if link.form == Form::None {
        return StatusAt {
            status: Status::None,
            decided_by: None,
            certain: true,
        };
    }
    let point = as_of.point();
    let mut order: Vec<usize> = (0..link.events.len())
        .filter(|&i| effect(link.events[i].kind).is_some())
        .collect();
    order.sort_by(|&x, &y| timeline_order(&link.events[x], &link.events[y]));
    // the first dated event, which undated starts precede
    let first_dated = order
        .iter()
        .map(|&i| &link.events[i])
        .find(|e| !e.date.is_unknown())
        .map(|e| (e.date.start(), e.date.end()));
    let mut status = Status::Unknown;
    let mut decided_by = None;
    let mut certain = true;
    let mut dated_all_counted = true;
    for i in order {
        let e = &link.events[i];
        let Some(next) = effect(e.kind) else { continue };
        // a proposal after the link exists does not undo it
        if next == Status::Proposed && status == Status::Established {
            continue;
        }
        let counts = match point {
            None => true,
            Some(p) if e.date.is_unknown() => {
                if is_start(e.kind) {
                    // an undated start happened before the first dated event
                    match first_dated {
                        Some((_, end)) if end <= p => true,
                        _ => {
                            certain = false;
                            false
                        }
                    }
                } else {
                    // an undated end may or may not have happened by then
                    if dated_all_counted {
                        certain = false;
                    }
                    false
                }
            }
            Some(p) => {
                if e.date.end() <= p {
                    true
                } else {
                    dated_all_counted = false;
                    if e.date.start() <= p {
                        certain = false;
                    }
                    false
                }
            }
        };
        if counts {
            status = next;
            decided_by = Some(i);
        }
    }
    if let (Status::Unknown, Some(p), Some((start, _))) = (status, point, first_dated) {
        // before anything happened, nothing was agreed yet
        if p < start && certain {
            status = Status::None;
        }
    }
    StatusAt {
        status,
        decided_by,
        certain,
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
}
