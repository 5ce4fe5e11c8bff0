//! The network the suggestions learn from, in compact form: the places' attributes as
//! parallel arrays (country, position, population, level, folded name, groups), the
//! adjacency as sorted index lists, and the statistics the features read (twinnings per
//! country pair, the distances of partners against those of random pairs).
//!
//! Not for: scoring (`features.rs`), training (`model.rs`) or wording (`reasons.rs`).

use crate::atlas::Atlas;
use crate::geo::EARTH_RADIUS_KM;
use crate::hash::FxMap;
use crate::model::Level;
use crate::text::fold;

/// No country.
pub(crate) const NO_COUNTRY: u16 = u16::MAX;

/// A small, fast, seeded random generator (SplitMix64): the same seed gives the same
/// splits, samples and model everywhere, wasm included.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) % (n.max(1) as u64)) as usize
    }
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

/// The attributes of every place, by place index (the atlas's order).
#[derive(Debug, Clone)]
pub struct Places {
    pub n: usize,
    pub(crate) country: Vec<u16>,
    pub(crate) country_codes: Vec<String>,
    /// Places per country.
    pub(crate) country_size: Vec<u32>,
    /// Unit vectors on the sphere; `None` without coordinates.
    pub(crate) xyz: Vec<Option<[f64; 3]>>,
    pub(crate) population: Vec<u32>,
    pub(crate) level: Vec<Level>,
    /// Folded main name, interned.
    pub(crate) name_key: Vec<u32>,
    pub(crate) by_name: FxMap<u32, Vec<u32>>,
    /// Groups (Douzelage …) each place belongs to, as indexes into `group_names`.
    pub(crate) groups: Vec<Vec<u16>>,
    pub(crate) group_names: Vec<String>,
    pub(crate) group_members: Vec<Vec<u32>>,
    /// The 1° × 1° cell of each place ([`NO_CELL`] without coordinates), and the places of
    /// each cell: "towns near A and towns near B" are counted over 3 × 3 cells.
    pub(crate) cell: Vec<u32>,
    pub(crate) cell_places: FxMap<u32, Vec<u32>>,
}

pub(crate) const NO_CELL: u32 = u32::MAX;

/// The cell of a position: 1° of latitude by 1° of longitude.
fn cell_of(lat: f64, lon: f64) -> u32 {
    let r = ((lat + 90.0).floor() as i64).clamp(0, 179) as u32;
    let c = ((lon + 180.0).floor() as i64).clamp(0, 359) as u32;
    r * 360 + c
}

/// The cell and its eight neighbours (without wrapping at the poles or the date line).
pub(crate) fn block(cell: u32) -> impl Iterator<Item = u32> {
    let (r, c) = ((cell / 360) as i64, (cell % 360) as i64);
    (-1..=1).flat_map(move |dr| {
        (-1..=1).filter_map(move |dc| {
            let (rr, cc) = (r + dr, c + dc);
            ((0..180).contains(&rr) && (0..360).contains(&cc)).then_some((rr * 360 + cc) as u32)
        })
    })
}

impl Places {
    pub fn from_atlas(atlas: &Atlas) -> Places {
        let data = &atlas.data;
        let n = data.places.len();
        let mut codes: FxMap<&str, u16> = FxMap::default();
        let mut country_codes = Vec::new();
        let mut country = Vec::with_capacity(n);
        let mut names: FxMap<String, u32> = FxMap::default();
        let mut name_key = Vec::with_capacity(n);
        let mut by_name: FxMap<u32, Vec<u32>> = FxMap::default();
        let mut xyz = Vec::with_capacity(n);
        for (i, p) in data.places.iter().enumerate() {
            let c = match p.country.as_deref() {
                Some(code) if country_codes.len() < usize::from(NO_COUNTRY) => {
                    *codes.entry(code).or_insert_with(|| {
                        country_codes.push(code.to_string());
                        (country_codes.len() - 1) as u16
                    })
                }
                _ => NO_COUNTRY,
            };
            country.push(c);
            let next = names.len() as u32;
            let key = *names.entry(fold(&p.name)).or_insert(next);
            name_key.push(key);
            by_name.entry(key).or_default().push(i as u32);
            xyz.push(match (p.lat, p.lon) {
                (Some(lat), Some(lon)) if lat.is_finite() && lon.is_finite() => {
                    let (la, lo) = (lat.to_radians(), lon.to_radians());
                    Some([la.cos() * lo.cos(), la.cos() * lo.sin(), la.sin()])
                }
                _ => None,
            });
        }
        let mut cell = Vec::with_capacity(n);
        let mut cell_places: FxMap<u32, Vec<u32>> = FxMap::default();
        for (i, p) in data.places.iter().enumerate() {
            match (p.lat, p.lon) {
                (Some(lat), Some(lon)) if lat.is_finite() && lon.is_finite() => {
                    let k = cell_of(lat, lon);
                    cell.push(k);
                    cell_places.entry(k).or_default().push(i as u32);
                }
                _ => cell.push(NO_CELL),
            }
        }
        let mut country_size = vec![0u32; country_codes.len()];
        for &c in &country {
            if let Some(s) = country_size.get_mut(usize::from(c)) {
                *s += 1;
            }
        }
        let mut groups = vec![Vec::new(); n];
        let mut group_names = Vec::new();
        let mut group_members = Vec::new();
        for g in data.groups.iter().take(usize::from(u16::MAX)) {
            let gi = group_names.len() as u16;
            let mut members = Vec::new();
            for m in &g.members {
                if let Some(&p) = atlas.place_ix.get(m) {
                    if let Some(list) = groups.get_mut(p) {
                        list.push(gi);
                        members.push(p as u32);
                    }
                }
            }
            group_names.push(g.name.clone());
            group_members.push(members);
        }
        Places {
            n,
            country,
            country_codes,
            country_size,
            xyz,
            population: data
                .places
                .iter()
                .map(|p| p.population.unwrap_or(0))
                .collect(),
            level: data.places.iter().map(|p| p.level).collect(),
            name_key,
            by_name,
            groups,
            group_names,
            group_members,
            cell,
            cell_places,
        }
    }

    /// Great-circle distance in km, when both places have coordinates.
    pub(crate) fn distance(&self, a: usize, b: usize) -> Option<f64> {
        let (Some(Some(p)), Some(Some(q))) = (self.xyz.get(a), self.xyz.get(b)) else {
            return None;
        };
        let dot = (p[0] * q[0] + p[1] * q[1] + p[2] * q[2]).clamp(-1.0, 1.0);
        Some(EARTH_RADIUS_KM * dot.acos())
    }

    pub(crate) fn country_of(&self, p: usize) -> Option<usize> {
        match self.country.get(p) {
            Some(&c) if c != NO_COUNTRY => Some(usize::from(c)),
            _ => None,
        }
    }
}

/// Undirected adjacency over place indexes, each list sorted, no duplicates.
#[derive(Debug, Clone)]
pub struct Graph {
    pub(crate) adj: Vec<Vec<u32>>,
    pub(crate) edges: usize,
}

impl Graph {
    pub fn from_edges(n: usize, edges: &[(u32, u32)]) -> Graph {
        let mut adj = vec![Vec::new(); n];
        for &(a, b) in edges {
            let (ua, ub) = (a as usize, b as usize);
            if a == b || ua >= n || ub >= n {
                continue;
            }
            adj[ua].push(b);
            adj[ub].push(a);
        }
        let mut count = 0;
        for l in &mut adj {
            l.sort_unstable();
            l.dedup();
            count += l.len();
        }
        Graph {
            adj,
            edges: count / 2,
        }
    }

    /// Every link of the atlas between two places it holds (pairings without agreement
    /// included: they are relationships people chose too), as index pairs, each once.
    pub fn edges_of(atlas: &Atlas) -> Vec<(u32, u32)> {
        let mut out = Vec::with_capacity(atlas.data.links.len());
        for l in &atlas.data.links {
            if let (Some(&a), Some(&b)) = (atlas.place_ix.get(&l.a), atlas.place_ix.get(&l.b)) {
                if a != b {
                    out.push((a.min(b) as u32, a.max(b) as u32));
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    pub fn degree(&self, p: usize) -> usize {
        self.adj.get(p).map_or(0, Vec::len)
    }

    pub fn neighbours(&self, p: usize) -> &[u32] {
        self.adj.get(p).map_or(&[], Vec::as_slice)
    }

    pub fn has_edge(&self, a: usize, b: usize) -> bool {
        self.neighbours(a).binary_search(&(b as u32)).is_ok()
    }
}

/// Distance bins: log-spaced from 10 km to 20,000 km.
pub(crate) const DIST_BINS: usize = 24;

pub(crate) fn dist_bin(km: f64) -> usize {
    let x = (km.max(10.0) / 10.0).ln() / (2000.0f64).ln() * DIST_BINS as f64;
    (x as usize).min(DIST_BINS - 1)
}

/// What the features read off the network: twinnings per country pair, per country, and
/// the log ratio of partner distances to random-pair distances in each distance bin.
#[derive(Debug, Clone)]
pub struct Stats {
    /// Twinnings between two countries (both orders stored).
    pub(crate) pair: FxMap<(u16, u16), u32>,
    /// Twinnings with at least one end in the country (each twinning counted once).
    pub(crate) per_country: Vec<u32>,
    /// ln(P(bin | partners) / P(bin | random pairs)).
    pub(crate) dist_lr: [f64; DIST_BINS],
    /// Places with at least one partner, per country, best connected first.
    pub(crate) top_by_country: Vec<Vec<u32>>,
}

impl Stats {
    pub(crate) fn build(places: &Places, g: &Graph, seed: u64) -> Stats {
        let nc = places.country_codes.len();
        let mut pair: FxMap<(u16, u16), u32> = FxMap::default();
        let mut per_country = vec![0u32; nc];
        let mut partner_bins = [1.0f64; DIST_BINS];
        for (a, list) in g.adj.iter().enumerate() {
            for &b in list {
                let b = b as usize;
                if b <= a {
                    continue;
                }
                let (ca, cb) = (places.country[a], places.country[b]);
                if ca != NO_COUNTRY && cb != NO_COUNTRY {
                    *pair.entry((ca, cb)).or_insert(0) += 1;
                    if ca != cb {
                        *pair.entry((cb, ca)).or_insert(0) += 1;
                    }
                    per_country[usize::from(ca)] += 1;
                    if ca != cb {
                        per_country[usize::from(cb)] += 1;
                    }
                }
                if let Some(d) = places.distance(a, b) {
                    partner_bins[dist_bin(d)] += 1.0;
                }
            }
        }
        // random pairs of places that have partners: what "far" means for this network
        let active: Vec<usize> = (0..places.n).filter(|&p| g.degree(p) > 0).collect();
        let mut random_bins = [1.0f64; DIST_BINS];
        let mut rng = Rng::new(seed ^ 0xD157);
        if active.len() > 1 {
            for _ in 0..60_000 {
                let a = active[rng.below(active.len())];
                let b = active[rng.below(active.len())];
                if a != b {
                    if let Some(d) = places.distance(a, b) {
                        random_bins[dist_bin(d)] += 1.0;
                    }
                }
            }
        }
        let (sp, sr): (f64, f64) = (partner_bins.iter().sum(), random_bins.iter().sum());
        let mut dist_lr = [0.0; DIST_BINS];
        for i in 0..DIST_BINS {
            dist_lr[i] = ((partner_bins[i] / sp) / (random_bins[i] / sr)).ln();
        }
        let mut top_by_country: Vec<Vec<u32>> = vec![Vec::new(); nc];
        for &p in &active {
            if let Some(c) = places.country_of(p) {
                top_by_country[c].push(p as u32);
            }
        }
        for list in &mut top_by_country {
            list.sort_by(|&x, &y| {
                let (x, y) = (x as usize, y as usize);
                g.degree(y)
                    .cmp(&g.degree(x))
                    .then(places.population[y].cmp(&places.population[x]))
                    .then(x.cmp(&y))
            });
        }
        Stats {
            pair,
            per_country,
            dist_lr,
            top_by_country,
        }
    }

    pub(crate) fn pair_count(&self, a: u16, b: u16) -> u32 {
        self.pair.get(&(a, b)).copied().unwrap_or(0)
    }

    pub(crate) fn dist_lr_at(&self, km: f64) -> f64 {
        self.dist_lr[dist_bin(km)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_numbers() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        for _ in 0..10 {
            assert_eq!(a.next_u64(), b.next_u64());
        }
        assert_ne!(Rng::new(7).next_u64(), Rng::new(8).next_u64());
    }

    #[test]
    fn distance_bins_cover_near_and_far() {
        assert_eq!(dist_bin(1.0), 0);
        assert_eq!(dist_bin(20_000.0), DIST_BINS - 1);
        assert!(dist_bin(500.0) < dist_bin(5_000.0));
    }

    #[test]
    fn a_graph_ignores_loops_repeats_and_ends_out_of_range() {
        let g = Graph::from_edges(3, &[(0, 1), (1, 0), (2, 2), (0, 9)]);
        assert_eq!(g.edges, 1);
        assert!(g.has_edge(1, 0));
        assert_eq!(g.degree(2), 0);
    }
}
