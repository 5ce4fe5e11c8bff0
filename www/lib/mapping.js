// @ts-check
// The column-mapping step of an import (issue 12): the first rows of a file with one choice
// per column (place A's name, country, region, coordinates …, place B's, start, end, form,
// end cause, or ignore), pre-filled with the importer's guess (`Atlas.previewTable`), plus
// constants ("every row's place A is in Italy"). The result is exactly the import's `mapping`
// option. A mapping that imported well is remembered per header set in localStorage and
// offered again for the next file with the same columns. Also the template CSV for people
// who start from nothing.
//
// Not for: reading the file or guessing (the core), running the import (views/data.js).

import { h, uniqueId } from './dom.js';

/** The roles a column can hold, in the order of the choice, with the words shown. */
/** @type {[string, string][]} */
export const ROLES = [
  ['', 'ignore this column'],
  ['aName', 'Place A: name'],
  ['aCountry', 'Place A: country'],
  ['aAdmin', 'Place A: region / state'],
  ['aCoord', 'Place A: coordinates (lat, lon together)'],
  ['aLat', 'Place A: latitude'],
  ['aLon', 'Place A: longitude'],
  ['aPopulation', 'Place A: population'],
  ['aId', 'Place A: Wikidata id'],
  ['aAltName', 'Place A: other name'],
  ['aLevel', 'Place A: kind (city, region …)'],
  ['bName', 'Place B (partner): name'],
  ['bCountry', 'Place B: country'],
  ['bAdmin', 'Place B: region / state'],
  ['bCoord', 'Place B: coordinates (lat, lon together)'],
  ['bLat', 'Place B: latitude'],
  ['bLon', 'Place B: longitude'],
  ['bPopulation', 'Place B: population'],
  ['bId', 'Place B: Wikidata id'],
  ['bAltName', 'Place B: other name'],
  ['bLevel', 'Place B: kind (city, region …)'],
  ['start', 'Start (year or date)'],
  ['end', 'End (year or date)'],
  ['form', 'Form (twinning, friendship …)'],
  ['endCause', 'Status / why it ended'],
];
const ROLE_WORDS = new Map(ROLES);

/** Constants a user may give instead of a column. */
const CONSTANTS = [
  ['aName', 'Every row’s place A is', 'e.g. Coventry'],
  ['aCountry', 'Every row’s place A is in the country', 'e.g. Italy, IT, Italia'],
  ['bCountry', 'Every row’s place B is in the country', 'e.g. Germany'],
  ['form', 'Every row’s form is', 'e.g. twinning, friendship'],
];

const KEY_PREFIX = 'twinning-atlas:mapping:v1:';

/** The storage key of a header set (the columns' names in order). */
export function headerKey(header) {
  return KEY_PREFIX + JSON.stringify(header.map((x) => String(x).trim().toLowerCase()));
}

/** The mapping remembered for these columns, `{ mapping, savedAt, file }`, or null. */
export function recall(header) {
  try {
    const raw = localStorage.getItem(headerKey(header));
    const rec = raw ? JSON.parse(raw) : null;
    return rec?.mapping && typeof rec.mapping === 'object' ? rec : null;
  } catch {
    return null;
  }
}

/** Remember a mapping for these columns. Resolves to null, or why it could not be kept. */
export function remember(header, mapping, file) {
  try {
    localStorage.setItem(headerKey(header), JSON.stringify({ mapping, file, savedAt: new Date().toISOString() }));
    return null;
  } catch (err) {
    return err && err.name === 'QuotaExceededError'
      ? 'the browser’s storage is full'
      : 'this browser keeps nothing here, as in private mode';
  }
}

/**
 * The template for people who start from nothing: the columns the importer recognises without
 * a mapping, with two example rows (tests/browser check that it imports as it is).
 */
export function templateCsv() {
  return (
    [
      'a_name,a_country,b_name,b_country,start,end,form,source_url',
      'Coventry,United Kingdom,Volgograd,Russia,1944,,twinning,https://www.coventry.gov.uk/',
      'Your town,Your country,Partner town,Partner country,1990,,friendship,',
    ].join('\r\n') + '\r\n'
  );
}

/** Which column (0-based) a mapping value names, or -1. */
function columnOf(value, header) {
  if (typeof value === 'number') return value - 1;
  if (typeof value !== 'string' || value.startsWith('=')) return -1;
  const at = header.indexOf(value);
  if (at >= 0) return at;
  const lower = value.trim().toLowerCase();
  return header.findIndex((x) => String(x).trim().toLowerCase() === lower);
}

/**
 * The mapping form. `preview`: `Atlas.previewTable`'s answer. Calls `onImport(mapping)` when
 * the user imports, `onHeader(hasHeader)` when they say the first row is or is not a header
 * (the caller previews again), `onCancel()`.
 */
export function mappingPanel({ preview, fileName, hasHeader = true, onImport, onHeader, onCancel }) {
  const id = uniqueId('ta-map');
  const header = preview.header ?? [];
  const remembered = recall(header);
  const start = remembered ? remembered.mapping : (preview.guess ?? {});
  // the choice per column, from the remembered mapping or the guess
  const chosen = header.map(() => '');
  for (const [role, value] of Object.entries(start)) {
    if (role === 'header' || !ROLE_WORDS.has(role)) continue;
    const col = columnOf(value, header);
    if (col >= 0 && col < chosen.length && !chosen[col]) chosen[col] = role;
  }
  // columns the guess gave a role that is not in the mapping (a role by the header alone)
  (preview.columns ?? []).forEach((c, i) => {
    if (!chosen[i] && c.role && ROLE_WORDS.has(c.role) && !chosen.includes(c.role) && !remembered) chosen[i] = c.role;
  });
  const selects = header.map((name, i) =>
    h(
      'select',
      {
        id: `${id}-c${i}`,
        class: 'ta-input ta-map__select',
        name: `col-${i}`,
        dataset: { column: String(i + 1) },
        'aria-label': `Column ${i + 1}${name ? ` “${name}”` : ''} holds`,
      },
      ROLES.map(([v, t]) => h('option', { value: v, selected: v === chosen[i] }, t)),
    ),
  );
  const constants = CONSTANTS.map(([key, text, hint]) => {
    const v = typeof start[key] === 'string' && start[key].startsWith('=') ? start[key].slice(1) : '';
    return h(
      'div',
      { class: 'ta-field' },
      h('label', { for: `${id}-k-${key}` }, text),
      h('input', {
        id: `${id}-k-${key}`,
        class: 'ta-input',
        type: 'text',
        name: `const-${key}`,
        value: v,
        placeholder: hint,
        autocomplete: 'off',
        dataset: { constant: key },
      }),
    );
  });
  const headerBox = h('input', {
    id: `${id}-header`,
    type: 'checkbox',
    name: 'header',
    checked: hasHeader,
    on: { change: (e) => onHeader?.(/** @type {HTMLInputElement} */ (e.target).checked) },
  });
  const problem = h('div', { class: 'ta-map__problem', role: 'alert' });
  const rows = preview.rows ?? [];
  const table = h(
    'div',
    {
      class: 'ta-table-wrap ta-map__wrap',
      tabindex: '0',
      role: 'region',
      'aria-label': `The first ${rows.length} rows of ${fileName}`,
    },
    h(
      'table',
      { class: 'ta-table ta-table--compact ta-map__table' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          header.map((name, i) =>
            h('th', { scope: 'col' }, h('span', { class: 'ta-map__colname' }, name || `column ${i + 1}`)),
          ),
        ),
        h(
          'tr',
          { class: 'ta-map__choices' },
          selects.map((s) => h('td', null, s)),
        ),
      ),
      h(
        'tbody',
        null,
        rows.map((r) =>
          h(
            'tr',
            null,
            header.map((_, i) => h('td', { class: 'ta-raw' }, r[i] ?? '')),
          ),
        ),
      ),
    ),
  );
  const mappingNow = () => {
    /** @type {Record<string, string | number | boolean>} */
    const m = {};
    const problems = [];
    selects.forEach((s, i) => {
      const role = s.value;
      if (!role) return;
      if (role in m) {
        problems.push(`Two columns are set to “${ROLE_WORDS.get(role)}”.`);
        return;
      }
      const name = header[i];
      const unique = hasHeader && name && header.filter((x) => x === name).length === 1;
      m[role] = unique ? name : i + 1;
    });
    for (const input of constants.map((c) => c.querySelector('input'))) {
      const key = input.dataset.constant;
      const v = input.value.trim();
      if (!v) continue;
      if (key in m) problems.push(`“${ROLE_WORDS.get(key)}” is set both to a column and to “${v}”: choose one.`);
      else m[key] = `=${v}`;
    }
    if (!hasHeader) m.header = false;
    if (!('aName' in m) && !('aId' in m))
      problems.push('Say which column holds place A (its name or Wikidata id), or give it as a constant.');
    if (!('bName' in m) && !('bId' in m)) problems.push('Say which column holds place B, the partner.');
    return { mapping: m, problems };
  };
  const form = h(
    'form',
    {
      class: 'ta-map',
      'aria-labelledby': `${id}-h`,
      dataset: { recognised: String(Boolean(preview.recognised)), remembered: String(Boolean(remembered)) },
      on: {
        submit: (e) => {
          e.preventDefault();
          const { mapping, problems } = mappingNow();
          problem.textContent = problems.join(' ');
          if (problems.length) return;
          onImport(mapping);
        },
      },
    },
    h('h3', { id: `${id}-h`, tabindex: '-1' }, `Which column holds what in ${fileName}`),
    h(
      'p',
      { class: 'ta-hint' },
      `Read as ${preview.format}${preview.delimiter ? ` separated by “${preview.delimiter === '\t' ? 'tab' : preview.delimiter}”` : ''}. `,
      remembered
        ? `Filled in with the mapping you used for a file with these columns (${remembered.file ?? 'an earlier file'}, ${new Date(remembered.savedAt).toLocaleDateString()}).`
        : preview.recognised
          ? 'The importer recognises these columns as shown; change any choice that is wrong.'
          : 'The importer could not tell which columns hold the two places: choose them below. A is the place whose list the row comes from, B its partner.',
    ),
    h(
      'p',
      { class: 'ta-check' },
      headerBox,
      h('label', { for: headerBox.id }, ' The first row holds the column names'),
    ),
    table,
    h(
      'fieldset',
      { class: 'ta-map__constants' },
      h('legend', null, 'The same for every row (instead of a column)'),
      constants,
    ),
    (preview.problems ?? []).length
      ? h(
          'details',
          { class: 'ta-disclosure' },
          h('summary', null, `${preview.problems.length} things to check in these rows`),
          h(
            'ul',
            null,
            preview.problems.slice(0, 20).map((w) => h('li', null, `line ${w.line ?? '?'}: ${w.message}`)),
          ),
        )
      : null,
    problem,
    h(
      'p',
      { class: 'ta-map__buttons' },
      h('button', { type: 'submit', class: 'ta-button' }, 'Import with this mapping'),
      ' ',
      h('button', { type: 'button', class: 'ta-button ta-button--quiet', on: { click: () => onCancel?.() } }, 'Cancel'),
    ),
  );
  return form;
}
