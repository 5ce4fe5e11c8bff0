//! The TypeScript declarations in `ts/types.d.ts` are the ones the Rust types give today:
//! a renamed field or a new option changes them, and this test fails until the file is
//! written again with `UPDATE_TS=1 cargo test --test typescript`.

#![cfg(not(target_arch = "wasm32"))]

#[test]
fn checked_in_typescript_declarations_match_the_rust_types() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ts/types.d.ts");
    let generated = twinning_atlas::typescript::declarations();
    if std::env::var_os("UPDATE_TS").is_some() {
        std::fs::write(&path, &generated).unwrap_or_else(|e| panic!("cannot write {path:?}: {e}"));
        return;
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    if checked_in != generated {
        let first = checked_in
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(checked_in.lines().count().min(generated.lines().count()));
        panic!(
            "ts/types.d.ts differs from the Rust types from line {}: run \
             `UPDATE_TS=1 cargo test --test typescript` and commit the file\n  checked in: {:?}\n  generated:  {:?}",
            first + 1,
            checked_in.lines().nth(first),
            generated.lines().nth(first)
        );
    }
}

#[test]
fn declarations_name_no_bigint_and_every_facade_type() {
    let text = twinning_atlas::typescript::declarations();
    assert!(!text.contains("bigint"), "outputs carry no 64-bit integers");
    for name in [
        "SearchResult",
        "PlaceView",
        "PartnersView",
        "SearchQuery",
        "ClassifyOptions",
        "Suggestions",
        "WorldInfo",
    ] {
        assert!(
            text.contains(&format!("export type {name} ")),
            "{name} is declared"
        );
    }
}

/// The members of a string-union TypeScript type, as ts-rs writes it (`"a" | "b"`).
fn union<T: ts_rs::TS>() -> Vec<String> {
    let cfg = ts_rs::Config::new();
    T::inline(&cfg)
        .split(" | ")
        .map(|s| s.trim().trim_matches('"').to_string())
        .collect()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn every_vocabulary_lists_each_value_of_its_enum_once() {
    use twinning_atlas::classify::Kind;
    use twinning_atlas::export::ExportFormat;
    use twinning_atlas::import::{ImportFormat, ImportMode};
    use twinning_atlas::model::{
        EventKind, Form, GroupKind, Level, Motive, NameKind, Origin, Verdict,
    };
    use twinning_atlas::search::SortOrder;
    use twinning_atlas::status::Status;
    let v = serde_json::to_value(twinning_atlas::vocabulary::vocabulary()).unwrap_or_default();
    let list = |key: &str| -> Vec<String> {
        v[key]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    };
    let cases: Vec<(&str, Vec<String>)> = vec![
        ("levels", union::<Level>()),
        ("forms", union::<Form>()),
        ("statuses", union::<Status>()),
        ("eventKinds", union::<EventKind>()),
        ("motives", union::<Motive>()),
        ("kinds", union::<Kind>()),
        ("verdicts", union::<Verdict>()),
        ("nameKinds", union::<NameKind>()),
        ("groupKinds", union::<GroupKind>()),
        ("origins", union::<Origin>()),
        ("importFormats", union::<ImportFormat>()),
        ("importModes", union::<ImportMode>()),
        ("exportFormats", union::<ExportFormat>()),
        ("sortOrders", union::<SortOrder>()),
    ];
    for (key, members) in cases {
        let listed = list(key);
        assert!(
            members.len() > 1,
            "{key}: {members:?} is a union of strings"
        );
        assert_eq!(
            sorted(listed.clone()),
            sorted(members),
            "vocabulary().{key} lists every value once"
        );
    }
    let criteria: Vec<&str> = v["criteria"]
        .as_array()
        .map(|a| a.iter().filter_map(|c| c["id"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(criteria, ["C1", "C2", "C3", "C4", "C5", "C6"]);
}
