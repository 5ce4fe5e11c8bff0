// @ts-check
// The distances a user may change for the classification (`thresholds` of `classify` and
// `comparePairs`): their URL names and labels, and how they travel between a URL, a form and
// the core. The defaults and the checks (0–1000 km, adjacent ≤ near-border) are the core's.
//
// Not for: the criteria themselves (the core decides them).

/** [URL and option name, label] of each threshold, in the order forms show them. */
export const THRESHOLDS = [
  ['adjacentKm', 'Adjacent within (km)'],
  ['nearBorderKm', 'Near-border within (km)'],
  ['sharedTownKm', 'One town spans at most (km)'],
];

/** The `thresholds` option from a route's query; null when the URL sets none. */
export function readThresholds(q) {
  /** @type {Record<string, number>} */
  const t = {};
  for (const [name] of THRESHOLDS) {
    const v = q[name];
    if (v !== undefined && String(v).trim() !== '') t[name] = Number(v);
  }
  return Object.keys(t).length ? t : null;
}

/** The query values of the threshold inputs of a form (empty strings drop out of the URL). */
export function thresholdQuery(elements) {
  /** @type {Record<string, string>} */
  const q = {};
  for (const [name] of THRESHOLDS) {
    const input = elements.namedItem(name);
    if (input) q[name] = input.value.trim();
  }
  return q;
}

/** Only the thresholds a query sets, to carry them on to another URL. */
export function keepThresholds(q) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const [name] of THRESHOLDS) if (q[name] !== undefined && String(q[name]).trim() !== '') out[name] = q[name];
  return out;
}

/** "adjacent ≤ 15 km, near-border ≤ 50 km, one town ≤ 50 km" for the thresholds a result used. */
export function thresholdsText(t) {
  if (!t) return '';
  return `adjacent ≤ ${t.adjacentKm} km, near-border ≤ ${t.nearBorderKm} km, one town ≤ ${t.sharedTownKm} km`;
}

/** The hint under a thresholds form. */
export const THRESHOLDS_HINT =
  'C1 (frontier proximity) holds for places in different countries whose centres are at most the near-border distance apart; within the adjacent distance they count as adjacent. Places farther apart than one town spans were never one town (C2 fails) and share no population (C5 fails). Defaults: 15, 50 and 50 km.';
