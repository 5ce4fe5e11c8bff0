//! Measuring the suggestions honestly: hide links, learn from the rest, and see where each
//! hidden partner ranks among all the places it could have been, for our model and for the
//! baselines computed in the same run (random, preferential attachment, common neighbours,
//! Adamic–Adar, resource allocation, distance only, country affinity only).
//!
//! Each hidden link `a–b` is one query from a seeded side `a`. The places ranked are every
//! place except `a`, its known partners and its other hidden partners (the "filtered"
//! setting). Ties are counted at their expected value (a tie of `t` places straddling rank
//! 10 counts the share of orders that put `b` in the top 10), so no method gains or loses
//! by an arbitrary tie order; our model ranks places outside its candidates after them.
//!
//! Not for: timing (the caller measures: `examples/suggest_eval.rs`).

use super::features::Query;
use super::net::{Graph, Places, Rng};
use super::Engine;
use crate::atlas::Atlas;
use crate::country::countries;
use crate::hash::FxMap;
use crate::model::EventKind;
use std::collections::BTreeMap;

/// The methods compared, in the table's order.
pub const METHODS: [&str; 8] = [
    "ours (explained model)",
    "random",
    "preferential attachment",
    "common neighbours",
    "Adamic–Adar",
    "resource allocation",
    "distance only",
    "country affinity only",
];
pub const NM: usize = 8;
pub const OURS: usize = 0;
pub const ADAMIC_ADAR: usize = 4;

/// Sums of recall@k and reciprocal rank over queries, per method.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub queries: usize,
    pub recall: [f64; NM],
    pub rr: [f64; NM],
}

impl Tally {
    pub fn recall_at_k(&self, m: usize) -> f64 {
        if self.queries == 0 {
            0.0
        } else {
            self.recall[m] / self.queries as f64
        }
    }
    pub fn mrr(&self, m: usize) -> f64 {
        if self.queries == 0 {
            0.0
        } else {
            self.rr[m] / self.queries as f64
        }
    }
    pub fn merge(&mut self, o: &Tally) {
        self.queries += o.queries;
        for m in 0..NM {
            self.recall[m] += o.recall[m];
            self.rr[m] += o.rr[m];
        }
    }
}

/// What one evaluation found: over all queries and by the continent of the querying place.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub total: Tally,
    pub by_region: BTreeMap<&'static str, Tally>,
    /// By how the hidden partner stands to the place: two steps away, three, or farther.
    pub by_reach: BTreeMap<&'static str, Tally>,
}

fn harmonic(n: usize) -> f64 {
    if n == 0 {
        return 0.0;
    }
    if n <= 64 {
        return (1..=n).map(|i| 1.0 / i as f64).sum();
    }
    let x = n as f64;
    x.ln() + 0.577_215_664_901_532_9 + 1.0 / (2.0 * x) - 1.0 / (12.0 * x * x)
}

/// Expected recall@k and reciprocal rank of a target with `g` places scored above it and
/// `t` places (itself included) tied with it, every tie order equally likely.
pub fn expected(g: usize, t: usize, k: usize) -> (f64, f64) {
    let t = t.max(1);
    let recall = if g >= k {
        0.0
    } else {
        ((k - g) as f64 / t as f64).min(1.0)
    };
    let rr = if t == 1 {
        1.0 / (g + 1) as f64
    } else if t <= 4_096 {
        (g + 1..=g + t).map(|r| 1.0 / r as f64).sum::<f64>() / t as f64
    } else {
        (harmonic(g + t) - harmonic(g)) / t as f64
    };
    (recall, rr)
}

/// Links as pairs of place indexes.
pub type Edges = Vec<(u32, u32)>;

/// Split the links at random: `hide` of them (rounded) hidden, the rest kept. A link is only
/// hidden when both its places keep another link: a place left with none is not "in the
/// network" any more, and in the shipped data every place has a link, so a place with no
/// link left would give its hidden partner away (and no method could find it from the
/// network anyway). The first links in a seeded shuffle that qualify are hidden.
pub fn random_split(edges: &[(u32, u32)], seed: u64, hide: f64) -> (Edges, Edges) {
    let mut e = edges.to_vec();
    Rng::new(seed).shuffle(&mut e);
    let want = ((e.len() as f64) * hide.clamp(0.0, 1.0)).round() as usize;
    let (hidden, mut kept) = hide_keeping_every_place(&e, want);
    kept.sort_unstable();
    (kept, hidden)
}

/// The first `want` links of `edges` whose places both keep another link, and the rest.
pub fn hide_keeping_every_place(edges: &[(u32, u32)], want: usize) -> (Edges, Edges) {
    let mut degree: FxMap<u32, u32> = FxMap::default();
    for &(a, b) in edges {
        *degree.entry(a).or_insert(0) += 1;
        *degree.entry(b).or_insert(0) += 1;
    }
    let (mut hidden, mut kept) = (Vec::with_capacity(want), Vec::with_capacity(edges.len()));
    for &(a, b) in edges {
        let da = degree.get(&a).copied().unwrap_or(0);
        let db = degree.get(&b).copied().unwrap_or(0);
        if hidden.len() < want && da > 1 && db > 1 {
            hidden.push((a, b));
            degree.insert(a, da - 1);
            degree.insert(b, db - 1);
        } else {
            kept.push((a, b));
        }
    }
    (hidden, kept)
}

/// Split the links by date: those established after `year` hidden, everything else kept
/// (links with no date stay in the network the model learns from).
pub fn time_split(atlas: &Atlas, year: i32) -> (Edges, Edges) {
    let mut later: FxMap<(u32, u32), ()> = FxMap::default();
    for l in &atlas.data.links {
        let started = l
            .events
            .iter()
            .filter(|e| e.kind == EventKind::Established)
            .filter_map(|e| e.date.sort_year())
            .min();
        if started.is_some_and(|y| y > year) {
            if let (Some(&a), Some(&b)) = (atlas.place_ix.get(&l.a), atlas.place_ix.get(&l.b)) {
                later.insert((a.min(b) as u32, a.max(b) as u32), ());
            }
        }
    }
    let edges = Graph::edges_of(atlas);
    let (hidden, kept): (Vec<_>, Vec<_>) = edges.into_iter().partition(|e| later.contains_key(e));
    // only the later links whose places both have an earlier link are asked about (see
    // `random_split`); the others stay out of the network all the same
    let mut degree: FxMap<u32, u32> = FxMap::default();
    for &(a, b) in &kept {
        *degree.entry(a).or_insert(0) += 1;
        *degree.entry(b).or_insert(0) += 1;
    }
    let hidden = hidden
        .into_iter()
        .filter(|(a, b)| degree.contains_key(a) && degree.contains_key(b))
        .collect();
    (kept, hidden)
}

fn region(places: &Places, a: usize) -> &'static str {
    let Some(c) = places.country_of(a) else {
        return "no country";
    };
    let code = places
        .country_codes
        .get(c)
        .map(String::as_str)
        .unwrap_or("");
    match countries().get(code).map(|c| c.continent) {
        Some("AF") => "Africa",
        Some("AS") => "Asia",
        Some("EU") => "Europe",
        Some("NA") => "North America",
        Some("OC") => "Oceania",
        Some("SA") => "South America",
        Some("AN") => "Antarctica",
        _ => "other",
    }
}

/// Rank each hidden link with the engine (trained without them) and with every baseline.
pub fn evaluate(engine: &Engine, hidden: &[(u32, u32)], seed: u64, k: usize) -> Outcome {
    let places = &engine.places;
    let g = &engine.graph;
    let stats = &engine.stats;
    let n = places.n;
    let mut rng = Rng::new(seed ^ 0xE7A1);
    let mut hidden_of: FxMap<u32, Vec<u32>> = FxMap::default();
    for &(x, y) in hidden {
        hidden_of.entry(x).or_default().push(y);
        hidden_of.entry(y).or_default().push(x);
    }
    let mut out = Outcome::default();
    let mut scores = vec![0.0f64; n];
    for &(x, y) in hidden {
        let (a, b) = if rng.below(2) == 0 { (x, y) } else { (y, x) };
        let (a, b) = (a as usize, b as usize);
        if a >= n || b >= n || g.has_edge(a, b) {
            continue;
        }
        let others: Vec<usize> = hidden_of
            .get(&(a as u32))
            .map(|v| v.iter().map(|&z| z as usize).filter(|&z| z != b).collect())
            .unwrap_or_default();
        let eligible = |c: usize| c != a && !g.has_edge(a, c) && !others.contains(&c);
        let m = (0..n).filter(|&c| eligible(c)).count();
        let mut res = [(0.0, 0.0); NM];
        // ours: candidates by score, the rest after them
        let ranked = engine.scores(a);
        let sb = ranked.iter().find(|x| x.0 as usize == b).map(|x| x.1);
        let kept: Vec<f64> = ranked
            .iter()
            .filter(|x| eligible(x.0 as usize))
            .map(|x| x.1)
            .collect();
        res[0] = match sb {
            Some(s) => expected(
                kept.iter().filter(|&&v| v > s).count(),
                kept.iter().filter(|&&v| v == s).count(),
                k,
            ),
            None => expected(kept.len(), m - kept.len(), k),
        };
        res[1] = expected(0, m, k);
        // dense baselines: every place scored
        let mut dense = |score: &dyn Fn(usize) -> f64| {
            for (c, s) in scores.iter_mut().enumerate() {
                *s = score(c);
            }
            let target = scores[b];
            let (mut gt, mut eq) = (0, 0);
            for (c, &s) in scores.iter().enumerate() {
                if eligible(c) {
                    if s > target {
                        gt += 1;
                    } else if s == target {
                        eq += 1;
                    }
                }
            }
            expected(gt, eq, k)
        };
        res[2] = dense(&|c| g.degree(c) as f64);
        let ca = places.country.get(a).copied();
        res[6] = dense(&|c| match places.distance(a, c) {
            Some(d) => stats.dist_lr_at(d) - d * 1e-7,
            None => -1e9,
        });
        res[7] = dense(&|c| match (ca, places.country.get(c).copied()) {
            (Some(x), Some(y)) if x != super::net::NO_COUNTRY && y != super::net::NO_COUNTRY => {
                f64::from(stats.pair_count(x, y))
            }
            _ => -1.0,
        });
        // sparse baselines: only places two steps away score
        let q = Query::new(places, g, a);
        for (slot, pick) in [(3usize, 0usize), (4, 1), (5, 2)] {
            let val = |v: &(u32, f64, f64)| match pick {
                0 => f64::from(v.0),
                1 => v.1,
                _ => v.2,
            };
            let target = q.two_hop.get(&(b as u32)).map(val).unwrap_or(0.0);
            let (mut gt, mut eq, mut positive) = (0, 0, 0);
            for (&c, v) in &q.two_hop {
                if !eligible(c as usize) {
                    continue;
                }
                let s = val(v);
                positive += 1;
                if s > target {
                    gt += 1;
                } else if s == target {
                    eq += 1;
                }
            }
            res[slot] = if target > 0.0 {
                expected(gt, eq, k)
            } else {
                expected(positive, m - positive, k)
            };
        }
        let reach = if q.two_hop.contains_key(&(b as u32)) {
            "two steps"
        } else if q.three.contains_key(&(b as u32)) {
            "three steps"
        } else {
            "farther"
        };
        let r = out.by_region.entry(region(places, a)).or_default();
        let rr = out.by_reach.entry(reach).or_default();
        for t in [&mut out.total, r, rr] {
            t.queries += 1;
            for (i, (rec, rr)) in res.iter().enumerate() {
                t.recall[i] += rec;
                t.rr[i] += rr;
            }
        }
    }
    out
}

/// Where the hidden partners stand for the model (printed by the evaluation with
/// `SUGGEST_EVAL_DIAG=1`): shares of hidden links whose partner is two steps away, among the
/// candidates, near one of the place's partners, or with a partner near the place.
pub fn diagnose(engine: &Engine, hidden: &[(u32, u32)], seed: u64) -> Vec<(String, f64)> {
    let places = &engine.places;
    let g = &engine.graph;
    let stats = &engine.stats;
    let mut rng = Rng::new(seed ^ 0xE7A1);
    let mut counts: BTreeMap<String, f64> = BTreeMap::new();
    let mut n: f64 = 0.0;
    for &(x, y) in hidden {
        let (a, b) = if rng.below(2) == 0 { (x, y) } else { (y, x) };
        let (a, b) = (a as usize, b as usize);
        n += 1.0;
        let q = Query::new(places, g, a);
        let far = !q.two_hop.contains_key(&(b as u32)) && !q.three.contains_key(&(b as u32));
        let mut add = |k: &str, yes: bool| {
            *counts.entry(k.to_string()).or_insert(0.0) += f64::from(u8::from(yes));
            if far {
                *counts.entry(format!("[far] {k}")).or_insert(0.0) += f64::from(u8::from(yes));
            }
        };
        add("far", true);
        add("a degree 1", g.degree(a) == 1);
        add("a degree <= 3", g.degree(a) <= 3);
        add("b degree 1", g.degree(b) == 1);
        add("b in top 40 of its country", {
            let cb = places.country_of(b);
            cb.is_some_and(|c| {
                stats.top_by_country[c]
                    .iter()
                    .take(40)
                    .any(|&p| p as usize == b)
            })
        });
        add("b in top 200 of its country", {
            let cb = places.country_of(b);
            cb.is_some_and(|c| {
                stats.top_by_country[c]
                    .iter()
                    .take(200)
                    .any(|&p| p as usize == b)
            })
        });
        add("b no coordinates", places.xyz[b].is_none());
        add("a no coordinates", places.xyz[a].is_none());
        add(
            "b's country has < 100 places",
            places
                .country_of(b)
                .is_some_and(|c| places.country_size[c] < 100),
        );
        add("two steps", q.two_hop.contains_key(&(b as u32)));
        add("three steps", q.three.contains_key(&(b as u32)));
        let cands =
            super::features::candidates(places, g, stats, &q, &super::features::Scope::default());
        add("candidate", cands.contains(&(b as u32)));
        let near_partner = g
            .neighbours(a)
            .iter()
            .filter_map(|&z| places.distance(z as usize, b))
            .fold(f64::INFINITY, f64::min);
        let partner_near = g
            .neighbours(b)
            .iter()
            .filter_map(|&z| places.distance(z as usize, a))
            .fold(f64::INFINITY, f64::min);
        for km in [10.0, 25.0, 50.0, 100.0, 300.0] {
            add(
                &format!("b within {km} km of a partner of a"),
                near_partner <= km,
            );
            add(
                &format!("a within {km} km of a partner of b"),
                partner_near <= km,
            );
        }
        let cb = places.country.get(b).copied();
        add(
            "b in a country of a's partners",
            cb.is_some_and(|c| q.partner_countries.contains_key(&c)),
        );
        add("b same country as a", cb == places.country.get(a).copied());
        add("b has degree >= 3", g.degree(b) >= 3);
    }
    counts
        .into_iter()
        .map(|(k, v)| (k, v / n.max(1.0)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_target_alone_at_the_top_counts_fully() {
        assert_eq!(expected(0, 1, 10), (1.0, 1.0));
        assert_eq!(expected(10, 1, 10).0, 0.0);
    }

    #[test]
    fn ties_count_at_their_expected_value() {
        let (recall, rr) = expected(5, 10, 10);
        assert!((recall - 0.5).abs() < 1e-12);
        let exact: f64 = (6..=15).map(|r| 1.0 / r as f64).sum::<f64>() / 10.0;
        assert!((rr - exact).abs() < 1e-12);
        let (_, big) = expected(0, 20_000, 10);
        let exact: f64 = (1..=20_000).map(|r| 1.0 / r as f64).sum::<f64>() / 20_000.0;
        assert!((big - exact).abs() < 1e-9, "{big} {exact}");
    }

    #[test]
    fn a_random_split_hides_the_share_asked_for_and_is_repeatable() {
        // a ring: every place has two links, so any link may go, but not two at one place
        let edges: Vec<(u32, u32)> = (0..100).map(|i| (i, (i + 1) % 100)).collect();
        let (kept, hidden) = random_split(&edges, 1, 0.1);
        assert_eq!((kept.len(), hidden.len()), (90, 10));
        let mut ends: Vec<u32> = hidden.iter().flat_map(|&(a, b)| [a, b]).collect();
        ends.sort_unstable();
        ends.dedup();
        assert_eq!(ends.len(), 20, "a place lost both its links");
        assert_eq!(random_split(&edges, 1, 0.1).1, hidden);
        assert_ne!(random_split(&edges, 2, 0.1).1, hidden);
    }
}
