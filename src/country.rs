//! Countries: ISO 3166-1 alpha-2 codes with English names, continents and names in many
//! languages, generated from maintained lists (`data/countries.tsv`, see
//! `scripts/gen-countries.mjs`), plus historic states and informal names kept by hand
//! (`data/country-aliases.tsv`: USSR, Yugoslavia, East and West Germany, Zaire, England …).
//!
//! Not for: subdivisions (states, provinces) or borders.

use crate::text::fold;
use std::collections::HashMap;
use std::sync::OnceLock;

const GENERATED: &str = include_str!("../data/countries.tsv");
const ALIASES: &str = include_str!("../data/country-aliases.tsv");

/// Historic states the model may name in [`crate::model::HistoricState`].
pub const HISTORIC_STATES: [(&str, &str); 5] = [
    ("SU", "Soviet Union"),
    ("YU", "Yugoslavia"),
    ("CS", "Czechoslovakia"),
    ("DD", "East Germany"),
    ("FRG", "West Germany"),
];

#[derive(Debug)]
pub struct Country {
    pub code: &'static str,
    pub name: &'static str,
    /// Two-letter continent code: AF, AN, AS, EU, NA, OC, SA; empty for historic states.
    pub continent: &'static str,
    pub historic: bool,
}

#[derive(Debug)]
pub struct Countries {
    list: Vec<Country>,
    by_code: HashMap<&'static str, usize>,
    by_name: HashMap<String, usize>,
}

/// The English name of a continent's two-letter code (`EU` → Europe), or the code itself
/// when unknown.
pub fn continent_name(code: &str) -> &str {
    match code {
        "AF" => "Africa",
        "AN" => "Antarctica",
        "AS" => "Asia",
        "EU" => "Europe",
        "NA" => "North America",
        "OC" => "Oceania",
        "SA" => "South America",
        other => other,
    }
}

/// The country table, built once from the embedded files.
pub fn countries() -> &'static Countries {
    static TABLE: OnceLock<Countries> = OnceLock::new();
    TABLE.get_or_init(Countries::build)
}

impl Countries {
    fn build() -> Countries {
        let mut c = Countries {
            list: Vec::new(),
            by_code: HashMap::new(),
            by_name: HashMap::new(),
        };
        for line in GENERATED.lines().filter(|l| !l.starts_with('#')) {
            let mut f = line.split('\t');
            let (Some(code), Some(continent), Some(name)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            let i = c.add(code, name, continent, false);
            for other in f.next().unwrap_or("").split('|') {
                c.alias(other, i, false);
            }
        }
        for line in ALIASES.lines().filter(|l| !l.starts_with('#')) {
            let mut f = line.split('\t');
            let (Some(code), Some(name)) = (f.next(), f.next()) else {
                continue;
            };
            let i = match c.by_code.get(code) {
                Some(&i) => {
                    c.alias(name, i, true);
                    i
                }
                None => c.add(code, name, "", true),
            };
            // hand-kept aliases win over the generated ones (Georgia, Congo)
            for other in f.next().unwrap_or("").split('|') {
                c.alias(other, i, true);
            }
        }
        c
    }

    fn add(
        &mut self,
        code: &'static str,
        name: &'static str,
        continent: &'static str,
        historic: bool,
    ) -> usize {
        let i = self.list.len();
        self.list.push(Country {
            code,
            name,
            continent,
            historic,
        });
        self.by_code.insert(code, i);
        self.by_name.insert(fold(code), i);
        self.alias(name, i, true);
        i
    }

    fn alias(&mut self, name: &str, i: usize, overwrite: bool) {
        let key = fold(name);
        if key.is_empty() {
            return;
        }
        if overwrite {
            self.by_name.insert(key, i);
        } else {
            self.by_name.entry(key).or_insert(i);
        }
    }

    pub fn get(&self, code: &str) -> Option<&Country> {
        self.by_code.get(code).map(|&i| &self.list[i])
    }

    /// The English name of a code, or the code itself when unknown.
    pub fn name<'a>(&'a self, code: &'a str) -> &'a str {
        self.get(code).map(|c| c.name).unwrap_or(code)
    }

    pub fn is_code(&self, code: &str) -> bool {
        self.by_code.contains_key(code)
    }

    /// Find a country by a name in any language, a code, or a historic name.
    pub fn lookup(&self, name: &str) -> Option<&Country> {
        self.by_name.get(&fold(name)).map(|&i| &self.list[i])
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_countries_by_names_in_other_languages() {
        let c = countries();
        assert_eq!(c.lookup("Deutschland").map(|c| c.code), Some("DE"));
        assert_eq!(c.lookup("Rußland").map(|c| c.code), Some("RU"));
        assert_eq!(c.lookup("Tschech. Republik").map(|c| c.code), Some("CZ"));
        assert_eq!(c.lookup("Zaire").map(|c| c.code), Some("CD"));
        assert_eq!(c.lookup("England").map(|c| c.code), Some("GB"));
        assert_eq!(c.lookup("Georgia (country)").map(|c| c.code), Some("GE"));
        assert_eq!(c.lookup("united states").map(|c| c.code), Some("US"));
    }

    #[test]
    fn knows_historic_states() {
        let c = countries();
        assert_eq!(c.lookup("USSR").map(|c| c.code), Some("SU"));
        assert_eq!(c.name("DD"), "East Germany");
        assert!(c.get("YU").is_some_and(|y| y.historic));
        assert!(c.len() > 250);
    }
}
