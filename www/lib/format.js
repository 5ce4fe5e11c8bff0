// @ts-check
// Words and numbers for the page: labels for the core's enum values (levels, forms, statuses,
// motives, event kinds…), dates as the data writes them, years, spans, distances.
// Pure and DOM-free, tested in Node (tests/js/page-format.test.mjs).
//
// Not for: deciding anything (the core does); building DOM (dom.js).

export const LEVEL = {
  village: 'village',
  town: 'town',
  city: 'city',
  district: 'district',
  county: 'county',
  region: 'region',
  island: 'island',
  country: 'country',
  fictional: 'fictional place',
  virtual: 'virtual place',
  unknown: 'place',
};

export const FORM = {
  twinning: 'twinning',
  sister_city: 'sister city',
  friendship: 'friendship city',
  contact: 'contact',
  adoption: 'adoption',
  thematic: 'thematic partnership',
  policy: 'policy agreement',
  cooperation: 'cross-border cooperation',
  business: 'business agreement',
  none: 'no agreement',
  unspecified: 'unspecified form',
};

export const STATUS = {
  established: 'established',
  suspended: 'suspended',
  terminated: 'terminated',
  proposed: 'proposed',
  attempted: 'attempted',
  none: 'no agreement',
  unknown: 'status not known',
};

/**
 * A short name for a source in a crowded cell: the world network's sources by who lists the
 * link and when ("Wikipedia 2026", "Wikidata 2017"); any other source by its title.
 */
export function sourceShort(ref) {
  const m = /^world-(enwiki|wikidata|geonames)-(\d{4})$/.exec(ref?.id ?? '');
  if (m) return `${{ enwiki: 'Wikipedia', wikidata: 'Wikidata', geonames: 'GeoNames' }[m[1]]} ${m[2]}`;
  return ref?.title || ref?.id || '';
}

/** One sentence per status, for the badge's title and the legend. */
export const STATUS_HELP = {
  established: 'In force: established, renewed or resumed.',
  suspended: 'Suspended, paused or frozen.',
  terminated: 'Ended formally.',
  proposed: 'Proposed or being explored; nothing signed yet.',
  attempted: 'Tried and rejected, or not carried through.',
  none: 'No agreement: a pairing recorded for its geography or history.',
  unknown: 'The data cannot tell.',
};

export const EVENT = {
  proposed: 'proposed',
  attempted: 'attempted',
  established: 'established',
  renewed: 'renewed',
  suspended: 'suspended',
  resumed: 'resumed',
  terminated: 'terminated',
  other: 'event',
};

export const MOTIVE = {
  reconciliation: 'reconciliation',
  solidarity: 'solidarity',
  shared_name: 'shared name',
  shared_history: 'shared history',
  diaspora: 'diaspora',
  industry: 'industry',
  education: 'education',
  culture: 'culture',
  tourism: 'tourism',
  business: 'business',
  politics: 'politics',
  prestige: 'prestige',
  novelty: 'novelty',
  cross_border: 'cross-border problem solving',
  policy: 'policy',
  similarity: 'similarity',
};

export const NAME_KIND = {
  name: 'name',
  local: 'local name',
  exonym: 'exonym',
  historic: 'historic name',
  alias: 'also known as',
};

export const GROUP_KIND = {
  association: 'association',
  informal: 'informal circle',
  set: 'named together',
};

export const ORIGIN = {
  partitioned: 'one town split by a border',
  counterpart: 'founded as the other’s counterpart across a border',
  neighbours: 'grew up facing each other',
  satellite: 'one is the other’s satellite',
  separate: 'separate towns with no shared urban past',
};

export const VERDICT = { holds: 'holds', fails: 'fails', unknown: 'unknown' };

/** The paper's six criteria that tell cross-border twin cities from other cooperation. */
export const CRITERIA = {
  C1: 'Frontier cities, close to the border',
  C2: 'A common history (once one, or opposed)',
  C3: 'Seeking cooperation today',
  C4: 'Opposite banks of a border river; bridge towns',
  C5: 'A mixed or bilingual population',
  C6: 'A legal or institutional basis',
};

/** A label from a table, falling back to the raw value with underscores as spaces. */
export function label(table, value) {
  if (value === null || value === undefined) return '';
  return table[value] ?? String(value).replace(/_/g, ' ');
}

/** A DateView as the data wrote it ("1944", "2022-03-22", "1960s", "c. 2008"); '' for null. */
export function dateText(d) {
  if (!d) return '';
  return d.text ?? (d.year != null ? String(d.year) : '');
}

/** The year of a DateView (with "c." when approximate), or the text when it has no year. */
export function yearText(d) {
  if (!d) return '';
  if (d.precision === 'day' || d.precision === 'month' || d.precision === 'year') {
    return d.year != null ? `${d.approx ? 'c. ' : ''}${d.year}` : dateText(d);
  }
  return dateText(d);
}

/** "1944–2022", "since 1944", "until 1961", '' for neither. */
export function span(since, until) {
  const a = yearText(since);
  const b = yearText(until);
  if (a && b) return `${a}–${b}`;
  if (a) return `since ${a}`;
  if (b) return `until ${b}`;
  return '';
}

/** "2,830 km", "12 km", "0.8 km"; '' for null. */
export function distance(km) {
  if (km === null || km === undefined || !Number.isFinite(km)) return '';
  if (km < 10) return `${km.toFixed(1)} km`;
  return `${Math.round(km).toLocaleString('en')} km`;
}

export function number(n) {
  if (n === null || n === undefined) return '';
  return Number(n).toLocaleString('en');
}

/** "1 place", "3 places". */
export function plural(n, one, many = `${one}s`) {
  return `${number(n)} ${n === 1 ? one : many}`;
}

/** "Volgograd, Russia" / "Ankh-Morpork (fictional place)": a place's where. */
export function where(place) {
  const bits = [];
  if (place.admin) bits.push(place.admin);
  if (place.countryName) bits.push(place.countryName);
  else if (place.country) bits.push(place.country);
  return bits.join(', ');
}

/** A list joined with commas and "and". */
export function list(items) {
  const v = items.filter(Boolean);
  if (v.length <= 1) return v.join('');
  return `${v.slice(0, -1).join(', ')} and ${v[v.length - 1]}`;
}

/** Check an "as of" value the way the page accepts it before asking the core. */
export function normaliseAsOf(value) {
  const s = String(value ?? '').trim();
  return s === 'now' ? '' : s;
}
