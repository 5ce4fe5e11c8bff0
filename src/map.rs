//! What the maps draw, in columns: every place with a position (id, name, country,
//! latitude, longitude, number of agreements) and every link between two such places (its
//! two ends as indexes into the places, its status at a date, its form, the year it began
//! and ended, and the year of the event that decided its status). Columns keep the answer
//! small for ~22,500 places and ~35,000 links and quick to cross into JavaScript.
//!
//! Not for: drawing (the page's `www/maps/`), or one place's partners with their sources
//! (`Atlas::partners`).

use crate::atlas::{parse_as_of, Atlas};
use crate::date::Date;
use crate::error::Result;
use crate::model::{EventKind, Form, Link};
use crate::status::Status;
use crate::view::{MapData, MapLinks, MapPlaces};
use serde::Deserialize;

/// Options of [`Atlas::map_data`].
#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields = nullable)]
pub struct MapOptions {
    /// The date the statuses are taken at (`2022`, `2022-03-22`); missing: now.
    #[serde(default)]
    pub as_of: Option<String>,
}

fn year(d: &Date) -> Option<i32> {
    if d.is_unknown() {
        None
    } else {
        Some(d.year)
    }
}

fn first_year(l: &Link, kind: EventKind) -> Option<i32> {
    l.events
        .iter()
        .filter(|e| e.kind == kind)
        .filter_map(|e| year(&e.date))
        .min()
}

fn last_year(l: &Link, kind: EventKind) -> Option<i32> {
    l.events
        .iter()
        .filter(|e| e.kind == kind)
        .filter_map(|e| year(&e.date))
        .max()
}

fn code<T: PartialEq>(all: &[T], x: &T) -> u8 {
    all.iter()
        .position(|y| y == x)
        .and_then(|i| u8::try_from(i).ok())
        .unwrap_or(u8::MAX)
}

impl Atlas {
    /// Every positioned place and every link between two of them, with statuses at
    /// `options.as_of`, in columns (see [`MapData`]).
    pub fn map_data(&self, options: &MapOptions) -> Result<MapData> {
        let as_of = parse_as_of(options.as_of.as_deref())?;
        let mut places = MapPlaces::default();
        // index of each dataset place in the columns, when it has a position
        let mut column: Vec<Option<u32>> = vec![None; self.data.places.len()];
        for (i, p) in self.data.places.iter().enumerate() {
            let (Some(lat), Some(lon)) = (p.lat, p.lon) else {
                continue;
            };
            if !lat.is_finite() || !lon.is_finite() {
                continue;
            }
            column[i] = u32::try_from(places.id.len()).ok();
            places.id.push(p.id.clone());
            places.name.push(p.name.clone());
            places.country.push(p.country.clone().unwrap_or_default());
            places.lat.push(lat);
            places.lon.push(lon);
            places
                .partners
                .push(self.degree.get(i).copied().unwrap_or(0));
        }
        let mut links = MapLinks::default();
        for l in &self.data.links {
            let end = |id: &str| {
                self.place_ix
                    .get(id)
                    .and_then(|&i| column.get(i).copied().flatten())
            };
            let (Some(a), Some(b)) = (end(&l.a), end(&l.b)) else {
                continue;
            };
            let s = self.dates.status_at(l, as_of);
            links.id.push(l.id.clone());
            links.a.push(a);
            links.b.push(b);
            links.status.push(code(&Status::ALL, &s.status));
            links.form.push(code(&Form::ALL, &l.form));
            links.since.push(first_year(l, EventKind::Established));
            links.until.push(last_year(l, EventKind::Terminated));
            links.decided.push(
                s.decided_by
                    .and_then(|i| l.events.get(i))
                    .and_then(|e| year(&e.date)),
            );
        }
        Ok(MapData {
            as_of: options.as_of.clone().filter(|s| !s.trim().is_empty()),
            statuses: Status::ALL.iter().map(|s| s.as_str()).collect(),
            forms: Form::ALL.iter().map(|f| f.as_str()).collect(),
            places,
            links,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data(as_of: Option<&str>) -> MapData {
        let atlas = Atlas::with_default_data().expect("curated data");
        atlas
            .map_data(&MapOptions {
                as_of: as_of.map(str::to_owned),
            })
            .expect("map data")
    }

    #[test]
    fn columns_have_equal_lengths_and_links_point_at_places() {
        let d = data(None);
        let n = d.places.id.len();
        assert!(n > 10);
        for len in [
            d.places.name.len(),
            d.places.country.len(),
            d.places.lat.len(),
            d.places.lon.len(),
            d.places.partners.len(),
        ] {
            assert_eq!(len, n);
        }
        let m = d.links.a.len();
        assert!(m > 10);
        for len in [
            d.links.id.len(),
            d.links.b.len(),
            d.links.status.len(),
            d.links.form.len(),
            d.links.since.len(),
            d.links.until.len(),
            d.links.decided.len(),
        ] {
            assert_eq!(len, m);
        }
        assert!(d
            .links
            .a
            .iter()
            .chain(&d.links.b)
            .all(|&i| (i as usize) < n));
        assert!(d
            .links
            .status
            .iter()
            .all(|&s| (s as usize) < d.statuses.len()));
    }

    #[test]
    fn coventry_volgograd_is_suspended_in_2022_and_established_in_2021() {
        for (as_of, want, decided) in [
            (Some("2021"), "established", None),
            (Some("2022"), "suspended", Some(2022)),
        ] {
            let d = data(as_of);
            let ix = |id: &str| d.places.id.iter().position(|x| x == id).expect(id) as u32;
            let (c, v) = (ix("coventry-gb"), ix("volgograd-ru"));
            let k = (0..d.links.a.len())
                .find(|&k| {
                    (d.links.a[k], d.links.b[k]) == (c, v) || (d.links.a[k], d.links.b[k]) == (v, c)
                })
                .expect("the link");
            assert_eq!(d.statuses[d.links.status[k] as usize], want);
            if decided.is_some() {
                assert_eq!(d.links.decided[k], decided);
            }
        }
    }

    #[test]
    fn a_bad_date_is_an_error() {
        let atlas = Atlas::with_default_data().expect("curated data");
        let err = atlas
            .map_data(&MapOptions {
                as_of: Some("soon".into()),
            })
            .unwrap_err();
        assert_eq!(err.code(), "invalid_argument");
    }
}
