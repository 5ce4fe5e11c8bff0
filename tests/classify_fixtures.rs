//! Classification, comparison, network and statistics on a small dataset built here: each
//! kind, each status, each criterion with holds, fails and unknown, and dates before and
//! after suspensions and terminations.

#![allow(clippy::unwrap_used)]
use serde_json::{json, Value};
use twinning_atlas::classify::{ClassifyAllOptions, ClassifyOptions, Kind, Thresholds};
use twinning_atlas::compare::{CompareOptions, ComparePairsOptions, PairSpec, PairsInput};
use twinning_atlas::model::{Motive, Verdict};
use twinning_atlas::network::NetworkOptions;
use twinning_atlas::statistics::StatisticsOptions;
use twinning_atlas::view::{Basis, GeoScope, MotiveRule};
use twinning_atlas::{Atlas, Dataset, Status};

fn place(
    id: &str,
    name: &str,
    level: &str,
    country: Option<&str>,
    at: Option<(f64, f64)>,
) -> Value {
    let mut p = json!({ "id": id, "name": name, "level": level, "sources": ["s"] });
    if let Some(c) = country {
        p["country"] = json!(c);
    }
    if let Some((lat, lon)) = at {
        p["lat"] = json!(lat);
        p["lon"] = json!(lon);
    }
    p
}

fn ev(kind: &str, date: &str) -> Value {
    json!({ "kind": kind, "date": date, "sources": ["s"] })
}

fn link(a: &str, b: &str, form: &str, events: Vec<Value>) -> Value {
    json!({ "a": a, "b": b, "form": form, "events": events, "sources": ["s"] })
}

fn fact(c: &str, verdict: &str, evidence: &str) -> Value {
    json!({ "criterion": c, "verdict": verdict, "evidence": evidence, "sources": ["s"] })
}

fn fixture() -> Atlas {
    let places = vec![
        place(
            "tornio-fi",
            "Tornio",
            "town",
            Some("FI"),
            Some((65.85, 24.15)),
        ),
        place(
            "haparanda-se",
            "Haparanda",
            "town",
            Some("SE"),
            Some((65.84, 24.14)),
        ),
        json!({ "id": "valga-ee", "name": "Valga", "level": "town", "country": "EE", "lat": 57.78, "lon": 26.05,
                "names": [{ "name": "Walk", "lang": "de", "kind": "historic" }], "sources": ["s"] }),
        json!({ "id": "valka-lv", "name": "Valka", "level": "town", "country": "LV", "lat": 57.78, "lon": 26.01,
                "names": [{ "name": "Walk", "lang": "de", "kind": "historic" }], "sources": ["s"] }),
        json!({ "id": "narva-ee", "name": "Narva", "level": "city", "country": "EE", "lat": 59.38, "lon": 28.19,
                "historic": [{ "state": "SU", "since": "1944", "until": "1991" }], "sources": ["s"] }),
        json!({ "id": "ivangorod-ru", "name": "Ivangorod", "level": "town", "country": "RU", "lat": 59.37, "lon": 28.22,
                "historic": [{ "state": "SU", "since": "1944", "until": "1991" }], "sources": ["s"] }),
        place(
            "imatra-fi",
            "Imatra",
            "town",
            Some("FI"),
            Some((61.17, 28.75)),
        ),
        place(
            "svetogorsk-ru",
            "Svetogorsk",
            "town",
            Some("RU"),
            Some((61.11, 28.86)),
        ),
        place(
            "kirkenes-no",
            "Kirkenes",
            "town",
            Some("NO"),
            Some((69.73, 30.05)),
        ),
        place(
            "nikel-ru",
            "Nikel",
            "town",
            Some("RU"),
            Some((69.41, 30.22)),
        ),
        place(
            "minneapolis-us",
            "Minneapolis",
            "city",
            Some("US"),
            Some((44.98, -93.27)),
        ),
        place(
            "saint-paul-us",
            "Saint Paul",
            "city",
            Some("US"),
            Some((44.95, -93.09)),
        ),
        place(
            "helsinki-fi",
            "Helsinki",
            "city",
            Some("FI"),
            Some((60.17, 24.94)),
        ),
        place(
            "espoo-fi",
            "Espoo",
            "city",
            Some("FI"),
            Some((60.21, 24.66)),
        ),
        place(
            "coventry-gb",
            "Coventry",
            "city",
            Some("GB"),
            Some((52.41, -1.51)),
        ),
        place(
            "volgograd-ru",
            "Volgograd",
            "city",
            Some("RU"),
            Some((48.72, 44.50)),
        ),
        place(
            "dresden-de",
            "Dresden",
            "city",
            Some("DE"),
            Some((51.05, 13.74)),
        ),
        place(
            "kaliningrad-ru",
            "Kaliningrad",
            "city",
            Some("RU"),
            Some((54.71, 20.51)),
        ),
        place(
            "mariupol-ua",
            "Mariupol",
            "city",
            Some("UA"),
            Some((47.10, 37.55)),
        ),
        place(
            "hamburg-de",
            "Hamburg",
            "city",
            Some("DE"),
            Some((53.55, 9.99)),
        ),
        place(
            "saint-petersburg-ru",
            "Saint Petersburg",
            "city",
            Some("RU"),
            Some((59.94, 30.31)),
        ),
        place(
            "melbourne-au",
            "Melbourne",
            "city",
            Some("AU"),
            Some((-37.81, 144.96)),
        ),
        place("milan-it", "Milan", "city", Some("IT"), Some((45.46, 9.19))),
        place(
            "prague-cz",
            "Prague",
            "city",
            Some("CZ"),
            Some((50.08, 14.44)),
        ),
        place(
            "toledo-us",
            "Toledo",
            "city",
            Some("US"),
            Some((41.65, -83.54)),
        ),
        place(
            "toledo-es",
            "Toledo",
            "city",
            Some("ES"),
            Some((39.86, -4.02)),
        ),
        place(
            "laredo-us",
            "Laredo",
            "city",
            Some("US"),
            Some((27.51, -99.51)),
        ),
        place(
            "nuevo-laredo-mx",
            "Nuevo Laredo",
            "city",
            Some("MX"),
            Some((27.48, -99.52)),
        ),
        place(
            "alberta-ca",
            "Alberta",
            "region",
            Some("CA"),
            Some((53.93, -116.58)),
        ),
        place(
            "texas-us",
            "Texas",
            "region",
            Some("US"),
            Some((31.0, -100.0)),
        ),
        place(
            "gangwon-kr",
            "Gangwon",
            "region",
            Some("KR"),
            Some((37.82, 128.16)),
        ),
        place(
            "bristol-gb",
            "Bristol",
            "city",
            Some("GB"),
            Some((51.45, -2.59)),
        ),
        place(
            "new-orleans-us",
            "New Orleans",
            "city",
            Some("US"),
            Some((29.95, -90.07)),
        ),
        place(
            "wincanton-gb",
            "Wincanton",
            "town",
            Some("GB"),
            Some((51.06, -2.41)),
        ),
        place("ankh-morpork", "Ankh-Morpork", "fictional", None, None),
        place(
            "dull-gb",
            "Dull",
            "village",
            Some("GB"),
            Some((56.63, -3.92)),
        ),
        place(
            "boring-us",
            "Boring",
            "town",
            Some("US"),
            Some((45.43, -122.37)),
        ),
        place(
            "oakville-ca",
            "Oakville",
            "town",
            Some("CA"),
            Some((43.45, -79.68)),
        ),
        place(
            "dorval-ca",
            "Dorval",
            "city",
            Some("CA"),
            Some((45.45, -73.75)),
        ),
        place(
            "nieuwegein-nl",
            "Nieuwegein",
            "town",
            Some("NL"),
            Some((52.03, 5.08)),
        ),
        place(
            "pulawy-pl",
            "Puławy",
            "town",
            Some("PL"),
            Some((51.42, 21.97)),
        ),
        place(
            "preston-gb",
            "Preston",
            "city",
            Some("GB"),
            Some((53.76, -2.70)),
        ),
        place(
            "nablus-ps",
            "Nablus",
            "city",
            Some("PS"),
            Some((32.22, 35.26)),
        ),
        place(
            "osaka-jp",
            "Osaka",
            "city",
            Some("JP"),
            Some((34.69, 135.50)),
        ),
        place(
            "san-francisco-us",
            "San Francisco",
            "city",
            Some("US"),
            Some((37.77, -122.42)),
        ),
        place(
            "glendale-us",
            "Glendale",
            "city",
            Some("US"),
            Some((34.14, -118.25)),
        ),
        place(
            "higashiosaka-jp",
            "Higashiōsaka",
            "city",
            Some("JP"),
            Some((34.68, 135.60)),
        ),
        place(
            "nottingham-gb",
            "Nottingham",
            "city",
            Some("GB"),
            Some((52.95, -1.15)),
        ),
        place(
            "karlsruhe-de",
            "Karlsruhe",
            "city",
            Some("DE"),
            Some((49.01, 8.40)),
        ),
        place("kukkola-se", "Kukkola", "village", Some("SE"), None),
        place("kukkola-fi", "Kukkola", "village", Some("FI"), None),
        place(
            "perth-au",
            "Perth",
            "city",
            Some("AU"),
            Some((56.40, -3.43)),
        ),
        place(
            "perth-gb",
            "Perth",
            "city",
            Some("GB"),
            Some((56.40, -3.43)),
        ),
        place(
            "lonely-fr",
            "Lonely",
            "village",
            Some("FR"),
            Some((45.0, 2.0)),
        ),
    ];
    let mut tornio = link(
        "tornio-fi",
        "haparanda-se",
        "cooperation",
        vec![ev("other", "1960s"), ev("established", "1987")],
    );
    tornio["pair"] = json!({ "river": "Torne", "riverIsBorder": true, "bridge": true, "origin": "counterpart",
        "criteria": [fact("C5", "holds", "Finnish, Swedish and Meänkieli are spoken on both sides.")] });
    let mut valga = link(
        "valga-ee",
        "valka-lv",
        "twinning",
        vec![ev("other", "1920-07-01"), ev("established", "2005")],
    );
    valga["pair"] = json!({ "origin": "partitioned", "riverIsBorder": false });
    let mut narva = link(
        "narva-ee",
        "ivangorod-ru",
        "cooperation",
        vec![ev("proposed", "1990s")],
    );
    narva["pair"] = json!({ "river": "Narva", "riverIsBorder": true, "satellite": "ivangorod-ru" });
    let mut imatra = link(
        "imatra-fi",
        "svetogorsk-ru",
        "cooperation",
        vec![ev("established", "1993"), ev("renewed", "2001")],
    );
    let mut closed = ev("other", "2023-11-18");
    closed["note"] = json!("border crossing closed");
    imatra["events"].as_array_mut().unwrap().push(closed);
    imatra["pair"] = json!({ "river": "Vuoksi", "riverIsBorder": false, "origin": "separate" });
    let mut kirkenes = link(
        "kirkenes-no",
        "nikel-ru",
        "cooperation",
        vec![
            ev("established", "2008-06-09"),
            ev("suspended", "2022-02"),
            ev("terminated", "2024-03-20"),
        ],
    );
    kirkenes["pair"] = json!({ "origin": "separate", "criteria": [
        fact("C2", "fails", "Never one municipality."),
        fact("C5", "fails", "No mixed population."),
        fact("C6", "holds", "A 2008 declaration approved by the foreign ministers.")] });
    let mut minneapolis = link("minneapolis-us", "saint-paul-us", "none", vec![]);
    minneapolis["pair"] =
        json!({ "river": "Mississippi", "riverIsBorder": false, "origin": "neighbours" });
    let mut espoo = link("helsinki-fi", "espoo-fi", "none", vec![]);
    espoo["pair"] = json!({ "origin": "satellite", "satellite": "espoo-fi" });
    let mut dull = link(
        "dull-gb",
        "boring-us",
        "twinning",
        vec![ev("established", "2012-06")],
    );
    dull["motives"] = json!(["novelty", "tourism"]);
    let mut laredo = link("laredo-us", "nuevo-laredo-mx", "sister_city", vec![]);
    laredo["pair"] = json!({ "criteria": [fact("C1", "holds", "x")] });
    let links = vec![
        tornio,
        valga,
        narva,
        imatra,
        kirkenes,
        minneapolis,
        espoo,
        dull,
        link(
            "coventry-gb",
            "volgograd-ru",
            "twinning",
            vec![ev("established", "1944"), ev("suspended", "2022-03-22")],
        ),
        link(
            "coventry-gb",
            "dresden-de",
            "twinning",
            vec![ev("established", "1956")],
        ),
        link(
            "coventry-gb",
            "mariupol-ua",
            "twinning",
            vec![ev("proposed", "2022-03-22")],
        ),
        link(
            "dresden-de",
            "hamburg-de",
            "twinning",
            vec![ev("established", "1987")],
        ),
        link(
            "hamburg-de",
            "saint-petersburg-ru",
            "twinning",
            vec![ev("established", "1957")],
        ),
        link(
            "melbourne-au",
            "saint-petersburg-ru",
            "sister_city",
            vec![ev("established", "1989"), ev("suspended", "2022-03")],
        ),
        link(
            "milan-it",
            "saint-petersburg-ru",
            "twinning",
            vec![ev("established", "1967"), ev("suspended", "2013")],
        ),
        link(
            "prague-cz",
            "saint-petersburg-ru",
            "twinning",
            vec![ev("established", "1995"), ev("terminated", "2014")],
        ),
        link(
            "toledo-us",
            "toledo-es",
            "sister_city",
            vec![ev("established", "1931")],
        ),
        laredo,
        link(
            "alberta-ca",
            "texas-us",
            "policy",
            vec![ev("established", "2018")],
        ),
        link(
            "alberta-ca",
            "gangwon-kr",
            "sister_city",
            vec![ev("established", "1974")],
        ),
        link(
            "bristol-gb",
            "new-orleans-us",
            "thematic",
            vec![ev("proposed", "2014")],
        ),
        link(
            "wincanton-gb",
            "ankh-morpork",
            "twinning",
            vec![ev("established", "2002")],
        ),
        link("oakville-ca", "dorval-ca", "twinning", vec![]),
        link(
            "nieuwegein-nl",
            "pulawy-pl",
            "friendship",
            vec![ev("established", "2000"), ev("terminated", "2020-07")],
        ),
        link(
            "preston-gb",
            "nablus-ps",
            "twinning",
            vec![ev("attempted", "2003-10-30")],
        ),
        link(
            "osaka-jp",
            "san-francisco-us",
            "sister_city",
            vec![
                ev("established", "1957-10-07"),
                ev("terminated", "2018-10-02"),
            ],
        ),
        link(
            "glendale-us",
            "higashiosaka-jp",
            "sister_city",
            vec![ev("established", "unknown")],
        ),
        link(
            "nottingham-gb",
            "karlsruhe-de",
            "business",
            vec![ev("established", "1990s")],
        ),
        link("perth-au", "perth-gb", "twinning", vec![]),
        link("milan-it", "toledo-es", "none", vec![]),
    ];
    let groups = vec![
        json!({ "id": "city-twins-association", "name": "City Twins Association (CTA)", "kind": "association",
                "founded": "2006-12-13", "members": ["tornio-fi", "haparanda-se", "valga-ee", "valka-lv", "narva-ee", "ivangorod-ru"],
                "sources": ["s"] }),
        json!({ "id": "bombed-cities", "name": "The bombed cities", "kind": "informal",
                "members": ["coventry-gb", "dresden-de", "kaliningrad-ru", "volgograd-ru"], "sources": ["s"] }),
    ];
    let terms = vec![
        json!({ "term": "Partnerstadt", "language": "de", "usedIn": "Germany, Austria", "sources": ["s"] }),
    ];
    let doc = json!({
        "format": "twinning-atlas/1",
        "sources": [{ "id": "s", "title": "Test source" }],
        "places": places, "links": links, "groups": groups, "terms": terms,
    });
    let data = match Dataset::from_json(&doc.to_string(), "fixture") {
        Ok(d) => d,
        Err(e) => panic!("fixture does not load: {e}"),
    };
    match Atlas::new(data) {
        Ok(a) => a,
        Err(e) => panic!("fixture does not index: {e}"),
    }
}

fn at(date: &str) -> ClassifyOptions {
    ClassifyOptions {
        as_of: Some(date.into()),
        thresholds: None,
    }
}

fn now() -> ClassifyOptions {
    ClassifyOptions::default()
}

fn classify(
    atlas: &Atlas,
    a: &str,
    b: &str,
    o: &ClassifyOptions,
) -> twinning_atlas::view::Classification {
    match atlas.classify(a, b, o) {
        Ok(c) => c,
        Err(e) => panic!("classify {a} {b}: {e}"),
    }
}

#[test]
fn tells_each_kind() {
    let atlas = fixture();
    let cases = [
        ("tornio-fi", "haparanda-se", Kind::CrossBorderTwinCities),
        ("minneapolis-us", "saint-paul-us", Kind::DomesticTwinCities),
        ("helsinki-fi", "espoo-fi", Kind::Satellite),
        ("coventry-gb", "dresden-de", Kind::SisterCity),
        ("oakville-ca", "dorval-ca", Kind::SameCountryPartnership),
        ("nieuwegein-nl", "pulawy-pl", Kind::FriendshipCity),
        ("alberta-ca", "gangwon-kr", Kind::RegionalTwinning),
        ("alberta-ca", "texas-us", Kind::PolicyAgreement),
        ("bristol-gb", "new-orleans-us", Kind::ThematicPartnership),
        ("nottingham-gb", "karlsruhe-de", Kind::BusinessPartnership),
        ("wincanton-gb", "ankh-morpork", Kind::NoveltyPartnership),
        ("dull-gb", "boring-us", Kind::NoveltyPartnership),
        ("coventry-gb", "kaliningrad-ru", Kind::NetworkMembership),
        ("toledo-es", "nablus-ps", Kind::Unrelated),
        ("milan-it", "toledo-es", Kind::RecordedPairing),
    ];
    for (a, b, kind) in cases {
        let c = classify(&atlas, a, b, &now());
        assert_eq!(c.kind.kind, kind, "{a}–{b}: {:?}", c.kind.evidence);
        assert!(!c.kind.evidence.is_empty(), "{a}–{b} has no evidence");
    }
}

#[test]
fn flags_bridge_towns_partitioned_towns_counterparts_and_satellites() {
    let atlas = fixture();
    let t = classify(&atlas, "tornio-fi", "haparanda-se", &now());
    assert!(t.kind.flags.bridge_town && t.kind.flags.counterpart && t.kind.flags.adjacent);
    let v = classify(&atlas, "valga-ee", "valka-lv", &now());
    assert!(v.kind.flags.partitioned && !v.kind.flags.bridge_town);
    let n = classify(&atlas, "narva-ee", "ivangorod-ru", &now());
    assert_eq!(
        n.kind.kind,
        Kind::CrossBorderTwinCities,
        "a satellite across a border is still a cross-border pair"
    );
    assert!(n.kind.flags.satellite);
    let k = classify(&atlas, "kirkenes-no", "nikel-ru", &now());
    assert!(k.kind.flags.near_border && !k.kind.flags.adjacent);
    assert_eq!(k.kind.kind, Kind::CrossBorderTwinCities);
    let s = classify(&atlas, "coventry-gb", "dresden-de", &now());
    assert_eq!(
        s.kind.variant,
        Some(twinning_atlas::view::Variant::TwinTown)
    );
}

#[test]
fn keeps_geographic_twins_and_agreements_apart() {
    let atlas = fixture();
    let m = classify(&atlas, "minneapolis-us", "saint-paul-us", &now());
    assert_eq!(m.geographic_twin.verdict, Verdict::Holds);
    assert_eq!(m.geographic_twin.scope, Some(GeoScope::Domestic));
    assert!(!m.agreement.recorded);
    let c = classify(&atlas, "coventry-gb", "dresden-de", &now());
    assert_eq!(c.geographic_twin.verdict, Verdict::Fails);
    assert!(c.agreement.recorded && c.agreement.in_force);
    let t = classify(&atlas, "tornio-fi", "haparanda-se", &now());
    assert_eq!(t.geographic_twin.scope, Some(GeoScope::CrossBorder));
    assert!(t.agreement.recorded);
    // a geographic twin pair the data does not link at all
    let e = classify(&atlas, "helsinki-fi", "espoo-fi", &now());
    assert_eq!(
        e.geographic_twin.verdict,
        Verdict::Fails,
        "a satellite is not a twin"
    );
}

#[test]
fn derives_each_status_with_the_deciding_event() {
    let atlas = fixture();
    let cases = [
        ("coventry-gb", "dresden-de", "now", Status::Established),
        ("bristol-gb", "new-orleans-us", "now", Status::Proposed),
        ("preston-gb", "nablus-ps", "now", Status::Attempted),
        ("coventry-gb", "volgograd-ru", "now", Status::Suspended),
        ("osaka-jp", "san-francisco-us", "now", Status::Terminated),
        ("minneapolis-us", "saint-paul-us", "now", Status::None),
        ("toledo-es", "nablus-ps", "now", Status::None),
        ("glendale-us", "higashiosaka-jp", "1990", Status::Unknown),
        ("oakville-ca", "dorval-ca", "now", Status::Unknown),
    ];
    for (a, b, when, status) in cases {
        let c = classify(&atlas, a, b, &at(when));
        assert_eq!(c.status.status, status, "{a}–{b} at {when}");
        assert_eq!(
            c.agreement.status,
            if c.agreement.recorded {
                status
            } else {
                Status::None
            }
        );
    }
    let c = classify(&atlas, "coventry-gb", "volgograd-ru", &now());
    assert_eq!(
        c.status.decided_by.as_ref().map(|e| e.date.text.as_str()),
        Some("2022-03-22")
    );
}

#[test]
fn judges_dates_before_and_after_suspensions_and_terminations() {
    let atlas = fixture();
    let cv = |d: &str| classify(&atlas, "coventry-gb", "volgograd-ru", &at(d));
    assert_eq!(cv("1943").status.status, Status::None);
    assert_eq!(cv("2021").status.status, Status::Established);
    assert_eq!(cv("2021").criteria.c3.verdict, Verdict::Holds);
    assert_eq!(cv("2022-03-21").status.status, Status::Established);
    assert_eq!(cv("2022-03-22").status.status, Status::Suspended);
    assert_eq!(cv("2022-03-22").criteria.c3.verdict, Verdict::Fails);
    let kn = |d: &str| classify(&atlas, "kirkenes-no", "nikel-ru", &at(d));
    assert_eq!(kn("2020").status.status, Status::Established);
    assert_eq!(kn("2023").status.status, Status::Suspended);
    assert_eq!(kn("2024-03-19").status.status, Status::Suspended);
    assert_eq!(kn("2024-03-20").status.status, Status::Terminated);
    // the recorded C6 is checked against the termination
    assert_eq!(kn("2020").criteria.c6.verdict, Verdict::Holds);
    assert_eq!(kn("2024-03-20").criteria.c6.verdict, Verdict::Fails);
    assert_eq!(kn("2024-03-20").criteria.c6.source, Basis::Derived);
    assert!(kn("2024-03-20").criteria.c6.evidence.contains("terminated"));
    // Valga–Valka: no agreement before 2005, one from 2005
    let vv = |d: &str| classify(&atlas, "valga-ee", "valka-lv", &at(d));
    assert_eq!(vv("2004").criteria.c3.verdict, Verdict::Fails);
    assert_eq!(vv("2004").twin_cities.verdict, Verdict::Fails);
    assert_eq!(vv("2005").criteria.c3.verdict, Verdict::Holds);
    assert_eq!(vv("2005").twin_cities.verdict, Verdict::Holds);
}

#[test]
fn c1_frontier_proximity_holds_fails_or_is_unknown() {
    let atlas = fixture();
    let c1 = |a: &str, b: &str| classify(&atlas, a, b, &now()).criteria.c1;
    let t = c1("tornio-fi", "haparanda-se");
    assert_eq!((t.verdict, t.source), (Verdict::Holds, Basis::Computed));
    assert!(t.evidence.contains("adjacent"), "{}", t.evidence);
    assert_eq!(c1("kirkenes-no", "nikel-ru").verdict, Verdict::Holds);
    assert_eq!(c1("coventry-gb", "dresden-de").verdict, Verdict::Fails);
    let same = c1("minneapolis-us", "saint-paul-us");
    assert_eq!(same.verdict, Verdict::Fails);
    assert!(same.evidence.contains("United States"));
    assert_eq!(c1("wincanton-gb", "ankh-morpork").verdict, Verdict::Fails);
    assert_eq!(c1("kukkola-se", "kukkola-fi").verdict, Verdict::Unknown);
    // homonyms geocoded onto one spot are not neighbours
    let perth = c1("perth-au", "perth-gb");
    assert_eq!(perth.verdict, Verdict::Unknown, "{}", perth.evidence);
    // recorded where it cannot be computed… and computed wins where it can
    assert_eq!(c1("laredo-us", "nuevo-laredo-mx").source, Basis::Computed);
}

#[test]
fn thresholds_are_the_users_to_change() {
    let atlas = fixture();
    let tight = ClassifyOptions {
        as_of: None,
        thresholds: Some(Thresholds {
            adjacent_km: 5.0,
            near_border_km: 30.0,
            ..Thresholds::default()
        }),
    };
    let k = classify(&atlas, "kirkenes-no", "nikel-ru", &tight);
    assert_eq!(k.criteria.c1.verdict, Verdict::Fails);
    assert!(!k.kind.flags.near_border);
    assert_eq!(k.thresholds.near_border_km, 30.0);
    let bad = ClassifyOptions {
        as_of: None,
        thresholds: Some(Thresholds {
            adjacent_km: 60.0,
            near_border_km: 30.0,
            ..Thresholds::default()
        }),
    };
    let e = atlas.classify("kirkenes-no", "nikel-ru", &bad).unwrap_err();
    assert_eq!(e.code(), "invalid_argument");
    let nan = ClassifyOptions {
        as_of: None,
        thresholds: Some(Thresholds {
            adjacent_km: f64::NAN,
            near_border_km: 30.0,
            ..Thresholds::default()
        }),
    };
    assert_eq!(
        atlas
            .classify("kirkenes-no", "nikel-ru", &nan)
            .unwrap_err()
            .code(),
        "invalid_argument"
    );
}

#[test]
fn c2_common_history_holds_fails_or_is_unknown() {
    let atlas = fixture();
    let c2 = |a: &str, b: &str| classify(&atlas, a, b, &now()).criteria.c2;
    let v = c2("valga-ee", "valka-lv");
    assert_eq!((v.verdict, v.source), (Verdict::Holds, Basis::Derived));
    assert_eq!(c2("tornio-fi", "haparanda-se").verdict, Verdict::Holds);
    let n = c2("narva-ee", "ivangorod-ru");
    assert_eq!(
        n.verdict,
        Verdict::Holds,
        "both in the Soviet Union: {}",
        n.evidence
    );
    assert!(n.evidence.contains("Soviet Union"));
    let k = c2("kirkenes-no", "nikel-ru");
    assert_eq!((k.verdict, k.source), (Verdict::Fails, Basis::Recorded));
    assert_eq!(
        k.sources.first().map(|s| s.title.as_str()),
        Some("Test source")
    );
    // too far apart to have been one town: the facts decide
    let far = c2("coventry-gb", "dresden-de");
    assert_eq!((far.verdict, far.source), (Verdict::Fails, Basis::Computed));
    assert!(far.evidence.contains("km apart"), "{}", far.evidence);
    assert!(
        far.evidence.contains("shared-town threshold"),
        "{}",
        far.evidence
    );
    // the threshold is the user's to change, and the evidence names the one used
    let wide = ClassifyOptions {
        as_of: None,
        thresholds: Some(Thresholds {
            shared_town_km: 1000.0,
            ..Thresholds::default()
        }),
    };
    let c = classify(&atlas, "coventry-gb", "dresden-de", &wide);
    assert!(
        c.criteria.c2.evidence.contains("1000 km"),
        "{}",
        c.criteria.c2.evidence
    );
    assert_eq!(c.thresholds.shared_town_km, 1000.0);
}

#[test]
fn c3_present_cooperation_follows_the_status() {
    let atlas = fixture();
    let c3 = |a: &str, b: &str, o: &ClassifyOptions| classify(&atlas, a, b, o).criteria.c3;
    assert_eq!(
        c3("coventry-gb", "dresden-de", &now()).verdict,
        Verdict::Holds
    );
    assert_eq!(
        c3("coventry-gb", "volgograd-ru", &now()).verdict,
        Verdict::Fails
    );
    assert_eq!(
        c3("osaka-jp", "san-francisco-us", &now()).verdict,
        Verdict::Fails
    );
    assert_eq!(
        c3("minneapolis-us", "saint-paul-us", &now()).verdict,
        Verdict::Fails
    );
    assert_eq!(c3("toledo-es", "nablus-ps", &now()).verdict, Verdict::Fails);
    assert_eq!(
        c3("glendale-us", "higashiosaka-jp", &at("1990")).verdict,
        Verdict::Unknown
    );
    assert!(c3("coventry-gb", "dresden-de", &now())
        .sources
        .iter()
        .any(|s| s.id == "s"));
    // later events that do not change the status are shown
    let i = c3("imatra-fi", "svetogorsk-ru", &now());
    assert_eq!(i.verdict, Verdict::Holds);
    assert!(
        i.evidence.contains("border crossing closed"),
        "{}",
        i.evidence
    );
    assert!(!c3("imatra-fi", "svetogorsk-ru", &at("2020"))
        .evidence
        .contains("closed"));
}

#[test]
fn c4_border_river_holds_fails_or_is_unknown() {
    let atlas = fixture();
    let c4 = |a: &str, b: &str| classify(&atlas, a, b, &now()).criteria.c4;
    assert_eq!(c4("tornio-fi", "haparanda-se").verdict, Verdict::Holds);
    assert_eq!(c4("narva-ee", "ivangorod-ru").verdict, Verdict::Holds);
    assert_eq!(c4("imatra-fi", "svetogorsk-ru").verdict, Verdict::Fails);
    assert_eq!(c4("valga-ee", "valka-lv").verdict, Verdict::Fails);
    let far = c4("coventry-gb", "dresden-de");
    assert_eq!((far.verdict, far.source), (Verdict::Fails, Basis::Computed));
    assert_eq!(c4("kirkenes-no", "nikel-ru").verdict, Verdict::Unknown);
}

#[test]
fn c5_mixed_population_is_recorded_or_unknown() {
    let atlas = fixture();
    let c5 = |a: &str, b: &str| classify(&atlas, a, b, &now()).criteria.c5;
    assert_eq!(c5("tornio-fi", "haparanda-se").verdict, Verdict::Holds);
    assert_eq!(c5("kirkenes-no", "nikel-ru").verdict, Verdict::Fails);
    assert_eq!(c5("valga-ee", "valka-lv").verdict, Verdict::Unknown);
}

#[test]
fn c6_institutional_basis_holds_fails_or_is_unknown() {
    let atlas = fixture();
    let c6 = |a: &str, b: &str, o: &ClassifyOptions| classify(&atlas, a, b, o).criteria.c6;
    let agreement = c6("coventry-gb", "dresden-de", &now());
    assert_eq!(
        (agreement.verdict, agreement.source),
        (Verdict::Holds, Basis::Derived)
    );
    // Narva–Ivangorod: only proposals, but both in the CTA since 2006
    let cta = c6("narva-ee", "ivangorod-ru", &now());
    assert_eq!(cta.verdict, Verdict::Holds);
    assert!(cta.evidence.contains("City Twins Association"));
    assert_eq!(
        c6("narva-ee", "ivangorod-ru", &at("2005")).verdict,
        Verdict::Fails
    );
    assert_eq!(
        c6("osaka-jp", "san-francisco-us", &now()).verdict,
        Verdict::Fails
    );
    assert_eq!(
        c6("preston-gb", "nablus-ps", &now()).verdict,
        Verdict::Fails
    );
    assert_eq!(c6("toledo-es", "nablus-ps", &now()).verdict, Verdict::Fails);
    assert_eq!(
        c6("glendale-us", "higashiosaka-jp", &at("1990")).verdict,
        Verdict::Unknown
    );
    let recorded = c6("kirkenes-no", "nikel-ru", &at("2015"));
    assert_eq!(
        (recorded.verdict, recorded.source),
        (Verdict::Holds, Basis::Recorded)
    );
}

#[test]
fn the_twin_city_verdict_gives_one_sentence_of_reasons() {
    let atlas = fixture();
    let t = classify(&atlas, "tornio-fi", "haparanda-se", &now());
    assert_eq!(
        t.twin_cities.verdict,
        Verdict::Holds,
        "{}",
        t.twin_cities.reason
    );
    assert!(t
        .twin_cities
        .reason
        .starts_with("Tornio and Haparanda are twin cities"));
    assert!(
        t.twin_cities.reason.contains("Finland–Sweden border"),
        "{}",
        t.twin_cities.reason
    );
    assert!(t.twin_cities.reason.ends_with('.'));
    assert_eq!(
        t.twin_cities.reason.matches(". ").count(),
        0,
        "one sentence"
    );
    let c = classify(&atlas, "coventry-gb", "dresden-de", &now());
    assert_eq!(c.twin_cities.verdict, Verdict::Fails);
    assert!(c.twin_cities.failing.contains(&"C1"));
    assert!(
        c.twin_cities.reason.contains("too far"),
        "{}",
        c.twin_cities.reason
    );
    let k = classify(&atlas, "kirkenes-no", "nikel-ru", &now());
    assert_eq!(k.twin_cities.verdict, Verdict::Fails);
    assert!(
        k.twin_cities.reason.contains("terminated"),
        "{}",
        k.twin_cities.reason
    );
    let g = classify(&atlas, "kukkola-se", "kukkola-fi", &now());
    assert_eq!(
        g.twin_cities.verdict,
        Verdict::Fails,
        "no link, so no cooperation"
    );
    let n = classify(&atlas, "narva-ee", "ivangorod-ru", &at("2010"));
    assert_eq!(
        n.twin_cities.verdict,
        Verdict::Fails,
        "{}",
        n.twin_cities.reason
    );
}

#[test]
fn infers_shared_names_and_keeps_recorded_motives() {
    let atlas = fixture();
    let rule = |a: &str, b: &str| {
        classify(&atlas, a, b, &now())
            .motives
            .into_iter()
            .find(|m| m.inferred)
            .and_then(|m| m.rule)
    };
    assert_eq!(rule("toledo-us", "toledo-es"), Some(MotiveRule::SameName));
    assert_eq!(
        rule("laredo-us", "nuevo-laredo-mx"),
        Some(MotiveRule::SharedWord)
    );
    assert_eq!(
        rule("valga-ee", "valka-lv"),
        Some(MotiveRule::SharedOtherName)
    );
    assert_eq!(rule("coventry-gb", "dresden-de"), None);
    let d = classify(&atlas, "dull-gb", "boring-us", &now());
    assert!(d
        .motives
        .iter()
        .any(|m| m.motive == Motive::Novelty && !m.inferred));
    assert!(d.motives.iter().all(|m| !m.inferred));
}

#[test]
fn refuses_unknown_places_and_bad_dates() {
    let atlas = fixture();
    assert_eq!(
        atlas
            .classify("nowhere", "tornio-fi", &now())
            .unwrap_err()
            .code(),
        "not_found"
    );
    assert_eq!(
        atlas
            .classify("tornio-fi", "tornio-fi", &now())
            .unwrap_err()
            .code(),
        "invalid_argument"
    );
    assert_eq!(
        atlas
            .classify("tornio-fi", "haparanda-se", &at("20x2"))
            .unwrap_err()
            .code(),
        "invalid_argument"
    );
    assert_eq!(
        atlas.classify_link("a~b", &now()).unwrap_err().code(),
        "not_found"
    );
}

#[test]
fn options_reject_unknown_keys() {
    let e = serde_json::from_str::<ClassifyOptions>(r#"{"asof":"2020"}"#);
    assert!(e.is_err());
    let o: ClassifyOptions =
        serde_json::from_str(r#"{"asOf":"2020","thresholds":{"nearBorderKm":40}}"#).unwrap();
    assert_eq!(o.thresholds.map(|t| t.adjacent_km), Some(15.0));
}

#[test]
fn classifies_every_link_in_one_call() {
    let atlas = fixture();
    let all = atlas
        .classify_all(&ClassifyAllOptions {
            detail: true,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(all.links as usize, atlas.dataset().links.len());
    assert_eq!(
        all.rows.as_ref().map(Vec::len),
        Some(atlas.dataset().links.len())
    );
    assert!(all
        .twin_cities
        .iter()
        .any(|id| id == "haparanda-se~tornio-fi"));
    let total: u32 = all.by_kind.iter().map(|c| c.count).sum();
    assert_eq!(total, all.links);
}

#[test]
fn compares_the_baltic_preset_on_the_fixture() {
    let atlas = fixture();
    let v = atlas
        .compare_pairs(
            &PairsInput::Preset {
                preset: "baltic".into(),
            },
            &ComparePairsOptions {
                as_of: Some("2012".into()),
                since: None,
                thresholds: None,
            },
        )
        .unwrap();
    assert_eq!(v.pairs.len(), 5);
    assert!(v.pairs.iter().all(|p| p.missing.is_empty()));
    assert_eq!(
        v.ranking.first().map(String::as_str),
        Some("Tornio – Haparanda")
    );
    let now = atlas
        .compare_pairs(
            &PairsInput::Preset {
                preset: "baltic".into(),
            },
            &ComparePairsOptions::default(),
        )
        .unwrap();
    let kn = now
        .pairs
        .iter()
        .find(|p| p.label == "Kirkenes – Nikel")
        .unwrap();
    assert!(kn.changed);
    assert_eq!(
        kn.then.as_ref().map(|t| t.status),
        Some(Status::Established)
    );
    assert!(kn.since_then.iter().any(|e| e.date.text == "2024-03-20"));
    let e = atlas.compare_pairs(
        &PairsInput::Preset {
            preset: "alpine".into(),
        },
        &ComparePairsOptions::default(),
    );
    assert_eq!(e.unwrap_err().code(), "invalid_argument");
    let list = PairsInput::Pairs(vec![PairSpec::Tuple([
        "coventry-gb".into(),
        "dresden-de".into(),
    ])]);
    let one = atlas
        .compare_pairs(&list, &ComparePairsOptions::default())
        .unwrap();
    assert_eq!(one.pairs[0].rank, Some(1));
    let input: PairsInput = serde_json::from_str(
        r#"[{"a":"tornio-fi","b":"haparanda-se"},["coventry-gb","dresden-de"]]"#,
    )
    .unwrap();
    assert_eq!(
        atlas
            .compare_pairs(&input, &ComparePairsOptions::default())
            .unwrap()
            .pairs
            .len(),
        2
    );
}

#[test]
fn compares_places_and_countries() {
    let atlas = fixture();
    let v = atlas
        .compare_places(
            &["coventry-gb".into(), "hamburg-de".into()],
            &CompareOptions::default(),
        )
        .unwrap();
    assert_eq!(v.shared_partners.len(), 1);
    assert_eq!(v.shared_partners[0].partner.id, "dresden-de");
    let cov = &v.places[0];
    assert_eq!(cov.partners, 3);
    assert_eq!(cov.active.len(), 1);
    assert_eq!(cov.ended.len(), 1);
    assert_eq!(
        cov.first_twinning.as_ref().map(|d| d.partner.id.as_str()),
        Some("volgograd-ru")
    );
    assert!(cov.continents.iter().any(|c| c.key == "EU"));
    assert!(atlas
        .compare_places(&["coventry-gb".into()], &CompareOptions::default())
        .is_err());
    let c = atlas
        .compare_countries(&["GB".into(), "de".into()], &CompareOptions::default())
        .unwrap();
    assert_eq!(c.countries[1].code, "DE");
    assert!(c.countries[1]
        .glossary
        .contains(&"Partnerstadt".to_string()));
    assert_eq!(c.between.first().map(|b| b.twinnings), Some(2));
    assert_eq!(
        atlas
            .compare_countries(&["XX".into()], &CompareOptions::default())
            .unwrap_err()
            .code(),
        "not_found"
    );
}

#[test]
fn finds_chains_partners_of_partners_and_components() {
    let atlas = fixture();
    let o = NetworkOptions::default();
    let c = atlas.chain("coventry-gb", "melbourne-au", &o).unwrap();
    assert_eq!(c.hops, Some(4));
    let ids: Vec<&str> = c.places.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "coventry-gb",
            "dresden-de",
            "hamburg-de",
            "saint-petersburg-ru",
            "melbourne-au"
        ]
    );
    assert_eq!(c.links.len(), 4);
    assert_eq!(c.links[3].status, Status::Suspended);
    let active = NetworkOptions {
        active_only: true,
        ..Default::default()
    };
    assert!(
        !atlas
            .chain("coventry-gb", "melbourne-au", &active)
            .unwrap()
            .found
    );
    assert!(!atlas.chain("coventry-gb", "toledo-es", &o).unwrap().found);
    assert_eq!(
        atlas.chain("coventry-gb", "coventry-gb", &o).unwrap().hops,
        Some(0)
    );
    let pop = atlas.partners_of_partners("coventry-gb", &o).unwrap();
    assert_eq!(pop.partners_of_partners.len(), 1);
    assert_eq!(pop.partners_of_partners[0].place.id, "hamburg-de");
    assert_eq!(pop.partners_of_partners[0].via[0].id, "dresden-de");
    let comp = atlas.components(&o).unwrap();
    assert_eq!(comp.largest, 9);
    let of = atlas.component_of("melbourne-au", &o).unwrap();
    assert_eq!((of.index, of.size), (Some(0), 9));
    assert_eq!(atlas.component_of("lonely-fr", &o).unwrap().index, None);
    let most = atlas.most_connected(&o).unwrap();
    assert_eq!(most.places[0].place.id, "saint-petersburg-ru");
    assert!(
        most.saint_petersburg.holds_record,
        "{}",
        most.saint_petersburg.statement
    );
}

#[test]
fn statistics_are_deterministic_and_count_the_2022_wave() {
    let atlas = fixture();
    let s = atlas.statistics(&StatisticsOptions::default()).unwrap();
    let again = atlas.statistics(&StatisticsOptions::default()).unwrap();
    assert_eq!(s, again);
    assert_eq!(s.endings.wave_2022.suspended, 3);
    assert_eq!(s.endings.wave_2022.involving_russia_or_belarus, 3);
    assert!(s
        .new_per_decade
        .iter()
        .any(|d| d.decade == 1940 && d.count == 1));
    assert!(!s.distance_influence.statement.is_empty());
    let other = atlas
        .statistics(&StatisticsOptions {
            seed: Some(99),
            rounds: None,
        })
        .unwrap();
    assert_eq!(
        other.distance_influence.observed,
        s.distance_influence.observed
    );
    assert!(atlas
        .statistics(&StatisticsOptions {
            seed: None,
            rounds: Some(0)
        })
        .is_err());
}
