//! Typo tolerance: a walk of the implicit trie (the sorted word starts) carrying one row of
//! the edit-distance table per depth (Damerau–Levenshtein, optimal string alignment, so a
//! transposition is one edit). A branch is dropped as soon as no prefix of the query can be
//! within the allowed distance; a node is taken, with its whole subtree, as soon as the
//! query is within that distance of the node's prefix (typing "seatlte" finds "seattle…").
//!
//! Not for: ranking the places found (`query.rs`).

use super::index::SearchIndex;

/// The longest query, in bytes, that typo tolerance is tried on.
pub(crate) const MAX_TYPO_QUERY: usize = 48;
/// At most this many trie nodes per walk, so a pathological query stays fast.
const NODE_BUDGET: u32 = 40_000;

/// A subtree whose prefix is within the distance of the query.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Accepted {
    pub lo: u32,
    pub hi: u32,
    /// Length of the prefix.
    pub depth: u32,
}

struct Walk<'a> {
    ix: &'a SearchIndex,
    q: &'a [u8],
    d: u8,
    /// One row of m + 1 cells per depth.
    rows: Vec<u8>,
    path: Vec<u8>,
    budget: u32,
    out: &'a mut Vec<Accepted>,
}

impl SearchIndex {
    /// Every subtree whose prefix is within `d` edits of `q`; with `first_exact` the first
    /// byte must match (typos in the first letter are rare and the walk is far cheaper).
    pub(crate) fn typos(&self, q: &[u8], d: u8, first_exact: bool, out: &mut Vec<Accepted>) {
        let m = q.len();
        if m == 0 || m > MAX_TYPO_QUERY || self.sfx.is_empty() {
            return;
        }
        let stride = m + 1;
        let max_depth = m + usize::from(d) + 1;
        let mut w = Walk {
            ix: self,
            q,
            d,
            rows: vec![0u8; stride * (max_depth + 1)],
            path: vec![0u8; max_depth + 1],
            budget: NODE_BUDGET,
            out,
        };
        for (j, cell) in w.rows.iter_mut().take(stride).enumerate() {
            *cell = j as u8;
        }
        if first_exact {
            let b = usize::from(q[0]);
            let (Some(&lo), Some(&hi)) = (self.first.get(b), self.first.get(b + 1)) else {
                return;
            };
            if lo < hi {
                w.child(lo as usize, hi as usize, 0, q[0]);
            }
        } else {
            w.children(0, self.sfx.len(), 0);
        }
    }
}

impl Walk<'_> {
    /// Visit the children of the node `lo..hi` at `depth`.
    fn children(&mut self, lo: usize, hi: usize, depth: usize) {
        let mut i = lo;
        if depth == 1 {
            // the two-byte table gives the children of a one-byte prefix without searching
            let b0 = self.path[0];
            for x in 1..128u8 {
                if let Some((a, b)) = self.ix.pair_range(b0, x) {
                    if a < b {
                        self.child(a, b, depth, x);
                    }
                }
            }
            if let Some((_, end)) = self.ix.pair_range(b0, 127) {
                i = end.max(lo);
            }
        }
        while i < hi {
            let c = self.ix.byte(i, depth);
            let j = self.ix.group_end(i, hi, depth, c);
            if c != 0 {
                self.child(i, j, depth, c);
            }
            i = j;
        }
    }

    /// The child `lo..hi` reached from depth `depth` by byte `c`.
    fn child(&mut self, lo: usize, hi: usize, depth: usize, c: u8) {
        if self.budget == 0 || depth + 2 > self.path.len() {
            return;
        }
        self.budget -= 1;
        let m = self.q.len();
        let stride = m + 1;
        let d = usize::from(self.d);
        let limit = self.d;
        let inf = limit + 1;
        // Row i of the table; only cells within d of the diagonal can be within d, so only
        // they are computed, with a cell past each end of the band set to "too far".
        let i = depth + 1;
        let band_lo = i.saturating_sub(d).max(1);
        let band_hi = (i + d).min(m);
        let (before, after) = self.rows.split_at_mut(i * stride);
        let prev = &before[depth * stride..];
        let prev2 = if depth >= 1 {
            Some(&before[(depth - 1) * stride..depth * stride])
        } else {
            None
        };
        let cur = &mut after[..stride];
        cur[0] = i.min(usize::from(u8::MAX)) as u8;
        if band_lo >= 2 {
            cur[band_lo - 1] = inf;
        }
        let mut min = if band_lo == 1 { cur[0] } else { inf };
        let last = if depth >= 1 { self.path[depth - 1] } else { 0 };
        for j in band_lo..=band_hi {
            let qj = self.q[j - 1];
            let sub = prev[j - 1].saturating_add(u8::from(qj != c));
            let mut v = sub
                .min(prev[j].saturating_add(1))
                .min(cur[j - 1].saturating_add(1));
            if let Some(p2) = prev2 {
                if j >= 2 && qj == last && self.q[j - 2] == c && qj != c {
                    v = v.min(p2[j - 2].saturating_add(1));
                }
            }
            cur[j] = v;
            min = min.min(v);
        }
        if band_hi < m {
            cur[band_hi + 1] = inf;
        }
        if band_hi == m && cur[m] <= limit {
            self.out.push(Accepted {
                lo: lo as u32,
                hi: hi as u32,
                depth: i as u32,
            });
            return;
        }
        if min > limit || band_lo > band_hi && band_lo > 1 {
            return;
        }
        self.path[depth] = c;
        if min < limit {
            self.children(lo, hi, i);
            return;
        }
        // Every cell is at the limit: only a byte that continues a cell without a further
        // edit can keep the branch alive, so look those bytes up instead of every child.
        let mut want = [0u8; 2 * MAX_TYPO_QUERY + 4];
        let mut n = 0;
        let row = i * stride;
        for cell in band_lo - 1..=band_hi.min(m - 1) {
            if self.rows[row + cell] == limit && n < want.len() {
                want[n] = self.q[cell];
                n += 1;
            }
        }
        let (t_lo, t_hi) = ((i + 1).saturating_sub(d).max(2), (i + 1 + d).min(m));
        for j in t_lo..=t_hi {
            if self.q[j - 1] == c && self.rows[row - stride + j - 2] < limit && n < want.len() {
                want[n] = self.q[j - 2];
                n += 1;
            }
        }
        let want = &mut want[..n];
        want.sort_unstable();
        let mut prev_byte = 0u8;
        for &x in want.iter() {
            if x == 0 || x == prev_byte {
                continue;
            }
            prev_byte = x;
            let (a, b) = self.ix.byte_range(lo, hi, i, x);
            if a < b {
                self.child(a, b, i, x);
            }
        }
    }
}
