//! The search index, built once per dataset: every name and alias of every place folded into
//! one byte string, the start of every word in it sorted by the text that follows (a suffix
//! array over word starts: an implicit trie), a prominence rank per place, and the best
//! places of every prefix with many matches computed in advance, so a one- or two-letter
//! keystroke is a single lookup.
//!
//! Not for: answering queries (`query.rs`, `fuzzy.rs`) or filters (`filter.rs`).

use super::query::Scratch;
use crate::model::{Dataset, Level, NameKind};
use crate::text::Folder;

/// The name index of a place's main name (the one the atlas shows).
pub(crate) const MAIN: u32 = u32::MAX;

/// Kinds of names as stored, one byte each.
pub(crate) const KIND_NAME: u8 = 0;

/// Prefixes with more matching word starts than this get their best places in advance.
pub(crate) const HEAVY: usize = 1024;
/// One- and two-byte prefixes with more word starts than this are precomputed too, so the
/// first keystrokes are always a lookup.
const SHORT: usize = 48;

/// Whether the prefix of `len` bytes with `range` word starts has its best places in advance.
#[inline]
pub(crate) fn precomputed(range: usize, len: usize) -> bool {
    range > HEAVY || (len <= 2 && range > SHORT)
}
/// Columns of the two-byte table (ASCII second bytes, and one for all others).
const PAIR_STRIDE: usize = 129;
/// How many best places are kept for each such prefix.
pub(crate) const HEAVY_TOP: usize = 64;
/// Folded names longer than this are cut for indexing (no place name comes close).
const MAX_NAME: usize = 200;

fn kind_byte(k: NameKind) -> u8 {
    match k {
        NameKind::Local => 1,
        NameKind::Exonym => 2,
        NameKind::Historic => 3,
        NameKind::Alias => 4,
    }
}

/// Names that are not in the dataset's records (an atlas built from columns keeps its
/// aliases here, as written, one per line; entries point at the start of their line).
#[derive(Debug, Clone, Default)]
pub(crate) struct ExtraNames {
    pub text: String,
}

impl ExtraNames {
    /// The line that starts at byte `off`.
    pub fn get(&self, off: usize) -> &str {
        let rest = self.text.get(off..).unwrap_or("");
        rest.split('\n').next().unwrap_or("")
    }
}

/// The best places of one heavy prefix.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Heavy {
    /// First suffix of the prefix's range and the prefix length: together they name it.
    pub lo: u32,
    pub len: u32,
    /// Its places in `heavy_places`.
    pub start: u32,
    pub count: u32,
    /// How many distinct places match the prefix.
    pub total: u32,
}

/// The folded names of every place, indexed for prefix, word and typo-tolerant search.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// Every folded name followed by a 0 byte.
    pub(crate) text: Vec<u8>,
    /// Start of each entry in `text`, plus one for the end.
    pub(crate) entry_start: Vec<u32>,
    pub(crate) entry_place: Vec<u32>,
    /// Index into the place's `names` ([`MAIN`] for its name), or into `extra`.
    pub(crate) entry_name: Vec<u32>,
    pub(crate) entry_kind: Vec<u8>,
    /// Entries of place `p` are `place_entries[p]..place_entries[p + 1]`.
    pub(crate) place_entries: Vec<u32>,
    /// Offsets into `text` of every word start, sorted by the text from there on.
    pub(crate) sfx: Vec<u32>,
    pub(crate) sfx_entry: Vec<u32>,
    /// `first[b]`: the first suffix whose first byte is `b` or more (257 entries).
    pub(crate) first: Vec<u32>,
    /// Ranges of two-byte ASCII prefixes (see `pair_table`).
    pub(crate) pair: Vec<u32>,
    /// Prominence rank of each place, 0 the most prominent.
    pub(crate) rank: Vec<u32>,
    /// Places by rank.
    pub(crate) by_rank: Vec<u32>,
    pub(crate) heavy: Vec<Heavy>,
    pub(crate) heavy_places: Vec<u32>,
    pub(crate) extra: Option<ExtraNames>,
    pub(crate) scratch: std::cell::RefCell<Scratch>,
}

pub(crate) fn level_rank(l: Level) -> u8 {
    match l {
        Level::Country => 7,
        Level::Region => 6,
        Level::City => 5,
        Level::Town => 4,
        Level::County | Level::Island => 3,
        Level::District | Level::Village => 2,
        Level::Fictional | Level::Virtual => 1,
        Level::Unknown => 0,
    }
}

/// Collects entries while folding.
struct Builder {
    ix: SearchIndex,
    folder: Folder,
    /// The folded text so far (moved into `ix.text` at the end).
    text: String,
    /// Hash, start and length of the current place's entries, to drop repeats.
    seen: Vec<(u64, usize, usize)>,
    /// Word starts so far.
    words: usize,
}

fn hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl Builder {
    fn new(places: usize, names: usize, bytes: usize) -> Builder {
        let mut ix = SearchIndex::default();
        ix.entry_start.reserve(names + 1);
        ix.entry_place.reserve(names);
        ix.entry_name.reserve(names);
        ix.entry_kind.reserve(names);
        ix.place_entries.reserve(places + 1);
        Builder {
            ix,
            folder: Folder::default(),
            text: String::with_capacity(bytes + bytes / 8 + names),
            seen: Vec::new(),
            words: 0,
        }
    }

    fn start_place(&mut self) {
        self.ix.place_entries.push(self.ix.entry_place.len() as u32);
        self.seen.clear();
    }

    /// Add one name of the current place unless it folds to nothing or to a name it has.
    fn add(&mut self, place: u32, name: u32, kind: u8, original: &str) {
        let start = self.text.len();
        self.folder.fold_into(original, &mut self.text);
        if self.text.len() - start > MAX_NAME {
            let mut cut = start + MAX_NAME;
            while !self.text.is_char_boundary(cut) {
                cut -= 1;
            }
            self.text.truncate(cut);
        }
        let len = self.text.len() - start;
        let Some(bytes) = self.text.as_bytes().get(start..) else {
            return;
        };
        if len == 0 {
            return;
        }
        let h = hash(bytes);
        let all = self.text.as_bytes();
        let repeat = self
            .seen
            .iter()
            .any(|&(oh, os, ol)| oh == h && ol == len && all.get(os..os + ol) == Some(bytes));
        if repeat {
            self.text.truncate(start);
            return;
        }
        self.seen.push((h, start, len));
        self.words += 1 + bytes.iter().filter(|&&b| b == b' ').count();
        self.text.push('\0');
        self.ix.entry_start.push(start as u32);
        self.ix.entry_place.push(place);
        self.ix.entry_name.push(name);
        self.ix.entry_kind.push(kind);
    }

    fn finish(mut self, data: &Dataset, degree: &[u32], extra: Option<ExtraNames>) -> SearchIndex {
        let ix = &mut self.ix;
        ix.text = std::mem::take(&mut self.text).into_bytes();
        ix.text.shrink_to_fit();
        ix.place_entries.push(ix.entry_place.len() as u32);
        ix.entry_start.push(ix.text.len() as u32);
        ix.entry_start.shrink_to_fit();
        ix.entry_place.shrink_to_fit();
        ix.entry_name.shrink_to_fit();
        ix.entry_kind.shrink_to_fit();
        ix.extra = extra;
        ix.sort_suffixes(self.words);
        ix.pair_table();
        ix.rank_places(data, degree);
        ix.precompute_heavy();
        self.ix
    }
}

impl SearchIndex {
    /// Index every name of every place of a dataset; `degree[p]` is the number of partners
    /// of place `p`.
    pub fn build(data: &Dataset, degree: &[u32]) -> SearchIndex {
        let names: usize = data.places.iter().map(|p| 1 + p.names.len()).sum();
        let mut b = Builder::new(data.places.len(), names, names * 12);
        for (i, p) in data.places.iter().enumerate() {
            b.start_place();
            b.add(i as u32, MAIN, KIND_NAME, &p.name);
            for (j, n) in p.names.iter().enumerate() {
                b.add(i as u32, j as u32, kind_byte(n.kind), &n.name);
            }
        }
        b.finish(data, degree, None)
    }

    /// Index places whose names come as columns: place `p` has `counts[p]` consecutive lines
    /// in `extra` (its main name first, then its aliases).
    pub(crate) fn build_columns(
        data: &Dataset,
        degree: &[u32],
        extra: ExtraNames,
        counts: &[u32],
    ) -> SearchIndex {
        let lines: usize = counts.iter().map(|&c| c as usize).sum();
        let mut b = Builder::new(data.places.len(), lines, extra.text.len());
        let mut off = 0usize;
        let mut rest = extra.text.as_str();
        for (p, &c) in counts.iter().enumerate() {
            b.start_place();
            for k in 0..c as usize {
                let (line, tail) = rest.split_once('\n').unwrap_or((rest, ""));
                let kind = if k == 0 {
                    KIND_NAME
                } else {
                    kind_byte(NameKind::Alias)
                };
                let name = if k == 0 { MAIN } else { off as u32 };
                b.add(p as u32, name, kind, line);
                off += line.len() + 1;
                rest = tail;
            }
        }
        b.finish(data, degree, Some(extra))
    }

    /// The folded text of an entry, without its terminator.
    pub(crate) fn entry_bytes(&self, e: usize) -> &[u8] {
        let (Some(&a), Some(&b)) = (self.entry_start.get(e), self.entry_start.get(e + 1)) else {
            return &[];
        };
        self.text
            .get(a as usize..(b as usize).saturating_sub(1))
            .unwrap_or(&[])
    }

    /// The byte at `depth` of suffix `i` (0 past its end).
    #[inline]
    pub(crate) fn byte(&self, i: usize, depth: usize) -> u8 {
        let off = self.sfx.get(i).copied().unwrap_or(0) as usize;
        self.text.get(off + depth).copied().unwrap_or(0)
    }

    /// Sort the word starts by the text that follows. Bucketed by first byte (so the sort
    /// keys of one bucket at a time are in memory), then by the next 8 bytes packed into a
    /// number, then each run of equal keys by the rest of the text, and equal texts by
    /// offset, so the order is deterministic.
    pub(crate) fn sort_suffixes(&mut self, words: usize) {
        let n = self.entry_place.len();
        let text = &self.text;
        let starts = &self.entry_start;
        // every word start of every entry, in text order, counted by first byte
        let mut first = vec![0u32; 257];
        let mut sfx: Vec<u32> = Vec::with_capacity(words);
        let mut sfx_entry: Vec<u32> = Vec::with_capacity(words);
        for e in 0..n {
            let (a, b) = (starts[e] as usize, starts[e + 1] as usize - 1);
            sfx.push(a as u32);
            sfx_entry.push(e as u32);
            first[usize::from(text[a]) + 1] += 1;
            for (k, &c) in text[a..b].iter().enumerate() {
                if c == b' ' {
                    sfx.push((a + k + 1) as u32);
                    sfx_entry.push(e as u32);
                    first[usize::from(text[a + k + 1]) + 1] += 1;
                }
            }
        }
        for b in 1..257 {
            first[b] += first[b - 1];
        }
        // put each word start into its bucket, in place (cycle by cycle)
        let mut next = first.clone();
        for b in 0..256 {
            while next[b] < first[b + 1] {
                let i = next[b] as usize;
                let (mut off, mut e) = (sfx[i], sfx_entry[i]);
                loop {
                    let c = usize::from(text[off as usize]);
                    if c == b {
                        break;
                    }
                    let j = next[c] as usize;
                    next[c] += 1;
                    std::mem::swap(&mut off, &mut sfx[j]);
                    std::mem::swap(&mut e, &mut sfx_entry[j]);
                }
                sfx[i] = off;
                sfx_entry[i] = e;
                next[b] += 1;
            }
        }
        let mut keys: Vec<(u64, u32, u32)> = Vec::new();
        for b in 0..256 {
            let (lo, hi) = (first[b] as usize, first[b + 1] as usize);
            if hi - lo >= 2 {
                sort_bucket(
                    text,
                    starts,
                    &mut sfx[lo..hi],
                    &mut sfx_entry[lo..hi],
                    &mut keys,
                );
            }
        }
        self.sfx = sfx;
        self.sfx_entry = sfx_entry;
        self.first = first;
    }

    /// Rank places by partners, population and level, then name and id: a total order.
    fn rank_places(&mut self, data: &Dataset, degree: &[u32]) {
        let places = &data.places;
        // partners, population and level packed into one key (larger is more prominent)
        let mut order: Vec<(u64, u32)> = places
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let deg = u64::from(degree.get(i).copied().unwrap_or(0).min(0xff_ffff));
                let key = (deg << 40)
                    | (u64::from(p.population.unwrap_or(0)) << 8)
                    | u64::from(level_rank(p.level));
                (!key, i as u32)
            })
            .collect();
        order.sort_unstable();
        let mut i = 0;
        while i < order.len() {
            let mut j = i + 1;
            while j < order.len() && order[j].0 == order[i].0 {
                j += 1;
            }
            if j - i > 1 {
                order[i..j].sort_by(|x, y| {
                    let (px, py) = (&places[x.1 as usize], &places[y.1 as usize]);
                    px.name.cmp(&py.name).then_with(|| px.id.cmp(&py.id))
                });
            }
            i = j;
        }
        let mut rank = vec![0u32; order.len()];
        for (r, &(_, p)) in order.iter().enumerate() {
            rank[p as usize] = r as u32;
        }
        self.rank = rank;
        self.by_rank = order.into_iter().map(|x| x.1).collect();
    }

    /// The best places of every prefix that is [`precomputed`], found by a walk
    /// of the implicit trie. Each word start is first packed into one number (its kind of
    /// match in the top bits, its place's rank below), so a range is scanned sequentially.
    pub(crate) fn precompute_heavy(&mut self) {
        let packed: Vec<u32> = self
            .sfx
            .iter()
            .zip(&self.sfx_entry)
            .map(|(&off, &e)| {
                let e = e as usize;
                let alias = u32::from(self.entry_kind[e] != KIND_NAME);
                let code = if off == self.entry_start[e] {
                    alias
                } else {
                    2 + alias
                };
                let rank = self.rank[self.entry_place[e] as usize].min(RANK_MASK);
                (code << RANK_BITS) | rank
            })
            .collect();
        let n = self.rank.len();
        let mut stamp = vec![0u32; n];
        let mut best = vec![0u8; n];
        let mut keys: Vec<u64> = Vec::new();
        let mut gen = 0u32;
        let mut stack: Vec<(u32, u32, u32)> = Vec::new();
        for b in 1..256usize {
            let (lo, hi) = (self.first[b], self.first[b + 1]);
            if precomputed((hi - lo) as usize, 1) {
                stack.push((lo, hi, 1));
            }
        }
        let mut heavy = Vec::new();
        let mut places = Vec::new();
        while let Some((lo, hi, depth)) = stack.pop() {
            let (lo_u, hi_u, d) = (lo as usize, hi as usize, depth as usize);
            // word starts that end right here sort first: the exact matches
            let exact_end = if self.byte(lo_u, d) == 0 {
                self.group_end(lo_u, hi_u, d, 0)
            } else {
                lo_u
            };
            gen += 1;
            let exact = exact_end - lo_u;
            let total = best_of_node(
                &packed[lo_u..hi_u],
                exact,
                gen,
                &mut stamp,
                &mut best,
                &mut keys,
            );
            heavy.push(Heavy {
                lo,
                len: depth,
                start: places.len() as u32,
                count: keys.len() as u32,
                total,
            });
            places.extend(
                keys.iter()
                    .map(|&k| self.by_rank[(k & 0xffff_ffff) as usize]),
            );
            if depth >= 32 {
                continue;
            }
            let mut i = lo_u;
            while i < hi_u {
                let c = self.byte(i, d);
                let j = self.group_end(i, hi_u, d, c);
                if c != 0 && precomputed(j - i, d + 1) {
                    stack.push((i as u32, j as u32, depth + 1));
                }
                i = j;
            }
        }
        heavy.sort_unstable_by_key(|h| (h.lo, h.len));
        self.heavy = heavy;
        self.heavy_places = places;
    }

    /// The precomputed best places of the prefix whose range starts at `lo` and is `len` long.
    pub(crate) fn heavy(&self, lo: usize, len: usize) -> Option<(&Heavy, &[u32])> {
        let key = (lo as u32, len as u32);
        let i = self
            .heavy
            .binary_search_by_key(&key, |h| (h.lo, h.len))
            .ok()?;
        let h = self.heavy.get(i)?;
        let list = self
            .heavy_places
            .get(h.start as usize..(h.start + h.count) as usize)?;
        Some((h, list))
    }

    /// The first suffix after `i` (in `i..hi`) whose byte at `depth` is not `c`, by galloping.
    #[inline]
    pub(crate) fn group_end(&self, i: usize, hi: usize, depth: usize, c: u8) -> usize {
        let mut lo = i;
        let mut step = 1usize;
        while i + step < hi && self.byte(i + step, depth) == c {
            lo = i + step;
            step *= 2;
        }
        let mut h = (i + step).min(hi);
        while lo + 1 < h {
            let mid = lo + (h - lo) / 2;
            if self.byte(mid, depth) == c {
                lo = mid;
            } else {
                h = mid;
            }
        }
        h
    }

    /// The suffixes of `lo..hi` whose byte at `depth` is `x` (all share the bytes before).
    pub(crate) fn byte_range(&self, lo: usize, hi: usize, depth: usize, x: u8) -> (usize, usize) {
        if depth == 1 && x < 128 {
            if let Some(r) = self.pair_range(self.byte(lo, 0), x) {
                return r;
            }
        }
        let (mut a, mut b) = (lo, hi);
        while a < b {
            let m = a + (b - a) / 2;
            if self.byte(m, depth) < x {
                a = m + 1;
            } else {
                b = m;
            }
        }
        if a < hi && self.byte(a, depth) == x {
            (a, self.group_end(a, hi, depth, x))
        } else {
            (a, a)
        }
    }

    /// The suffixes that start with the two ASCII bytes `b0 b1`, from the table.
    #[inline]
    pub(crate) fn pair_range(&self, b0: u8, b1: u8) -> Option<(usize, usize)> {
        if b0 >= 128 || b1 >= 128 {
            return None;
        }
        let at = usize::from(b0) * PAIR_STRIDE + usize::from(b1);
        Some((
            *self.pair.get(at)? as usize,
            *self.pair.get(at + 1)? as usize,
        ))
    }

    /// `pair[b0 * 129 + b1]`: the first suffix of bucket `b0` whose second byte is `b1` or
    /// more (bytes from 128 up count as 128).
    fn pair_table(&mut self) {
        let mut pair = vec![0u32; 128 * PAIR_STRIDE];
        for b0 in 0..128usize {
            let (lo, hi) = (self.first[b0] as usize, self.first[b0 + 1] as usize);
            let row = &mut pair[b0 * PAIR_STRIDE..(b0 + 1) * PAIR_STRIDE];
            let mut k = 0usize;
            for i in lo..hi {
                let v = usize::from(self.byte(i, 1)).min(128);
                while k <= v {
                    row[k] = i as u32;
                    k += 1;
                }
            }
            while k < PAIR_STRIDE {
                row[k] = hi as u32;
                k += 1;
            }
        }
        self.pair = pair;
    }

    /// The suffixes that start with `q`: `lo..hi`.
    pub(crate) fn prefix_range(&self, q: &[u8]) -> (usize, usize) {
        let Some(&b0) = q.first() else {
            return (0, self.sfx.len());
        };
        let lo0 = self.first.get(usize::from(b0)).copied().unwrap_or(0) as usize;
        let hi0 = self.first.get(usize::from(b0) + 1).copied().unwrap_or(0) as usize;
        let text = &self.text;
        let head = |i: usize| -> &[u8] {
            let off = self.sfx.get(i).copied().unwrap_or(0) as usize;
            let end = (off + q.len()).min(text.len());
            text.get(off..end).unwrap_or(&[])
        };
        let slice = self.sfx.get(lo0..hi0).map_or(0, |s| s.len());
        let mut a = 0usize;
        let mut b = slice;
        while a < b {
            let m = a + (b - a) / 2;
            if head(lo0 + m) < q {
                a = m + 1;
            } else {
                b = m;
            }
        }
        let lo = lo0 + a;
        let mut b2 = slice;
        while a < b2 {
            let m = a + (b2 - a) / 2;
            if head(lo0 + m) <= q {
                a = m + 1;
            } else {
                b2 = m;
            }
        }
        (lo, lo0 + a)
    }

    /// Bytes the index holds, roughly (for the size report).
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity()
            + 4 * (self.entry_start.capacity()
                + self.entry_place.capacity()
                + self.entry_name.capacity()
                + self.place_entries.capacity()
                + self.sfx.capacity()
                + self.sfx_entry.capacity()
                + self.rank.capacity()
                + self.by_rank.capacity()
                + self.heavy_places.capacity()
                + self.pair.capacity())
            + self.entry_kind.capacity()
            + 20 * self.heavy.capacity()
            + self.extra.as_ref().map_or(0, |x| x.text.capacity())
    }
}

/// Sort the word starts of one first-byte bucket (a function of its own, so a wasm engine
/// that compiles hot functions better sees it called many times).
#[inline(never)]
fn sort_bucket(
    text: &[u8],
    starts: &[u32],
    sfx: &mut [u32],
    sfx_entry: &mut [u32],
    keys: &mut Vec<(u64, u32, u32)>,
) {
    let end_of = |e: u32| {
        starts
            .get(e as usize + 1)
            .map_or(0, |&x| x as usize)
            .saturating_sub(1)
    };
    keys.clear();
    for (&off, &e) in sfx.iter().zip(sfx_entry.iter()) {
        let (off_u, end) = (off as usize, end_of(e));
        let mut buf = [0u8; 8];
        let len = end.saturating_sub(off_u + 1).min(8);
        if let Some(src) = text.get(off_u + 1..off_u + 1 + len) {
            buf[..len].copy_from_slice(src);
        }
        keys.push((u64::from_be_bytes(buf), off, e));
    }
    keys.sort_unstable_by_key(|k| k.0);
    let tail = |off: u32, e: u32| -> &[u8] { text.get(off as usize + 9..end_of(e)).unwrap_or(&[]) };
    let mut i = 0;
    while i < keys.len() {
        let mut j = i + 1;
        while j < keys.len() && keys[j].0 == keys[i].0 {
            j += 1;
        }
        if j - i > 1 {
            let run = &mut keys[i..j];
            if run[0].0 & 0xff == 0 {
                run.sort_unstable_by_key(|k| k.1);
            } else {
                run.sort_unstable_by(|x, y| tail(x.1, x.2).cmp(tail(y.1, y.2)).then(x.1.cmp(&y.1)));
            }
        }
        i = j;
    }
    for ((k, s), se) in keys.iter().zip(sfx.iter_mut()).zip(sfx_entry.iter_mut()) {
        *s = k.1;
        *se = k.2;
    }
}

const RANK_BITS: u32 = 29;
const RANK_MASK: u32 = (1 << RANK_BITS) - 1;

/// The best places of one heavy node into `keys` (`class << 32 | rank`, best first) and the
/// number of distinct places. `packed` holds the node's word starts, the first `exact` of
/// which end where the prefix does.
#[inline(never)]
fn best_of_node(
    packed: &[u32],
    exact: usize,
    gen: u32,
    stamp: &mut [u32],
    best: &mut [u8],
    keys: &mut Vec<u64>,
) -> u32 {
    // class of a word start when the query is a proper prefix of it, and when it is exact
    const PREFIXED: [u8; 4] = [2, 3, 4, 5];
    const EXACT: [u8; 4] = [0, 1, 4, 5];
    keys.clear();
    let mut total = 0u32;
    for (i, &v) in packed.iter().enumerate() {
        let r = (v & RANK_MASK) as usize;
        let code = (v >> RANK_BITS) as usize & 3;
        let class = if i < exact {
            EXACT[code]
        } else {
            PREFIXED[code]
        };
        let (Some(st), Some(b)) = (stamp.get_mut(r), best.get_mut(r)) else {
            continue;
        };
        if *st != gen {
            *st = gen;
            *b = class;
            keys.push(r as u64);
            total += 1;
        } else if class < *b {
            *b = class;
        }
    }
    for k in keys.iter_mut() {
        let r = *k as usize;
        *k |= u64::from(best.get(r).copied().unwrap_or(u8::MAX)) << 32;
    }
    if keys.len() > HEAVY_TOP {
        keys.select_nth_unstable(HEAVY_TOP - 1);
        keys.truncate(HEAVY_TOP);
    }
    keys.sort_unstable();
    total
}
