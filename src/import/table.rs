//! CSV and TSV files, read with the `csv` crate: pair lists (Hekman, pnadel, Münch,
//! our own CSV export) and Wikidata query-service downloads (TSV with `?var` headers and
//! RDF terms, CSV with plain values). Columns are recognised by their header names, in
//! any order, or given by an explicit [`ColumnMapping`].
//!
//! Not for: deciding which rows are the same place or pair (`build.rs`).

use super::build::{set_country, Builder, RowIn, SideIn};
use super::normalise::{self, degrees, point, population, qid, rdf_term};
use super::{ColumnMapping, ColumnRef, ImportFormat, MAX_COLUMNS};
use crate::error::{Error, Result};
use crate::model::{Form, Level};
use crate::view::{ColumnUse, ImportReport};
use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    A,
    B,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Attr {
    /// A Wikidata id or URI; a name when the value is not one.
    Entity,
    Name,
    AltName,
    Country,
    Admin,
    Lat,
    Lon,
    Coord,
    Population,
    Level,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Place(Side, Attr),
    Form,
    Start,
    StartPrecision,
    End,
    EndPrecision,
    EndCause,
    Ignore,
}

impl Role {
    fn name(self) -> String {
        let attr = |a: Attr| match a {
            Attr::Entity => "Id",
            Attr::Name => "Name",
            Attr::AltName => "AltName",
            Attr::Country => "Country",
            Attr::Admin => "Admin",
            Attr::Lat => "Lat",
            Attr::Lon => "Lon",
            Attr::Coord => "Coord",
            Attr::Population => "Population",
            Attr::Level => "Level",
        };
        match self {
            Role::Place(Side::A, a) => format!("a{}", attr(a)),
            Role::Place(Side::B, a) => format!("b{}", attr(a)),
            Role::Form => "form".into(),
            Role::Start => "start".into(),
            Role::StartPrecision => "startPrecision".into(),
            Role::End => "end".into(),
            Role::EndPrecision => "endPrecision".into(),
            Role::EndCause => "endCause".into(),
            Role::Ignore => "ignored".into(),
        }
    }
}

/// Where a role's value comes from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Column(usize),
    Const(String),
}

#[derive(Debug, Clone)]
pub(crate) struct Binding {
    pub value: Value,
    pub role: Role,
}

/// Split a header into lower-case words: at punctuation, at lower→upper case changes and
/// at letter↔digit changes (`destination_countryLabel` → destination country label,
/// `city1` → city 1).
fn words(header: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut prev: Option<char> = None;
    for c in header.trim().trim_start_matches(['?', '\u{feff}']).chars() {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev = None;
            continue;
        }
        if let Some(p) = prev {
            let boundary = (p.is_lowercase() && c.is_uppercase())
                || (p.is_alphabetic() && c.is_ascii_digit())
                || (p.is_ascii_digit() && c.is_alphabetic());
            if boundary && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        }
        cur.extend(c.to_lowercase());
        prev = Some(c);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

const B_MARKERS: [&str; 12] = [
    "twinned",
    "2",
    "b",
    "partner",
    "partners",
    "sister",
    "destination",
    "dest",
    "target",
    "twin",
    "to",
    "other",
];
const A_MARKERS: [&str; 7] = ["1", "a", "origin", "source", "from", "item", "home"];
const PREFIXES: [(&str, Side); 6] = [
    ("destination", Side::B),
    ("partner", Side::B),
    ("sister", Side::B),
    ("target", Side::B),
    ("origin", Side::A),
    ("source", Side::A),
];

fn attr_of(key: &str) -> Option<Role> {
    use Attr::*;
    let place = |a| Some(Role::Place(Side::A, a));
    match key {
        "city" | "name" | "town" | "label" | "municipality" | "gemeinde" | "gemeindename"
        | "stadt" | "place" | "ort" | "commune" | "locality" | "cityname" | "citylabel"
        | "gemeindelabel" | "comune" | "comunename" | "citta" | "nome" | "ville" => place(Name),
        "placename" | "municipalityplacename" | "formattedname" | "formatted" | "englishname" => {
            place(AltName)
        }
        "id" | "qid" | "wikidata" | "uri" | "entity" | "wikidataid" | "administrativebody"
        | "p190" => place(Entity),
        "country" | "land" | "nation" | "countrylabel" | "countryname" | "countrycode" | "iso"
        | "cc" | "iso2" | "staat" | "stato" | "paese" | "nazione" | "pays" | "p17" => {
            place(Country)
        }
        "lat" | "latitude" | "breite" | "breitengrad" => place(Lat),
        "lon" | "lng" | "long" | "longitude" | "laenge" | "lange" | "langengrad" | "log" => {
            place(Lon)
        }
        "coord" | "coords" | "coordinate" | "coordinates" | "location" | "point" | "geo"
        | "wkt" | "p625" => place(Coord),
        "population" | "pop" | "einwohner" | "inhabitants" => place(Population),
        "instanceof" | "instance" | "type" | "level" | "class" | "instanceoflabel" => place(Level),
        "bundesland" | "state" | "region" | "admin" | "province" | "subdivision" | "statelabel"
        | "regione" | "provincia" => place(Admin),
        "form" | "relation" | "relationship" | "art" | "typeofrelation" => Some(Role::Form),
        "start" | "since" | "seit" | "year" | "startyear" | "starttime" | "begin"
        | "established" | "date" | "started" | "p580" | "starttimelabel" => Some(Role::Start),
        "startprecision" | "starttimeprecision" => Some(Role::StartPrecision),
        "end" | "until" | "endtime" | "ended" | "bis" | "endyear" | "p582" => Some(Role::End),
        "endprecision" | "endtimeprecision" => Some(Role::EndPrecision),
        "endcause" | "endcauselabel" | "cause" => Some(Role::EndCause),
        _ => None,
    }
}

/// The role of a column from its header.
pub(crate) fn recognise(header: &str) -> Role {
    let mut ws = words(header);
    let mut side = None;
    let mut entity_marker = false;
    // "origincountry", "partnergemeinde", "sistercity": a side glued to the word
    for w in ws.iter_mut() {
        for (prefix, s) in PREFIXES {
            if let Some(rest) = w.strip_prefix(prefix) {
                if !rest.is_empty() && side.is_none() {
                    side = Some(s);
                    *w = rest.to_string();
                }
            }
        }
    }
    // "comune_start_name" / "comune_end_stato": start and end name the two sides when the
    // other words name an attribute of a place (and the dates otherwise)
    let has = |x: &str| ws.iter().any(|w| w == x);
    if side.is_none() && (has("start") || has("end")) && ws.len() >= 2 {
        let others: String = ws
            .iter()
            .filter(|w| !matches!(w.as_str(), "start" | "end" | "comune" | "city" | "town"))
            .map(String::as_str)
            .collect();
        let key = if others.is_empty() {
            "name"
        } else {
            others.as_str()
        };
        if let Some(Role::Place(_, a)) = attr_of(key) {
            let s = if has("start") { Side::A } else { Side::B };
            return Role::Place(s, a);
        }
    }
    let mut rest: Vec<&str> = Vec::new();
    for w in &ws {
        let w = w.as_str();
        if B_MARKERS.contains(&w) && side.is_none() {
            side = Some(Side::B);
            entity_marker |= matches!(
                w,
                "partner" | "sister" | "target" | "twin" | "twinned" | "other"
            );
        } else if A_MARKERS.contains(&w) && side.is_none() {
            side = Some(Side::A);
            entity_marker |= matches!(w, "item" | "source");
        } else {
            rest.push(w);
        }
    }
    let key: String = rest.concat();
    let role = if key.is_empty() {
        if entity_marker {
            Some(Role::Place(Side::A, Attr::Entity))
        } else {
            None
        }
    } else {
        attr_of(&key).or_else(|| {
            // "countryLabel", "cityLabel": the label of the entity the word names
            key.strip_suffix("label")
                .and_then(attr_of)
                .map(|r| match r {
                    Role::Place(s, Attr::Entity) => Role::Place(s, Attr::Name),
                    r => r,
                })
        })
    };
    // a bare "item" / "partner" column holds the entity; "itemLabel" its name
    let role = match (role, rest.as_slice()) {
        (None, ["label"]) => Some(Role::Place(Side::A, Attr::Name)),
        (r, _) => r,
    };
    match (role, side) {
        (Some(Role::Place(_, a)), Some(s)) => Role::Place(s, a),
        (Some(r), _) => r,
        (None, _) => Role::Ignore,
    }
}

fn resolve_ref(r: &ColumnRef, header: &[String]) -> Result<Value> {
    match r {
        ColumnRef::Number(n) => {
            let i = (*n as usize)
                .checked_sub(1)
                .ok_or_else(|| Error::invalid("mapping", "columns are numbered from 1"))?;
            if i >= header.len() {
                return Err(Error::invalid(
                    "mapping",
                    format!("no column {n}: the file has {} columns", header.len()),
                ));
            }
            Ok(Value::Column(i))
        }
        ColumnRef::Name(name) => {
            if let Some(c) = name.strip_prefix('=') {
                return Ok(Value::Const(c.to_string()));
            }
            header
                .iter()
                .position(|h| {
                    h.trim().trim_start_matches('?') == name.trim().trim_start_matches('?')
                })
                .map(Value::Column)
                .ok_or_else(|| {
                    Error::invalid(
                        "mapping",
                        format!(
                            "no column {name:?}; the header has {}",
                            shown_columns(header)
                        ),
                    )
                })
        }
    }
}

fn mapped(m: &ColumnMapping, header: &[String]) -> Result<Vec<Binding>> {
    use Attr::*;
    use Side::*;
    let list: [(&Option<ColumnRef>, Role); 26] = [
        (&m.a_id, Role::Place(A, Entity)),
        (&m.a_name, Role::Place(A, Name)),
        (&m.a_country, Role::Place(A, Country)),
        (&m.a_admin, Role::Place(A, Admin)),
        (&m.a_lat, Role::Place(A, Lat)),
        (&m.a_lon, Role::Place(A, Lon)),
        (&m.a_coord, Role::Place(A, Coord)),
        (&m.a_alt_name, Role::Place(A, AltName)),
        (&m.a_population, Role::Place(A, Population)),
        (&m.a_level, Role::Place(A, Level)),
        (&m.b_id, Role::Place(B, Entity)),
        (&m.b_name, Role::Place(B, Name)),
        (&m.b_country, Role::Place(B, Country)),
        (&m.b_admin, Role::Place(B, Admin)),
        (&m.b_lat, Role::Place(B, Lat)),
        (&m.b_lon, Role::Place(B, Lon)),
        (&m.b_coord, Role::Place(B, Coord)),
        (&m.b_alt_name, Role::Place(B, AltName)),
        (&m.b_population, Role::Place(B, Population)),
        (&m.b_level, Role::Place(B, Level)),
        (&m.form, Role::Form),
        (&m.start, Role::Start),
        (&m.end, Role::End),
        (&m.end_cause, Role::EndCause),
        (&m.start_precision, Role::StartPrecision),
        (&m.end_precision, Role::EndPrecision),
    ];
    let mut out = Vec::new();
    for (r, role) in list {
        if let Some(r) = r {
            out.push(Binding {
                value: resolve_ref(r, header)?,
                role,
            });
        }
    }
    Ok(out)
}

fn auto(header: &[String]) -> Vec<Binding> {
    let mut roles: Vec<Role> = header.iter().map(|h| recognise(h)).collect();
    let words_of: Vec<String> = header.iter().map(|h| words(h).concat()).collect();
    // German partner directories (Münch): the side-less partner columns are the partner's,
    // and the municipality is German
    let german = words_of.iter().any(|w| w == "partnergemeinde");
    if german {
        for (r, w) in roles.iter_mut().zip(&words_of) {
            match w.as_str() {
                "land" | "country" | "countrylabel" => *r = Role::Place(Side::B, Attr::Country),
                "kontinent" | "continent" => *r = Role::Ignore,
                _ => {}
            }
        }
    }
    let suffix_country = home_suffix(header, &mut roles);
    let mut out: Vec<Binding> = roles
        .into_iter()
        .enumerate()
        .map(|(i, role)| Binding {
            value: Value::Column(i),
            role,
        })
        .collect();
    if let Some(country) = suffix_country {
        out.push(Binding {
            value: Value::Const(country.to_string()),
            role: Role::Place(Side::A, Attr::Country),
        });
    }
    if german
        && !out
            .iter()
            .any(|b| b.role == Role::Place(Side::A, Attr::Country))
    {
        out.push(Binding {
            value: Value::Const("Germany".into()),
            role: Role::Place(Side::A, Attr::Country),
        });
    }
    out
}

/// A list of one country's places and their partners, whose home columns carry the
/// country as a suffix (`town`, `townUK`, `lat`, `latuk`: the UK list of English Wikipedia):
/// when only one side's place is recognised and some unrecognised columns are a known
/// word plus one same suffix, the suffixed columns are the home side (A), the plain ones
/// the partner (B). Returns the home country's English name when the suffix names one.
fn home_suffix(header: &[String], roles: &mut [Role]) -> Option<&'static str> {
    let names = |roles: &[Role], side: Side| {
        roles
            .iter()
            .any(|r| matches!(r, Role::Place(s, Attr::Name | Attr::Entity) if *s == side))
    };
    if !names(roles, Side::A) || names(roles, Side::B) {
        return None;
    }
    // the suffixed columns: a word the header table knows, then a suffix
    let mut suffix: Option<String> = None;
    let mut home: Vec<(usize, Attr)> = Vec::new();
    for (i, (h, r)) in header.iter().zip(roles.iter()).enumerate() {
        if *r != Role::Ignore {
            continue;
        }
        let ws = words(h);
        let (attr_word, rest) = match ws.as_slice() {
            [w, s] => (w.clone(), s.clone()),
            [w] => {
                // "latuk": a known word glued to a short suffix
                let Some((k, rest)) = ["town", "city", "place", "name", "lat", "lon", "lng"]
                    .iter()
                    .find_map(|k| w.strip_prefix(k).map(|r| (*k, r)))
                else {
                    continue;
                };
                if rest.is_empty() || rest.len() > 3 {
                    continue;
                }
                (k.to_string(), rest.to_string())
            }
            _ => continue,
        };
        let Some(Role::Place(Side::A, attr)) = attr_of(&attr_word) else {
            continue;
        };
        if suffix.as_deref().is_some_and(|s| s != rest) {
            return None;
        }
        suffix = Some(rest);
        home.push((i, attr));
    }
    let suffix = suffix?;
    if !home
        .iter()
        .any(|(_, a)| matches!(a, Attr::Name | Attr::Entity))
    {
        return None;
    }
    for r in roles.iter_mut() {
        if let Role::Place(Side::A, a) = *r {
            *r = Role::Place(Side::B, a);
        }
    }
    for (i, attr) in home {
        if let Some(r) = roles.get_mut(i) {
            *r = Role::Place(Side::A, attr);
        }
    }
    crate::country::countries().lookup(&suffix).map(|c| c.name)
}

/// The first columns of a header for a message: at most 20, each cut at 40 characters.
pub(crate) fn shown_columns(header: &[String]) -> String {
    let mut out: Vec<String> = header
        .iter()
        .take(20)
        .map(|h| {
            let cut: String = h.chars().take(40).collect();
            format!("{cut:?}")
        })
        .collect();
    if header.len() > 20 {
        out.push(format!("… {} more", header.len() - 20));
    }
    out.join(", ")
}

/// Refuse a header wider than [`MAX_COLUMNS`]: no table of twinnings needs that many.
pub(crate) fn check_width(width: usize, what: &str) -> Result<()> {
    if width > MAX_COLUMNS {
        return Err(Error::Format {
            origin: "the imported file".into(),
            message: format!(
                "the {what} has {width} columns; at most {MAX_COLUMNS} are read (is this a \
                 table of twinnings?)"
            ),
        });
    }
    Ok(())
}

/// The bindings a row is read with: only the ones that do something (no `Ignore`), column
/// bindings in column order, constants last. `upto(n)` gives those that a row of `n`
/// fields can fill, so that a short row costs no more than its own length to read.
pub(crate) struct Active {
    columns: Vec<Binding>,
    consts: Vec<Binding>,
    /// Whether `columns` is in column order (a header's roles are; a mapping's need not be).
    sorted: bool,
}

impl Active {
    pub(crate) fn new(list: &[Binding]) -> Active {
        let useful = list.iter().filter(|b| b.role != Role::Ignore).cloned();
        let (consts, columns): (Vec<Binding>, Vec<Binding>) =
            useful.partition(|b| matches!(b.value, Value::Const(_)));
        let sorted = columns
            .windows(2)
            .all(|w| matches!((&w[0].value, &w[1].value), (Value::Column(x), Value::Column(y)) if x <= y));
        Active {
            columns,
            consts,
            sorted,
        }
    }

    pub(crate) fn upto(&self, fields: usize) -> impl Iterator<Item = &Binding> {
        let n = if self.sorted {
            self.columns
                .partition_point(|b| matches!(b.value, Value::Column(i) if i < fields))
        } else {
            self.columns.len()
        };
        self.columns.iter().take(n).chain(&self.consts)
    }

    /// The bindings of one column (for rows that name their columns, as SPARQL results do).
    pub(crate) fn of_column(&self, column: usize) -> impl Iterator<Item = &Binding> {
        let range = if self.sorted {
            let lo = self
                .columns
                .partition_point(|b| matches!(b.value, Value::Column(i) if i < column));
            let hi = self
                .columns
                .partition_point(|b| matches!(b.value, Value::Column(i) if i <= column));
            lo..hi
        } else {
            0..self.columns.len()
        };
        self.columns
            .get(range)
            .unwrap_or(&[])
            .iter()
            .filter(move |b| b.value == Value::Column(column))
    }

    pub(crate) fn consts(&self) -> impl Iterator<Item = &Binding> {
        self.consts.iter()
    }
}

/// The roles the importer would give a header, as a [`ColumnMapping`] with column names
/// (numbers where a name is empty or repeated), and whether it names both places.
pub(crate) fn guess(header: &[String]) -> (ColumnMapping, Vec<Binding>, bool) {
    let list = auto(header);
    let mut m = ColumnMapping::default();
    for b in &list {
        let r = match &b.value {
            Value::Const(c) => ColumnRef::Name(format!("={c}")),
            Value::Column(i) => {
                let h = header.get(*i).map(|h| h.trim()).unwrap_or("");
                let unique = header.iter().filter(|x| x.trim() == h).count() == 1;
                if h.is_empty() || !unique || h.starts_with('=') || h.chars().count() > 200 {
                    ColumnRef::Number(*i as u32 + 1)
                } else {
                    ColumnRef::Name(h.trim_start_matches('?').to_string())
                }
            }
        };
        let slot = match b.role {
            Role::Place(side, attr) => {
                let a = side == Side::A;
                match attr {
                    Attr::Entity if a => &mut m.a_id,
                    Attr::Entity => &mut m.b_id,
                    Attr::Name if a => &mut m.a_name,
                    Attr::Name => &mut m.b_name,
                    Attr::AltName if a => &mut m.a_alt_name,
                    Attr::AltName => &mut m.b_alt_name,
                    Attr::Country if a => &mut m.a_country,
                    Attr::Country => &mut m.b_country,
                    Attr::Admin if a => &mut m.a_admin,
                    Attr::Admin => &mut m.b_admin,
                    Attr::Lat if a => &mut m.a_lat,
                    Attr::Lat => &mut m.b_lat,
                    Attr::Lon if a => &mut m.a_lon,
                    Attr::Lon => &mut m.b_lon,
                    Attr::Coord if a => &mut m.a_coord,
                    Attr::Coord => &mut m.b_coord,
                    Attr::Population if a => &mut m.a_population,
                    Attr::Population => &mut m.b_population,
                    Attr::Level if a => &mut m.a_level,
                    Attr::Level => &mut m.b_level,
                }
            }
            Role::Form => &mut m.form,
            Role::Start => &mut m.start,
            Role::StartPrecision => &mut m.start_precision,
            Role::End => &mut m.end,
            Role::EndPrecision => &mut m.end_precision,
            Role::EndCause => &mut m.end_cause,
            Role::Ignore => continue,
        };
        // the first column of a role is the one the importer reads first
        if slot.is_none() {
            *slot = Some(r);
        }
    }
    let ok = has_place(&list, Side::A) && has_place(&list, Side::B);
    (m, list, ok)
}

/// The name of a role, as the report's `columns` and the preview give it.
pub(crate) fn role_name(role: Role) -> String {
    role.name()
}

fn has_place(bindings: &[Binding], side: Side) -> bool {
    bindings
        .iter()
        .any(|b| matches!(b.role, Role::Place(s, Attr::Name | Attr::Entity) if s == side))
}

/// The bindings of a header (or of a mapping), checked to name both places.
pub(crate) fn bindings(
    header: &[String],
    mapping: Option<&ColumnMapping>,
    report: &mut ImportReport,
) -> Result<Vec<Binding>> {
    let list = match mapping {
        Some(m) => mapped(m, header)?,
        None => auto(header),
    };
    // the first role of each column, in one pass (a per-column search of the list was
    // quadratic: 120,000 columns took 22 s)
    let mut first: Vec<Option<Role>> = vec![None; header.len()];
    for b in &list {
        if let Value::Column(i) = b.value {
            if let Some(slot @ None) = first.get_mut(i) {
                *slot = Some(b.role);
            }
        }
    }
    report.columns = header
        .iter()
        .zip(first)
        .map(|(h, role)| ColumnUse {
            column: h.clone(),
            role: role.unwrap_or(Role::Ignore).name(),
        })
        .collect();
    for b in &list {
        if let Value::Const(c) = &b.value {
            report.columns.push(ColumnUse {
                column: format!("={c}"),
                role: b.role.name(),
            });
        }
    }
    if !has_place(&list, Side::A) || !has_place(&list, Side::B) {
        let msg = format!(
            "cannot tell which columns hold the two places of each pair (columns: {}); \
             name them city1/city2, item/partner, origin…/sister…, or give a mapping \
             such as {{ aName: \"…\", bName: \"…\" }}",
            shown_columns(header)
        );
        return Err(match mapping {
            Some(_) => Error::invalid("mapping", msg),
            None => Error::Format {
                origin: "the imported file".into(),
                message: msg,
            },
        });
    }
    Ok(list)
}

/// Build one row from its fields. `column` gives the value of a column (already cleaned).
pub(crate) fn row_from<'a, 'f, 'b>(
    b: &mut Builder,
    bindings: impl IntoIterator<Item = &'b Binding>,
    field: &dyn Fn(usize) -> Cow<'f, str>,
    row: u32,
    line: u32,
    raw: Cow<'a, str>,
    report: &mut ImportReport,
) -> RowIn<'a> {
    let mut r = RowIn {
        row,
        line,
        a: SideIn::default(),
        b: SideIn::default(),
        form: Form::Unspecified,
        start: None,
        end: None,
        end_cause: None,
        raw,
        hash: 0,
    };
    let mut hasher = super::build::Fx::default();
    // a date's text and its column, read once the precision columns are read too
    let mut start: Option<(String, u32)> = None;
    let mut end: Option<(String, u32)> = None;
    let (mut start_p, mut end_p) = (None, None);
    let mut lat_lon: [(Option<f64>, Option<f64>); 2] = [(None, None), (None, None)];
    let line_no = (line > 0).then_some(line);
    for bind in bindings {
        let (value, col) = match &bind.value {
            Value::Column(i) => (field(*i), Some(*i as u32 + 1)),
            Value::Const(c) => (Cow::Borrowed(c.as_str()), None),
        };
        // a cell our CSV export neutralised for spreadsheets ("'=Foo") reads as it was
        let v = crate::export::uncell(value.trim());
        if bind.role != Role::Ignore {
            std::hash::Hash::hash(v, &mut hasher);
        }
        if v.is_empty() {
            continue;
        }
        match bind.role {
            Role::Ignore => {}
            Role::Place(side, attr) => {
                let s = if side == Side::A { &mut r.a } else { &mut r.b };
                let ll = if side == Side::A {
                    &mut lat_lon[0]
                } else {
                    &mut lat_lon[1]
                };
                match attr {
                    Attr::Entity => match qid(v) {
                        Some(q) => s.qid = Some(q.to_string()),
                        None if s.name.is_empty() => {
                            s.name = v.to_string();
                            s.name_from_entity = true;
                        }
                        None => {}
                    },
                    Attr::Name => {
                        let cleaned = super::wiki::clean(v);
                        let v = match &cleaned {
                            Some(c) => {
                                report.cleaning.wiki_markup += 1;
                                if s.title.is_none() {
                                    s.title.clone_from(&c.target);
                                }
                                if s.flag.is_none() {
                                    s.flag.clone_from(&c.flag);
                                }
                                c.text.as_str()
                            }
                            None => v,
                        };
                        if s.name.is_empty() || s.name_from_entity {
                            if let Some(q) = qid(v) {
                                // a label column holding an id: the query found no label
                                if s.qid.is_none() {
                                    s.qid = Some(q.to_string());
                                }
                            } else {
                                s.name = v.to_string();
                                s.name_from_entity = false;
                            }
                        }
                    }
                    Attr::AltName => {
                        let first = v.split(',').next().unwrap_or(v).trim();
                        if s.alt_name.is_none()
                            && !first.is_empty()
                            && !first.bytes().all(|c| c.is_ascii_digit())
                        {
                            s.alt_name = Some(first.to_string());
                        }
                    }
                    Attr::Country => match super::wiki::clean(v) {
                        Some(c) => {
                            report.cleaning.wiki_markup += 1;
                            let text = if c.text.is_empty() {
                                c.flag.unwrap_or_default()
                            } else {
                                c.text
                            };
                            set_country(b, s, &text)
                        }
                        None => set_country(b, s, v),
                    },
                    Attr::Admin => {
                        if s.admin.is_none() && qid(v).is_none() {
                            s.admin = Some(v.to_string());
                        }
                    }
                    Attr::Lat | Attr::Lon => match degrees(v) {
                        Some(x) if attr == Attr::Lat => ll.0 = ll.0.or(Some(x)),
                        Some(x) => ll.1 = ll.1.or(Some(x)),
                        None => report.warn(
                            line_no,
                            col,
                            format!("cannot read the coordinate {v:?}; left out"),
                        ),
                    },
                    Attr::Coord => match point(v) {
                        Some((lat, lon)) => {
                            if ll.0.is_none() && ll.1.is_none() {
                                *ll = (Some(lat), Some(lon));
                            }
                        }
                        None => report.warn(
                            line_no,
                            col,
                            format!("cannot read the position {v:?}; left out"),
                        ),
                    },
                    Attr::Population => match population(v) {
                        Some(p) => s.population = s.population.or(Some(p)),
                        None => report.warn(
                            line_no,
                            col,
                            format!(
                                "cannot read the population {v:?} (a whole number from 0 to \
                                 {}); left out",
                                crate::limits::MAX_POPULATION
                            ),
                        ),
                    },
                    Attr::Level => {
                        let l = normalise::level_from_class(v);
                        if l != Level::Unknown && s.level.is_none() {
                            s.level = Some(l);
                        }
                    }
                }
            }
            Role::Form => match normalise::form(v) {
                Some(f) => r.form = f,
                None => report.warn(
                    line_no,
                    col,
                    format!("unknown form {v:?}; read as unspecified"),
                ),
            },
            Role::Start => {
                if start.is_none() {
                    start = Some((v.to_string(), col.unwrap_or(0)));
                }
            }
            Role::End => {
                if end.is_none() {
                    end = Some((v.to_string(), col.unwrap_or(0)));
                }
            }
            Role::StartPrecision => start_p = normalise::precision(v),
            Role::EndPrecision => end_p = normalise::precision(v),
            Role::EndCause => {
                if r.end_cause.is_none() || qid(r.end_cause.as_deref().unwrap_or("")).is_some() {
                    r.end_cause = Some(v.to_string());
                }
            }
        }
    }
    r.hash = std::hash::Hasher::finish(&hasher) | 1;
    for (which, (lat, lon)) in lat_lon.into_iter().enumerate() {
        let s = if which == 0 { &mut r.a } else { &mut r.b };
        match (lat, lon) {
            (Some(la), Some(lo)) => {
                if !(-90.0..=90.0).contains(&la) || !(-180.0..=180.0).contains(&lo) {
                    report.warn(
                        line_no,
                        None,
                        format!("position {la},{lo} is off the globe; left out"),
                    );
                } else if la == 0.0 && lo == 0.0 {
                    report.warn(line_no, None, "position 0,0 is no place's; left out");
                } else {
                    s.lat = Some(la);
                    s.lon = Some(lo);
                }
            }
            (None, None) => {}
            _ => report.warn(
                line_no,
                None,
                "only one of latitude and longitude is given; left out",
            ),
        }
    }
    for (slot, value, precision) in [(&mut r.start, start, start_p), (&mut r.end, end, end_p)] {
        if let Some((v, col)) = value {
            match normalise::date(&v, precision) {
                Ok(d) => *slot = d,
                Err(m) => report.warn(
                    line_no,
                    (col > 0).then_some(col),
                    format!("{m}; date left out"),
                ),
            }
        }
    }
    r
}

/// How many lines the delimiter sniffer looks at.
const SNIFF_LINES: usize = 20;
/// How many bytes of the file it looks at, whatever the lines.
const SNIFF_BYTES: usize = 64 * 1024;

/// Guess the field separator of a table: tab, `,`, `;` or `|`. For each candidate, count it
/// outside quotes on each of the first lines (a quoted field may hold line breaks); the
/// candidate found on the header line and on the most lines in the same number as there
/// wins, then the one found more often on the header, then the order tab, `,`, `;`, `|`.
pub(crate) fn sniff_delimiter(text: &str) -> u8 {
    const CANDIDATES: [u8; 4] = [b'\t', b',', b';', b'|'];
    let mut end = text.len().min(SNIFF_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = text.get(..end).unwrap_or("");
    // counts[line][candidate]
    let mut counts: Vec<[u32; 4]> = Vec::new();
    let mut cur = [0u32; 4];
    let mut quoted = false;
    let mut any = false;
    for c in head.bytes() {
        match c {
            b'"' => {
                quoted = !quoted;
                any = true;
            }
            b'\n' if !quoted => {
                if any {
                    counts.push(cur);
                    if counts.len() >= SNIFF_LINES {
                        break;
                    }
                }
                cur = [0; 4];
                any = false;
            }
            b'\r' => {}
            _ => {
                any |= !c.is_ascii_whitespace();
                if !quoted {
                    if let Some(k) = CANDIDATES.iter().position(|&d| d == c) {
                        if let Some(n) = cur.get_mut(k) {
                            *n += 1;
                        }
                    }
                }
            }
        }
    }
    if any && counts.len() < SNIFF_LINES {
        counts.push(cur);
    }
    let Some(first) = counts.first().copied() else {
        return b',';
    };
    let mut best = (b',', 0usize, 0u32);
    for (k, &d) in CANDIDATES.iter().enumerate() {
        let n = first.get(k).copied().unwrap_or(0);
        if n == 0 {
            continue;
        }
        let same = counts
            .iter()
            .filter(|c| c.get(k).copied() == Some(n))
            .count();
        if same > best.1 || (same == best.1 && n > best.2) {
            best = (d, same, n);
        }
    }
    best.0
}

/// The delimiter a table is read with: the option, else tab for TSV, else sniffed.
pub(crate) fn delimiter_of(text: &str, format: ImportFormat, given: Option<u8>) -> u8 {
    match (given, format) {
        (Some(d), _) => d,
        (None, ImportFormat::Tsv) => b'\t',
        (None, _) => match sniff_delimiter(text) {
            b'\t' => b',',
            d => d,
        },
    }
}

/// A CSV reader for a table: no header handling, ragged rows allowed, quotes except in
/// TSV (the query service writes quotes inside TSV values).
pub(crate) fn reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .quoting(delimiter != b'\t')
        .from_reader(text.as_bytes())
}

pub(crate) fn parse_err(e: csv::Error) -> Error {
    let (line, column) = e
        .position()
        .map(|p| (p.line() as usize, 1))
        .unwrap_or((0, 0));
    Error::Parse {
        origin: "the imported file".into(),
        line,
        column,
        message: e.to_string(),
    }
}

pub(crate) fn read(
    text: &str,
    format: ImportFormat,
    mapping: Option<&ColumnMapping>,
    given: Option<u8>,
    b: &mut Builder,
    report: &mut ImportReport,
) -> Result<()> {
    b.reserve_for(text.len());
    let delimiter = delimiter_of(text, format, given);
    let tsv = delimiter == b'\t';
    report.delimiter = Some(char::from(delimiter).to_string());
    if delimiter == b';' && given.is_none() {
        report.warn(Some(1), None, "fields are separated by semicolons");
    }
    let mut rdr = reader(text, delimiter);
    let mut rec = csv::StringRecord::new();
    let header_row = mapping.and_then(|m| m.header).unwrap_or(true);
    let mut header: Vec<String> = Vec::new();
    let mut first_record: Option<csv::StringRecord> = None;
    if rdr.read_record(&mut rec).map_err(parse_err)? {
        if header_row {
            header = rec.iter().map(|h| h.trim().to_string()).collect();
        } else {
            header = (1..=rec.len()).map(|i| format!("column {i}")).collect();
            first_record = Some(rec.clone());
        }
    }
    check_width(header.len(), "header")?;
    let wdqs = tsv && header.iter().any(|h| h.starts_with('?'));
    let binds = Active::new(&bindings(&header, mapping, report)?);
    let width = header.len();
    let mut row: u32 = 0;
    let mut start_byte = first_record
        .as_ref()
        .and_then(|r| r.position().map(|p| p.byte() as usize))
        .unwrap_or_else(|| rdr.position().byte() as usize);
    let mut pending = first_record;
    loop {
        if let Some(p) = pending.take() {
            rec = p;
        } else if !rdr.read_record(&mut rec).map_err(parse_err)? {
            break;
        }
        row += 1;
        let line = rec.position().map(|p| p.line() as u32).unwrap_or(0);
        let end_byte = rdr.position().byte() as usize;
        let raw = text.get(start_byte..end_byte).unwrap_or("");
        start_byte = end_byte;
        if !tsv && raw.matches('"').count() % 2 == 1 {
            report.warn(
                Some(line),
                None,
                "a quoted field is never closed: the rest of the file was read into it",
            );
        }
        if rec.len() != width && width > 0 {
            report.warn(
                Some(line),
                None,
                format!("{} fields where the header has {width}", rec.len()),
            );
        }
        let current = &rec;
        let field = |i: usize| -> Cow<'_, str> {
            let v = current.get(i).unwrap_or("");
            if wdqs {
                rdf_term(v)
            } else {
                Cow::Borrowed(v)
            }
        };
        let active = binds.upto(rec.len());
        let row_in = row_from(b, active, &field, row, line, Cow::Borrowed(raw), report);
        b.add(row_in, report);
    }
    if row == 0 {
        report.warn(None, None, "the file has a header but no data rows");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_headers_of_known_files() {
        use Attr::*;
        use Side::*;
        let cases = [
            ("city1", Role::Place(A, Name)),
            ("lng2", Role::Place(B, Lon)),
            ("country2", Role::Place(B, Country)),
            ("?item", Role::Place(A, Entity)),
            ("?itemLabel", Role::Place(A, Name)),
            ("partner", Role::Place(B, Entity)),
            ("partnerLabel", Role::Place(B, Name)),
            ("partnerCountryLabel", Role::Place(B, Country)),
            ("origincityLabel", Role::Place(A, Name)),
            ("origincountry", Role::Place(A, Country)),
            ("originlat", Role::Place(A, Lat)),
            ("sistercityLabel", Role::Place(B, Name)),
            ("destination_countryLabel", Role::Place(B, Country)),
            ("destinationpopulation", Role::Place(B, Population)),
            ("partnergemeinde", Role::Place(B, Name)),
            ("latitude_partner", Role::Place(B, Lat)),
            ("partner_place_name", Role::Place(B, AltName)),
            ("municipality", Role::Place(A, Name)),
            ("sister", Role::Place(B, Entity)),
            ("a_name", Role::Place(A, Name)),
            ("b_wikidata", Role::Place(B, Entity)),
            ("seit", Role::Start),
            ("endCause", Role::EndCause),
            ("startPrecision", Role::StartPrecision),
            ("instanceOfLabel", Role::Place(A, Level)),
            ("dist", Role::Ignore),
            ("", Role::Ignore),
        ];
        for (h, want) in cases {
            assert_eq!(recognise(h), want, "{h}");
        }
    }
}
