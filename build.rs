#![allow(clippy::expect_used, clippy::unwrap_used)] // a build script reports failure by panicking
//! Compiles the curated data under `data/*.toml` into one JSON document in the versioned
//! dataset format, which `src/dataset.rs` embeds with `include_str!`. The build only
//! reshapes the files (TOML → JSON, `[[place]]` → `places`); checking the records is the
//! core's job (`Dataset::validate`), so a bad record fails the tests with a clear message.

use std::{env, fs, path::Path};

const SECTIONS: [(&str, &str); 6] = [
    ("source", "sources"),
    ("place", "places"),
    ("link", "links"),
    ("group", "groups"),
    ("term", "terms"),
    ("note", "notes"),
];

fn to_json(v: toml::Value) -> serde_json::Value {
    match v {
        toml::Value::String(s) => serde_json::Value::String(s),
        toml::Value::Integer(i) => serde_json::Value::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f)
            .map(serde_json::Value::Number)
            .unwrap_or(serde_json::Value::Null),
        toml::Value::Boolean(b) => serde_json::Value::Bool(b),
        toml::Value::Datetime(d) => serde_json::Value::String(d.to_string()),
        toml::Value::Array(a) => serde_json::Value::Array(a.into_iter().map(to_json).collect()),
        toml::Value::Table(t) => {
            serde_json::Value::Object(t.into_iter().map(|(k, v)| (k, to_json(v))).collect())
        }
    }
}

fn main() {
    let dir = Path::new("data");
    println!("cargo:rerun-if-changed=data");
    let mut files: Vec<_> = fs::read_dir(dir)
        .expect("data/ directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut out = serde_json::Map::new();
    out.insert("format".into(), "twinning-atlas/1".into());
    for (_, plural) in SECTIONS {
        out.insert(plural.into(), serde_json::Value::Array(vec![]));
    }
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let text = fs::read_to_string(file).expect("readable data file");
        let table: toml::Table = match text.parse() {
            Ok(t) => t,
            Err(e) => panic!("{}: {e}", file.display()),
        };
        for (key, value) in table {
            let Some((_, plural)) = SECTIONS.iter().find(|(k, _)| *k == key) else {
                panic!(
                    "{}: unknown section [[{key}]]; expected one of {:?}",
                    file.display(),
                    SECTIONS.map(|s| s.0)
                );
            };
            let serde_json::Value::Array(items) = to_json(value) else {
                panic!("{}: [[{key}]] must be an array of tables", file.display());
            };
            if let Some(serde_json::Value::Array(list)) = out.get_mut(*plural) {
                list.extend(items);
            }
        }
    }
    let json = serde_json::to_string(&serde_json::Value::Object(out)).expect("json");
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("default_dataset.json");
    fs::write(dest, json).expect("write default dataset");
}
