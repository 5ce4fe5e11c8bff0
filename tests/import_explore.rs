use std::path::Path;
use twinning_atlas::import::{read, ImportOptions};
#[test]
#[ignore]
fn explore() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    for f in ["hekman_twin_cities_geocoded.csv","hekman_twin_cities_raw.csv","pnadel_wikipedia_sister_cities.csv","muench_german_twintowns_clean.csv","muench_german_partnerstaedte_raw.csv","rogorido_eu25_wikidata2017_combined.tsv","l3viathan_wikidata2016_relations.tsv","l3viathan_wikidata2016_names.tsv"] {
        if let Ok(only) = std::env::var("ONLY") { if !f.contains(&only) { continue; } }
        let bytes = std::fs::read(dir.join(f)).unwrap();
        let mut o = ImportOptions::default();
        o.source_name = Some(f.into());
        if f.contains("relations") { o.labels = Some(std::fs::read_to_string(dir.join("l3viathan_wikidata2016_names.tsv")).unwrap()); }
        let t = std::time::Instant::now();
        match read(&bytes, &o) {
            Ok((d, r)) => {
                let t2 = std::time::Instant::now();
                let a = twinning_atlas::Atlas::new(d.clone()).unwrap();
                println!("index+check {:?}", t2.elapsed());
                drop(a);
                println!("{f}: {:?} {:?} read {} acc {} rej {} dup {} stmts {} pairs {} both {} one {} places {} flags {} warn {} ({:?})", r.format, r.delimiter, r.rows_read, r.rows_accepted, r.rows_rejected, r.duplicates, r.statements, r.pairs, r.both_ways, r.one_way, d.places.len(), r.flagged.len(), r.warnings_total, t.elapsed());
                println!("  cols: {}", r.columns.iter().map(|c| format!("{}={}", c.column, c.role)).collect::<Vec<_>>().join(" "));
                println!("  unresolved: {:?}", r.unresolved_countries.iter().take(30).map(|u| (&u.text, u.rows)).collect::<Vec<_>>());
                println!("  rejected: {:?}", r.rejected.iter().take(6).map(|x| (&x.reason, x.row)).collect::<Vec<_>>());
                println!("  warnings: {:?}", r.warnings.iter().take(4).map(|x| &x.message).collect::<Vec<_>>());
                println!("  flags: {:?}", r.flagged.iter().take(3).map(|x| &x.message).collect::<Vec<_>>());
                let nocountry = d.places.iter().filter(|p| p.country.is_none()).count();
                println!("  places without country: {nocountry}");
            }
            Err(e) => println!("{f}: ERROR {e}"),
        }
    }
}
#[test]
#[ignore]
fn dump_countries() {
    for l in std::fs::read_to_string("/tmp/hk_countries.txt").unwrap().lines() {
        println!("{l}\t{:?}", twinning_atlas::import::normalise::country_code(l).map(|c| c.0));
    }
}
#[test]
#[ignore]
fn dump_dups() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    let f = std::env::var("ONLY").unwrap();
    let bytes = std::fs::read(dir.join(&f)).unwrap();
    let (_, r) = read(&bytes, &ImportOptions::default()).unwrap();
    for d in &r.duplicate_rows { println!("DUP\t{}\t{}", d.row, d.first_row); }
}
#[test]
#[ignore]
fn dump_places() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    let f = std::env::var("ONLY").unwrap();
    let bytes = std::fs::read(dir.join(&f)).unwrap();
    let (d, _) = read(&bytes, &ImportOptions::default()).unwrap();
    let m: std::collections::HashMap<&str,&twinning_atlas::model::Place> = d.places.iter().map(|p| (p.id.as_str(), p)).collect();
    for l in &d.links { let (a,b)=(m[l.a.as_str()], m[l.b.as_str()]); println!("LK\t{}\t{:?}\t{}\t{:?}", a.name, a.country, b.name, b.country); }
    for p in &d.places { println!("PL\t{}\t{}\t{:?}\t{}", p.id, p.name, p.country, p.names.iter().map(|n| n.name.clone()).collect::<Vec<_>>().join("|")); }
}
#[test]
#[ignore]
fn mini() {
    let text = std::fs::read_to_string("/work/shared/data/pnadel_wikipedia_sister_cities.csv").unwrap();
    let (d, r) = read(text.as_bytes(), &ImportOptions::default()).unwrap();
    println!("{:?}", r.duplicate_rows.iter().filter(|x| x.row > 23400 && x.row < 23600).collect::<Vec<_>>());
    println!("{:?}", r.rejected.iter().filter(|x| x.row > 23400 && x.row < 23600).collect::<Vec<_>>());
    println!("{}", r.duplicate_rows.len());
    println!("{:?}", d.places.iter().filter(|p| p.name.contains("Rhodes")||p.name.starts_with("Greece")).map(|p| (&p.id, &p.name)).collect::<Vec<_>>());
}
