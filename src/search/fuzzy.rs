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
        let (before, after) = self.rows.split_at_mut((depth + 1) * stride);
        let prev = &before[depth * stride..];
        let prev2 = if depth >= 1 {
            Some(&before[(depth - 1) * stride..depth * stride])
        } else {
            None
        };
        let cur = &mut after[..stride];
        cur[0] = (depth + 1) as u8;
        let mut min = cur[0];
        let last = if depth >= 1 { self.path[depth - 1] } else { 0 };
        for j in 1..=m {
            let qj = self.q[j - 1];
            let sub = prev[j - 1] + u8::from(qj != c);
            let mut v = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
            if let Some(p2) = prev2 {
                if j >= 2 && qj == last && self.q[j - 2] == c && qj != c {
                    v = v.min(p2[j - 2] + 1);
                }
            }
            cur[j] = v;
            min = min.min(v);
        }
        if cur[m] <= self.d {
            self.out.push(Accepted {
                lo: lo as u32,
                hi: hi as u32,
                depth: (depth + 1) as u32,
            });
            return;
        }
        if min > self.d {
            return;
        }
        self.path[depth] = c;
        if min < self.d {
            self.children(lo, hi, depth + 1);
            return;
        }
        // Every cell is at the limit: only a byte that continues a cell without a further
        // edit can keep the branch alive, so look those bytes up instead of every child.
        let mut want = [0u8; MAX_TYPO_QUERY + 2];
        let mut n = 0;
        let row = (depth + 1) * stride;
        for j in 1..=m {
            if self.rows[row + j - 1] == self.d {
                want[n] = self.q[j - 1];
                n += 1;
            }
            if j >= 2 && self.q[j - 1] == c && self.rows[row - stride + j - 2] < self.d {
                want[n] = self.q[j - 2];
                n += 1;
            }
        }
        let want = &mut want[..n];
        want.sort_unstable();
        let mut prev_byte = 0u8;
        for k in 0..want.len() {
            let x = want[k];
            if x == 0 || x == prev_byte {
                continue;
            }
            prev_byte = x;
            let (a, b) = self.ix.byte_range(lo, hi, depth + 1, x);
            if a < b {
                self.child(a, b, depth + 1, x);
            }
        }
    }
}
