//! Answering a folded query from the index: the word starts that begin with it (exact,
//! prefix and later-word matches), all its words in any order, then typo-tolerant matches
//! when those leave room; every place once, with its best match, ranked by
//! (match class, prominence rank).
//!
//! Not for: the typo walk itself (`fuzzy.rs`) or turning matches into views (`mod.rs`).

use super::fuzzy::Accepted;
use super::index::{precomputed, SearchIndex, HEAVY_TOP, KIND_NAME};

/// Match classes, best first; odd ones are the same match on an alias instead of the name.
/// A whole name in any language (an exact alias, 1) beats the start of another name (2):
/// "Köln" finds Cologne before Kolno.
pub(crate) const EXACT: u32 = 0;
pub(crate) const PREFIX: u32 = 2;
pub(crate) const WORD: u32 = 4;
pub(crate) const WORDS: u32 = 6;
pub(crate) const TYPO1: u32 = 8;
pub(crate) const TYPO2: u32 = 10;
pub(crate) const TYPO_FIRST: u32 = 12;
/// The class given to places listed without text (browsing).
pub(crate) const BROWSE: u32 = 14;

/// Give up on all-words matching when the rarest word starts this many names.
const WORDS_CAP: usize = 200_000;

/// Where a place matched: its entry, the match class and the spans as `(offset, length)`
/// in folded bytes.
pub(crate) type Resolved = (usize, u32, Vec<(u32, u32)>);

/// How a [`Found`] knows where it matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Via {
    /// `sfx` is the suffix of this place's entry where the match starts.
    #[default]
    Suffix,
    /// From a precomputed list: find the place's entry that matches the query.
    Query,
    /// From a precomputed list on a typo: the pattern is the first `len` bytes of suffix `sfx`.
    Pattern,
    /// Listed without text.
    Browse,
}

/// One place with its best match so far.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Found {
    pub place: u32,
    /// `class << 32 | rank`: smaller is better, and unique per place.
    pub key: u64,
    pub sfx: u32,
    /// Length of the match in folded bytes.
    pub len: u32,
    pub via: Via,
}

impl Found {
    pub fn class(&self) -> u32 {
        (self.key >> 32) as u32
    }
}

/// Per-query work space, kept between queries so nothing is allocated per keystroke.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scratch {
    gen: u32,
    stamp: Vec<u32>,
    best: Vec<Found>,
    pub touched: Vec<u32>,
}

impl Scratch {
    /// Start a query over `places` places (the space is allocated on the first query).
    pub fn begin(&mut self, places: usize) {
        if self.stamp.len() != places {
            self.stamp = vec![0; places];
            self.best = vec![Found::default(); places];
            self.gen = 0;
        }
        self.gen = self.gen.wrapping_add(1);
        if self.gen == 0 {
            self.stamp.fill(0);
            self.gen = 1;
        }
        self.touched.clear();
    }

    #[inline]
    pub fn offer(&mut self, f: Found) {
        let p = f.place as usize;
        let (Some(stamp), Some(best)) = (self.stamp.get_mut(p), self.best.get_mut(p)) else {
            return;
        };
        if *stamp != self.gen {
            *stamp = self.gen;
            *best = f;
            self.touched.push(f.place);
        } else if f.key < best.key {
            *best = f;
        }
    }

    /// The class of the best match of a place offered in this query.
    pub fn best_class(&self, p: u32) -> u32 {
        self.best.get(p as usize).map_or(u32::MAX, Found::class)
    }

    /// The best `want` places, best first.
    pub fn top(&self, want: usize, out: &mut Vec<Found>) {
        out.clear();
        out.extend(
            self.touched
                .iter()
                .filter_map(|&p| self.best.get(p as usize)),
        );
        if want == 0 {
            out.clear();
            return;
        }
        if out.len() > want {
            out.select_nth_unstable_by_key(want - 1, |f| f.key);
            out.truncate(want);
        }
        out.sort_unstable_by_key(|f| f.key);
    }
}

impl SearchIndex {
    #[inline]
    fn key(&self, class: u32, place: u32) -> u64 {
        (u64::from(class) << 32)
            | u64::from(self.rank.get(place as usize).copied().unwrap_or(u32::MAX))
    }

    #[inline]
    fn alias(&self, e: usize) -> u32 {
        u32::from(self.entry_kind.get(e).is_some_and(|&k| k != KIND_NAME))
    }

    /// Offer every suffix of `lo..hi` (all start with a query of `qlen` bytes).
    fn scan<F: FnMut(u32) -> bool>(
        &self,
        s: &mut Scratch,
        lo: usize,
        hi: usize,
        qlen: usize,
        ok: &mut F,
    ) {
        let hi = hi.min(self.sfx.len());
        for i in lo..hi {
            let e = self.sfx_entry[i] as usize;
            let p = self.entry_place[e];
            if !ok(p) {
                continue;
            }
            let start = self.entry_start[e];
            let class = if self.sfx[i] == start {
                let len = self.entry_start[e + 1] - start - 1;
                if len as usize == qlen {
                    EXACT
                } else {
                    PREFIX
                }
            } else {
                WORD
            };
            // exact 0, alias exact 1, prefix 2, alias prefix 3, word 4/5
            let class = class + self.alias(e);
            s.offer(Found {
                place: p,
                key: self.key(class, p),
                sfx: i as u32,
                len: qlen as u32,
                via: Via::Suffix,
            });
        }
    }

    /// The best `want` places for the folded query `q`, best first, and how many places
    /// match. `ok` filters places; `filtered` says whether it may reject any (precomputed
    /// lists are used only when it does not).
    pub(crate) fn find<F: FnMut(u32) -> bool>(
        &self,
        q: &str,
        want: usize,
        filtered: bool,
        mut ok: F,
        out: &mut Vec<Found>,
    ) -> u32 {
        out.clear();
        let qb = q.as_bytes();
        if qb.is_empty() || want == 0 {
            return 0;
        }
        let (lo, hi) = self.prefix_range(qb);
        if !filtered && want <= HEAVY_TOP && precomputed(hi - lo, qb.len()) {
            if let Some((h, list)) = self.heavy(lo, qb.len()) {
                out.extend(list.iter().take(want).map(|&p| Found {
                    place: p,
                    key: self.key(PREFIX, p),
                    sfx: lo as u32,
                    len: qb.len() as u32,
                    via: Via::Query,
                }));
                return h.total;
            }
        }
        let mut guard = match self.scratch.try_borrow_mut() {
            Ok(g) => g,
            Err(_) => return 0,
        };
        let s = &mut *guard;
        s.begin(self.rank.len());
        self.scan(s, lo, hi, qb.len(), &mut ok);
        if qb.contains(&b' ') {
            self.all_words(s, qb, &mut ok);
        }
        // Typos are sought only while the better matches leave room, and not at all once
        // the query is a whole name: one edit from 4 characters, two from 8 when one found
        // nothing, and a typo in the first letter last.
        let chars = q.chars().filter(|&c| c != ' ').count();
        let exact = s.touched.iter().any(|&p| s.best_class(p) < PREFIX);
        if s.touched.len() < want && chars >= 4 && !exact {
            let mut acc = Vec::new();
            self.typos(qb, 1, true, &mut acc);
            self.offer_typos(s, &acc, TYPO1, filtered, &mut ok);
            if s.touched.is_empty() && chars >= 8 {
                acc.clear();
                self.typos(qb, 2, true, &mut acc);
                self.offer_typos(s, &acc, TYPO2, filtered, &mut ok);
            }
            if s.touched.is_empty() {
                acc.clear();
                self.typos(qb, 1, false, &mut acc);
                self.offer_typos(s, &acc, TYPO_FIRST, filtered, &mut ok);
            }
        }
        s.top(want, out);
        s.touched.len() as u32
    }

    /// Names that hold every word of `q` as the start of one of their words, in any order.
    fn all_words<F: FnMut(u32) -> bool>(&self, s: &mut Scratch, q: &[u8], ok: &mut F) {
        let tokens: Vec<&[u8]> = q.split(|&b| b == b' ').filter(|t| !t.is_empty()).collect();
        if tokens.len() < 2 {
            return;
        }
        let mut rarest = (0usize, 0usize, usize::MAX, 0usize);
        for (k, t) in tokens.iter().enumerate() {
            let (lo, hi) = self.prefix_range(t);
            if hi - lo < rarest.2 {
                rarest = (lo, hi, hi - lo, k);
            }
        }
        let (lo, hi, n, which) = rarest;
        if n == 0 || n > WORDS_CAP {
            return;
        }
        for i in lo..hi {
            let e = self.sfx_entry[i] as usize;
            let p = self.entry_place[e];
            let bytes = self.entry_bytes(e);
            let all = tokens
                .iter()
                .enumerate()
                .all(|(k, t)| k == which || words_of(bytes).any(|w| w.starts_with(t)));
            if all && ok(p) {
                s.offer(Found {
                    place: p,
                    key: self.key(WORDS + self.alias(e), p),
                    sfx: i as u32,
                    len: tokens[which].len() as u32,
                    via: Via::Suffix,
                });
            }
        }
    }

    fn offer_typos<F: FnMut(u32) -> bool>(
        &self,
        s: &mut Scratch,
        acc: &[Accepted],
        base: u32,
        filtered: bool,
        ok: &mut F,
    ) {
        for a in acc {
            let (lo, hi, depth) = (a.lo as usize, a.hi as usize, a.depth as usize);
            if !filtered && precomputed(hi - lo, depth) {
                if let Some((_, list)) = self.heavy(lo, depth) {
                    for &p in list {
                        s.offer(Found {
                            place: p,
                            key: self.key(base, p),
                            sfx: lo as u32,
                            len: depth as u32,
                            via: Via::Pattern,
                        });
                    }
                    continue;
                }
            }
            for i in lo..hi.min(self.sfx.len()) {
                let e = self.sfx_entry[i] as usize;
                let p = self.entry_place[e];
                if ok(p) {
                    s.offer(Found {
                        place: p,
                        key: self.key(base + self.alias(e), p),
                        sfx: i as u32,
                        len: depth as u32,
                        via: Via::Suffix,
                    });
                }
            }
        }
    }

    /// The entry of `f.place` that matched and where, as `(entry, class, spans)` with spans
    /// as `(offset, length)` in folded bytes.
    pub(crate) fn resolve(&self, f: &Found, q: &[u8]) -> Option<Resolved> {
        match f.via {
            Via::Suffix => {
                let i = f.sfx as usize;
                let e = *self.sfx_entry.get(i)? as usize;
                let off = self.sfx.get(i)? - self.entry_start.get(e)?;
                let class = f.class();
                let elen = self.entry_bytes(e).len() as u32;
                if class == WORDS || class == WORDS + 1 {
                    return Some((e, class, word_spans(self.entry_bytes(e), q)));
                }
                Some((e, class, vec![(off, f.len.min(elen.saturating_sub(off)))]))
            }
            Via::Query => self.best_entry(f.place, q, false),
            Via::Pattern => {
                let off = *self.sfx.get(f.sfx as usize)? as usize;
                let pat = self.text.get(off..off + f.len as usize)?;
                let (e, _, spans) = self.best_entry(f.place, pat, true)?;
                let class = f.class() + self.alias(e);
                Some((e, class, spans))
            }
            Via::Browse => Some((
                self.place_entries.get(f.place as usize).copied()? as usize,
                BROWSE,
                vec![],
            )),
        }
    }

    /// The best entry of `place` that starts with `q` or has a word that does.
    fn best_entry(&self, place: u32, q: &[u8], typo: bool) -> Option<Resolved> {
        let a = *self.place_entries.get(place as usize)? as usize;
        let b = *self.place_entries.get(place as usize + 1)? as usize;
        let mut best: Option<Resolved> = None;
        for e in a..b {
            let bytes = self.entry_bytes(e);
            let alias = self.alias(e);
            let found = if bytes.starts_with(q) {
                let c = if bytes.len() == q.len() {
                    EXACT
                } else {
                    PREFIX
                };
                Some((c + alias, 0))
            } else {
                word_starts(bytes)
                    .find(|&w| bytes.get(w..).is_some_and(|r| r.starts_with(q)))
                    .map(|w| (WORD + alias, w as u32))
            };
            if let Some((class, off)) = found {
                if !matches!(&best, Some(x) if x.1 <= class) {
                    best = Some((e, class, vec![(off, q.len() as u32)]));
                }
            }
        }
        if best.is_none() && !typo {
            return Some((a, PREFIX, vec![]));
        }
        best
    }
}

/// The words of a folded name.
pub(crate) fn words_of(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    bytes.split(|&b| b == b' ').filter(|w| !w.is_empty())
}

/// Offsets of the word starts of a folded name.
fn word_starts(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    (0..bytes.len()).filter(move |&i| i == 0 || bytes.get(i - 1) == Some(&b' '))
}

/// Where each word of `q` starts a word of `name`.
fn word_spans(name: &[u8], q: &[u8]) -> Vec<(u32, u32)> {
    let mut spans = Vec::new();
    for t in words_of(q) {
        if let Some(w) =
            word_starts(name).find(|&w| name.get(w..).is_some_and(|r| r.starts_with(t)))
        {
            spans.push((w as u32, t.len() as u32));
        }
    }
    spans.sort_unstable();
    spans
}
