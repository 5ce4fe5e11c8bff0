//! The built-in world network: reading the generated asset (`data/world/world.json.gz`,
//! format `twinning-atlas-world/1`, written by `scripts/world/build.py`) and laying it
//! *under* the data already loaded. Loaded places and links win: a curated place keeps its
//! id, events, status and sources and gains the world's other names and the world's
//! partners; a link already there gains the world's sources as further evidence.
//!
//! The asset is columnar JSON (parallel arrays) so it stays small gzipped and parses fast;
//! every value is checked before it becomes a record, because the bytes may come from any
//! URL a caller names. Decompression is the caller's (the JS wrapper: `DecompressionStream`
//! in browsers, `zlib` in Node), so the module carries no inflater.
//!
//! Not for: building the asset (`scripts/world/`), or searching it (`search/`).

use crate::atlas::Atlas;
use crate::country::countries;
use crate::error::{Error, Result};
use crate::hash::FxMap;
use crate::model::{Form, Level, Link, NameKind, Place, PlaceName, Source};
use crate::text::fold;
use crate::view::{WorldInfo, WorldSourceView};
use serde::{Deserialize, Serialize};

/// The format tag of the world asset.
pub const WORLD_FORMAT: &str = "twinning-atlas-world/1";

/// The most bytes a world document may have (the shipped one is about 3 MB uncompressed).
pub const MAX_WORLD_BYTES: usize = 64 * 1024 * 1024;
/// The most places and links a world document may hold.
pub const MAX_WORLD_PLACES: usize = 500_000;
pub const MAX_WORLD_LINKS: usize = 1_000_000;
/// Longest id, name and names-list a world place may have.
const MAX_ID: usize = 120;
const MAX_NAME: usize = 200;
const MAX_NAMES_FIELD: usize = 8_000;
/// The most sources a world document may cite (the bitmasks are 31 bits wide).
const MAX_SOURCES: usize = 31;

/// What the asset says about itself: shown in the page's About and Sources views.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct WorldMeta {
    pub title: String,
    /// The date of the newest input, not of the build.
    pub built: String,
    pub licence: String,
    pub attribution: String,
    #[serde(default)]
    pub counts: WorldCounts,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct WorldCounts {
    #[serde(default)]
    pub places: u32,
    #[serde(default)]
    pub links: u32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct WorldSource {
    id: String,
    title: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    licence: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    author: Option<String>,
}

/// Who wrote the data of a world source, when the asset does not say: the contributors of
/// the project it comes from.
fn default_author(id: &str) -> Option<String> {
    let who = if id.contains("enwiki") {
        "English Wikipedia contributors"
    } else if id.contains("wikidata") {
        "Wikidata contributors"
    } else if id.contains("geonames") {
        "GeoNames"
    } else {
        return None;
    };
    Some(who.to_string())
}

/// A column read with a cap on its length, so a hostile document cannot make the reader
/// allocate millions of entries before the lengths are compared.
fn capped<'de, D, T, const MAX: usize>(d: D) -> std::result::Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct Visit<T, const MAX: usize>(std::marker::PhantomData<T>);
    impl<'de, T: Deserialize<'de>, const MAX: usize> serde::de::Visitor<'de> for Visit<T, MAX> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            write!(f, "an array of at most {MAX} values")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> std::result::Result<Vec<T>, A::Error> {
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
            while let Some(v) = seq.next_element()? {
                if out.len() >= MAX {
                    return Err(serde::de::Error::custom(format!(
                        "more than {MAX} values in a column"
                    )));
                }
                out.push(v);
            }
            Ok(out)
        }
    }
    d.deserialize_seq(Visit::<T, MAX>(std::marker::PhantomData))
}

fn source_column<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> std::result::Result<Vec<T>, D::Error> {
    capped::<D, T, 64>(d)
}

fn place_column<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> std::result::Result<Vec<T>, D::Error> {
    capped::<D, T, MAX_WORLD_PLACES>(d)
}

fn link_column<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> std::result::Result<Vec<T>, D::Error> {
    capped::<D, T, MAX_WORLD_LINKS>(d)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceColumns {
    #[serde(deserialize_with = "place_column")]
    id: Vec<String>,
    #[serde(deserialize_with = "place_column")]
    name: Vec<String>,
    #[serde(deserialize_with = "place_column")]
    country: Vec<String>,
    #[serde(deserialize_with = "place_column")]
    admin: Vec<String>,
    #[serde(deserialize_with = "place_column")]
    level: Vec<String>,
    #[serde(deserialize_with = "place_column")]
    lat: Vec<Option<i32>>,
    #[serde(deserialize_with = "place_column")]
    lon: Vec<Option<i32>>,
    #[serde(deserialize_with = "place_column")]
    population: Vec<u64>,
    #[serde(deserialize_with = "place_column")]
    wikidata: Vec<String>,
    #[serde(deserialize_with = "place_column")]
    names: Vec<String>,
    #[serde(deserialize_with = "place_column")]
    coord: Vec<u8>,
    #[serde(deserialize_with = "place_column")]
    sources: Vec<u32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LinkColumns {
    #[serde(deserialize_with = "link_column")]
    a: Vec<u32>,
    #[serde(deserialize_with = "link_column")]
    b: Vec<u32>,
    #[serde(deserialize_with = "link_column")]
    sources: Vec<u32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WorldFile {
    format: String,
    meta: WorldMeta,
    #[serde(deserialize_with = "source_column")]
    sources: Vec<WorldSource>,
    places: PlaceColumns,
    links: LinkColumns,
}

/// The world network, read and checked, ready to be laid under loaded data.
#[derive(Debug, Clone)]
pub struct World {
    pub meta: WorldMeta,
    pub sources: Vec<Source>,
    /// The date of each source, as the asset gives it (`2026-02`).
    pub source_dates: Vec<Option<String>>,
    pub places: Vec<Place>,
    pub links: Vec<Link>,
}

fn bad(field: &str, index: usize, message: impl std::fmt::Display) -> Error {
    Error::Invalid {
        problems: vec![format!("world data: {field}[{index}]: {message}")],
    }
}

fn has_control(s: &str) -> bool {
    s.chars().any(|c| c.is_control())
}

/// `Ok(coordinate in degrees)` from a value stored in 1/10,000 degrees.
fn degrees(v: Option<i32>, max: f64, field: &str, i: usize) -> Result<Option<f64>> {
    match v {
        None => Ok(None),
        Some(v) => {
            let d = f64::from(v) / 10_000.0;
            if d.abs() > max {
                return Err(bad(field, i, format!("{d} is out of range")));
            }
            Ok(Some(d))
        }
    }
}

fn level_of(s: &str) -> Level {
    Level::parse(s).unwrap_or(Level::Unknown)
}

impl World {
    /// Read a world document (uncompressed JSON bytes). Every column is checked: equal
    /// lengths, ids unique and well-formed, coordinates in range, link ends in range,
    /// source masks naming existing sources.
    pub fn from_json_bytes(bytes: &[u8]) -> Result<World> {
        if bytes.len() > MAX_WORLD_BYTES {
            return Err(Error::TooLarge {
                what: "the world data".into(),
                limit: MAX_WORLD_BYTES,
                actual: bytes.len(),
            });
        }
        if bytes.starts_with(&[0x1f, 0x8b]) {
            return Err(Error::Format {
                origin: "the world data".into(),
                message: "the bytes are gzip-compressed; decompress them first (the package's \
                          loadWorld does this for you)"
                    .into(),
            });
        }
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let file: WorldFile = serde_json::from_slice(bytes).map_err(|e| Error::Parse {
            origin: "the world data".into(),
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        World::from_file(file)
    }

    fn from_file(f: WorldFile) -> Result<World> {
        if f.format != WORLD_FORMAT {
            return Err(Error::Format {
                origin: "the world data".into(),
                message: format!("format {:?} is not {WORLD_FORMAT:?}", f.format),
            });
        }
        if f.sources.is_empty() || f.sources.len() > MAX_SOURCES {
            return Err(bad(
                "sources",
                0,
                format!(
                    "expected 1 to {MAX_SOURCES} sources, found {}",
                    f.sources.len()
                ),
            ));
        }
        let mut sources = Vec::with_capacity(f.sources.len());
        for (i, s) in f.sources.iter().enumerate() {
            if s.id.is_empty() || s.id.len() > MAX_ID || has_control(&s.id) {
                return Err(bad(
                    "sources.id",
                    i,
                    "empty, too long or with control characters",
                ));
            }
            if s.title.len() > 1_000 || has_control(&s.title) {
                return Err(bad(
                    "sources.title",
                    i,
                    "too long or with control characters",
                ));
            }
            sources.push(Source {
                id: s.id.clone(),
                title: s.title.clone(),
                author: s.author.clone().or_else(|| default_author(&s.id)),
                date: s
                    .date
                    .as_deref()
                    .and_then(|d| crate::date::Date::parse(d).ok()),
                accessed: None,
                published_in: None,
                identifier: None,
                url: s.url.clone(),
                licence: s.licence.clone(),
            });
        }
        let p = &f.places;
        let n = p.id.len();
        if n > MAX_WORLD_PLACES {
            return Err(Error::TooLarge {
                what: "the world data's places".into(),
                limit: MAX_WORLD_PLACES,
                actual: n,
            });
        }
        let lens = [
            ("name", p.name.len()),
            ("country", p.country.len()),
            ("admin", p.admin.len()),
            ("level", p.level.len()),
            ("lat", p.lat.len()),
            ("lon", p.lon.len()),
            ("population", p.population.len()),
            ("wikidata", p.wikidata.len()),
            ("names", p.names.len()),
            ("coord", p.coord.len()),
            ("sources", p.sources.len()),
        ];
        for (field, len) in lens {
            if len != n {
                return Err(bad(
                    &format!("places.{field}"),
                    len.min(n),
                    format!("has {len} entries where places.id has {n}"),
                ));
            }
        }
        let full_mask: u32 = if sources.len() >= 32 {
            u32::MAX
        } else {
            (1u32 << sources.len()) - 1
        };
        let source_ids = |mask: u32| -> Vec<String> {
            sources
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, s)| s.id.clone())
                .collect()
        };
        let table = countries();
        let gazetteer = sources
            .iter()
            .find(|s| s.id.contains("geonames"))
            .map(|s| s.title.clone());
        let mut seen: FxMap<&str, usize> = FxMap::default();
        let mut places = Vec::with_capacity(n);
        for i in 0..n {
            let id = &p.id[i];
            if id.is_empty()
                || id.len() > MAX_ID
                || id.contains('~')
                || id.contains(char::is_whitespace)
                || has_control(id)
            {
                return Err(bad("places.id", i, format!("{id:?} is not a usable id")));
            }
            if seen.insert(id.as_str(), i).is_some() {
                return Err(bad("places.id", i, format!("{id:?} appears twice")));
            }
            let name = p.name[i].trim();
            if name.is_empty() || name.len() > MAX_NAME || has_control(name) {
                return Err(bad(
                    "places.name",
                    i,
                    "empty, too long or with control characters",
                ));
            }
            let country = match p.country[i].as_str() {
                "" => None,
                c if table.is_code(c) => Some(c.to_string()),
                c => {
                    return Err(bad(
                        "places.country",
                        i,
                        format!("{c:?} is not a country code"),
                    ))
                }
            };
            let mut level = level_of(&p.level[i]);
            if country.is_none() && !level.is_imaginary() {
                level = Level::Unknown;
            }
            let lat = degrees(p.lat[i], 90.0, "places.lat", i)?;
            let lon = degrees(p.lon[i], 180.0, "places.lon", i)?;
            let (lat, lon) = match (lat, lon) {
                (Some(a), Some(b)) => (Some(a), Some(b)),
                _ => (None, None),
            };
            let population = match p.population[i] {
                0 => None,
                v => Some(
                    u32::try_from(v)
                        .map_err(|_| bad("places.population", i, format!("{v} is out of range")))?,
                ),
            };
            let wikidata = match p.wikidata[i].as_str() {
                "" => None,
                q if q.len() < 16
                    && q.starts_with('Q')
                    && q.len() > 1
                    && q[1..].bytes().all(|b| b.is_ascii_digit()) =>
                {
                    Some(q.to_string())
                }
                q => {
                    return Err(bad(
                        "places.wikidata",
                        i,
                        format!("{q:?} is not a Wikidata id"),
                    ))
                }
            };
            if p.names[i].len() > MAX_NAMES_FIELD {
                return Err(bad("places.names", i, "too long"));
            }
            let names: Vec<PlaceName> = p.names[i]
                .split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty() && s.len() <= MAX_NAME && !has_control(s) && *s != name)
                .map(|s| PlaceName {
                    name: s.to_string(),
                    lang: None,
                    kind: NameKind::Alias,
                    until: None,
                    since: None,
                })
                .collect();
            let mask = p.sources[i];
            if mask & !full_mask != 0 {
                return Err(bad(
                    "places.sources",
                    i,
                    "names a source that is not listed",
                ));
            }
            let coord_source = match p.coord[i] {
                0 | 1 => None,
                2 => gazetteer.clone(),
                3 => gazetteer.as_ref().map(|g| {
                    format!("{g} (a source placed it far from here; its position was replaced)")
                }),
                c => return Err(bad("places.coord", i, format!("unknown code {c}"))),
            };
            places.push(Place {
                id: id.clone(),
                name: name.to_string(),
                level,
                country,
                admin: Some(p.admin[i].trim().to_string())
                    .filter(|a| !a.is_empty() && a.len() <= MAX_NAME),
                names,
                historic: Vec::new(),
                lat,
                lon,
                population,
                wikidata,
                description: None,
                coord_source,
                sources: source_ids(mask),
                seeds: Vec::new(),
            });
        }
        let l = &f.links;
        let m = l.a.len();
        if m > MAX_WORLD_LINKS {
            return Err(Error::TooLarge {
                what: "the world data's links".into(),
                limit: MAX_WORLD_LINKS,
                actual: m,
            });
        }
        if l.b.len() != m || l.sources.len() != m {
            return Err(bad(
                "links",
                m,
                "links.a, links.b and links.sources differ in length",
            ));
        }
        let mut links = Vec::with_capacity(m);
        let mut pairs: FxMap<(u32, u32), ()> = FxMap::default();
        for i in 0..m {
            let (a, b) = (l.a[i], l.b[i]);
            if a as usize >= n || b as usize >= n {
                return Err(bad("links", i, "names a place index out of range"));
            }
            if a == b {
                return Err(bad("links", i, "joins a place to itself"));
            }
            let key = if a < b { (a, b) } else { (b, a) };
            if pairs.insert(key, ()).is_some() {
                return Err(bad("links", i, "repeats a pair"));
            }
            let mask = l.sources[i];
            if mask == 0 || mask & !full_mask != 0 {
                return Err(bad(
                    "links.sources",
                    i,
                    "names no source, or one not listed",
                ));
            }
            let (ida, idb) = (&p.id[a as usize], &p.id[b as usize]);
            links.push(Link {
                id: Link::pair_id(ida, idb),
                a: ida.clone(),
                b: idb.clone(),
                form: Form::Unspecified,
                term: None,
                description: None,
                events: Vec::new(),
                motives: Vec::new(),
                pair: None,
                disagreements: Vec::new(),
                sources: source_ids(mask),
                seeds: Vec::new(),
            });
        }
        let meta = WorldMeta {
            counts: WorldCounts {
                places: n as u32,
                links: m as u32,
            },
            ..f.meta
        };
        Ok(World {
            meta,
            source_dates: f.sources.into_iter().map(|s| s.date).collect(),
            sources,
            places,
            links,
        })
    }

    fn source_views(&self) -> Vec<WorldSourceView> {
        self.sources
            .iter()
            .zip(&self.source_dates)
            .map(|(s, d)| WorldSourceView {
                id: s.id.clone(),
                title: s.title.clone(),
                url: s.url.clone(),
                licence: s.licence.clone(),
                date: d.clone(),
            })
            .collect()
    }
}

impl Atlas {
    /// Lay the world network (uncompressed `twinning-atlas-world/1` JSON) under the loaded
    /// data and rebuild every index. On error the atlas is left as it was.
    pub fn load_world(&mut self, bytes: &[u8]) -> Result<WorldInfo> {
        let world = World::from_json_bytes(bytes)?;
        let views = world.source_views();
        let mut data = self.data.clone();
        let (places_merged, places_added, links_merged, links_added) =
            lay_under(&mut data, world.places, world.links, world.sources);
        let info = WorldInfo {
            meta: world.meta,
            sources: views,
            places_merged,
            places_added,
            links_merged,
            links_added,
        };
        let mut next = Atlas::index(data);
        next.world = Some(info.clone());
        *self = next;
        Ok(info)
    }

    /// What the loaded world network is (title, licence, attribution, sources, counts), or
    /// `None` when only the curated or imported data is loaded.
    pub fn world(&self) -> Option<&WorldInfo> {
        self.world.as_ref()
    }
}

/// Merge the world's records under `data`; returns (places merged, places added, links
/// merged, links added).
fn lay_under(
    data: &mut crate::model::Dataset,
    places: Vec<Place>,
    links: Vec<Link>,
    sources: Vec<Source>,
) -> (u32, u32, u32, u32) {
    for s in sources {
        if !data.sources.iter().any(|x| x.id == s.id) {
            data.sources.push(s);
        }
    }
    let mut by_id: FxMap<String, usize> = data
        .places
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.clone(), i))
        .collect();
    let (mut pm, mut pa) = (0u32, 0u32);
    data.places.reserve(places.len());
    for w in places {
        match by_id.get(&w.id) {
            Some(&i) => {
                enrich(&mut data.places[i], w);
                pm += 1;
            }
            None => {
                by_id.insert(w.id.clone(), data.places.len());
                data.places.push(w);
                pa += 1;
            }
        }
    }
    let mut by_pair: FxMap<(String, String), usize> = FxMap::default();
    for (i, l) in data.links.iter().enumerate() {
        let key = if l.a <= l.b {
            (l.a.clone(), l.b.clone())
        } else {
            (l.b.clone(), l.a.clone())
        };
        by_pair.entry(key).or_insert(i);
    }
    let mut link_ids: FxMap<String, ()> = data.links.iter().map(|l| (l.id.clone(), ())).collect();
    let (mut lm, mut la) = (0u32, 0u32);
    data.links.reserve(links.len());
    for w in links {
        let key = if w.a <= w.b {
            (w.a.clone(), w.b.clone())
        } else {
            (w.b.clone(), w.a.clone())
        };
        match by_pair.get(&key) {
            Some(&i) => {
                let l = &mut data.links[i];
                for s in w.sources {
                    if !l.sources.contains(&s) {
                        l.sources.push(s);
                    }
                }
                lm += 1;
            }
            None => {
                let mut w = w;
                if link_ids.contains_key(&w.id) {
                    // a loaded link took this id for another pair: keep both apart
                    let mut k = 2;
                    while link_ids.contains_key(&format!("{}~{k}", w.id)) {
                        k += 1;
                    }
                    w.id = format!("{}~{k}", w.id);
                }
                link_ids.insert(w.id.clone(), ());
                by_pair.insert(key, data.links.len());
                data.links.push(w);
                la += 1;
            }
        }
    }
    (pm, pa, lm, la)
}

/// A loaded place gains what the world knows and it does not: other names, coordinates,
/// population, Wikidata id, sources. Nothing it has is overwritten.
fn enrich(p: &mut Place, w: Place) {
    let mut known: Vec<String> = std::iter::once(p.name.as_str())
        .chain(p.names.iter().map(|n| n.name.as_str()))
        .map(fold)
        .collect();
    if fold(&w.name) != fold(&p.name) && !known.contains(&fold(&w.name)) {
        known.push(fold(&w.name));
        p.names.push(PlaceName {
            name: w.name.clone(),
            lang: None,
            kind: NameKind::Alias,
            until: None,
            since: None,
        });
    }
    for n in w.names {
        let f = fold(&n.name);
        if !f.is_empty() && !known.contains(&f) {
            known.push(f);
            p.names.push(n);
        }
    }
    if p.lat.is_none() && p.lon.is_none() && w.lat.is_some() && !p.level.is_imaginary() {
        p.lat = w.lat;
        p.lon = w.lon;
        p.coord_source = w.coord_source.or_else(|| w.sources.first().cloned());
    }
    if p.population.is_none() {
        p.population = w.population;
    }
    if p.wikidata.is_none() {
        p.wikidata = w.wikidata;
    }
    if p.admin.is_none() {
        p.admin = w.admin;
    }
    for s in w.sources {
        if !p.sources.contains(&s) {
            p.sources.push(s);
        }
    }
}
