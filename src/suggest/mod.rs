//! Find a partner: new twin towns suggested for a place, each with its reasons, learnt
//! from the twinnings in the loaded network (the world network when it is loaded).
//!
//! Candidates come from the network around the place (partners of partners), the countries
//! its country twins with most, its neighbourhood, namesakes and fellow group members —
//! never every place. A linear model over explainable features (`features.rs`), trained
//! once per atlas on links set aside from the network itself (`model.rs`, fixed seed),
//! ranks them; each feature's share of a score becomes a sentence (`reasons.rs`).
//! `eval.rs` measures all of it against links the model never saw.
//!
//! Not for: the page's panel (`www/views/suggest.js`) or JavaScript (`src/wasm/suggest.rs`).

pub mod eval;
pub mod features;
pub mod model;
pub mod net;
pub mod reasons;

use crate::atlas::Atlas;
use crate::country::countries;
use crate::error::{Error, Result};
use crate::hash::FxMap;
use crate::view::{FeatureWeight, ModelInfo, PairExplanation, Suggestion, Suggestions};
use features::{candidates, features, Query, Scope, FEATURES};
use model::{Model, TrainConfig};
use net::{Graph, Places, Stats};
use serde::Deserialize;
use std::sync::{Arc, OnceLock};

/// Suggestions given when no `limit` is set, and the most a call may ask for.
pub const DEFAULT_LIMIT: u32 = 10;
pub const MAX_LIMIT: u32 = 100;
/// The most ids `exclude` may hold.
pub const MAX_EXCLUDE: usize = 1_000;

/// Options of [`Atlas::suggest_partners`].
#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields = nullable)]
pub struct SuggestOptions {
    /// How many suggestions (1 to 100; 10 when missing).
    #[serde(default)]
    pub limit: Option<u32>,
    /// Only places in this country (an ISO code such as `DE`, or a name).
    #[serde(default)]
    pub country: Option<String>,
    /// Only places at most this far away.
    #[serde(default)]
    pub max_distance_km: Option<f64>,
    /// Only places with a known population of at least / at most this.
    #[serde(default)]
    pub min_population: Option<f64>,
    #[serde(default)]
    pub max_population: Option<f64>,
    /// Place ids never to suggest.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub exclude: Vec<String>,
}

/// The trained model with the network it reads, built once per atlas on first use.
#[derive(Debug, Clone)]
pub struct Engine {
    pub places: Places,
    pub graph: Graph,
    pub stats: Stats,
    pub model: Model,
}

impl Engine {
    /// Learn from the atlas's links.
    pub fn build(atlas: &Atlas, config: &TrainConfig) -> Engine {
        let places = Places::from_atlas(atlas);
        let graph = Graph::from_edges(places.n, &Graph::edges_of(atlas));
        Engine::from_parts(places, graph, config)
    }

    /// Learn from `graph` over `places` (the evaluation hides links this way).
    pub fn from_parts(places: Places, graph: Graph, config: &TrainConfig) -> Engine {
        let model = Model::train(&places, &graph, config);
        let stats = Stats::build(&places, &graph, config.seed);
        Engine {
            places,
            graph,
            stats,
            model,
        }
    }

    /// Candidates of `a` with their scores, best first (ties by index).
    pub(crate) fn rank(&self, a: usize, scope: &Scope) -> (Query, Vec<(u32, f64)>) {
        let q = Query::new(&self.places, &self.graph, a);
        let mut out: Vec<(u32, f64)> =
            candidates(&self.places, &self.graph, &self.stats, &q, scope)
                .into_iter()
                .map(|c| {
                    let x = features(&self.places, &self.graph, &self.stats, &q, c as usize).0;
                    (c, self.model.score(&x))
                })
                .collect();
        out.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        (q, out)
    }

    /// Scores of `a`'s candidates (the evaluation's view, without words).
    pub fn scores(&self, a: usize) -> Vec<(u32, f64)> {
        self.rank(a, &Scope::default()).1
    }

    fn info(&self) -> ModelInfo {
        ModelInfo {
            trained_on: self.model.trained_on as u32,
            links: self.graph.edges as u32,
            seed: self.model.seed as u32,
            weights: FEATURES
                .iter()
                .zip(self.model.weights)
                .map(|(&feature, w)| FeatureWeight {
                    feature,
                    weight: (w * 1000.0).round() / 1000.0,
                })
                .collect(),
        }
    }

    fn suggestion(&self, atlas: &Atlas, q: &Query, c: usize) -> Option<Suggestion> {
        let p = atlas.data.places.get(c)?;
        let (x, facts) = features(&self.places, &self.graph, &self.stats, q, c);
        let contrib = self.model.contributions(&x);
        let (reasons, against) = reasons::explain(
            &self.places,
            &self.graph,
            q,
            &atlas.data.places,
            c,
            &facts,
            &contrib,
        );
        Some(Suggestion {
            place: atlas.summary(p),
            score: (contrib.iter().sum::<f64>() * 1000.0).round() / 1000.0,
            distance_km: facts.distance_km.map(|d| (d * 10.0).round() / 10.0),
            reasons,
            against,
        })
    }
}

/// The engine's slot in the atlas: empty until the first suggestion asks for it, emptied
/// whenever the atlas is rebuilt (a new atlas gets a new slot).
#[derive(Clone, Default)]
pub struct SuggestCache(OnceLock<Arc<Engine>>);

impl std::fmt::Debug for SuggestCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let state = if self.0.get().is_some() {
            "trained"
        } else {
            "empty"
        };
        write!(f, "SuggestCache({state})")
    }
}

fn check_number(name: &str, v: Option<f64>) -> Result<Option<f64>> {
    match v {
        Some(x) if !x.is_finite() || x < 0.0 => {
            Err(Error::invalid(name, "must be a number of at least 0"))
        }
        v => Ok(v),
    }
}

/// The options, checked.
struct Filter {
    limit: usize,
    scope: Scope,
    min_pop: Option<f64>,
    max_pop: Option<f64>,
    exclude: FxMap<usize, ()>,
}

impl Filter {
    fn new(atlas: &Atlas, engine: &Engine, o: &SuggestOptions) -> Result<Filter> {
        let limit = match o.limit {
            None => DEFAULT_LIMIT,
            Some(0) => return Err(Error::invalid("limit", "must be at least 1")),
            Some(n) => n.min(MAX_LIMIT),
        } as usize;
        let mut scope = Scope::default();
        if let Some(c) = o
            .country
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            let code = countries()
                .lookup(c)
                .map(|x| x.code)
                .ok_or_else(|| Error::invalid("country", format!("{c:?} is not a country")))?;
            // a country with no place in the atlas: nothing to suggest
            scope.country = Some(
                engine
                    .places
                    .country_codes
                    .iter()
                    .position(|x| x == code)
                    .map_or(net::NO_COUNTRY - 1, |i| i as u16),
            );
        }
        if let Some(d) = check_number("maxDistanceKm", o.max_distance_km)? {
            if d <= 0.0 {
                return Err(Error::invalid("maxDistanceKm", "must be more than 0"));
            }
            scope.max_km = Some(d);
        }
        let min_pop = check_number("minPopulation", o.min_population)?;
        let max_pop = check_number("maxPopulation", o.max_population)?;
        if let (Some(lo), Some(hi)) = (min_pop, max_pop) {
            if lo > hi {
                return Err(Error::invalid(
                    "minPopulation",
                    "is more than maxPopulation",
                ));
            }
        }
        if o.exclude.len() > MAX_EXCLUDE {
            return Err(Error::TooLarge {
                what: "exclude".into(),
                limit: MAX_EXCLUDE,
                actual: o.exclude.len(),
            });
        }
        let exclude = o
            .exclude
            .iter()
            .filter_map(|id| atlas.place_ix.get(id).map(|&i| (i, ())))
            .collect();
        Ok(Filter {
            limit,
            scope,
            min_pop,
            max_pop,
            exclude,
        })
    }

    fn keeps(&self, engine: &Engine, c: usize) -> bool {
        if self.exclude.contains_key(&c) {
            return false;
        }
        let pop = f64::from(engine.places.population.get(c).copied().unwrap_or(0));
        if self.min_pop.is_some() || self.max_pop.is_some() {
            if pop <= 0.0 {
                return false;
            }
            if self.min_pop.is_some_and(|m| pop < m) || self.max_pop.is_some_and(|m| pop > m) {
                return false;
            }
        }
        true
    }
}

impl Atlas {
    /// The suggestion engine, trained on first use with the default seed.
    pub fn suggest_engine(&self) -> &Engine {
        self.suggest
            .0
            .get_or_init(|| Arc::new(Engine::build(self, &TrainConfig::default())))
    }

    /// New partners for a place, best first, each with its reasons.
    pub fn suggest_partners(&self, id: &str, options: &SuggestOptions) -> Result<Suggestions> {
        let a = self.place_index(id)?;
        let engine = self.suggest_engine();
        let filter = Filter::new(self, engine, options)?;
        let (q, ranked) = engine.rank(a, &filter.scope);
        let suggestions = ranked
            .iter()
            .filter(|(c, _)| filter.keeps(engine, *c as usize))
            .take(filter.limit)
            .filter_map(|&(c, _)| engine.suggestion(self, &q, c as usize))
            .collect();
        Ok(Suggestions {
            place: self.summary(&self.data.places[a]),
            suggestions,
            considered: ranked.len() as u32,
            model: engine.info(),
        })
    }

    /// "Why not `other`?": the pair's score and reasons, and its rank among `id`'s
    /// suggestions.
    pub fn explain_pair(&self, id: &str, other: &str) -> Result<PairExplanation> {
        let a = self.place_index(id)?;
        let b = self.place_index(other)?;
        if a == b {
            return Err(Error::invalid("other place", "is the place itself"));
        }
        let engine = self.suggest_engine();
        let (q, ranked) = engine.rank(a, &Scope::default());
        let rank = ranked
            .iter()
            .position(|&(c, _)| c as usize == b)
            .map(|r| r as u32 + 1);
        let suggestion = engine
            .suggestion(self, &q, b)
            .ok_or_else(|| Error::not_found("place", other))?;
        Ok(PairExplanation {
            place: self.summary(&self.data.places[a]),
            other: suggestion,
            already_partners: engine.graph.has_edge(a, b),
            rank,
            considered: ranked.len() as u32,
            top_score: ranked.first().map(|x| (x.1 * 1000.0).round() / 1000.0),
        })
    }
}
