// The world network asset as a corpus of the ../shared/perf-anchors search harness, with
// labelled queries of the same kinds as its bench/make-corpus.mjs, so benches/world-search.sh
// can run our module and the JavaScript search libraries side by side on the world data.
//
//   node benches/world-corpus.mjs --harness target/perf-anchors-world --out target/perf-anchors-world/data
//        [--asset data/world/world.json.gz] [--seed 190]
//
// corpus.json : [{id, gid, name, aliases[], country, admin1, pop, type, lat, lon}], one per
//   place of the asset (columns places.id/name/names/country/population/level/admin/lat/lon),
//   in a seeded random order (as make-corpus.mjs does: no library gets a popularity prior from
//   the order), id dense 0..n-1, gid = the asset's place id. aliases = the asset's other names
//   ("|"-joined), every one that differs from the name and from each other after the harness's
//   diacritic folding (lib/fold.mjs), all scripts kept: that is what the atlas searches.
// queries.json : [{q, kind, target}], the kinds of make-corpus.mjs, drawn the same way with the
//   harness's seeded PRNG (lib/prng.mjs): prefix1-2 and prefix3-6 (the folded name cut after
//   1..6 letters), exact (the name in lower case), typo (one edit that is no real name),
//   nodiacritics (names that carry diacritics, typed without), alias (its curated exonym list
//   where the world has them, plus other-language names owned by one place only).
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (n, d) => {
  const i = argv.indexOf('--' + n);
  return i === -1 ? d : argv[i + 1];
};
const HARNESS = path.resolve(
  flag('harness', process.env.PERF_ANCHORS ?? path.join(ROOT, '..', 'shared', 'perf-anchors')),
);
const OUT = path.resolve(flag('out', path.join(HARNESS, 'data')));
const ASSET = path.resolve(ROOT, flag('asset', 'data/world/world.json.gz'));
const SEED = +flag('seed', 190);

for (const [file, why] of [
  [path.join(HARNESS, 'lib', 'fold.mjs'), `no perf-anchors harness at ${HARNESS} (set PERF_ANCHORS or --harness)`],
  [path.join(HARNESS, 'lib', 'prng.mjs'), `no perf-anchors harness at ${HARNESS} (set PERF_ANCHORS or --harness)`],
  [ASSET, `no world asset at ${ASSET}`],
]) {
  if (!fs.existsSync(file)) {
    console.error(`world-corpus: ${why}`);
    process.exit(1);
  }
}
const { foldKey } = await import(pathToFileURL(path.join(HARNESS, 'lib', 'fold.mjs')).href);
const { mulberry32, shuffle } = await import(pathToFileURL(path.join(HARNESS, 'lib', 'prng.mjs')).href);

const doc = JSON.parse(gunzipSync(fs.readFileSync(ASSET)).toString('utf8'));
if (doc.format !== 'twinning-atlas-world/1') {
  console.error(`world-corpus: ${ASSET} is ${doc.format}, not twinning-atlas-world/1`);
  process.exit(1);
}
const P = doc.places;
const n = P.id.length;
const places = [];
for (let i = 0; i < n; i++) {
  places.push({
    gid: P.id[i],
    name: P.name[i],
    names: P.names[i] ? P.names[i].split('|') : [],
    country: P.country[i] ?? '',
    admin1: P.admin?.[i] ?? '',
    pop: P.population[i] ?? 0,
    type: P.level[i] ?? '',
    // the asset keeps degrees x 10^4 as integers
    lat: P.lat[i] / 1e4,
    lon: P.lon[i] / 1e4,
  });
}
// a seeded random order (the asset is sorted by id), as make-corpus.mjs does
const ordered = shuffle(mulberry32(SEED ^ 0x5eed), places);
const corpus = ordered.map((p, id) => {
  const seen = new Set([foldKey(p.name)]);
  const aliases = [];
  for (const a of p.names) {
    const k = foldKey(a);
    if (!a || !k || seen.has(k)) continue;
    seen.add(k);
    aliases.push(a);
  }
  return {
    id,
    gid: p.gid,
    name: p.name,
    aliases,
    country: p.country,
    admin1: p.admin1,
    pop: p.pop,
    type: p.type,
    lat: p.lat,
    lon: p.lon,
  };
});

// ---------- queries: as bench/make-corpus.mjs draws them ----------
const rng = mulberry32(SEED);
const LATIN_RE = /^[\p{Script=Latin}\p{M}\p{N}\s'’ʻʼ\-.,()&/]+$/u;
const nameCount = new Map();
for (const c of corpus) {
  const k = foldKey(c.name);
  nameCount.set(k, (nameCount.get(k) || 0) + 1);
}
const aliasOwners = new Map();
for (const c of corpus)
  for (const s of [c.name, ...c.aliases]) {
    const k = foldKey(s);
    aliasOwners.set(k, (aliasOwners.get(k) || 0) + 1);
  }
const unambiguous = (c) => nameCount.get(foldKey(c.name)) <= 2 && foldKey(c.name).length >= 3;
const byPop = corpus.slice().sort((a, b) => b.pop - a.pop || (a.gid < b.gid ? -1 : a.gid > b.gid ? 1 : 0));
const top = byPop.slice(0, 3000).filter(unambiguous);
const rest = byPop.slice(3000).filter(unambiguous);
const targets = [...shuffle(rng, top.slice()).slice(0, 100), ...shuffle(rng, rest.slice()).slice(0, 50)];

const queries = [];
const q = (text, kind, target) => queries.push({ q: text, kind, target });

function typo(s) {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let tries = 0; tries < 20; tries++) {
    const i = 1 + Math.floor(rng() * (s.length - 1));
    if (!/[a-z]/.test(s[i])) continue;
    const op = Math.floor(rng() * 4);
    let t;
    if (op === 0) {
      let ch;
      do ch = letters[Math.floor(rng() * 26)];
      while (ch === s[i]);
      t = s.slice(0, i) + ch + s.slice(i + 1);
    } else if (op === 1) t = s.slice(0, i) + s.slice(i + 1);
    else if (op === 2) t = s.slice(0, i) + letters[Math.floor(rng() * 26)] + s.slice(i);
    else {
      if (i + 1 >= s.length || s[i] === s[i + 1] || !/[a-z]/.test(s[i + 1])) continue;
      t = s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
    }
    if (t !== s && !aliasOwners.has(foldKey(t))) return t;
  }
  return null;
}

for (const c of targets) {
  const f = foldKey(c.name);
  for (let L = 1; L <= 6; L++) if (f.length > L) q(f.slice(0, L), L <= 2 ? 'prefix1-2' : 'prefix3-6', c.id);
  q(c.name.toLowerCase(), 'exact', c.id);
  if (f.length >= 5) {
    const t = typo(f);
    if (t) q(t, 'typo', c.id);
  }
}

const diac = byPop.slice(0, 8000).filter((c) => unambiguous(c) && /[^\x00-\x7f]/.test(c.name) && LATIN_RE.test(c.name));
const special = diac.filter((c) => /[łŁøØßđıæœ]/.test(c.name));
const diacTargets = [
  ...shuffle(rng, special.slice()).slice(0, 20),
  ...shuffle(
    rng,
    diac.filter((c) => !special.includes(c)),
  ).slice(0, 50),
];
for (const c of diacTargets) q(foldKey(c.name), 'nodiacritics', c.id);

// the harness's curated exonyms, matched to the world's places by folded name
const CURATED = [
  ['stalingrad', 'Volgograd'],
  ['cologne', 'Köln'],
  ['koln', 'Köln'],
  ['saigon', 'Ho Chi Minh City'],
  ['calcutta', 'Kolkata'],
  ['pressburg', 'Bratislava'],
  ['munchen', 'Munich'],
  ['bombay', 'Mumbai'],
  ['peking', 'Beijing'],
  ['leningrad', 'Saint Petersburg'],
  ['konigsberg', 'Kaliningrad'],
  ['danzig', 'Gdańsk'],
  ['lemberg', 'Lviv'],
  ['breslau', 'Wrocław'],
  ['mailand', 'Milan'],
  ['warschau', 'Warsaw'],
  ['prag', 'Prague'],
  ['wien', 'Vienna'],
  ['kiev', 'Kyiv'],
  ['florenz', 'Florence'],
  ['lisboa', 'Lisbon'],
  ['bruxelles', 'Brussels'],
  ['moskva', 'Moscow'],
  ['firenze', 'Florence'],
  ['napoli', 'Naples'],
  ['den haag', 'The Hague'],
  ['genf', 'Geneva'],
];
const byName = new Map();
for (const c of byPop) {
  for (const s of [c.name, ...c.aliases]) if (!byName.has(foldKey(s))) byName.set(foldKey(s), c);
}
const curatedMissing = [];
for (const [text, name] of CURATED) {
  const c = byName.get(foldKey(name));
  if (c && (foldKey(c.name) === text || c.aliases.some((a) => foldKey(a) === text))) q(text, 'alias', c.id);
  else curatedMissing.push(`${text}->${name}`);
}
const aliasPool = byPop
  .slice(0, 5000)
  .filter(unambiguous)
  .map((c) => {
    const cands = c.aliases
      .filter((a) => LATIN_RE.test(a))
      .map(foldKey)
      .filter((k) => k.length >= 4 && aliasOwners.get(k) === 1 && !nameCount.has(k));
    return cands.length ? [c, cands] : null;
  })
  .filter(Boolean);
for (const [c, cands] of shuffle(rng, aliasPool).slice(0, 80))
  q(cands[Math.floor(rng() * cands.length)], 'alias', c.id);

fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'corpus.json'), JSON.stringify(corpus));
fs.writeFileSync(path.join(OUT, 'queries.json'), JSON.stringify(queries));

const nStrings = corpus.reduce((s, c) => s + 1 + c.aliases.length, 0);
const nChars = corpus.reduce((s, c) => s + c.name.length + c.aliases.reduce((t, a) => t + a.length, 0), 0);
const kinds = {};
for (const x of queries) kinds[x.kind] = (kinds[x.kind] || 0) + 1;
console.log(
  JSON.stringify({
    asset: path.relative(ROOT, ASSET),
    localities: corpus.length,
    searchableStrings: nStrings,
    chars: nChars,
    queries: queries.length,
    kinds,
    curatedMissing,
    out: OUT,
  }),
);
