//! Aggregates over the agreements in the atlas: new twinnings per decade, suspensions and
//! terminations over time (the 2022 wave), the distribution of distances between partners,
//! and a check of the claim that distance has little influence on the choice of partner,
//! against random pairings of the same places (a seeded, deterministic shuffle).
//!
//! Not for: counts of records (`Atlas::stats`) or the network's shape (`network.rs`).

use crate::atlas::Atlas;
use crate::error::{Error, Result};
use crate::geo::haversine_km;
use crate::model::{EventKind, Form};
use crate::view::{
    Band, DecadeCount, DistanceInfluence, Distribution, EndingsView, StatisticsView, Wave,
    YearEndings,
};
use serde::Deserialize;
use std::collections::BTreeMap;

/// Options of [`Atlas::statistics`].
#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields = nullable)]
pub struct StatisticsOptions {
    /// Seed of the random pairings (default 1): the same seed gives the same baseline.
    #[serde(default)]
    pub seed: Option<u32>,
    /// How many shuffles make the baseline (default 5, 1 to 50).
    #[serde(default)]
    pub rounds: Option<u32>,
}

const BANDS: [f64; 10] = [
    0.0, 15.0, 50.0, 100.0, 250.0, 500.0, 1000.0, 2500.0, 5000.0, 10000.0,
];

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn quantile(sorted: &[f64], q: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let pos = q * (sorted.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    let (a, b) = (sorted.get(lo)?, sorted.get(hi)?);
    Some(round1(a + (b - a) * (pos - lo as f64)))
}

/// Summary and bands of a list of distances (sorted in place).
pub(crate) fn distribution(d: &mut [f64]) -> Distribution {
    d.sort_by(|a, b| a.total_cmp(b));
    let n = d.len();
    let mut counts = [0u32; BANDS.len()];
    for &x in d.iter() {
        let i = BANDS.iter().rposition(|&b| x >= b).unwrap_or(0);
        counts[i] += 1;
    }
    Distribution {
        count: n as u32,
        min: d.first().map(|&x| round1(x)),
        p10: quantile(d, 0.1),
        p25: quantile(d, 0.25),
        median: quantile(d, 0.5),
        p75: quantile(d, 0.75),
        p90: quantile(d, 0.9),
        max: d.last().map(|&x| round1(x)),
        mean: (n > 0).then(|| round1(d.iter().sum::<f64>() / n as f64)),
        bands: BANDS
            .iter()
            .enumerate()
            .map(|(i, &from)| Band {
                from_km: from,
                to_km: BANDS.get(i + 1).copied(),
                count: counts[i],
                share: if n == 0 {
                    0.0
                } else {
                    (counts[i] as f64 / n as f64 * 1000.0).round() / 1000.0
                },
            })
            .collect(),
    }
}

/// Two-sample Kolmogorov–Smirnov distance of two sorted samples.
pub(crate) fn ks_distance(a: &[f64], b: &[f64]) -> Option<f64> {
    if a.is_empty() || b.is_empty() {
        return None;
    }
    let (mut i, mut j, mut d) = (0usize, 0usize, 0f64);
    let (na, nb) = (a.len() as f64, b.len() as f64);
    while i < a.len() && j < b.len() {
        let x = a[i].min(b[j]);
        while i < a.len() && a[i] <= x {
            i += 1;
        }
        while j < b.len() && b[j] <= x {
            j += 1;
        }
        d = d.max((i as f64 / na - j as f64 / nb).abs());
    }
    Some((d * 1000.0).round() / 1000.0)
}

/// SplitMix64: small, fast, and the same on every platform.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u32) -> Rng {
        Rng(u64::from(seed) ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A uniform index below `n` (n > 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn share_below(sorted: &[f64], km: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let k = sorted.partition_point(|&x| x < km);
    Some((k as f64 / sorted.len() as f64 * 1000.0).round() / 1000.0)
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

impl Atlas {
    /// Aggregates over the agreements; deterministic for a given seed.
    pub fn statistics(&self, options: &StatisticsOptions) -> Result<StatisticsView> {
        let seed = options.seed.unwrap_or(1);
        let rounds = options.rounds.unwrap_or(5);
        if !(1..=50).contains(&rounds) {
            return Err(Error::invalid("rounds", "must be between 1 and 50"));
        }
        let mut decades: BTreeMap<i32, u32> = BTreeMap::new();
        let mut undated = 0u32;
        let mut years: BTreeMap<i32, (u32, u32)> = BTreeMap::new();
        let mut endings_undated = 0u32;
        let mut wave = Wave {
            year: 2022,
            suspended: 0,
            terminated: 0,
            involving_russia_or_belarus: 0,
            share: None,
        };
        let mut observed = Vec::new();
        let mut ends: Vec<(f64, f64)> = Vec::new();
        let mut agreements = 0u32;
        let mut without = 0u32;
        for l in &self.data.links {
            if l.form == Form::None {
                continue;
            }
            agreements += 1;
            match l
                .events
                .iter()
                .filter(|e| e.kind == EventKind::Established)
                .filter_map(|e| e.date.sort_year())
                .min()
            {
                Some(y) => *decades.entry(y.div_euclid(10) * 10).or_insert(0) += 1,
                None => undated += 1,
            }
            let (pa, pb) = (self.get_place(&l.a), self.get_place(&l.b));
            let russia = [pa, pb].iter().any(|p| {
                p.is_some_and(|p| matches!(p.country.as_deref(), Some("RU") | Some("BY")))
            });
            for e in &l.events {
                let suspended = match e.kind {
                    EventKind::Suspended => true,
                    EventKind::Terminated => false,
                    _ => continue,
                };
                let Some(y) = e.date.sort_year() else {
                    endings_undated += 1;
                    continue;
                };
                let row = years.entry(y).or_insert((0, 0));
                if suspended {
                    row.0 += 1;
                } else {
                    row.1 += 1;
                }
                if y == 2022 {
                    if suspended {
                        wave.suspended += 1;
                    } else {
                        wave.terminated += 1;
                    }
                    if russia {
                        wave.involving_russia_or_belarus += 1;
                    }
                }
            }
            match (pa, pb) {
                (Some(a), Some(b)) => match (a.lat, a.lon, b.lat, b.lon) {
                    (Some(la), Some(oa), Some(lb), Some(ob)) => {
                        observed.push(haversine_km(la, oa, lb, ob));
                        ends.push((la, oa));
                        ends.push((lb, ob));
                    }
                    _ => without += 1,
                },
                _ => without += 1,
            }
        }
        let dated_endings: u32 = years.values().map(|(s, t)| s + t).sum();
        let in_wave = wave.suspended + wave.terminated;
        wave.share = (dated_endings > 0)
            .then(|| (in_wave as f64 / dated_endings as f64 * 1000.0).round() / 1000.0);
        let endings_statement = if dated_endings == 0 {
            "The loaded data records no dated suspensions or terminations.".to_string()
        } else {
            let peak = years
                .iter()
                .max_by(|x, y| (x.1 .0 + x.1 .1).cmp(&(y.1 .0 + y.1 .1)).then(y.0.cmp(x.0)))
                .map(|(y, (s, t))| (*y, s + t));
            let peak = peak
                .map(|(y, n)| format!(" The busiest year is {y} ({n})."))
                .unwrap_or_default();
            format!(
                "{in_wave} of {dated_endings} dated suspensions and terminations happened in 2022, \
                 {} of them on links with a place in Russia or Belarus.{peak}",
                wave.involving_russia_or_belarus
            )
        };

        // baseline: the same endpoints, shuffled and paired at random
        let mut baseline = Vec::with_capacity(observed.len() * rounds as usize);
        let mut rng = Rng::new(seed);
        let mut pts = ends.clone();
        for _ in 0..rounds {
            for i in (1..pts.len()).rev() {
                let j = rng.below(i + 1);
                pts.swap(i, j);
            }
            for pair in pts.chunks_exact(2) {
                let (x, y) = (pair[0], pair[1]);
                if x == y {
                    continue;
                }
                baseline.push(haversine_km(x.0, x.1, y.0, y.1));
            }
        }
        let obs = distribution(&mut observed);
        let base = distribution(&mut baseline);
        let ratio = match (obs.median, base.median) {
            (Some(o), Some(b)) if b > 0.0 => Some((o / b * 1000.0).round() / 1000.0),
            _ => None,
        };
        let ks = ks_distance(&observed, &baseline);
        let (near_o, near_b) = (share_below(&observed, 100.0), share_below(&baseline, 100.0));
        let statement = match (obs.median, base.median, ratio, ks) {
            (Some(mo), Some(mb), Some(r), Some(k)) if observed.len() >= 20 => {
                let figures = format!(
                    "median {mo:.0} km against {mb:.0} km for random pairings of the same places, \
                     KS distance {k:.2}; {} of partners are under 100 km apart against {} at random",
                    near_o.map(pct).unwrap_or_default(),
                    near_b.map(pct).unwrap_or_default()
                );
                if r < 0.75 && k >= 0.1 {
                    format!(
                        "Partners are markedly closer than random pairings ({figures}): in this data distance \
                         does influence the choice of partner, which does not support the article's claim."
                    )
                } else if r > 1.33 && k >= 0.1 {
                    format!(
                        "Partners are farther apart than random pairings ({figures}): distance is not \
                         indifferent here either, though not in favour of neighbours."
                    )
                } else {
                    format!(
                        "Partners are about as far apart as random pairings ({figures}): consistent with \
                         the article's claim that distance has little influence."
                    )
                }
            }
            _ => format!(
                "Too few partnerships with coordinates ({}) to test the article's claim.",
                observed.len()
            ),
        };
        Ok(StatisticsView {
            agreements,
            new_per_decade: decades
                .into_iter()
                .map(|(decade, count)| DecadeCount { decade, count })
                .collect(),
            undated,
            endings: EndingsView {
                by_year: years
                    .into_iter()
                    .map(|(year, (s, t))| YearEndings {
                        year,
                        suspended: s,
                        terminated: t,
                    })
                    .collect(),
                undated: endings_undated,
                wave_2022: wave,
                statement: endings_statement,
            },
            distances: obs.clone(),
            without_coordinates: without,
            distance_influence: DistanceInfluence {
                observed: obs,
                baseline: base,
                seed,
                rounds,
                median_ratio: ratio,
                ks_distance: ks,
                near_share_observed: near_o,
                near_share_baseline: near_b,
                statement,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ks_distance_is_zero_for_equal_samples_and_one_for_disjoint() {
        assert_eq!(ks_distance(&[1.0, 2.0, 3.0], &[1.0, 2.0, 3.0]), Some(0.0));
        assert_eq!(ks_distance(&[1.0, 2.0], &[5.0, 6.0]), Some(1.0));
        assert_eq!(ks_distance(&[], &[1.0]), None);
    }

    #[test]
    fn the_same_seed_gives_the_same_numbers() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        for _ in 0..10 {
            assert_eq!(a.next(), b.next());
        }
        assert_ne!(Rng::new(1).next(), Rng::new(2).next());
    }

    #[test]
    fn bands_cover_every_distance() {
        let mut d = vec![0.0, 14.9, 15.0, 20000.0];
        let dist = distribution(&mut d);
        assert_eq!(dist.bands.iter().map(|b| b.count).sum::<u32>(), 4);
        assert_eq!(dist.bands[0].count, 2);
        assert_eq!(dist.bands[9].to_km, None);
        assert!(dist.median.is_some_and(|m| (14.9..=15.0).contains(&m)));
    }
}
