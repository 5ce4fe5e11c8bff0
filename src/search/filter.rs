//! Filters that narrow a search: on the place (country, level) and on its links (form,
//! status at a date, start-year range, motive). A place passes the link filters when at
//! least one of its links passes all of them together; a link hit passes when the link
//! itself does.
//!
//! Not for: matching text (`query.rs`).

use super::SearchQuery;
use crate::atlas::{parse_as_of, Atlas};
use crate::error::{Error, Result};
use crate::model::{EventKind, Form, Level, Link, Motive};
use crate::status::{AsOf, DateRule, Status};

/// A filter value: one item or a list of them (`"DE"` or `["DE", "PL"]`).
#[derive(Debug, Clone, PartialEq, serde::Deserialize, ts_rs::TS)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn items(&self) -> Vec<&str> {
        match self {
            OneOrMany::One(s) => vec![s.as_str()],
            OneOrMany::Many(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

fn parse_list<T>(
    v: &Option<OneOrMany>,
    what: &str,
    parse: impl Fn(&str) -> Option<T>,
    known: &dyn Fn() -> String,
) -> Result<Vec<T>> {
    let Some(v) = v else { return Ok(Vec::new()) };
    v.items()
        .into_iter()
        .map(|s| {
            parse(s.trim())
                .ok_or_else(|| Error::invalid(what, format!("{s:?} is not one of {}", known())))
        })
        .collect()
}

fn names<T: Copy>(all: &[T], f: fn(T) -> &'static str) -> String {
    all.iter().map(|&x| f(x)).collect::<Vec<_>>().join(", ")
}

/// The filters of a query, checked.
#[derive(Debug, Clone, Default)]
pub(crate) struct Filters {
    pub countries: Vec<String>,
    pub levels: Vec<Level>,
    pub forms: Vec<Form>,
    pub statuses: Vec<Status>,
    pub motives: Vec<Motive>,
    pub as_of: Option<AsOf>,
    pub from_year: Option<i32>,
    pub to_year: Option<i32>,
}

impl Filters {
    pub fn parse(q: &SearchQuery) -> Result<Filters> {
        let countries = match &q.country {
            None => Vec::new(),
            Some(v) => v
                .items()
                .into_iter()
                .map(|c| {
                    let c = c.trim().to_ascii_uppercase();
                    if c.is_empty()
                        || c.len() > 8
                        || !c.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                    {
                        Err(Error::invalid(
                            "country",
                            format!("{c:?} is not a country code"),
                        ))
                    } else {
                        Ok(c)
                    }
                })
                .collect::<Result<_>>()?,
        };
        let levels = parse_list(&q.level, "level", Level::parse, &|| {
            names(&Level::ALL, Level::as_str)
        })?;
        let forms = parse_list(&q.form, "form", Form::parse, &|| {
            names(&Form::ALL, Form::as_str)
        })?;
        let statuses = parse_list(&q.status, "status", Status::parse, &|| {
            names(&Status::ALL, Status::as_str)
        })?;
        let motives = parse_list(&q.motive, "motive", Motive::parse, &|| {
            names(&Motive::ALL, Motive::as_str)
        })?;
        let as_of = match &q.as_of {
            Some(s) => Some(parse_as_of(Some(s))?),
            None => None,
        };
        if let (Some(a), Some(b)) = (q.from_year, q.to_year) {
            if a > b {
                return Err(Error::invalid(
                    "fromYear",
                    format!("{a} is after toYear {b}"),
                ));
            }
        }
        Ok(Filters {
            countries,
            levels,
            forms,
            statuses,
            motives,
            as_of,
            from_year: q.from_year,
            to_year: q.to_year,
        })
    }

    pub fn on_links(&self) -> bool {
        !self.forms.is_empty()
            || !self.statuses.is_empty()
            || !self.motives.is_empty()
            || self.from_year.is_some()
            || self.to_year.is_some()
    }

    pub fn any(&self) -> bool {
        !self.countries.is_empty() || !self.levels.is_empty() || self.on_links()
    }

    /// Whether a link passes the link filters.
    pub fn link_ok(&self, dates: &DateRule, l: &Link) -> bool {
        if !self.forms.is_empty() && !self.forms.contains(&l.form) {
            return false;
        }
        if !self.motives.is_empty() && !l.motives.iter().any(|m| self.motives.contains(m)) {
            return false;
        }
        if self.from_year.is_some() || self.to_year.is_some() {
            let start = l
                .events
                .iter()
                .find(|e| e.kind == EventKind::Established)
                .and_then(|e| e.date.sort_year());
            let Some(y) = start else { return false };
            if self.from_year.is_some_and(|a| y < a) || self.to_year.is_some_and(|b| y > b) {
                return false;
            }
        }
        if !self.statuses.is_empty() {
            let s = dates.status_at(l, self.as_of.unwrap_or(AsOf::Now)).status;
            if !self.statuses.contains(&s) {
                return false;
            }
        }
        true
    }

    /// Whether a place passes, without its links.
    fn place_only_ok(&self, atlas: &Atlas, p: usize) -> bool {
        let Some(pl) = atlas.data.places.get(p) else {
            return false;
        };
        if !self.countries.is_empty()
            && !pl
                .country
                .as_ref()
                .is_some_and(|c| self.countries.contains(c))
        {
            return false;
        }
        if !self.levels.is_empty() && !self.levels.contains(&pl.level) {
            return false;
        }
        true
    }
}

/// A place filter that remembers its answers for the length of one query.
pub(crate) struct PlaceFilter<'a> {
    atlas: &'a Atlas,
    f: &'a Filters,
    /// 0 unknown, 1 passes, 2 fails.
    memo: Vec<u8>,
}

impl<'a> PlaceFilter<'a> {
    pub fn new(atlas: &'a Atlas, f: &'a Filters) -> PlaceFilter<'a> {
        let memo = if f.any() {
            vec![0; atlas.data.places.len()]
        } else {
            Vec::new()
        };
        PlaceFilter { atlas, f, memo }
    }

    pub fn ok(&mut self, p: u32) -> bool {
        let p = p as usize;
        let Some(m) = self.memo.get(p).copied() else {
            return true;
        };
        if m != 0 {
            return m == 1;
        }
        let pass = self.f.place_only_ok(self.atlas, p)
            && (!self.f.on_links()
                || self.atlas.adjacency.get(p).is_some_and(|ls| {
                    ls.iter()
                        .filter_map(|&l| self.atlas.data.links.get(l))
                        .any(|l| self.f.link_ok(&self.atlas.dates, l))
                }));
        if let Some(slot) = self.memo.get_mut(p) {
            *slot = if pass { 1 } else { 2 };
        }
        pass
    }

    /// Whether a link hit between places `a` and `b` passes: the link filters on the link,
    /// the place filters on either end.
    pub fn link_hit_ok(&self, l: &Link, a: usize, b: usize) -> bool {
        self.f.link_ok(&self.atlas.dates, l)
            && (self.f.place_only_ok(self.atlas, a) || self.f.place_only_ok(self.atlas, b))
    }
}
