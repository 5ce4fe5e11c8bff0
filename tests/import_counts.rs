//! The counts of the closing note (docs/import.md): every file of `../shared/data`
//! imported alone, as a Markdown table. Ignored by default (it reads 20 MB of files):
//! `cargo test --release --test import_counts -- --ignored --nocapture`. It reads the
//! report through its JSON form, so the same file runs against an older checkout for the
//! "before" column.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use twinning_atlas::import::{read, ImportOptions};
use twinning_atlas::{Atlas, ImportMode};

fn n(v: &serde_json::Value, path: &[&str]) -> String {
    let mut cur = v;
    for p in path {
        match cur.get(p) {
            Some(x) => cur = x,
            None => return "–".into(),
        }
    }
    match cur {
        serde_json::Value::Array(a) => a.len().to_string(),
        other => other.to_string(),
    }
}

fn sum_rows(v: &serde_json::Value, key: &str) -> String {
    match v.get(key).and_then(|x| x.as_array()) {
        Some(a) => a
            .iter()
            .filter_map(|u| u.get("rows").and_then(|r| r.as_u64()))
            .sum::<u64>()
            .to_string(),
        None => "–".into(),
    }
}

#[test]
#[ignore]
fn counts_of_every_shared_file() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("skipping: ../shared/data is absent");
        return;
    };
    let mut files: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|f| !f.ends_with(".txt") && f != "l3viathan_wikidata2016_names.tsv")
        .collect();
    files.sort();
    println!("| file | rows | rejected | duplicates | pairs | both ways | one way | places | flags | unresolved-country rows | historic-state rows | cells with wiki markup | titles read as hints |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for f in &files {
        let bytes = std::fs::read(dir.join(f)).unwrap();
        let labels = f
            .starts_with("l3viathan")
            .then(|| std::fs::read_to_string(dir.join("l3viathan_wikidata2016_names.tsv")).ok())
            .flatten();
        let options = ImportOptions {
            mode: ImportMode::Replace,
            source_name: Some(f.clone()),
            labels,
            ..ImportOptions::default()
        };
        match read(&bytes, &options) {
            Ok((_, r)) => {
                let v = serde_json::to_value(&r).unwrap();
                println!(
                    "| {f} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                    n(&v, &["rowsRead"]),
                    n(&v, &["rowsRejected"]),
                    n(&v, &["duplicates"]),
                    n(&v, &["pairs"]),
                    n(&v, &["bothWays"]),
                    n(&v, &["oneWay"]),
                    n(&v, &["placesRead"]),
                    n(&v, &["flagged"]),
                    sum_rows(&v, "unresolvedCountries"),
                    sum_rows(&v, "historicCountries"),
                    n(&v, &["cleaning", "wikiMarkup"]),
                    n(&v, &["cleaning", "disambiguations"]),
                );
            }
            Err(e) => println!("| {f} | refused: `{}` | | | | | | | | | | | |", e.code()),
        }
    }
    // the list without a country column, merged onto the curated data and the world network
    let Ok(uk) = std::fs::read(dir.join("fozy81_enwiki_uk_twin_towns_2014.csv")) else {
        return;
    };
    use std::io::Read;
    let gz = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/world/world.json.gz"))
        .unwrap();
    let mut world = Vec::new();
    flate2::read::GzDecoder::new(&gz[..])
        .read_to_end(&mut world)
        .unwrap();
    let mut atlas = Atlas::with_default_data().unwrap();
    atlas.load_world(&world).unwrap();
    match atlas.import(&uk, &ImportOptions::default()) {
        Ok(r) => {
            let v = serde_json::to_value(&r).unwrap();
            println!(
                "\nUK list merged onto curated + world: places read {}, matched {}, added {}, links merged {}, added {}, gazetteer matched {}, countries filled {}, coordinates filled {}, ambiguous {}, conflicts {}",
                n(&v, &["placesRead"]),
                n(&v, &["placesMatched"]),
                n(&v, &["placesAdded"]),
                n(&v, &["linksMerged"]),
                n(&v, &["linksAdded"]),
                n(&v, &["gazetteer", "matched"]),
                n(&v, &["gazetteer", "countriesFilled"]),
                n(&v, &["gazetteer", "coordinatesFilled"]),
                n(&v, &["ambiguous"]),
                n(&v, &["conflicts"]),
            );
            let no_country = atlas
                .dataset()
                .places
                .iter()
                .filter(|p| p.country.is_none() && p.sources.contains(&r.source))
                .count();
            println!("UK list places still without a country after the merge: {no_country}");
        }
        Err(e) => println!(
            "\nUK list merged onto curated + world: refused `{}`",
            e.code()
        ),
    }
}
