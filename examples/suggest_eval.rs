//! The suggestion evaluation: `cargo run --release --example suggest_eval`.
//!
//! Loads the curated data with the world network laid under it, hides a seeded 10 % of the
//! links (three seeds), learns only from the rest, and prints recall@10 and MRR of the
//! hidden links for our model beside every baseline computed in the same run; then the
//! time split (links established after 2000, learnt from everything else), the results by
//! continent, and how long training and one place's suggestions take.
//!
//! Not for: tests (nothing here asserts; `tests/suggest*.rs` do).

use std::io::Read;
use std::time::Instant;
use twinning_atlas::suggest::eval::{
    diagnose, evaluate, random_split, time_split, Outcome, ADAMIC_ADAR, METHODS, NM, OURS,
};
use twinning_atlas::suggest::model::TrainConfig;
use twinning_atlas::suggest::net::{Graph, Places};
use twinning_atlas::suggest::{Engine, SuggestOptions};
use twinning_atlas::Atlas;

const SEEDS: [u64; 3] = [1, 2, 3];
const HIDE: f64 = 0.10;
const K: usize = 10;

fn world_atlas() -> Result<Atlas, Box<dyn std::error::Error>> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/world/world.json.gz");
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(path)?).read_to_end(&mut bytes)?;
    let mut atlas = Atlas::with_default_data()?;
    atlas.load_world(&bytes)?;
    Ok(atlas)
}

fn pct(x: f64) -> String {
    format!("{:.1} %", x * 100.0)
}

fn table(title: &str, outcome: &Outcome) {
    println!("\n{title} ({} hidden links)\n", outcome.total.queries);
    println!("| method | recall@{K} | MRR |");
    println!("|---|---:|---:|");
    for (m, name) in METHODS.iter().enumerate() {
        println!(
            "| {name} | {} | {:.3} |",
            pct(outcome.total.recall_at_k(m)),
            outcome.total.mrr(m)
        );
    }
}

/// The results by continent and the time split (left out with `SUGGEST_EVAL_QUICK=1`).
fn details(atlas: &Atlas, places: &Places, all: &Outcome) {
    println!(
        "\n## By how far the hidden partner is from the place in the remaining network \
         (three seeds together): recall@{K}\n"
    );
    print!("| hidden partner | share | queries |");
    for name in METHODS {
        print!(" {name} |");
    }
    println!();
    print!("|---|---:|---:|");
    for _ in 0..NM {
        print!("---:|");
    }
    println!();
    for r in ["two steps", "three steps", "farther"] {
        let Some(tally) = all.by_reach.get(r) else {
            continue;
        };
        print!(
            "| {r} | {} | {} |",
            pct(tally.queries as f64 / all.total.queries.max(1) as f64),
            tally.queries
        );
        for m in 0..NM {
            print!(" {} |", pct(tally.recall_at_k(m)));
        }
        println!();
    }
    println!("\n## By continent of the place asking (three seeds together): recall@{K}\n");
    print!("| region | queries |");
    for name in METHODS {
        print!(" {name} |");
    }
    println!();
    print!("|---|---:|");
    for _ in 0..NM {
        print!("---:|");
    }
    println!();
    let mut regions: Vec<_> = all.by_region.iter().collect();
    regions.sort_by_key(|r| std::cmp::Reverse(r.1.queries));
    for (r, tally) in regions {
        print!("| {r} | {} |", tally.queries);
        for m in 0..NM {
            print!(" {} |", pct(tally.recall_at_k(m)));
        }
        println!();
    }
    // the time split
    let (kept, hidden) = time_split(atlas, 2000);
    let engine = Engine::from_parts(
        places.clone(),
        Graph::from_edges(places.n, &kept),
        &TrainConfig::default(),
    );
    let outcome = evaluate(&engine, &hidden, 14, K);
    table(
        "## Time split: links established after 2000, learnt from all others (seed 14)",
        &outcome,
    );
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let t = Instant::now();
    let atlas = world_atlas()?;
    let places = Places::from_atlas(&atlas);
    let edges = Graph::edges_of(&atlas);
    println!(
        "# Suggestion evaluation\n\n{} places, {} links (curated + world network), loaded in {:.1} s; \
         hide {:.0} % of the links, learn from the rest, rank every place for each hidden link \
         (filtered setting, ties at their expected value)",
        places.n,
        edges.len(),
        t.elapsed().as_secs_f64(),
        HIDE * 100.0
    );
    let mut all = Outcome::default();
    let mut per_seed = Vec::new();
    let mut train_secs = Vec::new();
    // SUGGEST_EVAL_SEEDS=1 runs one split (for quick experiments); the table uses three
    // SUGGEST_EVAL_SEED_LIST=7 runs other seeds (the model was tuned on seed 7, never on
    // the seeds reported)
    let seeds: Vec<u64> = match (
        std::env::var("SUGGEST_EVAL_SEEDS"),
        std::env::var("SUGGEST_EVAL_SEED_LIST"),
    ) {
        (_, Ok(list)) => list
            .split(',')
            .filter_map(|x| x.trim().parse().ok())
            .collect(),
        (Ok(n), _) => SEEDS.iter().copied().take(n.parse().unwrap_or(3)).collect(),
        _ => SEEDS.to_vec(),
    };
    let diag = std::env::var("SUGGEST_EVAL_DIAG").is_ok();
    let quick = std::env::var("SUGGEST_EVAL_QUICK").is_ok();
    for seed in seeds {
        let (kept, hidden) = random_split(&edges, seed, HIDE);
        let t = Instant::now();
        let engine = Engine::from_parts(
            places.clone(),
            Graph::from_edges(places.n, &kept),
            &TrainConfig {
                seed,
                ..TrainConfig::default()
            },
        );
        train_secs.push(t.elapsed().as_secs_f64());
        if diag {
            for (k, v) in diagnose(&engine, &hidden, seed) {
                println!("  {k}: {:.1} %", v * 100.0);
            }
        }
        let outcome = evaluate(&engine, &hidden, seed, K);
        if diag {
            for (r, t) in &outcome.by_reach {
                println!(
                    "  {r}: {} queries, ours {}, Adamic–Adar {}",
                    t.queries,
                    pct(t.recall_at_k(OURS)),
                    pct(t.recall_at_k(ADAMIC_ADAR))
                );
            }
            for (f, w) in twinning_atlas::suggest::features::FEATURES
                .iter()
                .zip(engine.model.weights)
            {
                println!("  {f:>20} {w:+.3}");
            }
        }
        per_seed.push((seed, outcome.clone()));
        all.total.merge(&outcome.total);
        for (r, tally) in &outcome.by_region {
            all.by_region.entry(r).or_default().merge(tally);
        }
        for (r, tally) in &outcome.by_reach {
            all.by_reach.entry(r).or_default().merge(tally);
        }
    }
    // the summary table: each seed and the mean, every method
    println!("\n## Random splits: recall@{K} (MRR) per seed\n");
    print!("| method |");
    for (seed, _) in &per_seed {
        print!(" seed {seed} |");
    }
    println!(" all |");
    print!("|---|");
    for _ in &per_seed {
        print!("---:|");
    }
    println!("---:|");
    for (m, name) in METHODS.iter().enumerate() {
        print!("| {name} |");
        for (_, o) in &per_seed {
            print!(" {} ({:.3}) |", pct(o.total.recall_at_k(m)), o.total.mrr(m));
        }
        println!(
            " **{}** ({:.3}) |",
            pct(all.total.recall_at_k(m)),
            all.total.mrr(m)
        );
    }
    let ratio = all.total.recall_at_k(OURS) / all.total.recall_at_k(ADAMIC_ADAR).max(1e-12);
    println!(
        "\nOurs / Adamic–Adar, recall@{K}: **{ratio:.2}×** (per seed: {})",
        per_seed
            .iter()
            .map(|(_, o)| format!(
                "{:.2}×",
                o.total.recall_at_k(OURS) / o.total.recall_at_k(ADAMIC_ADAR).max(1e-12)
            ))
            .collect::<Vec<_>>()
            .join(", ")
    );
    if !quick {
        details(&atlas, &places, &all);
    }
    // speed
    let t = Instant::now();
    let engine = atlas.suggest_engine();
    let trained = t.elapsed().as_secs_f64();
    let ids: Vec<String> = atlas
        .dataset()
        .places
        .iter()
        .step_by(97)
        .take(200)
        .map(|p| p.id.clone())
        .collect();
    let mut worst: f64 = 0.0;
    let t = Instant::now();
    for id in &ids {
        let one = Instant::now();
        atlas.suggest_partners(id, &SuggestOptions::default())?;
        worst = worst.max(one.elapsed().as_secs_f64());
    }
    let mean = t.elapsed().as_secs_f64() / ids.len() as f64;
    println!(
        "\n## Speed (native, release)\n\ntraining on the split networks: {} s; on the whole \
         network: {trained:.2} s ({} set-aside links); suggestions for one place: mean \
         {:.2} ms, slowest {:.2} ms over {} places",
        train_secs
            .iter()
            .map(|s| format!("{s:.2}"))
            .collect::<Vec<_>>()
            .join(", "),
        engine.model.trained_on,
        mean * 1e3,
        worst * 1e3,
        ids.len()
    );
    println!("\nweights (standardised features):");
    for (f, w) in twinning_atlas::suggest::features::FEATURES
        .iter()
        .zip(engine.model.weights)
    {
        println!("  {f:>20} {w:+.3}");
    }
    Ok(())
}
