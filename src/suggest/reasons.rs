//! The words: each suggestion's score split by signal (shared partners, countries,
//! distance, size …) and each share said as a plain sentence with the numbers behind it
//! ("3 of Coventry's partners are also partners of Kiel", "similar size (316,000 and
//! 359,000)"). Shares that help are reasons, shares that hurt are reasons against.
//!
//! Not for: computing the numbers (`features.rs`) or the weights (`model.rs`).

use super::features::*;
use super::net::{Graph, Places};
use crate::country::countries;
use crate::model::{Level, Place};
use crate::view::{PlaceRef, Reason};

/// Below this share of the score a signal is not worth saying.
const SAY: f64 = 0.05;

/// `1234567` → `"1,234,567"`.
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A population as people say it: to the nearest thousand (316,915 → "317,000"), below
/// 10,000 to the nearest hundred.
pub fn population(p: u32) -> String {
    let p = u64::from(p);
    let r = if p >= 10_000 {
        (p + 500) / 1_000 * 1_000
    } else if p >= 1_000 {
        (p + 50) / 100 * 100
    } else {
        p
    };
    thousands(r)
}

/// A distance as people say it: "3 km", "45 km", "380 km", "1,100 km".
pub fn km(d: f64) -> String {
    let d = d.max(0.0);
    let r = if d < 100.0 {
        d.round()
    } else if d < 1_000.0 {
        (d / 10.0).round() * 10.0
    } else {
        (d / 100.0).round() * 100.0
    };
    format!("{} km", thousands(r as u64))
}

fn times(n: u32) -> String {
    match n {
        0 => "never".into(),
        1 => "once".into(),
        2 => "twice".into(),
        n => format!("{} times", thousands(u64::from(n))),
    }
}

fn level_word(l: Level) -> &'static str {
    match l {
        Level::Region => "region",
        Level::County => "county",
        Level::Country => "country",
        Level::City => "city",
        Level::Town => "town",
        Level::Village => "village",
        Level::District => "district",
        Level::Island => "island",
        _ => "place",
    }
}

fn plural(word: &str) -> String {
    match word {
        "county" => "counties".into(),
        "city" => "cities".into(),
        w => format!("{w}s"),
    }
}

/// The reasons for and against suggesting `c` to `q.a`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn explain(
    places: &Places,
    g: &Graph,
    q: &Query,
    records: &[Place],
    c: usize,
    facts: &Facts,
    contrib: &[f64; NF],
) -> (Vec<Reason>, Vec<Reason>) {
    let table = countries();
    let (Some(pa), Some(pc)) = (records.get(q.a), records.get(c)) else {
        return (Vec::new(), Vec::new());
    };
    let sum = |ix: &[usize]| ix.iter().map(|&i| contrib[i]).sum::<f64>();
    let mut all: Vec<Reason> = Vec::new();
    let mut add = |kind: &'static str, weight: f64, text: Option<String>, refs: Vec<PlaceRef>| {
        if let Some(text) = text {
            all.push(Reason {
                kind,
                text,
                weight: (weight * 100.0).round() / 100.0,
                places: refs.iter().map(|r| r.id.clone()).collect(),
                place_refs: refs,
            });
        }
    };
    // shared partners
    if facts.common > 0 {
        let shared: Vec<PlaceRef> = g
            .neighbours(q.a)
            .iter()
            .filter(|&&z| g.has_edge(z as usize, c))
            .take(5)
            .filter_map(|&z| records.get(z as usize).map(PlaceRef::of))
            .collect();
        let text = if facts.common == 1 {
            format!(
                "1 of {}'s partners is also a partner of {}",
                pa.name, pc.name
            )
        } else {
            format!(
                "{} of {}'s partners are also partners of {}",
                facts.common, pa.name, pc.name
            )
        };
        add(
            "sharedPartners",
            sum(&[F_CN, F_AA, F_RA]),
            Some(text),
            shared,
        );
    }
    // countries
    if let (Some(ca), Some(cc)) = (pa.country.as_deref(), pc.country.as_deref()) {
        let (na, nc) = (table.name(ca), table.name(cc));
        let text = if ca == cc {
            format!(
                "towns in {na} are twinned with each other {}",
                times(facts.pair_count)
            )
        } else {
            format!(
                "towns in {na} and {nc} are twinned {}",
                times(facts.pair_count)
            )
        };
        add(
            "countries",
            sum(&[F_CTRY_FROM, F_CTRY_TO, F_CTRY_PLACES, F_SAME_COUNTRY]),
            Some(text),
            Vec::new(),
        );
        if q.deg > 0 {
            let new_country = contrib[F_PARTNER_CTRY] > 0.0;
            let text = match facts.partners_in_country {
                0 if new_country => format!(
                    "a new country for {}: none of its {} partners is in {nc}",
                    pa.name,
                    thousands(q.deg as u64)
                ),
                0 => format!(
                    "none of {}'s {} partners is in {nc}",
                    pa.name,
                    thousands(q.deg as u64)
                ),
                k => format!(
                    "{k} of {}'s {} partners {} in {nc}",
                    pa.name,
                    thousands(q.deg as u64),
                    if k == 1 { "is" } else { "are" }
                ),
            };
            add(
                "partnersInCountry",
                contrib[F_PARTNER_CTRY],
                Some(text),
                Vec::new(),
            );
        }
    }
    // further along the network
    if facts.common == 0 && facts.three_steps {
        let text = format!(
            "{} is a partner of a partner of one of {}'s partners",
            pc.name, pa.name
        );
        add("threeSteps", contrib[F_THREE], Some(text), Vec::new());
    }
    // the neighbourhoods
    if facts.nearby_links > 0 {
        let text = format!(
            "towns near {} and near {} are twinned {}",
            pa.name,
            pc.name,
            times(facts.nearby_links)
        );
        add("nearby", contrib[F_AREA], Some(text), Vec::new());
    }
    // distance
    if let Some(d) = facts.distance_km {
        let w = contrib[F_DIST];
        let pd = &q.partner_distances;
        let typical = pd.len() >= 3 && {
            let lo = pd[pd.len() / 5];
            let hi = pd[(pd.len() * 4 / 5).min(pd.len() - 1)];
            d >= lo && d <= hi
        };
        // the words say what the data shows at this distance (the log ratio of twinnings to
        // random pairs); whether it counts for or against is the model's share, `w`
        let text = if typical && w >= 0.0 {
            format!("{} apart, typical for its partners", km(d))
        } else if facts.distance_lr > 0.3 {
            format!(
                "{} apart, a distance at which towns twin more often than chance",
                km(d)
            )
        } else if facts.distance_lr >= -0.3 {
            format!(
                "{} apart, a distance at which towns twin about as often as chance",
                km(d)
            )
        } else if d < 100.0 {
            format!("{} apart, closer than most twin towns", km(d))
        } else {
            format!("{} apart, farther than most twin towns", km(d))
        };
        add("distance", w, Some(text), Vec::new());
    }
    // size
    if let (Some(a), Some(b)) = (pa.population, pc.population) {
        let (lo, hi) = (a.min(b).max(1), a.max(b));
        let similar = f64::from(hi) / f64::from(lo) <= 2.0;
        let text = format!(
            "{} size ({} and {})",
            if similar { "similar" } else { "different" },
            population(a),
            population(b)
        );
        add(
            "size",
            sum(&[F_SIZE_GAP, F_SIZE_UNKNOWN]),
            Some(text),
            Vec::new(),
        );
    }
    if let Some(p) = pc.population {
        add(
            "population",
            contrib[F_POP],
            Some(format!("{} has {} people", pc.name, population(p))),
            Vec::new(),
        );
    }
    // how readily the candidate twins
    let dc = g.degree(c);
    let text = match dc {
        0 => format!("{} has no partners yet", pc.name),
        1 => format!("{} has 1 partner", pc.name),
        n => format!("{} has {} partners", pc.name, thousands(n as u64)),
    };
    add("partnerCount", contrib[F_DEG], Some(text), Vec::new());
    if facts.same_name {
        add(
            "sameName",
            contrib[F_SAME_NAME],
            Some("same name".into()),
            Vec::new(),
        );
    }
    if !facts.shared_groups.is_empty() {
        let names: Vec<&str> = facts
            .shared_groups
            .iter()
            .filter_map(|&gi| places.group_names.get(usize::from(gi)).map(String::as_str))
            .collect();
        add(
            "group",
            contrib[F_GROUP],
            Some(format!("both belong to {}", names.join(" and "))),
            Vec::new(),
        );
    }
    let lw = |l: Level| level_word(l);
    let level = sum(&[F_BOTH_REGIONAL, F_LEVEL_MISMATCH]);
    if pa.level.is_regional() && pc.level.is_regional() {
        let text = if pa.level == pc.level {
            format!("both are {}", plural(lw(pa.level)))
        } else {
            format!("a {} and a {}", lw(pa.level), lw(pc.level))
        };
        add("level", level, Some(text), Vec::new());
    } else if pa.level.is_regional() != pc.level.is_regional() {
        add(
            "level",
            level,
            Some(format!("a {} and a {}", lw(pa.level), lw(pc.level))),
            Vec::new(),
        );
    }
    let mut pro: Vec<Reason> = Vec::new();
    let mut con: Vec<Reason> = Vec::new();
    for r in all {
        if r.weight >= SAY {
            pro.push(r);
        } else if r.weight <= -SAY {
            con.push(r);
        }
    }
    pro.sort_by(|x, y| y.weight.total_cmp(&x.weight));
    con.sort_by(|x, y| x.weight.total_cmp(&y.weight));
    (pro, con)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_as_people_say_them() {
        assert_eq!(thousands(2_137), "2,137");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(population(316_915), "317,000");
        assert_eq!(population(4_260), "4,300");
        assert_eq!(km(1_084.0), "1,100 km");
        assert_eq!(km(384.0), "380 km");
        assert_eq!(km(3.4), "3 km");
        assert_eq!(times(1), "once");
        assert_eq!(times(2_100), "2,100 times");
    }
}
