//! Reading single values of foreign files: country names (any language, compound,
//! historic, or a subdivision), place levels from names and Wikidata classes, dates with
//! their precision (Wikidata times, plain years), relationship forms (p/f/k), coordinates,
//! populations, Wikidata ids, and names that are scraping junk.
//!
//! Not for: rows or files (`table.rs`, `sparql.rs`), or deciding which places are the same
//! (`build.rs`, `merge.rs`).

use crate::country::countries;
use crate::date::{Date, Precision};
use crate::model::{Form, Level};
use crate::text::fold;
use std::collections::HashMap;
use std::sync::OnceLock;

const SUBDIVISIONS: &str = include_str!("subdivisions.tsv");

/// A country code from a country string: a name in any language, an ISO code, a historic
/// state, or a compound such as `"England, United Kingdom"` / `"Martinique, France"` (the
/// more specific part wins when it is a country itself). Also returns the part that is
/// not the country (a subdivision such as "New York"), for the place's `admin`.
pub fn country_code(raw: &str) -> Option<(&'static str, Option<&str>)> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    let table = countries();
    if let Some(c) = table.lookup(s) {
        return Some((c.code, None));
    }
    // "Georgia (country)", "Congo (Kinshasa)"
    if let Some((head, _)) = s.split_once('(') {
        if let Some(c) = table.lookup(head) {
            return Some((c.code, None));
        }
    }
    if let Some((first, last)) = s.rsplit_once(',') {
        let (first, last) = (first.trim(), last.trim());
        if let Some(c) = table.lookup(first) {
            return Some((c.code, None));
        }
        if let Some(c) = table.lookup(last) {
            return Some((c.code, (!first.is_empty()).then_some(first)));
        }
    }
    None
}

/// States that no longer exist and that the atlas has no code for, by their names in the
/// languages of the lists met so far: a country cell naming one is reported as a historic
/// state, and the place's country is left to the gazetteer.
const HISTORIC_WITHOUT_CODE: [(&str, &[&str]); 5] = [
    (
        "Russian Empire",
        &[
            "Russian Empire",
            "Impero russo",
            "Russisches Reich",
            "Empire russe",
            "Imperio ruso",
        ],
    ),
    (
        "Austria-Hungary",
        &[
            "Austria-Hungary",
            "Austria-Ungheria",
            "Österreich-Ungarn",
            "Autriche-Hongrie",
        ],
    ),
    (
        "Ottoman Empire",
        &[
            "Ottoman Empire",
            "Impero ottomano",
            "Osmanisches Reich",
            "Empire ottoman",
        ],
    ),
    ("Prussia", &["Prussia", "Preußen", "Prusse", "Prusia"]),
    (
        "Kingdom of Yugoslavia",
        &[
            "Kingdom of Yugoslavia",
            "Regno di Jugoslavia",
            "Königreich Jugoslawien",
        ],
    ),
];

/// The English name of a historic state the atlas has no code for ("Impero russo" →
/// Russian Empire).
pub fn historic_state(raw: &str) -> Option<&'static str> {
    let f = fold(raw);
    HISTORIC_WITHOUT_CODE
        .iter()
        .find(|(_, names)| names.iter().any(|n| fold(n) == f))
        .map(|(name, _)| *name)
}

fn subdivision_table() -> &'static HashMap<String, Option<&'static str>> {
    static TABLE: OnceLock<HashMap<String, Option<&'static str>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut m: HashMap<String, Option<&'static str>> = HashMap::new();
        for line in SUBDIVISIONS.lines().filter(|l| !l.starts_with('#')) {
            let Some((code, names)) = line.split_once('\t') else {
                continue;
            };
            for n in names.split('|') {
                let key = fold(n);
                if key.is_empty() {
                    continue;
                }
                match m.get_mut(&key) {
                    None => {
                        m.insert(key, Some(code));
                    }
                    // a name shared by several countries (Córdoba, Punjab) says nothing,
                    // except that Wikipedia's "Town, Florida" means the US state
                    Some(slot) => {
                        if *slot != Some(code) {
                            *slot = if *slot == Some("US") || code == "US" {
                                Some("US")
                            } else {
                                None
                            };
                        }
                    }
                }
            }
        }
        m
    })
}

/// The country of a first-level subdivision name ("Nebraska" → US, "Hokkaido" → JP),
/// when only one country has a subdivision of that name.
pub fn subdivision_country(name: &str) -> Option<&'static str> {
    subdivision_table().get(&fold(name)).copied().flatten()
}

/// Split a Wikipedia-style title "Town, Qualifier" into the town and the country the
/// qualifier names (a subdivision first, as Wikipedia titles use them, then a country).
pub fn split_qualified(name: &str) -> Option<(&str, &'static str, &str)> {
    let (head, tail) = name.rsplit_once(',')?;
    let (head, tail) = (head.trim(), tail.trim());
    if head.is_empty() || tail.is_empty() {
        return None;
    }
    if let Some(cc) = subdivision_country(tail) {
        return Some((head, cc, tail));
    }
    let c = countries().lookup(tail)?;
    Some((head, c.code, tail))
}

/// A Wikidata item id from a bare id, a prefixed id or an entity URI.
pub fn qid(value: &str) -> Option<&str> {
    if !value.as_bytes().contains(&b'Q') {
        // the common case in pair lists: a name, not an id
        return None;
    }
    let v = value.trim().trim_start_matches('<').trim_end_matches('>');
    let v = v.rsplit('/').next().unwrap_or(v);
    let v = v.strip_prefix("wd:").unwrap_or(v);
    let digits = v.strip_prefix('Q')?;
    (!digits.is_empty() && digits.len() <= 12 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then_some(v)
}

/// A value of a Wikidata query-service TSV: `<http://…/Q64>`, `"Berlin"@en`,
/// `"1987-01-01T00:00:00Z"^^<…#dateTime>` → the plain value.
pub fn rdf_term(value: &str) -> std::borrow::Cow<'_, str> {
    let v = value.trim();
    if let Some(inner) = v.strip_prefix('<').and_then(|r| r.strip_suffix('>')) {
        return inner.into();
    }
    if let Some(rest) = v.strip_prefix('"') {
        if let Some(end) = rest.rfind('"') {
            let tail = rest.get(end + 1..).unwrap_or("");
            if tail.is_empty() || tail.starts_with('@') || tail.starts_with("^^") {
                let body = rest.get(..end).unwrap_or("");
                if !body.contains('\\') {
                    return body.into();
                }
                let mut out = String::with_capacity(body.len());
                let mut chars = body.chars();
                while let Some(c) = chars.next() {
                    if c == '\\' {
                        match chars.next() {
                            Some('n') => out.push('\n'),
                            Some('t') => out.push('\t'),
                            Some('r') => out.push('\r'),
                            Some(o) => out.push(o),
                            None => {}
                        }
                    } else {
                        out.push(c);
                    }
                }
                return out.into();
            }
        }
    }
    v.into()
}

/// A place level from a name's wording: "Aichi Prefecture", "Słubice County", "(Kreis)".
pub fn level_from_name(name: &str) -> Level {
    level_from_folded(&fold(name))
}

/// [`level_from_name`] of a name already folded.
pub(crate) fn level_from_folded(f: &str) -> Level {
    // one pass over the words (an import asks this of every new place)
    let (mut county, mut region, mut district) = (false, false, false);
    let mut words = f.split(' ');
    let first = words.next().unwrap_or("");
    let second = words.next();
    let mut last = first;
    for w in std::iter::once(first).chain(second).chain(words) {
        match w {
            "kreis" | "landkreis" | "county" | "powiat" | "comarca" => county = true,
            "prefecture" | "province" | "oblast" | "krai" | "voivodeship" | "wojewodschaft"
            | "governorate" | "region" | "regione" | "departement" | "department" | "canton"
            | "kanton" | "provincia" | "regierungsbezirk" => region = true,
            "district" | "borough" | "bezirk" | "arrondissement" | "ward" => district = true,
            _ => {}
        }
        last = w;
    }
    if county {
        return Level::County;
    }
    if region || last == "state" || (first == "state" && second == Some("of")) {
        return Level::Region;
    }
    if district {
        return Level::District;
    }
    if last == "island" || last == "islands" || first == "isle" {
        return Level::Island;
    }
    if last == "city" || (first == "city" && second == Some("of")) {
        return Level::City;
    }
    Level::Unknown
}

/// A place level from a Wikidata class (an id or its English label).
pub fn level_from_class(value: &str) -> Level {
    if let Some(q) = qid(value) {
        return match q {
            "Q515" | "Q1549591" | "Q1637706" | "Q200250" | "Q5119" | "Q1093829" | "Q22865"
            | "Q1066984" | "Q2264924" | "Q13218690" => Level::City,
            "Q3957" | "Q15127012" | "Q484170" | "Q262166" | "Q42744322" | "Q747074"
            | "Q2039348" | "Q15284" | "Q1307779" | "Q2074737" | "Q116457956" => Level::Town,
            "Q532" | "Q5084" | "Q1529096" => Level::Village,
            "Q28575" | "Q13220204" | "Q85482556" | "Q106658" => Level::County,
            "Q10864048" | "Q34876" | "Q35657" | "Q50337" | "Q835714" | "Q107390" | "Q36784"
            | "Q6465" | "Q1221156" => Level::Region,
            "Q23442" => Level::Island,
            "Q6256" | "Q3624078" => Level::Country,
            "Q1289426" | "Q2198484" | "Q192287" => Level::District,
            _ => Level::Unknown,
        };
    }
    let f = fold(value);
    match f.as_str() {
        "city"
        | "big city"
        | "capital"
        | "million city"
        | "metropolis"
        | "city of the united states" => Level::City,
        "town"
        | "municipality"
        | "commune of france"
        | "comune of italy"
        | "municipality of germany"
        | "urban municipality of germany"
        | "town in the united states"
        | "market town" => Level::Town,
        "village" | "hamlet" => Level::Village,
        "county" | "district of germany" | "rural district of germany" => Level::County,
        "island" => Level::Island,
        "country" | "sovereign state" => Level::Country,
        _ => match level_from_name(&f) {
            Level::Unknown if f.ends_with(" city") => Level::City,
            l => l,
        },
    }
}

/// A relationship form: `p`/`f`/`k` (German directories), English and German words, or
/// one of our own form names. `None` when the value says nothing we know.
pub fn form(value: &str) -> Option<Form> {
    let f = fold(value);
    Some(match f.as_str() {
        "" => Form::Unspecified,
        "p"
        | "partnerschaft"
        | "partnership"
        | "twinning"
        | "twin town"
        | "twin towns"
        | "jumelage"
        | "partnerstadt"
        | "stadtepartnerschaft" => Form::Twinning,
        "f" | "freundschaft" | "friendship" | "friendship city" | "freundschaftsvertrag" => {
            Form::Friendship
        }
        "k" | "kontakt" | "contact" | "contacts" => Form::Contact,
        "s" | "sister city" | "sister cities" | "sister" | "sister city relationship" => {
            Form::SisterCity
        }
        _ => return Form::parse(&f.replace(' ', "_")),
    })
}

/// A start or end date: a year (`1985`, `1985.0`), an ISO date, a Wikidata time
/// (`+1956-00-00T00:00:00Z`, `1956-01-01T00:00:00Z`) with an optional Wikidata precision
/// (9 year, 10 month, 11 day, 8 decade, 7 century), or one of our date forms.
/// `Ok(None)` for an empty value.
pub fn date(value: &str, precision: Option<u8>) -> Result<Option<Date>, String> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(None);
    }
    // a year written as a float by a spreadsheet or pandas
    if let Some(y) = v.strip_suffix(".0") {
        if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) {
            return Date::parse(y).map(Some);
        }
    }
    let (negative, body) = match v.strip_prefix('-') {
        Some(rest) if rest.contains('T') => (true, rest),
        _ => (false, v.strip_prefix('+').unwrap_or(v)),
    };
    if let Some((day_part, _time)) = body.split_once('T') {
        if negative {
            return Err(format!("date {v:?} is before the common era"));
        }
        let mut it = day_part.split('-');
        let year: i32 = it
            .next()
            .and_then(|y| y.parse().ok())
            .filter(|y| (0..=9999).contains(y))
            .ok_or_else(|| format!("cannot read the year of {v:?}"))?;
        let month: u8 = it.next().and_then(|m| m.parse().ok()).unwrap_or(0);
        let day: u8 = it.next().and_then(|d| d.parse().ok()).unwrap_or(0);
        let precision = match precision {
            Some(p) => p,
            // the query service writes year-precision times as YYYY-01-01: a day we must
            // not claim, so without a precision 1 January means "the year"
            None if month <= 1 && day <= 1 => 9,
            None if day <= 1 => 10,
            None => 11,
        };
        let d = match precision {
            11.. if month >= 1 && day >= 1 => {
                Date::parse(&format!("{year:04}-{month:02}-{day:02}"))?
            }
            10.. if month >= 1 => Date::parse(&format!("{year:04}-{month:02}"))?,
            9.. => Date::year(year),
            8 => Date {
                precision: Precision::Decade,
                year: year - year % 10,
                ..Date::UNKNOWN
            },
            7 => Date {
                precision: Precision::Century,
                year: (year - 1).max(0) / 100 * 100 + 1,
                ..Date::UNKNOWN
            },
            _ => {
                return Err(format!(
                    "date {v:?} is too imprecise (Wikidata precision {precision})"
                ))
            }
        };
        return Ok(Some(d));
    }
    Date::parse(v).map(|d| (!d.is_unknown()).then_some(d))
}

/// A Wikidata precision number.
pub fn precision(value: &str) -> Option<u8> {
    value.trim().parse().ok()
}

/// A coordinate in degrees.
pub fn degrees(value: &str) -> Option<f64> {
    let v = value.trim();
    let x: f64 = v
        .parse()
        .ok()
        .or_else(|| v.replace(',', ".").parse().ok())?;
    x.is_finite().then_some(x)
}

/// A point: WKT `Point(lon lat)` (Wikidata), or `lat,lon` / `lat lon`.
pub fn point(value: &str) -> Option<(f64, f64)> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    let lower = v.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("point") {
        let inner = rest.trim().strip_prefix('(')?.strip_suffix(')')?;
        let mut it = inner.split_whitespace();
        let lon = degrees(it.next()?)?;
        let lat = degrees(it.next()?)?;
        return Some((lat, lon));
    }
    let (a, b) = v.split_once(',').or_else(|| v.split_once(' '))?;
    Some((degrees(a)?, degrees(b)?))
}

/// A population: a non-negative whole number, possibly written as a decimal, at most
/// [`MAX_POPULATION`](crate::limits::MAX_POPULATION) (a larger one is a mistake, not a
/// place: it is left out, never cut to fit).
pub fn population(value: &str) -> Option<u32> {
    let v = value.trim();
    let n: f64 = v.parse().ok()?;
    let max = f64::from(crate::limits::MAX_POPULATION);
    (n.is_finite() && (0.0..=max).contains(&n)).then(|| n.round() as u32)
}

/// A quick pass for the common case, saying no more than [`junk_reason`] would: a name of
/// at most 200 bytes with an ASCII letter, none of the characters that wiki markup, URLs,
/// page and file names need (`[ ] { } | : .`), and not starting with "co" or "fl" in any
/// case ("Coat of arms …", "Flag of …"; only ASCII letters lower-case to those). Anything
/// else takes the full check.
fn plainly_a_name(n: &str) -> bool {
    let bytes = n.as_bytes();
    let starts = |p: &[u8]| {
        bytes
            .get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    };
    bytes.len() <= 200
        && !bytes
            .iter()
            .any(|&b| b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xE2)
        && !starts(b"co")
        && !starts(b"fl")
        && bytes.iter().any(u8::is_ascii_alphabetic)
        && !bytes
            .iter()
            .any(|b| matches!(b, b'[' | b']' | b'{' | b'}' | b'|' | b':' | b'.'))
}

/// Why a name cannot be a place, if it cannot: empty, an image file name, wiki markup,
/// a URL, or no letters at all.
pub fn junk_reason(name: &str) -> Option<String> {
    let n = name.trim();
    if n.is_empty() {
        return Some("the name is empty".into());
    }
    if plainly_a_name(n) {
        return None;
    }
    let lower = n.to_lowercase();
    for prefix in [
        "file:",
        "image:",
        "datei:",
        "bild:",
        "fichier:",
        "category:",
        "template:",
    ] {
        if lower.starts_with(prefix) {
            return Some(format!("{n:?} is a wiki file or page name, not a place"));
        }
    }
    for ext in [
        ".png", ".jpg", ".jpeg", ".svg", ".gif", ".webp", ".tif", ".pdf",
    ] {
        if lower.ends_with(ext) {
            return Some(format!("{n:?} is a file name, not a place"));
        }
    }
    if lower.starts_with("coat of arms") || lower.starts_with("flag of") {
        return Some(format!("{n:?} names an emblem, not a place"));
    }
    if n.contains("[[")
        || n.contains("]]")
        || n.contains("{{")
        || n.contains("}}")
        || n.contains('|')
    {
        return Some(format!("{n:?} contains wiki markup"));
    }
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.") {
        return Some(format!("{n:?} is a web address, not a place"));
    }
    if !n.chars().any(char::is_alphabetic) {
        return Some(format!("{n:?} has no letters"));
    }
    crate::limits::name_problem(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_compound_and_foreign_country_names() {
        assert_eq!(
            country_code("England, United Kingdom"),
            Some(("GB", Some("England"))).map(|(c, _)| (c, None))
        );
        assert_eq!(
            country_code("New York, United States"),
            Some(("US", Some("New York")))
        );
        assert_eq!(country_code("Martinique, France").map(|c| c.0), Some("MQ"));
        assert_eq!(country_code("Frankreich").map(|c| c.0), Some("FR"));
        assert_eq!(country_code("Georgia (country)").map(|c| c.0), Some("GE"));
        assert_eq!(country_code("Atlantis"), None);
    }

    #[test]
    fn tells_the_country_of_a_wikipedia_title() {
        assert_eq!(
            split_qualified("Gering, Nebraska"),
            Some(("Gering", "US", "Nebraska"))
        );
        assert_eq!(
            split_qualified("Córdoba, Andalusia").map(|s| s.1),
            Some("ES")
        );
        assert_eq!(
            split_qualified("Savannah, Georgia").map(|s| s.1),
            Some("US")
        );
        assert_eq!(split_qualified("Washington, D.C.").map(|s| s.1), Some("US"));
        assert_eq!(split_qualified("Bonn"), None);
    }

    #[test]
    fn reads_wikidata_times_with_their_precision() {
        assert_eq!(
            date("+1956-00-00T00:00:00Z", None).unwrap(),
            Some(Date::year(1956))
        );
        assert_eq!(
            date("1956-01-01T00:00:00Z", None).unwrap(),
            Some(Date::year(1956))
        );
        assert_eq!(
            date("1956-01-01T00:00:00Z", Some(11)).unwrap(),
            Some(Date::ymd(1956, 1, 1))
        );
        assert_eq!(
            date("1987-05-09T00:00:00Z", None).unwrap(),
            Some(Date::ymd(1987, 5, 9))
        );
        assert_eq!(
            date("1960-01-01T00:00:00Z", Some(8))
                .unwrap()
                .map(|d| d.to_string()),
            Some("1960s".into())
        );
        assert_eq!(date("1985.0", None).unwrap(), Some(Date::year(1985)));
        assert_eq!(date("", None).unwrap(), None);
        assert!(date("soon", None).is_err());
    }

    #[test]
    fn reads_levels_from_names_and_classes() {
        assert_eq!(level_from_name("Aichi Prefecture"), Level::Region);
        assert_eq!(level_from_name("Słubice County"), Level::County);
        assert_eq!(level_from_name("Bad Kreuznach (Kreis)"), Level::County);
        assert_eq!(level_from_name("Kaliningrad Oblast"), Level::Region);
        assert_eq!(level_from_name("Coventry"), Level::Unknown);
        assert_eq!(
            level_from_class("http://www.wikidata.org/entity/Q515"),
            Level::City
        );
        assert_eq!(level_from_class("village"), Level::Village);
    }

    #[test]
    fn reads_forms_points_and_junk() {
        assert_eq!(form("p"), Some(Form::Twinning));
        assert_eq!(form("f"), Some(Form::Friendship));
        assert_eq!(form("k"), Some(Form::Contact));
        assert_eq!(form("sister_city"), Some(Form::SisterCity));
        assert_eq!(form("zz"), None);
        assert_eq!(point("Point(13.38 52.51)"), Some((52.51, 13.38)));
        assert_eq!(qid("<http://www.wikidata.org/entity/Q64>"), Some("Q64"));
        assert_eq!(rdf_term("\"Porcia, Friuli\"@en"), "Porcia, Friuli");
        assert!(junk_reason("File:Coat of Arms of Barysaŭ, Belarus.png").is_some());
        assert!(junk_reason("Coventry").is_none());
    }
}
