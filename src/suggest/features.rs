//! Candidates and features for one place: who is worth scoring (partners of partners, the
//! best-connected places of the countries this place's country twins with, the nearest
//! places, namesakes, fellow group members) and, for each, the numbers the model weighs.
//!
//! Not for: the weights (`model.rs`) or the words (`reasons.rs`).

use super::net::{block, Graph, Places, Stats, NO_CELL, NO_COUNTRY};
use crate::hash::FxMap;

/// The features, in the model's order.
pub const FEATURES: [&str; NF] = [
    "commonNeighbours",
    "adamicAdar",
    "resourceAllocation",
    "partnerCount",
    "countryShareFrom",
    "countryShareTo",
    "countryPlaces",
    "partnersInCountry",
    "distance",
    "sizeGap",
    "sizeUnknown",
    "population",
    "sameName",
    "sharedGroup",
    "bothRegional",
    "levelMismatch",
    "sameCountry",
    "nearbyLinks",
    "threeSteps",
];
pub const NF: usize = 19;

pub(crate) const F_CN: usize = 0;
pub(crate) const F_AA: usize = 1;
pub(crate) const F_RA: usize = 2;
pub(crate) const F_DEG: usize = 3;
pub(crate) const F_CTRY_FROM: usize = 4;
pub(crate) const F_CTRY_TO: usize = 5;
pub(crate) const F_CTRY_PLACES: usize = 6;
pub(crate) const F_PARTNER_CTRY: usize = 7;
pub(crate) const F_DIST: usize = 8;
pub(crate) const F_SIZE_GAP: usize = 9;
pub(crate) const F_SIZE_UNKNOWN: usize = 10;
pub(crate) const F_POP: usize = 11;
pub(crate) const F_SAME_NAME: usize = 12;
pub(crate) const F_GROUP: usize = 13;
pub(crate) const F_BOTH_REGIONAL: usize = 14;
pub(crate) const F_LEVEL_MISMATCH: usize = 15;
pub(crate) const F_SAME_COUNTRY: usize = 16;
pub(crate) const F_AREA: usize = 17;
pub(crate) const F_THREE: usize = 18;

/// How many candidates each source gives at most.
const MAX_TWO_HOP: usize = 4_000;
const COUNTRIES: usize = 12;
const PER_COUNTRY: usize = 40;
const NEAREST: usize = 40;
const NAMESAKES: usize = 50;
const AREA_CELLS: usize = 15;
const THREE_STEPS: usize = 1_000;
const PER_CELL: usize = 15;
const GROUP_MEMBERS: usize = 200;
/// With a country filter: this many of that country's places.
const IN_COUNTRY: usize = 600;
/// With a distance filter: this many of the nearest places within it.
const IN_RADIUS: usize = 600;

/// What is known about the source place, computed once per query.
#[derive(Debug, Clone)]
pub struct Query {
    pub(crate) a: usize,
    pub(crate) deg: usize,
    /// Common neighbours, Adamic–Adar and resource allocation, for every place two steps
    /// away.
    pub(crate) two_hop: FxMap<u32, (u32, f64, f64)>,
    /// The source's partners per country.
    pub(crate) partner_countries: FxMap<u16, u32>,
    /// Distances to the source's partners, sorted.
    pub(crate) partner_distances: Vec<f64>,
    /// Links from the places near the source (its 3 × 3 cells), by the cell of the far end.
    pub(crate) area: FxMap<u32, u32>,
    /// Paths of three links from the source to places not two steps away, each weighted by
    /// 1 / the partners of the place two steps along.
    pub(crate) three: FxMap<u32, f64>,
}

impl Query {
    pub fn new(places: &Places, g: &Graph, a: usize) -> Query {
        let mut two_hop: FxMap<u32, (u32, f64, f64)> = FxMap::default();
        let mut partner_countries: FxMap<u16, u32> = FxMap::default();
        let mut partner_distances = Vec::new();
        for &z in g.neighbours(a) {
            let z = z as usize;
            let dz = g.degree(z) as f64;
            let c = places.country.get(z).copied().unwrap_or(NO_COUNTRY);
            if c != NO_COUNTRY {
                *partner_countries.entry(c).or_insert(0) += 1;
            }
            if let Some(d) = places.distance(a, z) {
                partner_distances.push(d);
            }
            for &c in g.neighbours(z) {
                if c as usize == a {
                    continue;
                }
                let e = two_hop.entry(c).or_insert((0, 0.0, 0.0));
                e.0 += 1;
                e.1 += 1.0 / dz.max(2.0).ln();
                e.2 += 1.0 / dz.max(1.0);
            }
        }
        partner_distances.sort_by(f64::total_cmp);
        let mut area: FxMap<u32, u32> = FxMap::default();
        if let Some(&home) = places.cell.get(a).filter(|&&c| c != NO_CELL) {
            for k in block(home) {
                for &p in places.cell_places.get(&k).map_or(&[][..], Vec::as_slice) {
                    for &z in g.neighbours(p as usize) {
                        if let Some(&far) = places.cell.get(z as usize).filter(|&&c| c != NO_CELL) {
                            *area.entry(far).or_insert(0) += 1;
                        }
                    }
                }
            }
        }
        let mut three: FxMap<u32, f64> = FxMap::default();
        for (&m, v) in &two_hop {
            let dm = g.degree(m as usize).max(1) as f64;
            for &c in g.neighbours(m as usize) {
                if c as usize != a && !two_hop.contains_key(&c) {
                    *three.entry(c).or_insert(0.0) += f64::from(v.0) / dm;
                }
            }
        }
        Query {
            a,
            three,
            deg: g.degree(a),
            two_hop,
            partner_countries,
            partner_distances,
            area,
        }
    }

    /// Links between the places near the source and the places near `c`.
    pub(crate) fn nearby_links(&self, places: &Places, c: usize) -> u32 {
        match places.cell.get(c) {
            Some(&k) if k != NO_CELL => block(k)
                .map(|x| self.area.get(&x).copied().unwrap_or(0))
                .sum(),
            _ => 0,
        }
    }
}

/// Limits on which candidates are wanted (the options, in index form).
#[derive(Debug, Clone, Default)]
pub(crate) struct Scope {
    pub country: Option<u16>,
    pub max_km: Option<f64>,
}

/// The places worth scoring for `q.a`: never the place itself nor its partners.
pub(crate) fn candidates(
    places: &Places,
    g: &Graph,
    stats: &Stats,
    q: &Query,
    scope: &Scope,
) -> Vec<u32> {
    let a = q.a;
    // a flag per place (cheaper than a hash set for the thousands of candidates)
    let mut seen = vec![false; places.n];
    let mut out: Vec<u32> = Vec::new();
    let mut push = |c: u32, out: &mut Vec<u32>| {
        let ci = c as usize;
        if ci == a || ci >= places.n || g.has_edge(a, ci) {
            return;
        }
        if let Some(want) = scope.country {
            if places.country.get(ci) != Some(&want) {
                return;
            }
        }
        if let Some(max) = scope.max_km {
            match places.distance(a, ci) {
                Some(d) if d <= max => {}
                _ => return,
            }
        }
        if !std::mem::replace(&mut seen[ci], true) {
            out.push(c);
        }
    };
    // partners of partners, the best supported first when there are too many
    let mut hop: Vec<(u32, f64)> = q.two_hop.iter().map(|(&c, v)| (c, v.1)).collect();
    if hop.len() > MAX_TWO_HOP {
        hop.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        hop.truncate(MAX_TWO_HOP);
    }
    hop.sort_by_key(|x| x.0);
    for (c, _) in hop {
        push(c, &mut out);
    }
    // three steps away, the best supported
    let mut far: Vec<(u32, f64)> = q.three.iter().map(|(&c, &v)| (c, v)).collect();
    far.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    for &(c, _) in far.iter().take(THREE_STEPS) {
        push(c, &mut out);
    }
    // the countries this place's country (and this place) twins with most
    let ca = places.country.get(a).copied().unwrap_or(NO_COUNTRY);
    let mut ctry: Vec<(u16, f64)> = (0..places.country_codes.len() as u16)
        .map(|c| {
            let pair = if ca == NO_COUNTRY {
                0.0
            } else {
                f64::from(stats.pair_count(ca, c))
            };
            let own = f64::from(q.partner_countries.get(&c).copied().unwrap_or(0));
            let total = f64::from(stats.per_country.get(usize::from(c)).copied().unwrap_or(0));
            // with no country to go by: the most twinned countries
            let prior = if ca == NO_COUNTRY { total } else { 0.0 };
            (
                c,
                pair + 3.0 * own + prior + if c == ca { 0.5 } else { 0.0 },
            )
        })
        .filter(|x| x.1 > 0.0)
        .collect();
    ctry.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    if let Some(want) = scope.country {
        ctry.retain(|x| x.0 == want);
        if ctry.is_empty() {
            ctry.push((want, 0.0));
        }
    }
    let per = if scope.country.is_some() {
        IN_COUNTRY
    } else {
        PER_COUNTRY
    };
    for &(c, _) in ctry.iter().take(COUNTRIES) {
        if let Some(list) = stats.top_by_country.get(usize::from(c)) {
            for &p in list.iter().take(per) {
                push(p, &mut out);
            }
        }
    }
    // the nearest places
    if let Some(Some(pa)) = places.xyz.get(a) {
        let mut near: Vec<(f64, u32)> = places
            .xyz
            .iter()
            .enumerate()
            .filter_map(|(i, x)| {
                x.map(|q| {
                    let dot = pa[0] * q[0] + pa[1] * q[1] + pa[2] * q[2];
                    (-dot, i as u32)
                })
            })
            .collect();
        let k = if scope.max_km.is_some() || scope.country.is_some() {
            IN_RADIUS
        } else {
            NEAREST
        } + 1
            + q.deg;
        if near.len() > k {
            near.select_nth_unstable_by(k, |x, y| x.0.total_cmp(&y.0));
            near.truncate(k);
        }
        near.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
        for (_, p) in near {
            push(p, &mut out);
        }
    }
    // the places where the source's neighbours' partners are
    let mut cells: Vec<(u32, u32)> = q.area.iter().map(|(&k, &n)| (k, n)).collect();
    cells.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    for &(k, _) in cells.iter().take(AREA_CELLS) {
        if let Some(list) = places.cell_places.get(&k) {
            let mut list: Vec<u32> = list
                .iter()
                .copied()
                .filter(|&p| g.degree(p as usize) > 0)
                .collect();
            list.sort_by_key(|&p| (std::cmp::Reverse(g.degree(p as usize)), p));
            for p in list.into_iter().take(PER_CELL) {
                push(p, &mut out);
            }
        }
    }
    // namesakes and fellow members of a group
    if let Some(list) = places.name_key.get(a).and_then(|k| places.by_name.get(k)) {
        for &p in list.iter().take(NAMESAKES) {
            push(p, &mut out);
        }
    }
    if let Some(gs) = places.groups.get(a) {
        for &gi in gs {
            if let Some(m) = places.group_members.get(usize::from(gi)) {
                for &p in m.iter().take(GROUP_MEMBERS) {
                    push(p, &mut out);
                }
            }
        }
    }
    out
}

fn regional(l: crate::model::Level) -> bool {
    use crate::model::Level::*;
    matches!(l, Region | County | Country)
}

/// The raw facts behind the features of one pair, kept for the reasons.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub common: u32,
    pub pair_count: u32,
    pub partners_in_country: u32,
    pub distance_km: Option<f64>,
    pub shared_groups: Vec<u16>,
    pub same_name: bool,
    /// Links between places near the source and places near the candidate.
    pub nearby_links: u32,
    /// The candidate is three links away (and not two).
    pub three_steps: bool,
    /// How much more often twinnings span this distance than random pairs of places do
    /// (natural log of the ratio; 0 when the distance is unknown).
    pub distance_lr: f64,
}

/// The feature vector of the pair (`q.a`, `c`).
pub(crate) fn features(
    places: &Places,
    g: &Graph,
    stats: &Stats,
    q: &Query,
    c: usize,
) -> ([f64; NF], Facts) {
    let a = q.a;
    let mut x = [0.0; NF];
    let mut facts = Facts::default();
    // on a log scale, so that the model multiplies the signals rather than adds them: no
    // partner in common is a large step down, not one point less
    let (cn, aa, ra) = q.two_hop.get(&(c as u32)).copied().unwrap_or((0, 0.0, 0.0));
    x[F_CN] = (f64::from(cn) + 0.5).ln();
    x[F_AA] = (aa + 0.05).ln();
    x[F_RA] = (ra + 0.005).ln();
    facts.common = cn;
    x[F_DEG] = (g.degree(c) as f64).ln_1p();
    let (ca, cc) = (
        places.country.get(a).copied().unwrap_or(NO_COUNTRY),
        places.country.get(c).copied().unwrap_or(NO_COUNTRY),
    );
    if ca != NO_COUNTRY && cc != NO_COUNTRY {
        let n = stats.pair_count(ca, cc);
        facts.pair_count = n;
        let ta = f64::from(stats.per_country.get(usize::from(ca)).copied().unwrap_or(0));
        let tc = f64::from(stats.per_country.get(usize::from(cc)).copied().unwrap_or(0));
        x[F_CTRY_FROM] = ((f64::from(n) + 0.1) / (ta + 1.0)).ln();
        x[F_CTRY_TO] = ((f64::from(n) + 0.1) / (tc + 1.0)).ln();
        x[F_SAME_COUNTRY] = f64::from(u8::from(ca == cc));
    } else {
        x[F_CTRY_FROM] = (0.1f64).ln();
        x[F_CTRY_TO] = (0.1f64).ln();
    }
    x[F_CTRY_PLACES] = if cc == NO_COUNTRY {
        0.0
    } else {
        f64::from(
            places
                .country_size
                .get(usize::from(cc))
                .copied()
                .unwrap_or(0),
        )
        .ln_1p()
    };
    let k = q.partner_countries.get(&cc).copied().unwrap_or(0);
    facts.partners_in_country = if cc == NO_COUNTRY { 0 } else { k };
    x[F_PARTNER_CTRY] = ((f64::from(facts.partners_in_country) + 0.1) / (q.deg as f64 + 1.0)).ln();
    if let Some(d) = places.distance(a, c) {
        facts.distance_km = Some(d);
        facts.distance_lr = stats.dist_lr_at(d);
        x[F_DIST] = facts.distance_lr;
    }
    let (pa, pc) = (
        places.population.get(a).copied().unwrap_or(0),
        places.population.get(c).copied().unwrap_or(0),
    );
    if pa > 0 && pc > 0 {
        x[F_SIZE_GAP] = (f64::from(pa).ln() - f64::from(pc).ln()).abs();
    } else {
        x[F_SIZE_UNKNOWN] = 1.0;
    }
    x[F_POP] = f64::from(pc).ln_1p() / 10.0;
    facts.same_name = places.name_key.get(a) == places.name_key.get(c);
    x[F_SAME_NAME] = f64::from(u8::from(facts.same_name));
    if let (Some(ga), Some(gc)) = (places.groups.get(a), places.groups.get(c)) {
        facts.shared_groups = ga.iter().filter(|x| gc.contains(x)).copied().collect();
    }
    x[F_GROUP] = (facts.shared_groups.len() as f64).min(3.0);
    let (la, lc) = (
        places.level.get(a).copied().map(regional).unwrap_or(false),
        places.level.get(c).copied().map(regional).unwrap_or(false),
    );
    let three = q.three.get(&(c as u32)).copied().unwrap_or(0.0);
    facts.three_steps = three > 0.0;
    x[F_THREE] = (three + 0.05).ln();
    facts.nearby_links = q.nearby_links(places, c);
    x[F_AREA] = f64::from(facts.nearby_links).ln_1p();
    x[F_BOTH_REGIONAL] = f64::from(u8::from(la && lc));
    x[F_LEVEL_MISMATCH] = f64::from(u8::from(la != lc));
    (x, facts)
}
