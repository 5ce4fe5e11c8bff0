//! A search-only atlas built straight from columns of place data (names as one
//! newline-separated text, counts and populations as integer arrays), without JSON or one
//! record per alias: the fast way in for large name lists such as the benchmark corpus.
//! Place `i` of the columns is place index `i` of the atlas, so `search_ids` answers in the
//! caller's own numbering.
//!
//! Not for: datasets with links and sources (`Dataset::from_json`, `import/`).

use super::index::{ExtraNames, SearchIndex};
use crate::atlas::Atlas;
use crate::error::{Error, Result};
use crate::model::{Dataset, Level, Place, FORMAT};

/// The columns of a search-only atlas. Every text column has one line per place.
#[derive(Debug, Clone)]
pub struct PlaceColumns<'a> {
    /// Place ids; empty to number places `0`, `1`, ….
    pub ids: &'a str,
    /// For each place its name, then its aliases, one per line (kept by the atlas).
    pub names: String,
    /// How many lines of `names` each place has (at least 1).
    pub name_counts: &'a [u32],
    /// Population (0 = unknown); empty for none.
    pub populations: &'a [u32],
    /// ISO 3166-1 alpha-2 codes; empty for none.
    pub countries: &'a str,
    /// Levels (`city`, `town`, … ; `municipality` counts as a town); empty for none.
    pub levels: &'a str,
}

fn column<'a>(text: &'a str, n: usize, what: &str) -> Result<Vec<&'a str>> {
    if text.is_empty() {
        return Ok(vec![""; n]);
    }
    let lines: Vec<&str> = text
        .strip_suffix('\n')
        .unwrap_or(text)
        .split('\n')
        .collect();
    if lines.len() != n {
        return Err(Error::invalid(
            what,
            format!("has {} lines for {n} places", lines.len()),
        ));
    }
    Ok(lines)
}

/// `i` in decimal, without the formatting machinery (30,000 of them add up).
fn decimal(mut i: usize) -> String {
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (i % 10) as u8;
        i /= 10;
        if i == 0 {
            break;
        }
    }
    String::from_utf8_lossy(&buf[at..]).into_owned()
}

fn level(s: &str) -> Level {
    match s.trim() {
        "municipality" => Level::Town,
        s => Level::parse(s).unwrap_or(Level::Unknown),
    }
}

impl Atlas {
    /// A search-only atlas (no links) from columns; see [`PlaceColumns`].
    pub fn from_columns(c: PlaceColumns) -> Result<Atlas> {
        let n = c.name_counts.len();
        if !c.populations.is_empty() && c.populations.len() != n {
            return Err(Error::invalid(
                "populations",
                format!("has {} values for {n} places", c.populations.len()),
            ));
        }
        if c.name_counts.contains(&0) {
            return Err(Error::invalid(
                "nameCounts",
                "every place needs at least its name",
            ));
        }
        let ids = column(c.ids, n, "ids")?;
        let countries = column(c.countries, n, "countries")?;
        let levels = column(c.levels, n, "levels")?;
        let expected: u64 = c.name_counts.iter().map(|&x| u64::from(x)).sum();
        let mut text = c.names;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        // one pass: count the lines and note where each place's main name is
        let mut main: Vec<(usize, usize)> = Vec::with_capacity(n);
        let mut lines = 0u64;
        let mut next_first = 0u64;
        let mut off = 0usize;
        for line in text.split_terminator('\n') {
            if lines == next_first && main.len() < n {
                main.push((off, line.len()));
                next_first += u64::from(c.name_counts.get(main.len() - 1).copied().unwrap_or(1));
            }
            lines += 1;
            off += line.len() + 1;
        }
        if lines != expected {
            return Err(Error::invalid(
                "names",
                format!("has {lines} lines but the counts add up to {expected}"),
            ));
        }
        let mut places = Vec::with_capacity(n);
        for i in 0..n {
            let id = match ids.get(i).copied().unwrap_or("") {
                "" => decimal(i),
                s => s.trim().to_string(),
            };
            let country = countries
                .get(i)
                .map(|s| s.trim().to_ascii_uppercase())
                .filter(|s| !s.is_empty());
            places.push(Place {
                id,
                // filled in below, once the atlas is indexed without them
                name: String::new(),
                level: level(levels.get(i).copied().unwrap_or("")),
                country,
                admin: None,
                names: Vec::new(),
                historic: Vec::new(),
                lat: None,
                lon: None,
                population: c.populations.get(i).copied().filter(|&p| p > 0),
                wikidata: None,
                description: None,
                coord_source: None,
                sources: Vec::new(),
                seeds: Vec::new(),
            });
        }
        let data = Dataset {
            format: FORMAT.to_string(),
            places,
            ..Dataset::default()
        };
        // Index with empty names (cheap), then set the names and build the real index.
        let mut atlas = Atlas::index(data);
        if atlas.place_ix.len() != atlas.data.places.len() {
            return Err(Error::invalid("ids", "place ids must be unique"));
        }
        for (p, &(at, len)) in atlas.data.places.iter_mut().zip(&main) {
            p.name = text.get(at..at + len).unwrap_or("").trim().to_string();
        }
        let extra = ExtraNames { text };
        atlas.search = SearchIndex::build_columns(&atlas.data, &atlas.degree, extra, c.name_counts);
        Ok(atlas)
    }
}
