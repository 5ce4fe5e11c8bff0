//! The kind of a relationship, and the two facts it rests on, kept apart: whether the two
//! places are twins on the map (geography and history), and whether they have an agreement
//! (its form and term). A pair can be one without the other.
//!
//! Not for: the six criteria (`criteria.rs`) or the status of a link (`crate::status`).

use super::{country_name, in_country, km_text, lit, Pair};
use crate::model::{Form, Motive, Origin, Verdict};
use crate::status::Status;
use crate::text::fold;
use crate::view::{AgreementView, GeoScope, GeographicTwinView, KindFlags, KindView, Variant};
use serde::Serialize;

/// The kind of relationship between two places.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Adjacent or near-border towns on either side of an international border.
    CrossBorderTwinCities,
    /// Twin cities within one country (Minneapolis–Saint Paul).
    DomesticTwinCities,
    /// One serves the other as a satellite, where a source says so (within one country).
    Satellite,
    /// Sister city, twin town or partner town between distant places in two countries.
    SisterCity,
    /// A partnership between places of one country that are not neighbours.
    SameCountryPartnership,
    /// A friendship city: narrower in scope, often mayor-to-mayor.
    FriendshipCity,
    /// Province-, state- or region-level twinning.
    RegionalTwinning,
    /// A policy agreement (Alberta–Nevada).
    PolicyAgreement,
    /// A partnership on one theme (Bristol–New Orleans "tuning").
    ThematicPartnership,
    /// A business or economic agreement.
    BusinessPartnership,
    /// With a fictional or virtual place, or for fun (Dull–Boring).
    NoveltyPartnership,
    /// Members of the same network (CTA, Douzelage, the "bombed cities"), no pairwise link.
    NetworkMembership,
    /// A pairing the data records without agreement, that is none of the above.
    RecordedPairing,
    /// Nothing recorded between them.
    Unrelated,
}

impl Kind {
    pub const ALL: [Kind; 14] = [
        Kind::CrossBorderTwinCities,
        Kind::DomesticTwinCities,
        Kind::Satellite,
        Kind::SisterCity,
        Kind::SameCountryPartnership,
        Kind::FriendshipCity,
        Kind::RegionalTwinning,
        Kind::PolicyAgreement,
        Kind::ThematicPartnership,
        Kind::BusinessPartnership,
        Kind::NoveltyPartnership,
        Kind::NetworkMembership,
        Kind::RecordedPairing,
        Kind::Unrelated,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::CrossBorderTwinCities => "cross_border_twin_cities",
            Kind::DomesticTwinCities => "domestic_twin_cities",
            Kind::Satellite => "satellite",
            Kind::SisterCity => "sister_city",
            Kind::SameCountryPartnership => "same_country_partnership",
            Kind::FriendshipCity => "friendship_city",
            Kind::RegionalTwinning => "regional_twinning",
            Kind::PolicyAgreement => "policy_agreement",
            Kind::ThematicPartnership => "thematic_partnership",
            Kind::BusinessPartnership => "business_partnership",
            Kind::NoveltyPartnership => "novelty_partnership",
            Kind::NetworkMembership => "network_membership",
            Kind::RecordedPairing => "recorded_pairing",
            Kind::Unrelated => "unrelated",
        }
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Kind::CrossBorderTwinCities => "cross-border twin cities",
            Kind::DomesticTwinCities => "twin cities within one country",
            Kind::Satellite => "satellite town",
            Kind::SisterCity => "sister city / twin town",
            Kind::SameCountryPartnership => "partnership within one country",
            Kind::FriendshipCity => "friendship city",
            Kind::RegionalTwinning => "province-, state- or region-level twinning",
            Kind::PolicyAgreement => "policy agreement",
            Kind::ThematicPartnership => "thematic partnership",
            Kind::BusinessPartnership => "business partnership",
            Kind::NoveltyPartnership => "novelty partnership",
            Kind::NetworkMembership => "members of one network, not a pairwise twinning",
            Kind::RecordedPairing => "recorded pairing without agreement",
            Kind::Unrelated => "no relationship recorded",
        }
    }
}

/// Whether the two places are twins on the map.
pub(crate) fn geographic(p: &Pair) -> GeographicTwinView {
    let mut ev = Vec::new();
    let mut f = KindFlags {
        imaginary: p.a.level.is_imaginary() || p.b.level.is_imaginary(),
        regional: p.a.level.is_regional() || p.b.level.is_regional(),
        ..KindFlags::default()
    };
    if f.imaginary {
        let which = if p.a.level.is_imaginary() { p.a } else { p.b };
        ev.push(text!(
            p,
            "{} is not a place on the map ({})",
            which.name,
            which.level.as_str()
        ));
        return GeographicTwinView {
            verdict: Verdict::Fails,
            scope: None,
            flags: f,
            evidence: ev,
        };
    }
    let differ = p.countries_differ();
    let mut origin_twins = false;
    if let Some(pair) = p.pair {
        match pair.origin {
            Some(Origin::Partitioned) => {
                f.partitioned = true;
                origin_twins = true;
                ev.push(lit(
                    p,
                    "a source records them as one town divided by a border",
                ));
            }
            Some(Origin::Counterpart) => {
                f.counterpart = true;
                origin_twins = true;
                ev.push(lit(p, "a source records one as founded across a new border as the other's counterpart"));
            }
            Some(Origin::Neighbours) => {
                origin_twins = true;
                ev.push(lit(
                    p,
                    "a source records them as towns that grew up facing each other",
                ));
            }
            Some(Origin::Satellite) => {
                f.satellite = true;
                ev.push(lit(p, "a source calls one of them the other's satellite"));
            }
            Some(Origin::Separate) => {
                ev.push(lit(
                    p,
                    "a source records them as separate towns with no shared urban past",
                ));
            }
            None => {}
        }
        if let Some(s) = &pair.satellite {
            if !f.satellite {
                ev.push(text!(
                    p,
                    "a source calls {} a satellite of the other",
                    name_of(p, s)
                ));
            }
            f.satellite = true;
        }
        if pair.river_is_border == Some(true) {
            f.bridge_town = true;
            let river = pair.river.as_deref().unwrap_or("a river");
            let bridge = if pair.bridge == Some(true) {
                ", joined by a bridge"
            } else {
                ""
            };
            ev.push(text!(p, "{river} between them is a border{bridge}"));
        } else if pair.bridge == Some(true) && differ == Some(true) {
            f.bridge_town = true;
            ev.push(lit(p, "a bridge joins them across the border"));
        }
    }
    let suspicious = p.homonym_on_one_spot();
    if suspicious {
        ev.push(text!(
            p,
            "{} and {} have the same name and the same coordinates in different countries: \
             probably a geocoding error, so their distance is not used",
            p.a.name,
            p.b.name
        ));
    }
    let km = if suspicious { None } else { p.km() };
    if let Some(d) = km {
        f.adjacent = d <= p.thresholds.adjacent_km;
        f.near_border = differ == Some(true) && d <= p.thresholds.near_border_km;
    }
    let (verdict, scope) = match differ {
        Some(true) => {
            if let Some(d) = km {
                if f.adjacent {
                    ev.push(text!(
                        p,
                        "{} apart in {} and {}: adjacent across the border (≤ {} km)",
                        km_text(d),
                        country_name(p.a),
                        country_name(p.b),
                        p.thresholds.adjacent_km
                    ));
                } else if f.near_border {
                    ev.push(text!(
                        p,
                        "{} apart in {} and {}: near-border towns (≤ {} km)",
                        km_text(d),
                        country_name(p.a),
                        country_name(p.b),
                        p.thresholds.near_border_km
                    ));
                } else {
                    ev.push(text!(
                        p,
                        "{} apart in {} and {}: farther than the near-border threshold ({} km)",
                        km_text(d),
                        country_name(p.a),
                        country_name(p.b),
                        p.thresholds.near_border_km
                    ));
                }
            }
            if origin_twins || f.bridge_town || f.near_border {
                (Verdict::Holds, Some(GeoScope::CrossBorder))
            } else if km.is_some() {
                (Verdict::Fails, None)
            } else {
                ev.push(lit(
                    p,
                    "no coordinates or recorded distance to tell how close they are",
                ));
                (Verdict::Unknown, None)
            }
        }
        Some(false) => {
            if let Some(d) = km {
                let within = if f.adjacent { "within" } else { "beyond" };
                ev.push(text!(
                    p,
                    "{} apart, both in {}: {within} the adjacent threshold ({} km)",
                    km_text(d),
                    in_country(p.a),
                    p.thresholds.adjacent_km
                ));
            }
            if f.satellite {
                ev.push(lit(
                    p,
                    "a satellite serves a centre; twin cities are equals",
                ));
                (Verdict::Fails, None)
            } else if origin_twins || f.adjacent {
                (Verdict::Holds, Some(GeoScope::Domestic))
            } else if km.is_some() {
                (Verdict::Fails, None)
            } else {
                ev.push(lit(
                    p,
                    "no coordinates or recorded distance to tell how close they are",
                ));
                (Verdict::Unknown, None)
            }
        }
        None => {
            ev.push(lit(p, "the country of one of them is not recorded"));
            (Verdict::Unknown, None)
        }
    };
    GeographicTwinView {
        verdict,
        scope,
        flags: f,
        evidence: ev,
    }
}

fn name_of<'a>(p: &'a Pair, id: &str) -> &'a str {
    if p.a.id == id {
        &p.a.name
    } else if p.b.id == id {
        &p.b.name
    } else {
        "one"
    }
}

fn variant(form: Form, term: Option<&str>) -> Variant {
    let t = term.map(fold).unwrap_or_default();
    let by_term = || {
        if t.contains("partner") {
            Some(Variant::PartnerTown)
        } else if t.contains("sister") || t.contains("hermanad") {
            Some(Variant::SisterCity)
        } else if t.contains("twin") || t.contains("jumel") || t.contains("gemell") {
            Some(Variant::TwinTown)
        } else {
            None
        }
    };
    match form {
        Form::SisterCity => Variant::SisterCity,
        Form::Twinning => by_term().unwrap_or(Variant::TwinTown),
        Form::Adoption => Variant::Adoption,
        Form::Contact => Variant::Contact,
        Form::Cooperation => Variant::Cooperation,
        _ => by_term().unwrap_or(Variant::Unspecified),
    }
}

/// The kind of the relationship, from the link (if any), the map and the groups.
pub(crate) fn kind(p: &Pair, geo: &GeographicTwinView) -> KindView {
    let mut ev: Vec<String> = Vec::new();
    let cross = geo.scope == Some(GeoScope::CrossBorder);
    let domestic = geo.scope == Some(GeoScope::Domestic);
    let same_country = p.countries_differ() == Some(false);
    let satellite_here = geo.flags.satellite && same_country;
    let mut variant_out = None;
    let groups = || {
        p.groups
            .iter()
            .map(|g| g.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let k = match p.link {
        Some(l) if l.form.is_agreement() => {
            let form_text = match &l.term {
                Some(t) => text!(
                    p,
                    "the data records an agreement ({}, \"{t}\")",
                    l.form.as_str()
                ),
                None => text!(p, "the data records an agreement ({})", l.form.as_str()),
            };
            ev.push(form_text);
            if geo.flags.imaginary || l.motives.contains(&Motive::Novelty) {
                if geo.flags.imaginary {
                    ev.push(lit(p, "one of the places is fictional or virtual"));
                } else {
                    ev.push(lit(p, "its recorded motive is novelty"));
                }
                Kind::NoveltyPartnership
            } else if l.form == Form::Policy {
                ev.push(lit(p, "its form is a policy agreement"));
                Kind::PolicyAgreement
            } else if l.form == Form::Thematic {
                ev.push(lit(p, "its form is a partnership on one theme"));
                Kind::ThematicPartnership
            } else if geo.flags.regional {
                ev.push(text!(
                    p,
                    "between a {} and a {}",
                    p.a.level.as_str(),
                    p.b.level.as_str()
                ));
                Kind::RegionalTwinning
            } else if cross {
                Kind::CrossBorderTwinCities
            } else if satellite_here {
                Kind::Satellite
            } else if domestic {
                Kind::DomesticTwinCities
            } else if l.form == Form::Friendship {
                ev.push(lit(
                    p,
                    "its form is a friendship agreement, narrower than a twinning",
                ));
                Kind::FriendshipCity
            } else if l.form == Form::Business {
                ev.push(lit(p, "its form is a business agreement"));
                Kind::BusinessPartnership
            } else if same_country {
                ev.push(text!(p, "both places are in {}", in_country(p.a)));
                fn states(pl: &crate::model::Place) -> Vec<&str> {
                    pl.historic.iter().map(|h| h.state.as_str()).collect()
                }
                let (sa, sb) = (states(p.a), states(p.b));
                if !sa.is_empty() && !sb.is_empty() && sa.iter().all(|s| !sb.contains(s)) {
                    ev.push(text!(
                        p,
                        "in the past they belonged to different states ({} / {})",
                        sa.join(", "),
                        sb.join(", ")
                    ));
                }
                Kind::SameCountryPartnership
            } else {
                if p.explain {
                    variant_out = Some(variant(l.form, l.term.as_deref()));
                }
                if let Some(d) = p.km() {
                    ev.push(text!(
                        p,
                        "{} apart, in {} and {}",
                        km_text(d),
                        country_name(p.a),
                        country_name(p.b)
                    ));
                }
                Kind::SisterCity
            }
        }
        Some(_) => {
            ev.push(lit(p, "the data records the pair without an agreement"));
            if cross {
                Kind::CrossBorderTwinCities
            } else if satellite_here {
                Kind::Satellite
            } else if domestic {
                Kind::DomesticTwinCities
            } else if !p.groups.is_empty() {
                ev.push(text!(p, "both belong to {}", groups()));
                Kind::NetworkMembership
            } else {
                Kind::RecordedPairing
            }
        }
        None => {
            ev.push(lit(p, "the data records no link between them"));
            if cross {
                Kind::CrossBorderTwinCities
            } else if domestic {
                Kind::DomesticTwinCities
            } else if !p.groups.is_empty() {
                ev.push(text!(
                    p,
                    "both belong to {}, which is not a pairwise twinning",
                    groups()
                ));
                Kind::NetworkMembership
            } else {
                Kind::Unrelated
            }
        }
    };
    if matches!(
        k,
        Kind::CrossBorderTwinCities | Kind::DomesticTwinCities | Kind::Satellite
    ) {
        ev.extend(geo.evidence.iter().cloned());
    }
    KindView {
        kind: k,
        label: k.label(),
        variant: variant_out,
        flags: geo.flags,
        evidence: ev,
    }
}

/// Whether there is an agreement, in what form, and whether it is in force.
pub(crate) fn agreement(p: &Pair) -> AgreementView {
    match p.link {
        Some(l) if l.form.is_agreement() => {
            let s = p.status.status;
            let when = p
                .status
                .decided_by
                .and_then(|i| l.events.get(i))
                .map(|e| text!(p, " ({} {})", e.kind.as_str(), e.date))
                .unwrap_or_default();
            AgreementView {
                recorded: true,
                form: Some(l.form),
                term: l.term.clone(),
                status: s,
                in_force: s == Status::Established,
                evidence: text!(
                    p,
                    "a {} agreement, {}{when}",
                    l.form.as_str().replace('_', " "),
                    s.as_str()
                ),
            }
        }
        Some(l) => AgreementView {
            recorded: false,
            form: Some(l.form),
            term: l.term.clone(),
            status: Status::None,
            in_force: false,
            evidence: lit(
                p,
                "the data records the pair, but no agreement between them",
            ),
        },
        None => AgreementView {
            recorded: false,
            form: None,
            term: None,
            status: Status::None,
            in_force: false,
            evidence: lit(p, "the data records no link between them"),
        },
    }
}
