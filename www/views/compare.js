// @ts-check
// The compare view (`#/compare?…`): side by side,
// - pairs (`pairs=a~b,c~d` or `preset=baltic`): the six criteria, the verdict, status and
//   history, and for the paper's Baltic pairs what changed since the paper (`since`);
// - places (`places=a,b,c`, 2–4): partners active and ended, shared partners, countries and
//   continents reached, first and latest twinning, distances;
// - countries (`countries=DE,FR`, chosen by name from `atlas.countries()`): twinnings, terms
//   in use, top partner countries.
// `asOf` sets the date of every status; in pairs, `adjacentKm`, `nearBorderKm` and
// `sharedTownKm` set the classification's thresholds (as in the pair view).
//
// Not for: one pair in full (pair.js).

import { h, uniqueId } from '../lib/dom.js';
import { CRITERIA, FORM, STATUS, VERDICT, label, dateText, distance, number, plural, list } from '../lib/format.js';
import { statusBadge, section, viewHeading, emptyState, errorBox, verdictBadge, provenanceTag } from '../lib/ui.js';
import { placePicker, countryPicker } from '../lib/picker.js';
import {
  THRESHOLDS,
  THRESHOLDS_HINT,
  readThresholds,
  thresholdQuery,
  keepThresholds,
  thresholdsText,
} from '../lib/thresholds.js';

const MODES = [
  ['pairs', 'Pairs'],
  ['places', 'Places'],
  ['countries', 'Countries'],
];

const splitList = (s) =>
  String(s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

export default {
  name: 'compare',
  render(ctx, route) {
    const q = route.query;
    const mode = MODES.some(([m]) => m === q.mode)
      ? q.mode
      : q.places !== undefined
        ? 'places'
        : q.countries !== undefined
          ? 'countries'
          : 'pairs';
    const asOf = (q.asOf ?? '').trim();
    let content;
    try {
      if (mode === 'places') content = placesMode(ctx, splitList(q.places), asOf);
      else if (mode === 'countries')
        content = countriesMode(
          ctx,
          splitList(q.countries).map((c) => c.toUpperCase()),
          asOf,
        );
      else content = pairsMode(ctx, q, asOf);
    } catch (err) {
      content = errorBox(err, 'The comparison could not be made');
    }
    const node = h(
      'div',
      { class: 'ta-view ta-view--compare', dataset: { mode } },
      viewHeading(
        'Compare',
        'Pairs on the paper’s six criteria, places by their partners, countries by their twinnings.',
      ),
      h(
        'nav',
        { class: 'ta-tabs', 'aria-label': 'What to compare' },
        MODES.map(([m, text]) =>
          ctx.link('compare', {}, { mode: m }, text, { class: 'ta-tab', 'aria-current': m === mode ? 'page' : null }),
        ),
      ),
      asOfForm(ctx, route, asOf),
      content,
    );
    return { node, title: 'Compare' };
  },
};

function asOfForm(ctx, route, asOf) {
  const id = uniqueId('ta-cmp-asof');
  return h(
    'form',
    {
      class: 'ta-asof ta-asof--inline',
      'aria-label': 'Date for the statuses',
      on: {
        submit: (e) => {
          e.preventDefault();
          ctx.go(
            'compare',
            {},
            { ...route.query, asOf: e.currentTarget.elements.namedItem('asOf').value.trim() },
            { focus: false },
          );
        },
      },
    },
    h('label', { for: id, class: 'ta-asof__label' }, 'Status as of'),
    h('input', {
      id,
      name: 'asOf',
      class: 'ta-input ta-asof__input',
      type: 'text',
      inputmode: 'numeric',
      autocomplete: 'off',
      placeholder: 'now',
      value: asOf,
    }),
    h('button', { type: 'submit', class: 'ta-button' }, 'Show'),
  );
}

/* ---------- pairs ---------- */

function pairsMode(ctx, q, asOf) {
  const preset = q.preset === 'baltic' ? 'baltic' : null;
  const pairs = splitList(q.pairs)
    .map((p) => p.split('~'))
    .filter((p) => p.length === 2 && p[0] && p[1]);
  const thresholds = readThresholds(q);
  const keep = keepThresholds(q);
  const intro = h(
    'div',
    { class: 'ta-compare-intro' },
    h(
      'p',
      null,
      'The founding paper compares four Baltic pairs — Tornio–Haparanda, Valga–Valka, Narva–Ivangorod, Imatra–Svetogorsk — and mentions Kirkenes–Nikel. See them side by side on its six criteria, and what happened after the paper:',
    ),
    ctx.link('compare', {}, { preset: 'baltic', asOf: asOf || undefined, ...keep }, 'The paper’s Baltic pairs', {
      class: 'ta-button ta-button--link',
      dataset: { preset: 'baltic' },
    }),
    pairAdder(ctx, q, pairs),
  );
  if (!preset && pairs.length === 0)
    return [intro, emptyState('No pairs chosen yet.', 'Press the button above, or pick two places to add a pair.')];
  const options = { ...(asOf ? { asOf } : {}), ...(thresholds ? { thresholds } : {}) };
  const r = preset ? ctx.atlas.comparePairs({ preset }, options) : ctx.atlas.comparePairs(pairs, options);
  const used = r.pairs.find((p) => p.classification)?.classification.thresholds ?? null;
  return [intro, thresholdsForm(ctx, q, used), pairsTable(ctx, r, preset ? null : pairs)];
}

/** The thresholds of the pairs compared; changing one re-classifies every pair (and the URL). */
function thresholdsForm(ctx, q, used) {
  const id = uniqueId('ta-cmp-t');
  const go = (form) => ctx.go('compare', {}, { ...q, ...thresholdQuery(form.elements) }, { focus: false });
  return h(
    'form',
    {
      class: 'ta-options ta-cmp__thresholds',
      'aria-label': 'Thresholds',
      on: {
        submit: (e) => {
          e.preventDefault();
          go(e.currentTarget);
        },
        change: (e) => {
          if (e.target.type === 'number') go(e.currentTarget);
        },
      },
    },
    THRESHOLDS.map(([name, text]) =>
      h(
        'div',
        { class: 'ta-field' },
        h('label', { for: `${id}-${name}` }, text),
        h('input', {
          id: `${id}-${name}`,
          name,
          class: 'ta-input ta-field__input',
          type: 'number',
          min: 0,
          max: 1000,
          step: 'any',
          autocomplete: 'off',
          value: q[name] ?? (used ? String(used[name]) : ''),
        }),
      ),
    ),
    h('button', { type: 'submit', class: 'ta-button' }, 'Re-classify'),
    h(
      'p',
      { class: 'ta-hint' },
      used ? `Thresholds used: ${thresholdsText(used)}. ${THRESHOLDS_HINT}` : THRESHOLDS_HINT,
    ),
  );
}

function pairAdder(ctx, q, pairs) {
  let first = null;
  let second = null;
  const add = () => {
    if (!first || !second) return;
    const next = [...pairs.map((p) => p.join('~')), `${first.id}~${second.id}`];
    ctx.go('compare', {}, { pairs: next.join(','), asOf: q.asOf, ...keepThresholds(q) }, { focus: false });
  };
  const a = placePicker(ctx, {
    label: 'First place',
    onPick: (p) => {
      first = p;
      add();
    },
  });
  const b = placePicker(ctx, {
    label: 'Second place',
    onPick: (p) => {
      second = p;
      add();
    },
  });
  return h(
    'div',
    { class: 'ta-adder', role: 'group', 'aria-label': 'Add a pair' },
    h('span', { class: 'ta-adder__label' }, 'Add a pair:'),
    a.node,
    b.node,
  );
}

function pairsTable(ctx, r, pairs) {
  const rows = r.pairs;
  const since = r.since ? dateText(r.since) : null;
  const asOfText = r.asOf ? `at the end of ${dateText(r.asOf)}` : 'now';
  const head = h(
    'tr',
    null,
    h('th', { scope: 'col' }, h('span', { class: 'ta-visually-hidden' }, 'Criterion')),
    rows.map((p, i) =>
      h(
        'th',
        {
          scope: 'col',
          class: 'ta-cmp__pair',
          title: p.changed ? 'Events after the paper changed the picture' : null,
          dataset: { pair: `${p.a}~${p.b}`, changed: p.changed ? 'true' : 'false' },
        },
        p.missing?.length ? h('span', null, p.label) : ctx.link('pair', { a: p.a, b: p.b }, {}, p.label),
        p.rank ? h('span', { class: 'ta-cmp__rank' }, ` #${p.rank}`) : null,
        pairs ? removeButton(ctx, pairs, i) : null,
      ),
    ),
  );
  const cell = (p, fn) =>
    h(
      'td',
      null,
      p.missing?.length
        ? h('span', { class: 'ta-hint' }, `Not in the data: ${p.missing.join(', ')}`)
        : fn(p.classification, p),
    );
  const body = [
    row('Kind', rows, (p) => cell(p, (c) => [h('strong', null, c.kind.label), evidence(c.kind.evidence)])),
    row(
      'Twin cities in the paper’s sense',
      rows,
      (p) =>
        cell(p, (c) => [
          verdictBadge(
            c.twinCities.verdict,
            { holds: 'yes', fails: 'no', unknown: 'cannot tell' }[c.twinCities.verdict],
          ),
          h('p', { class: 'ta-cmp__evidence' }, c.twinCities.reason),
        ]),
      'ta-cmp__row--verdict',
    ),
    ...['C1', 'C2', 'C3', 'C4', 'C5', 'C6'].map((code) =>
      row(
        [h('span', { class: 'ta-criterion__code' }, code), ' ', CRITERIA[code]],
        rows,
        (p) =>
          cell(p, (c) => {
            const k = c.criteria[code];
            return h(
              'div',
              { class: 'ta-cmp__criterion', dataset: { criterion: code, verdict: k.verdict } },
              verdictBadge(k.verdict, label(VERDICT, k.verdict)),
              ' ',
              provenanceTag(k.source),
              h('p', { class: 'ta-cmp__evidence' }, k.evidence),
            );
          }),
        null,
        code,
      ),
    ),
    row('Criteria held', rows, (p) => cell(p, () => `${p.criteriaHeld} of 6`)),
    row(`Status ${asOfText}`, rows, (p) =>
      cell(p, (c) => [
        statusBadge(c.status.status, { certain: c.status.certain }),
        c.status.decidedBy
          ? h(
              'p',
              { class: 'ta-cmp__evidence' },
              `${label(STATUS, c.status.decidedBy.kind)} ${dateText(c.status.decidedBy.date)}${c.status.decidedBy.note ? `: ${c.status.decidedBy.note}` : ''}`,
            )
          : null,
      ]),
    ),
    row('Cooperation', rows, (p) =>
      cell(p, () => {
        const co = p.cooperation;
        if (!co) return '—';
        return h(
          'ul',
          { class: 'ta-cmp__list' },
          [
            co.firstStep ? `first step ${dateText(co.firstStep)}` : null,
            co.firstAgreement ? `first agreement ${dateText(co.firstAgreement)}` : 'no agreement recorded',
            co.inForceSince ? `in force since ${dateText(co.inForceSince)}` : null,
            co.ended ? `ended ${dateText(co.ended)}` : null,
          ]
            .filter(Boolean)
            .map((t) => h('li', null, t)),
        );
      }),
    ),
    since
      ? row(`At the end of ${since} (about the paper’s date)`, rows, (p) =>
          cell(p, () =>
            p.then
              ? [
                  statusBadge(p.then.status),
                  ' ',
                  verdictBadge(
                    p.then.twinCities,
                    `twin cities: ${{ holds: 'yes', fails: 'no', unknown: 'cannot tell' }[p.then.twinCities]}`,
                  ),
                  h('p', { class: 'ta-cmp__evidence' }, `${p.then.criteriaHeld} of 6 criteria held`),
                ]
              : '—',
          ),
        )
      : null,
    since
      ? row(
          `Since ${since}`,
          rows,
          (p) =>
            cell(p, () => [
              p.changed
                ? h('p', { class: 'ta-changed' }, 'The picture changed')
                : h('p', { class: 'ta-hint' }, 'Unchanged'),
              p.sinceThen?.length
                ? h(
                    'ul',
                    { class: 'ta-cmp__list' },
                    p.sinceThen.map((e) =>
                      h(
                        'li',
                        { dataset: { kind: e.kind } },
                        h('strong', null, dateText(e.date)),
                        ` ${e.kind !== 'other' ? `${label(STATUS, e.kind)}: ` : ''}${e.note ?? e.reason ?? ''}`,
                      ),
                    ),
                  )
                : null,
            ]),
          'ta-cmp__row--since',
        )
      : null,
    rows.some((p) => p.paper)
      ? row('The paper’s own assessment', rows, (p) =>
          cell(p, () => (p.paper ? h('q', { class: 'ta-cmp__paper' }, p.paper.assessment) : '—')),
        )
      : null,
  ];
  return section(
    r.preset === 'baltic' ? 'The paper’s Baltic pairs' : 'Pairs side by side',
    [
      h(
        'div',
        { class: 'ta-scroll', tabindex: '0', role: 'region', 'aria-label': 'Pairs side by side (scrolls sideways)' },
        h('table', { class: 'ta-table ta-cmp ta-cmp--pairs' }, h('thead', null, head), h('tbody', null, body)),
      ),
      r.rankingRule
        ? h(
            'p',
            { class: 'ta-hint' },
            `Order (#): ${r.rankingRule}. It orders the evidence; it does not measure success.`,
          )
        : null,
      rows.some((p) => p.changed)
        ? h(
            'p',
            { class: 'ta-hint' },
            '⚑ Events after the paper changed the picture for this pair (see the row “Since …”).',
          )
        : null,
    ],
    { id: 'ta-cmp-pairs' },
  );
}

function row(title, items, cellFn, className, criterion) {
  return h(
    'tr',
    { class: ['ta-cmp__row', className], dataset: { criterion } },
    h('th', { scope: 'row' }, title),
    items.map(cellFn),
  );
}

function evidence(items) {
  const v = (items ?? []).filter(Boolean);
  return v.length
    ? h(
        'ul',
        { class: 'ta-cmp__list ta-cmp__evidence' },
        v.map((e) => h('li', null, e)),
      )
    : null;
}

function removeButton(ctx, pairs, i) {
  return h(
    'button',
    {
      type: 'button',
      class: 'ta-remove',
      'aria-label': `Remove ${pairs[i].join(' – ')}`,
      on: {
        click: () => {
          const next = pairs.filter((_, j) => j !== i).map((p) => p.join('~'));
          ctx.go('compare', {}, next.length ? { pairs: next.join(',') } : { mode: 'pairs' }, { focus: false });
        },
      },
    },
    '×',
  );
}

/* ---------- places ---------- */

function placesMode(ctx, ids, asOf) {
  const go = (next) =>
    ctx.go('compare', {}, next.length ? { places: next.join(','), asOf } : { mode: 'places', asOf }, { focus: false });
  const picker = placePicker(ctx, {
    label: ids.length ? 'Add a place' : 'Pick a place',
    onPick: (p) => {
      if (!ids.includes(p.id) && ids.length < 4) go([...ids, p.id]);
    },
  });
  const chosen = ids.map((id) => {
    try {
      return ctx.atlas.place(id);
    } catch {
      return { id, name: id, missing: true };
    }
  });
  const chips = h(
    'ul',
    { class: 'ta-chosen', 'aria-label': 'Places compared' },
    chosen.map((p) =>
      h(
        'li',
        { class: 'ta-chosen__item', dataset: { placeId: p.id } },
        p.missing ? h('span', null, `${p.id} (not in the data)`) : ctx.link('place', { id: p.id }, {}, p.name),
        h(
          'button',
          {
            type: 'button',
            class: 'ta-remove',
            'aria-label': `Remove ${p.name}`,
            on: { click: () => go(ids.filter((x) => x !== p.id)) },
          },
          '×',
        ),
      ),
    ),
  );
  const adder = h(
    'div',
    { class: 'ta-adder' },
    chips,
    ids.length < 4 ? picker.node : h('p', { class: 'ta-hint' }, 'Four places at most.'),
  );
  if (ids.length < 2)
    return [adder, emptyState(ids.length ? 'Add at least one more place.' : 'Pick two to four places to compare.')];
  const r = ctx.atlas.comparePlaces(ids, asOf ? { asOf } : {});
  const ps = r.places;
  const names = (arr) =>
    arr?.length
      ? h(
          'ul',
          { class: 'ta-cmp__list' },
          arr.map((x) => h('li', null, ctx.link('place', { id: x.id }, {}, x.name))),
        )
      : '—';
  // countries and continents come named (`NamedCount`: key, name, count)
  const counts = (arr) => (arr?.length ? arr.map((c) => `${c.name ?? c.key} ${c.count}`).join(', ') : '—');
  const twinning = (t) =>
    t ? [dateText(t.date), ' with ', ctx.link('place', { id: t.partner.id }, {}, t.partner.name)] : '—';
  const far = (t) =>
    t ? [ctx.link('place', { id: t.partner.id }, {}, t.partner.name), ` ${distance(t.distanceKm)}`] : '—';
  const td = (fn) => (p) => h('td', null, fn(p));
  const body = [
    row(
      'Partners',
      ps,
      td((p) => number(p.partners)),
    ),
    row(
      'In force',
      ps,
      td((p) => [h('strong', null, `${p.active.length} `), names(p.active)]),
    ),
    row(
      'Ended or suspended',
      ps,
      td((p) => [h('strong', null, `${p.ended.length} `), names(p.ended)]),
    ),
    row(
      'Other (proposed, no agreement…)',
      ps,
      td((p) => (p.other.length ? names(p.other) : '—')),
    ),
    row(
      'Countries reached',
      ps,
      td((p) => counts(p.countries)),
    ),
    row(
      'Continents reached',
      ps,
      td((p) => counts(p.continents)),
    ),
    row(
      'First twinning',
      ps,
      td((p) => twinning(p.firstTwinning)),
    ),
    row(
      'Latest twinning',
      ps,
      td((p) => twinning(p.latestTwinning)),
    ),
    row(
      'Median distance to partners',
      ps,
      td((p) => distance(p.medianDistanceKm) || '—'),
    ),
    row(
      'Nearest partner',
      ps,
      td((p) => far(p.nearest)),
    ),
    row(
      'Farthest partner',
      ps,
      td((p) => far(p.farthest)),
    ),
  ];
  return [
    adder,
    section(
      'Places side by side',
      h(
        'div',
        { class: 'ta-scroll', tabindex: '0', role: 'region', 'aria-label': 'Places side by side (scrolls sideways)' },
        h(
          'table',
          { class: 'ta-table ta-cmp ta-cmp--places' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', { scope: 'col' }, h('span', { class: 'ta-visually-hidden' }, 'Fact')),
              ps.map((p) =>
                h(
                  'th',
                  { scope: 'col', dataset: { placeId: p.place.id } },
                  ctx.link('place', { id: p.place.id }, {}, p.place.name),
                ),
              ),
            ),
          ),
          h('tbody', null, body),
        ),
      ),
      { id: 'ta-cmp-places' },
    ),
    section(
      'Shared partners',
      r.sharedPartners.length
        ? h(
            'ul',
            { class: 'ta-shared' },
            r.sharedPartners.map((s) =>
              h(
                'li',
                { dataset: { placeId: s.partner.id } },
                ctx.link('place', { id: s.partner.id }, {}, s.partner.name),
                ` — partner of ${list(s.ofRefs.map((x) => x.name))}`,
              ),
            ),
          )
        : h('p', { class: 'ta-hint' }, 'No partner is shared by two of these places.'),
      { id: 'ta-cmp-shared' },
    ),
    r.countriesInCommonRefs?.length
      ? section('Countries all of them reach', h('p', null, r.countriesInCommonRefs.map((c) => c.name).join(', ')), {
          id: 'ta-cmp-countries',
        })
      : null,
    section(
      'Between them',
      h(
        'ul',
        { class: 'ta-between' },
        r.between.map((b) =>
          h(
            'li',
            null,
            `${b.aRef.name} – ${b.bRef.name}: ${distance(b.distanceKm) || 'distance unknown'}`,
            b.linkId
              ? [' · ', statusBadge(b.status), ' ', ctx.link('link', { id: b.linkId }, {}, 'link')]
              : ' · not linked',
            ' · ',
            ctx.link('pair', { a: b.a, b: b.b }, {}, 'criteria'),
          ),
        ),
      ),
      { id: 'ta-cmp-between' },
    ),
  ];
}

/* ---------- countries ---------- */

function countriesMode(ctx, codes, asOf) {
  const go = (next) =>
    ctx.go('compare', {}, next.length ? { countries: next.join(','), asOf } : { mode: 'countries', asOf }, {
      focus: false,
    });
  // the comparison names the chosen countries (the chips show its names)
  const r = codes.length ? ctx.atlas.compareCountries(codes, asOf ? { asOf } : {}) : null;
  const names = new Map((r?.countries ?? []).map((c) => [c.code, c.name]));
  const picker = countryPicker(ctx, {
    label: codes.length ? 'Add a country' : 'Pick a country',
    exclude: codes,
    onPick: (c) => {
      if (!codes.includes(c.code) && codes.length < 8) go([...codes, c.code]);
    },
  });
  const adder = h(
    'div',
    { class: 'ta-adder', role: 'group', 'aria-label': 'Countries to compare' },
    h(
      'ul',
      { class: 'ta-chosen', 'aria-label': 'Countries compared' },
      codes.map((c) => {
        const name = names.get(c) ?? c;
        return h(
          'li',
          { class: 'ta-chosen__item', dataset: { country: c } },
          h('span', null, name),
          h(
            'button',
            {
              type: 'button',
              class: 'ta-remove',
              'aria-label': `Remove ${name}`,
              on: { click: () => go(codes.filter((x) => x !== c)) },
            },
            '×',
          ),
        );
      }),
    ),
    codes.length < 8 ? picker.node : h('p', { class: 'ta-hint' }, 'Eight countries at most.'),
  );
  if (codes.length === 0)
    return [
      adder,
      emptyState(
        'No countries chosen yet.',
        'Type a country’s name (or its code) and choose it from the list; add up to eight.',
      ),
    ];
  const cs = r.countries;
  const counts = (arr, fn = (k) => k) =>
    arr?.length
      ? h(
          'ul',
          { class: 'ta-cmp__list' },
          arr.map((c) => h('li', null, `${c.name ?? fn(c.key)}: ${number(c.count)}`)),
        )
      : '—';
  const td = (fn) => (c) => h('td', null, fn(c));
  return [
    adder,
    section(
      'Countries side by side',
      h(
        'div',
        {
          class: 'ta-scroll',
          tabindex: '0',
          role: 'region',
          'aria-label': 'Countries side by side (scrolls sideways)',
        },
        h(
          'table',
          { class: 'ta-table ta-cmp ta-cmp--countries' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', { scope: 'col' }, h('span', { class: 'ta-visually-hidden' }, 'Fact')),
              cs.map((c) => h('th', { scope: 'col', dataset: { country: c.code } }, `${c.name ?? c.code} (${c.code})`)),
            ),
          ),
          h(
            'tbody',
            null,
            row(
              'Continent',
              cs,
              td((c) => c.continentName ?? c.continent ?? '—'),
            ),
            row(
              'Places in the data',
              cs,
              td((c) => number(c.places)),
            ),
            row(
              'Twinnings',
              cs,
              td((c) => number(c.twinnings)),
            ),
            row(
              'International / domestic',
              cs,
              td((c) => `${number(c.international)} / ${number(c.domestic)}`),
            ),
            row(
              'By status',
              cs,
              td((c) => counts(c.byStatus, (k) => label(STATUS, k))),
            ),
            row(
              'By form',
              cs,
              td((c) => counts(c.byForm, (k) => label(FORM, k))),
            ),
            row(
              'Terms in use',
              cs,
              td((c) => counts(c.terms)),
            ),
            row(
              'Glossary words',
              cs,
              td((c) => (c.glossary?.length ? c.glossary.join(', ') : '—')),
            ),
            row(
              'Top partner countries',
              cs,
              td((c) => counts(c.topPartnerCountries)),
            ),
            row(
              'First twinning',
              cs,
              td((c) =>
                c.firstTwinning
                  ? [
                      dateText(c.firstTwinning),
                      c.firstTwinningLink
                        ? [' · ', ctx.link('link', { id: c.firstTwinningLink }, {}, 'the link')]
                        : null,
                    ]
                  : '—',
              ),
            ),
          ),
        ),
      ),
      { id: 'ta-cmp-country-table' },
    ),
    r.between?.length
      ? section(
          'Twinnings between them',
          h(
            'ul',
            null,
            r.between.map((b) => h('li', null, `${b.aRef.name} – ${b.bRef.name}: ${plural(b.twinnings, 'twinning')}`)),
          ),
          { id: 'ta-cmp-country-between' },
        )
      : null,
  ];
}
