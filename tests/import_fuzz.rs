//! No input makes an importer panic: a seeded random loop (a property test without a
//! dependency) over arbitrary bytes and mutated real rows, for a bounded time
//! (`IMPORT_FUZZ_SECONDS`, default 3) and a bounded number of cases. A failing case is
//! printed as hex with its seed so it can be replayed. The loop also covers the preview,
//! the query service's plain JSON, pipes and semicolons, wiki markup, mappings guessed by
//! the preview, conflicts with loaded data (merging into the curated atlas with every
//! resolution) and the QuickStatements export.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::time::{Duration, Instant};
use twinning_atlas::import::quickstatements::{quickstatements, QsRow};
use twinning_atlas::import::{preview, read, ImportOptions, Resolution};
use twinning_atlas::{Atlas, Dataset, ImportFormat, ImportMode};

/// xorshift64*: small, seeded, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn corpus() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    if let Ok(dir) = std::fs::read_dir(root.join("tests/fixtures/import")) {
        for e in dir.flatten() {
            if let Ok(b) = std::fs::read(e.path()) {
                out.push(b);
            }
        }
    }
    // the first rows of each real file, where the shared folder is there
    if let Ok(dir) = std::fs::read_dir(root.join("../shared/data")) {
        for e in dir.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "csv" || x == "tsv") {
                if let Ok(b) = std::fs::read(&p) {
                    let cut = b
                        .iter()
                        .enumerate()
                        .filter(|(_, &c)| c == b'\n')
                        .nth(40)
                        .map(|(i, _)| i)
                        .unwrap_or(b.len());
                    out.push(b[..cut].to_vec());
                }
            }
        }
    }
    out
}

const TOKENS: [&[u8]; 26] = [
    b",", b";", b"\t", b"\"", b"\n", b"\r\n", b"\xef\xbb\xbf", b"\xff", b"\xc3", b"Q42", b"Point(1 2)",
    b"+1956-00-00T00:00:00Z", b"File:x.png", b"{\"head\":{\"vars\":[\"item\",\"partner\"]},\"results\":{\"bindings\":[{\"item\":{\"value\":\"Q1\"}}]}}",
    b"|", b"{{!}}", b"[[", b"]]", b"<ref>", b"</ref>", b"'''", b"{{flag|", b"}}", b" (Germania)",
    b"[{\"item\":\"http://www.wikidata.org/entity/Q1707\",\"twin\":\"http://www.wikidata.org/entity/Q23311\",\"start\":\"1967-01-01T00:00:00Z\"}]",
    b"Coventry,United Kingdom,Kiel,Germany,1967\n",
];

fn mutate(rng: &mut Rng, base: &[u8]) -> Vec<u8> {
    let mut v = base.to_vec();
    for _ in 0..=rng.below(8) {
        let at = rng.below(v.len() + 1);
        match rng.below(5) {
            0 if !v.is_empty() => {
                let end = (at + rng.below(16)).min(v.len());
                v.drain(at.min(end)..end);
            }
            1 => v.insert(at, rng.next() as u8),
            2 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                v.splice(at..at, t.iter().copied());
            }
            3 if !v.is_empty() => {
                let i = at.min(v.len() - 1);
                v[i] = rng.next() as u8;
            }
            _ => {
                // repeat a slice: duplicate rows
                let start = rng.below(v.len() + 1);
                let end = (start + rng.below(200)).min(v.len());
                let piece = v[start..end].to_vec();
                v.splice(at..at, piece);
            }
        }
    }
    v
}

#[test]
fn no_input_makes_an_importer_panic() {
    let seconds: u64 = std::env::var("IMPORT_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let corpus = corpus();
    let formats = [
        None,
        Some(ImportFormat::Csv),
        Some(ImportFormat::Tsv),
        Some(ImportFormat::SparqlJson),
        Some(ImportFormat::Json),
        Some(ImportFormat::WikidataEdges),
        Some(ImportFormat::WikidataLabels),
        Some(ImportFormat::WikidataJson),
    ];
    let delimiters = [None, Some(","), Some(";"), Some("|"), Some("\t"), Some("x")];
    let resolutions = [Resolution::Keep, Resolution::Take, Resolution::Both];
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let mut cases = 0u32;
    let mut atlas = Atlas::new(Dataset::empty()).unwrap();
    // conflicts need loaded data to disagree with: a second atlas starts from the curated
    let mut curated = Atlas::with_default_data().unwrap();
    while Instant::now() < deadline && cases < 200_000 {
        let seed = rng.0;
        let input: Vec<u8> = if corpus.is_empty() || rng.below(4) == 0 {
            (0..rng.below(300)).map(|_| rng.next() as u8).collect()
        } else {
            let pick = rng.below(corpus.len());
            mutate(&mut rng, &corpus[pick])
        };
        let options = ImportOptions {
            format: formats[rng.below(formats.len())],
            mode: if rng.below(2) == 0 {
                ImportMode::Merge
            } else {
                ImportMode::Replace
            },
            labels: (rng.below(8) == 0).then(|| String::from_utf8_lossy(&input).into_owned()),
            delimiter: delimiters[rng.below(delimiters.len())].map(str::to_string),
            conflicts: resolutions[rng.below(resolutions.len())],
            dry_run: rng.below(4) == 0,
            ..ImportOptions::default()
        };
        let use_guess = rng.below(3) == 0;
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut options = options.clone();
            if let Ok(p) = preview(&input, &options) {
                assert!(p.rows.len() <= 20);
                if use_guess && !p.header.is_empty() {
                    options.mapping = Some(p.guess);
                }
            }
            let _ = read(&input, &options);
            let _ = atlas.import(&input, &options);
            if let Ok(r) = curated.import(&input, &options) {
                for c in &r.conflicts {
                    assert!(!c.id.is_empty() && !c.loaded.value.is_empty());
                }
            }
        }));
        if outcome.is_err() {
            let hex: String = input.iter().map(|b| format!("{b:02x}")).collect();
            panic!("an import panicked (seed {seed:#x}, options {options:?}) on input {hex}");
        }
        cases += 1;
    }
    println!("{cases} cases in {seconds} s, no panic");
    assert!(cases > 100);
}

#[test]
fn no_rows_make_the_quickstatements_export_panic() {
    let mut rng = Rng(0x5EED_0B5E_0003);
    let pieces = [
        "Q1",
        "Q23311",
        "wd:Q5",
        "http://www.wikidata.org/entity/Q64",
        "",
        "Q",
        "Q0000000000000",
        "1967",
        "1967-05",
        "c. 1990",
        "1990s",
        "before 1950",
        "2022-02-30",
        "https://x.example/a",
        "http://a b",
        "\"",
        "\t",
        "\u{202E}",
        "ftp://x",
    ];
    let pick = |rng: &mut Rng| -> Option<String> {
        match rng.below(4) {
            0 => None,
            1 => Some(pieces[rng.below(pieces.len())].repeat(1 + rng.below(3))),
            _ => Some(pieces[rng.below(pieces.len())].to_string()),
        }
    };
    for _ in 0..2000 {
        let rows: Vec<QsRow> = (0..rng.below(5))
            .map(|_| QsRow {
                a: pick(&mut rng),
                b: pick(&mut rng),
                a_name: pick(&mut rng),
                b_name: None,
                start: pick(&mut rng),
                end: pick(&mut rng),
                reference: pick(&mut rng),
            })
            .collect();
        let out = quickstatements(&rows).unwrap();
        // every written line is A P190 B with tab-separated fields and no raw newline inside
        for line in out.commands.lines() {
            let f: Vec<&str> = line.split('\t').collect();
            assert!(f.len() >= 3 && f[1] == "P190", "{line:?}");
            assert!(f[0].starts_with('Q') && f[2].starts_with('Q'), "{line:?}");
        }
        assert_eq!(out.lines, out.pairs * 2);
    }
}

/// A random date text: the pieces of every accepted form, repeated and shuffled, with now
/// and then a very long run of one piece (`c.` ×4,400 once overflowed the stack).
fn date_text(rng: &mut Rng) -> String {
    const PIECES: [&str; 18] = [
        "c.", "c. ", "before ", "after ", "19", "90", "2022", "-", "03", "/", "s", "c", " ", "?",
        "unknown", "—", "\u{202E}", "٣",
    ];
    let mut s = String::new();
    for _ in 0..rng.below(8) {
        s.push_str(PIECES[rng.below(PIECES.len())]);
    }
    if rng.below(6) == 0 {
        let piece = PIECES[rng.below(PIECES.len())];
        s.push_str(&piece.repeat(1 + rng.below(5000)));
        s.push_str("1990");
    }
    s
}

/// A random options object as JSON: known keys and mistyped ones, values of every JSON
/// type (dates from [`date_text`], long strings, arrays, nesting), or an array instead of
/// an object.
fn options_json(rng: &mut Rng) -> String {
    const KEYS: [&str; 18] = [
        "delimiter",
        "conflicts",
        "resolutions",
        "dryRun",
        "asOf",
        "text",
        "limit",
        "offset",
        "country",
        "format",
        "mode",
        "mapping",
        "maxBytes",
        "sourceName",
        "labels",
        "aName",
        "bName",
        "asof",
    ];
    let value = |rng: &mut Rng| -> serde_json::Value {
        match rng.below(9) {
            0 => serde_json::Value::Null,
            1 => serde_json::json!(rng.next() as i64),
            2 => serde_json::json!(-1.5e308),
            3 => serde_json::json!(["csv", null, "replace"]),
            4 => serde_json::json!({ "aName": rng.below(5), "bName": "nope" }),
            5 => serde_json::json!("x".repeat(rng.below(3000))),
            6 => serde_json::json!(["twinning-atlas/1"]),
            _ => serde_json::json!(date_text(rng)),
        }
    };
    let mut map = serde_json::Map::new();
    for _ in 0..rng.below(4) {
        map.insert(KEYS[rng.below(KEYS.len())].to_string(), value(rng));
    }
    if rng.below(8) == 0 {
        serde_json::Value::Array(map.into_values().collect()).to_string()
    } else {
        serde_json::Value::Object(map).to_string()
    }
}

#[test]
fn no_date_or_options_make_the_core_panic() {
    let seconds: u64 = std::env::var("IMPORT_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut rng = Rng(0x5EED_DA7E_0F71_0002);
    let mut atlas = Atlas::with_default_data().unwrap();
    let mut cases = 0u32;
    while Instant::now() < deadline && cases < 100_000 {
        let seed = rng.0;
        let date = date_text(&mut rng);
        let json = options_json(&mut rng);
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            if let Ok(d) = twinning_atlas::Date::parse(&date) {
                assert!(date.trim().chars().count() <= twinning_atlas::date::MAX_DATE_CHARS);
                let _ = d.to_string();
            }
            if let Ok(o) = serde_json::from_str::<twinning_atlas::PartnersOptions>(&json) {
                let _ = atlas.partners("coventry-gb", &o);
            }
            if let Ok(q) = serde_json::from_str::<twinning_atlas::SearchQuery>(&json) {
                let _ = atlas.search(&q);
            }
            if let Ok(o) = serde_json::from_str::<ImportOptions>(&json) {
                let file = format!("city1,city2,start\nAville,Btown,{date}\n");
                let _ = atlas.import(
                    file.as_bytes(),
                    &ImportOptions {
                        mode: ImportMode::Merge,
                        ..o
                    },
                );
            }
        }));
        if outcome.is_err() {
            panic!("the core panicked (seed {seed:#x}) on date {date:?} and options {json}");
        }
        cases += 1;
    }
    println!("{cases} dates and options in {seconds} s, no panic");
    assert!(cases > 100);
}
