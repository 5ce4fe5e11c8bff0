//! The model: one weight per feature, learnt from the loaded network itself. Some links
//! are set aside (a seeded fifth, at most [`TrainConfig::queries`]), the rest is the
//! network the features are read from, and for each set-aside link `a–b` the model learns
//! to rank `b` above a sample of `a`'s other candidates (a conditional logit: softmax over
//! the candidates, the same ranking task the suggestions then do). A linear score over
//! standardised features, so every suggestion's score splits into the share of each
//! feature: those shares are the reasons.
//!
//! Not for: choosing candidates or computing features (`features.rs`).

use super::features::{candidates, features, Query, Scope, F_CN, F_CTRY_FROM, F_DIST, NF};
use super::features::{F_AA, F_DEG, F_GROUP, F_PARTNER_CTRY, F_SAME_NAME, F_SIZE_GAP, F_THREE};
use super::net::{Graph, Places, Rng, Stats};

/// How the model is trained.
#[derive(Debug, Clone, Copy)]
pub struct TrainConfig {
    pub seed: u64,
    /// Set-aside links the model learns from (at most a fifth of the links).
    pub queries: usize,
    /// Other candidates sampled per set-aside link, at random from all candidates …
    pub negatives: usize,
    /// … and from the strongest candidates by shared partners (Adamic–Adar), which are the
    /// ones a suggestion must beat.
    pub hard_negatives: usize,
    pub iterations: usize,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            seed: 14,
            queries: 1_500,
            negatives: 40,
            hard_negatives: 0,
            iterations: 60,
        }
    }
}

/// A trained model: `score = Σ weight · (x − mean) / scale`.
#[derive(Debug, Clone)]
pub struct Model {
    pub weights: [f64; NF],
    pub mean: [f64; NF],
    pub scale: [f64; NF],
    /// Set-aside links it learnt from (0: the built-in prior weights, too few links).
    pub trained_on: usize,
    pub seed: u64,
}

impl Model {
    /// Weights used when the network is too small to learn from: what twinning usually
    /// rewards, on the raw features.
    pub fn prior(seed: u64) -> Model {
        let mut w = [0.0; NF];
        w[F_CN] = 1.0;
        w[F_AA] = 0.5;
        w[F_DEG] = 0.5;
        w[F_CTRY_FROM] = 0.5;
        w[F_PARTNER_CTRY] = 0.5;
        w[F_DIST] = 0.5;
        w[F_SAME_NAME] = 1.0;
        w[F_SIZE_GAP] = -0.5;
        w[F_GROUP] = 0.5;
        // a size gap below a factor of four speaks for the pair, above it against
        let mut mean = [0.0; NF];
        mean[F_SIZE_GAP] = 4f64.ln();
        Model {
            weights: w,
            mean,
            scale: [1.0; NF],
            trained_on: 0,
            seed,
        }
    }

    /// Each feature's share of the score.
    pub fn contributions(&self, x: &[f64; NF]) -> [f64; NF] {
        let mut out = [0.0; NF];
        for i in 0..NF {
            out[i] = self.weights[i] * (x[i] - self.mean[i]) / self.scale[i];
        }
        out
    }

    pub fn score(&self, x: &[f64; NF]) -> f64 {
        self.contributions(x).iter().sum()
    }

    /// Learn the weights from `g` (see the module docs).
    pub fn train(places: &Places, g: &Graph, config: &TrainConfig) -> Model {
        let mut rng = Rng::new(config.seed);
        let mut edges: Vec<(u32, u32)> = Vec::with_capacity(g.edges);
        for (a, list) in g.adj.iter().enumerate() {
            for &b in list {
                if (b as usize) > a {
                    edges.push((a as u32, b));
                }
            }
        }
        // each set-aside link costs a pass over the places and links: bound the whole
        let per_query = (places.n + 2 * edges.len()).max(1);
        let q = config
            .queries
            .min(edges.len() / 5)
            .min((TRAIN_BUDGET / per_query).max(MIN_QUERIES));
        if q < 20 {
            return Model::prior(config.seed);
        }
        rng.shuffle(&mut edges);
        // set aside only links whose places keep another one (see `eval::random_split`)
        let (held, kept) = super::eval::hide_keeping_every_place(&edges, q);
        if held.len() < 20 {
            return Model::prior(config.seed);
        }
        let q = held.len();
        let held = held.as_slice();
        let rest = Graph::from_edges(places.n, &kept);
        let stats = Stats::build(places, &rest, config.seed);
        // one group per set-aside link: the partner first, then sampled candidates
        let mut groups: Vec<Vec<[f64; NF]>> = Vec::with_capacity(q);
        // a fifth of the set-aside links checks the fit: the full candidate list of each
        let v = (held.len() / 5).min(VALIDATION);
        let (validation, held) = held.split_at(v);
        let validation: Vec<(usize, usize)> = validation
            .iter()
            .map(|&(x, y)| {
                if rng.below(2) == 0 {
                    (x as usize, y as usize)
                } else {
                    (y as usize, x as usize)
                }
            })
            .collect();
        for &(x, y) in held {
            let (a, b) = if rng.below(2) == 0 { (x, y) } else { (y, x) };
            let (a, b) = (a as usize, b as usize);
            let query = Query::new(places, &rest, a);
            let pool: Vec<u32> = candidates(places, &rest, &stats, &query, &Scope::default())
                .into_iter()
                .filter(|&c| c as usize != b && !g.has_edge(a, c as usize))
                .collect();
            if pool.is_empty() {
                continue;
            }
            let mut rows = Vec::with_capacity(config.negatives + config.hard_negatives + 1);
            rows.push(features(places, &rest, &stats, &query, b).0);
            for _ in 0..config.negatives {
                let c = pool[rng.below(pool.len())] as usize;
                rows.push(features(places, &rest, &stats, &query, c).0);
            }
            let aa = |c: &u32| query.two_hop.get(c).map_or(0.0, |v| v.1);
            let mut strong: Vec<u32> = pool.iter().copied().filter(|c| aa(c) > 0.0).collect();
            let keep = (config.hard_negatives * 2).min(strong.len());
            if keep > 0 {
                if strong.len() > keep {
                    strong.select_nth_unstable_by(keep, |x, y| aa(y).total_cmp(&aa(x)));
                    strong.truncate(keep);
                }
                strong.sort_unstable();
                for _ in 0..config.hard_negatives {
                    let c = strong[rng.below(strong.len())] as usize;
                    rows.push(features(places, &rest, &stats, &query, c).0);
                }
            }
            groups.push(rows);
        }
        if groups.len() < 20 {
            return Model::prior(config.seed);
        }
        let (mean, scale) = standardise(&groups);
        let z: Vec<Vec<[f64; NF]>> = groups
            .iter()
            .map(|rows| {
                rows.iter()
                    .map(|x| {
                        let mut o = [0.0; NF];
                        for i in 0..NF {
                            o[i] = (x[i] - mean[i]) / scale[i];
                        }
                        o
                    })
                    .collect()
            })
            .collect();
        let mut weights = fit(&z, config.iterations);
        // the checking links: each one's partner first, then the candidates that could reach
        // the top 10 (the best under the fitted weights, by shared partners, by three-step
        // paths); the rest of a long list never does
        let mut checks: Vec<Vec<[f64; NF]>> = Vec::with_capacity(validation.len());
        for &(a, b) in &validation {
            let query = Query::new(places, &rest, a);
            let pool = candidates(places, &rest, &stats, &query, &Scope::default());
            if !pool.iter().any(|&c| c as usize == b) {
                continue;
            }
            let rows: Vec<[f64; NF]> = pool
                .iter()
                .filter(|&&c| c as usize != b && !g.has_edge(a, c as usize))
                .map(|&c| features(places, &rest, &stats, &query, c as usize).0)
                .collect();
            let mut keep = vec![false; rows.len()];
            let fitted = |x: &[f64; NF]| -> f64 {
                (0..NF)
                    .map(|i| weights[i] * (x[i] - mean[i]) / scale[i])
                    .sum()
            };
            for key in [
                &fitted as &dyn Fn(&[f64; NF]) -> f64,
                &|x: &[f64; NF]| x[F_AA],
                &|x: &[f64; NF]| x[F_THREE],
            ] {
                let mut order: Vec<(f64, usize)> =
                    rows.iter().enumerate().map(|(i, x)| (key(x), i)).collect();
                if order.len() > CHECK_KEEP {
                    order.select_nth_unstable_by(CHECK_KEEP, |x, y| y.0.total_cmp(&x.0));
                    order.truncate(CHECK_KEEP);
                }
                for (_, i) in order {
                    keep[i] = true;
                }
            }
            let mut kept = Vec::with_capacity(CHECK_KEEP * 3 + 1);
            kept.push(features(places, &rest, &stats, &query, b).0);
            kept.extend(rows.iter().zip(&keep).filter(|x| *x.1).map(|x| *x.0));
            checks.push(kept);
        }
        // a linear fit spreads its weight over the many easy candidates; what a suggestion
        // must get right is the top of the list, where shared partners decide most: give
        // them the extra weight that ranks the checking links best (none if none helps)
        let mut best = (recall_at_10(&checks, &weights, &mean, &scale), 0.0, 0.0);
        for boost in [0.0, 0.5, 1.0, 2.0, 4.0, 8.0] {
            for far in [0.0, 0.5, 1.0, 2.0, 4.0] {
                let mut w = weights;
                w[F_AA] += boost;
                w[F_THREE] += far;
                let r = recall_at_10(&checks, &w, &mean, &scale);
                if r > best.0 {
                    best = (r, boost, far);
                }
            }
        }
        weights[F_AA] += best.1;
        weights[F_THREE] += best.2;
        Model {
            weights,
            mean,
            scale,
            trained_on: groups.len(),
            seed: config.seed,
        }
    }
}

/// Work allowed for training, in place-or-link visits (the world network uses about a
/// sixth of it), and the fewest set-aside links it may cut down to.
const TRAIN_BUDGET: usize = 150_000_000;
const MIN_QUERIES: usize = 200;

/// Links set aside to check the fit, and the most candidates kept for each.
const VALIDATION: usize = 200;
const CHECK_KEEP: usize = 300;

/// Share of the checking links (each: the partner first, then other candidates) whose
/// partner ranks in the top 10 under the weights `w`.
fn recall_at_10(
    checks: &[Vec<[f64; NF]>],
    w: &[f64; NF],
    mean: &[f64; NF],
    scale: &[f64; NF],
) -> f64 {
    if checks.is_empty() {
        return 0.0;
    }
    let score =
        |x: &[f64; NF]| -> f64 { (0..NF).map(|i| w[i] * (x[i] - mean[i]) / scale[i]).sum() };
    let hits = checks
        .iter()
        .filter(|rows| {
            let Some(target) = rows.first().map(score) else {
                return false;
            };
            rows[1..].iter().filter(|x| score(x) > target).count() < 10
        })
        .count();
    hits as f64 / checks.len() as f64
}

fn standardise(groups: &[Vec<[f64; NF]>]) -> ([f64; NF], [f64; NF]) {
    let mut mean = [0.0; NF];
    let mut n = 0.0;
    for x in groups.iter().flatten() {
        for i in 0..NF {
            mean[i] += x[i];
        }
        n += 1.0;
    }
    for m in &mut mean {
        *m /= n;
    }
    let mut var = [0.0; NF];
    for x in groups.iter().flatten() {
        for i in 0..NF {
            var[i] += (x[i] - mean[i]).powi(2);
        }
    }
    let mut scale = [1.0; NF];
    for i in 0..NF {
        let s = (var[i] / n).sqrt();
        scale[i] = if s > 1e-9 { s } else { 1.0 };
    }
    (mean, scale)
}

/// Conditional logit by full-batch Adam: maximise Σ log softmax(score)[partner] − λ‖w‖².
fn fit(groups: &[Vec<[f64; NF]>], iterations: usize) -> [f64; NF] {
    let mut w = [0.0; NF];
    let (mut m, mut v) = ([0.0; NF], [0.0; NF]);
    let (lr, b1, b2, eps, l2) = (0.05, 0.9, 0.999, 1e-8, 1e-3);
    let n = groups.len() as f64;
    let mut s = Vec::new();
    for t in 1..=iterations {
        let mut grad = [0.0; NF];
        for rows in groups {
            s.clear();
            s.extend(rows.iter().map(|x| dot(&w, x)));
            let top = s.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let total: f64 = s.iter().map(|v| (v - top).exp()).sum();
            for (j, x) in rows.iter().enumerate() {
                let p = (s[j] - top).exp() / total;
                let y = if j == 0 { 1.0 } else { 0.0 };
                for i in 0..NF {
                    grad[i] += (p - y) * x[i];
                }
            }
        }
        let t = t as i32;
        for i in 0..NF {
            let g = grad[i] / n + 2.0 * l2 * w[i];
            m[i] = b1 * m[i] + (1.0 - b1) * g;
            v[i] = b2 * v[i] + (1.0 - b2) * g * g;
            let mh = m[i] / (1.0 - b1.powi(t));
            let vh = v[i] / (1.0 - b2.powi(t));
            w[i] -= lr * mh / (vh.sqrt() + eps);
        }
    }
    w
}

fn dot(w: &[f64; NF], x: &[f64; NF]) -> f64 {
    w.iter().zip(x).map(|(a, b)| a * b).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_learns_the_feature_that_marks_the_partner() {
        let mut groups = Vec::new();
        for k in 0..50 {
            let mut rows = Vec::new();
            let mut pos = [0.0; NF];
            pos[3] = 1.0;
            pos[5] = (k % 3) as f64;
            rows.push(pos);
            for j in 0..5 {
                let mut neg = [0.0; NF];
                neg[5] = ((k + j) % 3) as f64;
                rows.push(neg);
            }
            groups.push(rows);
        }
        let w = fit(&groups, 200);
        assert!(w[3] > 1.0, "{w:?}");
        assert!(w[5].abs() < 0.5, "{w:?}");
    }
}
