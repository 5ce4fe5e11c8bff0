//! Classification of a pair of places, with the evidence for every verdict: the kind of their
//! relationship (`kind.rs`), its status at a date (`crate::status`), the founding paper's six
//! twin-city criteria and its verdict (`criteria.rs`), and the motives, recorded and inferred
//! (`motives.rs`). Works for any two places, linked or not.
//!
//! Not for: comparisons of several pairs or places (`compare.rs`), the network (`network.rs`)
//! or aggregates (`statistics.rs`).

/// `format!` when the pair is being explained, an empty string when only verdicts are
/// wanted (bulk classification): the arguments are not even evaluated then.
macro_rules! text {
    ($p:expr, $($arg:tt)*) => {
        if $p.explain { format!($($arg)*) } else { String::new() }
    };
}

mod criteria;
mod kind;
mod motives;

pub use criteria::NECESSARY;
pub use kind::Kind;

use crate::atlas::{parse_as_of, Atlas};
use crate::error::{Error, Result};
use crate::geo::distance_km;
use crate::model::{Group, Link, PairFacts, Place, Verdict};
use crate::status::{AsOf, Status, StatusAt};
use crate::text::fold;
use crate::view::{
    Classification, ClassifiedLink, ClassifyAllResult, Count, DistanceSource, GroupRef, StatusView,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Default centre-to-centre distance (km) under which two towns in different countries count
/// as adjacent across the border, and two towns in one country as grown together.
pub const DEFAULT_ADJACENT_KM: f64 = 15.0;
/// Default centre-to-centre distance (km) under which two towns in different countries count
/// as near-border towns (each is then at most this far from the border that runs between them).
pub const DEFAULT_NEAR_BORDER_KM: f64 = 50.0;

/// Default centre-to-centre distance (km) beyond which two places cannot have formed one
/// town (criterion C2 fails) or share a population (C5 fails): no shared urban area spans it.
pub const DEFAULT_SHARED_TOWN_KM: f64 = 50.0;

/// The distances criteria C1, C2, C4, C5 and the geographic-twin test use; a user may change
/// them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields = nullable)]
pub struct Thresholds {
    #[serde(default = "default_adjacent")]
    #[ts(optional = nullable)]
    pub adjacent_km: f64,
    #[serde(default = "default_near_border")]
    #[ts(optional = nullable)]
    pub near_border_km: f64,
    /// Farther apart than this, two places did not form one town and share no population.
    #[serde(default = "default_shared_town")]
    #[ts(optional = nullable)]
    pub shared_town_km: f64,
}

fn default_adjacent() -> f64 {
    DEFAULT_ADJACENT_KM
}
fn default_near_border() -> f64 {
    DEFAULT_NEAR_BORDER_KM
}
fn default_shared_town() -> f64 {
    DEFAULT_SHARED_TOWN_KM
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        Thresholds {
            adjacent_km: DEFAULT_ADJACENT_KM,
            near_border_km: DEFAULT_NEAR_BORDER_KM,
            shared_town_km: DEFAULT_SHARED_TOWN_KM,
        }
    }
}

impl Thresholds {
    /// All finite, not negative, at most 1000 km, and adjacent ≤ near-border.
    pub fn check(&self) -> Result<()> {
        let ok = |x: f64| x.is_finite() && (0.0..=1000.0).contains(&x);
        if !ok(self.adjacent_km) || !ok(self.near_border_km) || !ok(self.shared_town_km) {
            return Err(Error::invalid(
                "thresholds",
                "adjacentKm, nearBorderKm and sharedTownKm must be numbers between 0 and 1000",
            ));
        }
        if self.adjacent_km > self.near_border_km {
            return Err(Error::invalid(
                "thresholds",
                "adjacentKm must not be larger than nearBorderKm",
            ));
        }
        Ok(())
    }
}

/// Options of [`Atlas::classify`].
#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields = nullable)]
pub struct ClassifyOptions {
    /// A date such as `2005` or `2022-03-22` (its last day counts); missing or `now`: every
    /// event counted.
    #[serde(default)]
    pub as_of: Option<String>,
    #[serde(default)]
    pub thresholds: Option<Thresholds>,
}

impl ClassifyOptions {
    pub(crate) fn parse(&self) -> Result<(AsOf, Thresholds)> {
        let t = self.thresholds.unwrap_or_default();
        t.check()?;
        Ok((parse_as_of(self.as_of.as_deref())?, t))
    }
}

/// Everything the parts of the classification look at, gathered once.
pub(crate) struct Pair<'a> {
    pub atlas: &'a Atlas,
    pub a: &'a Place,
    pub b: &'a Place,
    pub link: Option<&'a Link>,
    pub pair: Option<&'a PairFacts>,
    pub status: StatusAt,
    pub as_of: AsOf,
    pub distance: Option<(f64, DistanceSource)>,
    pub thresholds: Thresholds,
    pub groups: Vec<&'a Group>,
    /// Folded main names, when the caller has them already.
    pub folded: Option<(&'a str, &'a str)>,
    /// Write the evidence (false: verdicts only, for bulk classification).
    pub explain: bool,
}

/// A fixed text, or nothing when the pair is not being explained.
pub(crate) fn lit(p: &Pair, s: &str) -> String {
    if p.explain {
        s.to_string()
    } else {
        String::new()
    }
}

impl<'a> Pair<'a> {
    /// The sources with these ids, or none when the pair is not being explained.
    pub fn sources(&self, ids: &[String]) -> Vec<crate::view::SourceRef> {
        if self.explain {
            self.atlas.sources_view(ids)
        } else {
            Vec::new()
        }
    }

    /// Some(true) when both countries are known and differ.
    pub fn countries_differ(&self) -> Option<bool> {
        match (&self.a.country, &self.b.country) {
            (Some(x), Some(y)) => Some(x != y),
            _ => None,
        }
    }

    pub fn km(&self) -> Option<f64> {
        self.distance.map(|d| d.0)
    }

    /// The recorded fact on criterion `c` (`"C2"`), if any.
    pub fn recorded(&self, c: &str) -> Option<&'a crate::model::CriterionFact> {
        self.pair?.criteria.iter().find(|f| f.criterion == c)
    }

    /// Two places with the same name, in different countries, on the same spot: a
    /// geocoding error (one got the other's coordinates), not a pair of neighbours.
    pub fn homonym_on_one_spot(&self) -> bool {
        let Some((km, DistanceSource::Computed)) = self.distance else {
            return false;
        };
        if km > 0.05 || self.countries_differ() != Some(true) {
            return false;
        }
        match self.folded {
            Some((x, y)) => x == y,
            None => fold(&self.a.name) == fold(&self.b.name),
        }
    }
}

/// Whether `g` is the City Twins Association (or a like association of twin cities).
pub(crate) fn is_twin_city_association(g: &Group) -> bool {
    let id = g.id.to_ascii_lowercase();
    let name = fold(&g.name);
    id == "cta"
        || id.contains("city-twins")
        || name.contains("city twins")
        || name.contains("twin cities association")
}

/// Decide everything from a gathered pair.
fn decide(p: &Pair) -> Classification {
    let atlas = p.atlas;
    let geo = kind::geographic(p);
    let kind = kind::kind(p, &geo);
    let agreement = kind::agreement(p);
    let criteria = criteria::criteria(p);
    let twin_cities = criteria::twin_cities(p, &criteria);
    let motives = motives::motives(p);
    let status = match p.link {
        Some(l) => atlas.status_view(l, p.as_of),
        None => StatusView {
            status: Status::None,
            as_of: match p.as_of {
                AsOf::Now => None,
                AsOf::Date(d) => Some((&d).into()),
            },
            decided_by: None,
            certain: true,
        },
    };
    Classification {
        a: atlas.summary(p.a),
        b: atlas.summary(p.b),
        link_id: p.link.map(|l| l.id.clone()),
        as_of: match p.as_of {
            AsOf::Now => None,
            AsOf::Date(d) => Some((&d).into()),
        },
        kind,
        geographic_twin: geo,
        agreement,
        status,
        criteria,
        twin_cities,
        motives,
        groups: p
            .groups
            .iter()
            .map(|g| GroupRef {
                id: g.id.clone(),
                name: g.name.clone(),
                kind: g.kind,
            })
            .collect(),
        distance_km: p.km(),
        distance_source: p.distance.map(|d| d.1),
        thresholds: p.thresholds,
    }
}

/// Options of [`Atlas::classify_all`].
#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields = nullable)]
pub struct ClassifyAllOptions {
    #[serde(default)]
    pub as_of: Option<String>,
    #[serde(default)]
    pub thresholds: Option<Thresholds>,
    /// Also return one row per link (kind, status, verdict, distance).
    #[serde(default)]
    #[ts(optional = nullable)]
    pub detail: bool,
}

fn counted<K: Ord>(m: BTreeMap<K, u32>) -> Vec<Count<K>> {
    let mut v: Vec<Count<K>> = m
        .into_iter()
        .map(|(key, count)| Count { key, count })
        .collect();
    v.sort_by_key(|c| std::cmp::Reverse(c.count));
    v
}

fn verdict_rank(v: Verdict) -> u8 {
    match v {
        Verdict::Holds => 0,
        Verdict::Unknown => 1,
        Verdict::Fails => 2,
    }
}

impl PartialOrd for VerdictKey {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for VerdictKey {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        verdict_rank(self.0).cmp(&verdict_rank(other.0))
    }
}
#[derive(PartialEq, Eq)]
struct VerdictKey(Verdict);

impl Atlas {
    /// The groups both places belong to.
    pub(crate) fn shared_groups(&self, a: &str, b: &str) -> Vec<&Group> {
        self.data
            .groups
            .iter()
            .filter(|g| g.members.iter().any(|m| m == a) && g.members.iter().any(|m| m == b))
            .collect()
    }

    pub(crate) fn gather<'a>(
        &'a self,
        ia: usize,
        ib: usize,
        link: Option<&'a Link>,
        as_of: AsOf,
        thresholds: Thresholds,
        folded: Option<(&'a str, &'a str)>,
    ) -> Pair<'a> {
        let a = &self.data.places[ia];
        let b = &self.data.places[ib];
        let pair = link.and_then(|l| l.pair.as_ref());
        let distance = distance_km((a.lat, a.lon), (b.lat, b.lon))
            .map(|d| (d, DistanceSource::Computed))
            .or_else(|| {
                pair.and_then(|f| f.distance_km)
                    .filter(|d| d.is_finite() && *d >= 0.0)
                    .map(|d| (d, DistanceSource::Recorded))
            });
        let status = match link {
            Some(l) => self.dates.status_at(l, as_of),
            None => StatusAt {
                status: Status::None,
                decided_by: None,
                certain: true,
            },
        };
        let groups = if self.data.groups.is_empty() {
            Vec::new()
        } else {
            self.shared_groups(&a.id, &b.id)
        };
        Pair {
            atlas: self,
            a,
            b,
            link,
            pair,
            status,
            as_of,
            distance,
            thresholds,
            groups,
            folded,
            explain: true,
        }
    }

    /// Classify the relationship of two places (in either order), linked or not: its kind,
    /// status at `asOf`, the six criteria, the twin-city verdict and the motives.
    pub fn classify(&self, a: &str, b: &str, options: &ClassifyOptions) -> Result<Classification> {
        let (as_of, thresholds) = options.parse()?;
        let ia = self.place_index(a)?;
        let ib = self.place_index(b)?;
        if ia == ib {
            return Err(Error::invalid(
                "place ids",
                "a place cannot be classified with itself",
            ));
        }
        let link = self.link_between(a, b);
        Ok(decide(&self.gather(ia, ib, link, as_of, thresholds, None)))
    }

    /// Classify the link with this id.
    pub fn classify_link(&self, id: &str, options: &ClassifyOptions) -> Result<Classification> {
        let l = self
            .get_link(id)
            .ok_or_else(|| Error::not_found("link", id))?;
        self.classify(&l.a, &l.b, options)
    }

    /// Classify every link; counts by kind, status and verdict (and rows when `detail`).
    pub fn classify_all(&self, options: &ClassifyAllOptions) -> Result<ClassifyAllResult> {
        let (as_of, thresholds) = ClassifyOptions {
            as_of: options.as_of.clone(),
            thresholds: options.thresholds,
        }
        .parse()?;
        let mut by_kind = BTreeMap::new();
        let mut by_status = BTreeMap::new();
        let mut by_verdict: BTreeMap<VerdictKey, u32> = BTreeMap::new();
        let mut twins = Vec::new();
        let mut rows = Vec::new();
        for l in &self.data.links {
            let (Some(&ia), Some(&ib)) = (self.place_ix.get(&l.a), self.place_ix.get(&l.b)) else {
                continue;
            };
            if ia == ib {
                continue;
            }
            let mut p = self.gather(ia, ib, Some(l), as_of, thresholds, None);
            p.explain = false;
            let geo = kind::geographic(&p);
            let k = kind::kind(&p, &geo);
            let crit = criteria::criteria(&p);
            let verdict = criteria::twin_cities(&p, &crit).verdict;
            *by_kind.entry(k.kind).or_insert(0u32) += 1;
            *by_status.entry(p.status.status).or_insert(0u32) += 1;
            *by_verdict.entry(VerdictKey(verdict)).or_insert(0u32) += 1;
            if verdict == Verdict::Holds {
                twins.push(l.id.clone());
            }
            if options.detail {
                rows.push(ClassifiedLink {
                    link_id: l.id.clone(),
                    kind: k.kind,
                    status: p.status.status,
                    twin_cities: verdict,
                    distance_km: p.km(),
                });
            }
        }
        Ok(ClassifyAllResult {
            as_of: match as_of {
                AsOf::Now => None,
                AsOf::Date(d) => Some((&d).into()),
            },
            links: self.data.links.len() as u32,
            by_kind: counted(by_kind),
            by_status: counted(by_status),
            by_twin_cities: by_verdict
                .into_iter()
                .map(|(k, count)| Count { key: k.0, count })
                .collect(),
            twin_cities: twins,
            rows: options.detail.then_some(rows),
        })
    }
}

/// Format a distance for a sentence: one decimal under 100 km, whole km above.
pub(crate) fn km_text(km: f64) -> String {
    if km < 100.0 {
        format!("{km:.1} km")
    } else {
        format!("{km:.0} km")
    }
}

/// The English name of a place's country, or "an unknown country".
pub(crate) fn country_name(p: &Place) -> &str {
    match &p.country {
        Some(c) => crate::country::countries().name(c),
        None => "an unknown country",
    }
}

/// The country's name as it reads after "in": "the United States", "Finland".
pub(crate) fn in_country(p: &Place) -> String {
    let name = country_name(p);
    let the = name.starts_with("United ")
        || name.starts_with("Republic ")
        || name.ends_with(" Islands")
        || name.ends_with(" Republic")
        || matches!(
            name,
            "Netherlands" | "Philippines" | "Bahamas" | "Gambia" | "Maldives" | "Vatican City"
        );
    if the {
        format!("the {name}")
    } else {
        name.to_string()
    }
}
