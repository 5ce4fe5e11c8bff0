// @ts-check
// The pair view (`#/pair/<idA>/<idB>?asOf=…&adjacentKm=…&nearBorderKm=…&sharedTownKm=…`): the founding paper's
// method applied to any two places, linked or not — the kind of their relationship, whether
// they are geographic twins and whether they have an agreement (two separate facts), the
// status with the event that decided it, the six criteria C1–C6 each with its verdict,
// evidence, provenance and sources, the verdict "twin cities in the paper's sense" with its
// reason, motives (recorded or inferred), the distance, and C1's thresholds to adjust.
//
// Not for: a link's timeline (link.js) or several pairs at once (compare.js).

import { THRESHOLDS, THRESHOLDS_HINT, readThresholds, thresholdQuery, thresholdsText } from '../lib/thresholds.js';
import { h, replace, uniqueId, dataName } from '../lib/dom.js';
import { CRITERIA, EVENT, FORM, LEVEL, MOTIVE, VERDICT, label, dateText, distance, where } from '../lib/format.js';
import { statusBadge, sourceList, section, facts, viewHeading, verdictBadge, provenanceTag } from '../lib/ui.js';

const FLAG_TEXT = {
  bridgeTown: 'bridge town across a border river',
  partitioned: 'one town partitioned by a border',
  counterpart: 'counterpart founded across a new border',
  adjacent: 'adjacent across the border',
  nearBorder: 'near the border',
  satellite: 'satellite (a source says so)',
  imaginary: 'fictional or virtual place',
  regional: 'region- or province-level',
};

const VARIANT = {
  sister_city: 'sister city',
  twin_town: 'twin town',
  partner_town: 'partner town',
  adoption: 'adoption',
  contact: 'contact',
  cooperation: 'cooperation',
  unspecified: 'unspecified',
};

const RULE = {
  same_name: 'the same name',
  shared_other_name: 'a shared other name',
  shared_word: 'a shared word in their names',
  similar_name: 'names one letter apart',
};

export default {
  name: 'pair',
  render(ctx, route) {
    const view = { node: h('article', { class: 'ta-view ta-view--pair' }), title: '' };
    this.update(ctx, route, view);
    return view;
  },

  /** Re-classify in place (a new date or thresholds) so the form keeps focus. */
  update(ctx, route, view) {
    const { a, b } = route.params;
    const q = route.query;
    const asOf = (q.asOf ?? '').trim();
    const thresholds = readThresholds(q);
    let c;
    let optionError = null;
    try {
      c = ctx.atlas.classify(a, b, { asOf: asOf || undefined, thresholds: thresholds ?? undefined });
    } catch (err) {
      if (err.code !== 'invalid_argument' || (!asOf && !thresholds)) throw err;
      optionError = err;
      c = ctx.atlas.classify(a, b, {});
    }
    view.title = `${c.a.name} – ${c.b.name}: classification`;
    const same = view.pair === `${a}|${b}` && view.form;
    if (!same) {
      view.pair = `${a}|${b}`;
      view.form = optionsForm(ctx, route);
      view.verdict = h('div', { class: 'ta-pair-verdict' });
      view.body = h('div', { class: 'ta-pair-body' });
      replace(
        view.node,
        viewHeading(
          [dataName(c.a.name), ' – ', dataName(c.b.name)],
          'Kind of relationship and the six twin-city criteria',
        ),
        h(
          'div',
          { class: 'ta-pair' },
          placeCard(ctx, c.a),
          h('span', { class: 'ta-pair__join', 'aria-hidden': 'true' }, '⇄'),
          placeCard(ctx, c.b),
        ),
        ctx.embedded ? null : editActions(ctx, c.a.id, c.b.id),
        view.verdict,
        view.form.node,
        view.body,
      );
    }
    view.form.sync(route, c, optionError);
    view.node.dataset.pair = `${c.a.id}~${c.b.id}`;
    const [verdict, ...rest] = body(ctx, c);
    replace(view.verdict, verdict);
    replace(view.body, rest);
  },
};

/** Your own changes to this pair: to its link when there is one, else a new partnership. */
function editActions(ctx, a, b) {
  let linkId = null;
  try {
    linkId = ctx.atlas.link(a, b, {}).id;
  } catch {
    linkId = null;
  }
  return h(
    'p',
    { class: 'ta-actions ta-edit-actions', 'aria-label': 'Change this pair' },
    linkId
      ? [
          ctx.link('edit', {}, { kind: 'event', link: linkId }, 'Add an event', {
            class: 'ta-action',
            dataset: { edit: 'event' },
          }),
          ctx.link('edit', {}, { kind: 'disputed', link: linkId }, 'Mark disputed', {
            class: 'ta-action',
            dataset: { edit: 'disputed' },
          }),
        ]
      : ctx.link('edit', {}, { kind: 'partner', a, b }, 'Add them as partners', {
          class: 'ta-action',
          dataset: { edit: 'partner' },
        }),
  );
}

function placeCard(ctx, p) {
  return h(
    'div',
    { class: 'ta-card ta-pair__place', dataset: { placeId: p.id } },
    ctx.link('place', { id: p.id }, {}, p.name, { class: 'ta-card__title' }),
    h('span', { class: 'ta-card__meta' }, [label(LEVEL, p.level), where(p)].filter(Boolean).join(' · ')),
  );
}

/** The date and the thresholds; submitting (or changing a number) re-classifies. */
function optionsForm(ctx, route) {
  const id = uniqueId('ta-pair-opt');
  const field = (name, text, attrs) =>
    h(
      'div',
      { class: 'ta-field' },
      h('label', { for: `${id}-${name}` }, text),
      h('input', { id: `${id}-${name}`, name, class: 'ta-input ta-field__input', autocomplete: 'off', ...attrs }),
    );
  const error = h('p', { class: 'ta-field-error', role: 'alert', hidden: true });
  const submit = () => {
    const f = form.elements;
    ctx.go(
      'pair',
      route.params,
      { asOf: f.namedItem('asOf').value.trim(), ...thresholdQuery(f) },
      { replace: true, focus: false },
    );
  };
  const form = h(
    'form',
    {
      class: 'ta-options',
      'aria-label': 'Date and thresholds',
      on: {
        submit: (e) => {
          e.preventDefault();
          submit();
        },
        change: (e) => {
          if (e.target.type === 'number') submit();
        },
      },
    },
    field('asOf', 'Status as of', { type: 'text', inputmode: 'numeric', placeholder: 'now', spellcheck: 'false' }),
    THRESHOLDS.map(([name, text]) => field(name, text, { type: 'number', min: 0, max: 1000, step: 'any' })),
    h('button', { type: 'submit', class: 'ta-button' }, 'Re-classify'),
    h('p', { class: 'ta-hint' }, THRESHOLDS_HINT),
    error,
  );
  return {
    node: form,
    sync(r, c, err) {
      const f = form.elements;
      const set = (name, v) => {
        const input = f.namedItem(name);
        if (input.getRootNode().activeElement !== input) input.value = v; // the root node: a shadow root in an embed
      };
      set('asOf', (r.query.asOf ?? '').trim());
      for (const [name] of THRESHOLDS) set(name, r.query[name] ?? String(c.thresholds[name]));
      route = r;
      error.hidden = !err;
      error.textContent = err ? `${err.message} — showing the defaults instead.` : '';
      for (const name of ['asOf', ...THRESHOLDS.map(([n]) => n)]) {
        if (err) f.namedItem(name).setAttribute('aria-invalid', 'true');
        else f.namedItem(name).removeAttribute('aria-invalid');
      }
    },
  };
}

function body(ctx, c) {
  const tc = c.twinCities;
  return [
    h(
      'section',
      {
        class: `ta-verdict-box ta-verdict-box--${tc.verdict}`,
        'aria-labelledby': 'ta-pair-verdict',
        dataset: { verdict: tc.verdict },
      },
      h(
        'h2',
        { id: 'ta-pair-verdict' },
        'Twin cities in the paper’s sense? ',
        verdictBadge(tc.verdict, { holds: 'yes', fails: 'no', unknown: 'cannot tell' }[tc.verdict]),
      ),
      h('p', { class: 'ta-verdict-box__reason' }, tc.reason),
      h(
        'p',
        { class: 'ta-hint' },
        `Necessary: ${tc.necessary.join(', ')}; C4 and C5 hold as a rule.`,
        tc.failing.length ? ` Failing: ${tc.failing.join(', ')}.` : '',
        tc.unknown.length ? ` Unknown: ${tc.unknown.join(', ')}.` : '',
      ),
    ),
    section(
      'Kind of relationship',
      [
        h(
          'p',
          { class: 'ta-kind', dataset: { kind: c.kind.kind } },
          h('strong', { class: 'ta-kind__label' }, c.kind.label),
          c.kind.variant ? ` (${VARIANT[c.kind.variant] ?? c.kind.variant})` : null,
        ),
        flagChips(c.kind.flags),
        evidenceList(c.kind.evidence, 'Evidence for the kind'),
        h(
          'div',
          { class: 'ta-twofacts' },
          h(
            'div',
            { class: 'ta-card ta-twofact', dataset: { fact: 'geographic' } },
            h(
              'h3',
              null,
              'Geographic twins? ',
              verdictBadge(
                c.geographicTwin.verdict,
                { holds: 'yes', fails: 'no', unknown: 'cannot tell' }[c.geographicTwin.verdict],
              ),
            ),
            c.geographicTwin.scope
              ? h('p', null, c.geographicTwin.scope === 'cross_border' ? 'Across a border.' : 'Within one country.')
              : null,
            evidenceList(c.geographicTwin.evidence, 'Evidence for the geography'),
          ),
          h(
            'div',
            { class: 'ta-card ta-twofact', dataset: { fact: 'agreement' } },
            h(
              'h3',
              null,
              'An agreement? ',
              verdictBadge(
                c.agreement.recorded ? 'holds' : 'fails',
                c.agreement.recorded ? (c.agreement.inForce ? 'yes, in force' : 'yes, not in force') : 'none recorded',
              ),
            ),
            c.agreement.recorded
              ? h(
                  'p',
                  null,
                  [label(FORM, c.agreement.form), c.agreement.term ? `“${c.agreement.term}”` : null]
                    .filter(Boolean)
                    .join(' · '),
                  ' ',
                  c.agreement.status ? statusBadge(c.agreement.status) : null,
                )
              : null,
            c.agreement.evidence ? evidenceList([c.agreement.evidence].flat(), 'Evidence for the agreement') : null,
          ),
        ),
        h(
          'p',
          { class: 'ta-hint' },
          'Being geographic twins and having an agreement are separate facts: a pair can be one without the other.',
        ),
      ],
      { id: 'ta-pair-kind' },
    ),
    statusSection(ctx, c),
    criteriaSection(ctx, c),
    motivesSection(ctx, c),
    section(
      'Distance',
      facts([
        ['Between their centres', c.distanceKm != null ? distance(c.distanceKm) : 'unknown (no coordinates)'],
        [
          'How it is known',
          c.distanceSource
            ? c.distanceSource === 'computed'
              ? 'computed from coordinates'
              : `${c.distanceSource} (as a source gives it)`
            : null,
        ],
        ['Thresholds used', thresholdsText(c.thresholds)],
      ]),
      { id: 'ta-pair-distance' },
    ),
    c.groups?.length
      ? section(
          'Groups both belong to',
          h(
            'ul',
            { class: 'ta-groups' },
            c.groups.map((g) => h('li', { dataset: { groupId: g.id } }, ctx.link('group', { id: g.id }, {}, g.name))),
          ),
          { id: 'ta-pair-groups' },
        )
      : null,
  ];
}

function flagChips(flags) {
  const on = Object.entries(flags ?? {})
    .filter(([, v]) => v)
    .map(([k]) => k);
  if (on.length === 0) return null;
  return h(
    'ul',
    { class: 'ta-chips', 'aria-label': 'Flags' },
    on.map((k) => h('li', { class: 'ta-chip', dataset: { flag: k } }, FLAG_TEXT[k] ?? k)),
  );
}

function evidenceList(items, name) {
  const v = (items ?? []).filter(Boolean);
  if (v.length === 0) return h('p', { class: 'ta-hint' }, 'No evidence recorded.');
  return h(
    'ul',
    { class: 'ta-evidence', 'aria-label': name },
    v.map((e) => h('li', null, e)),
  );
}

function statusSection(ctx, c) {
  const s = c.status;
  const d = s.decidedBy;
  const at = s.asOf ? `At the end of ${dateText(s.asOf)}` : 'Now';
  return section(
    'Status',
    [
      h(
        'p',
        { class: 'ta-status__line' },
        h('span', { class: 'ta-status__at' }, `${at}: `),
        statusBadge(s.status, { certain: s.certain }),
      ),
      d
        ? h(
            'div',
            { class: 'ta-decided' },
            h(
              'p',
              null,
              'Decided by: ',
              h('strong', null, `${label(EVENT, d.kind)} ${dateText(d.date)}`),
              d.actor ? ` by ${d.actor}` : null,
              d.reason ? ` — ${d.reason}` : null,
            ),
            d.note ? h('p', { class: 'ta-hint' }, d.note) : null,
            sourceList(d.sources, { compact: true, ctx }),
          )
        : h(
            'p',
            { class: 'ta-hint' },
            c.linkId ? 'No dated event decides the status.' : 'The data records no link between these two places.',
          ),
      c.linkId
        ? h(
            'p',
            null,
            ctx.link(
              'link',
              { id: c.linkId },
              { asOf: s.asOf ? dateText(s.asOf) : undefined },
              'The link’s whole history',
            ),
          )
        : null,
    ],
    { id: 'ta-pair-status' },
  );
}

function criteriaSection(ctx, c) {
  const codes = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6'];
  return section(
    'The six criteria',
    h(
      'table',
      { class: 'ta-table ta-table--cards ta-criteria ta-criteria--full' },
      h(
        'caption',
        { class: 'ta-visually-hidden' },
        'The six criteria of a cross-border twin city, each with its verdict, evidence and where it comes from',
      ),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ['Criterion', 'Verdict', 'Evidence', 'From', 'Sources'].map((t) => h('th', { scope: 'col' }, t)),
        ),
      ),
      h(
        'tbody',
        null,
        codes.map((code) => {
          const k = c.criteria[code];
          if (!k) return null;
          return h(
            'tr',
            { class: 'ta-criterion', dataset: { criterion: code, verdict: k.verdict, provenance: k.source } },
            h(
              'th',
              { scope: 'row' },
              h('span', { class: 'ta-criterion__code' }, code),
              ' ',
              CRITERIA[code] ?? '',
              c.twinCities.necessary.includes(code) ? null : h('span', { class: 'ta-hint' }, ' (as a rule)'),
            ),
            h('td', { 'data-label': 'Verdict' }, verdictBadge(k.verdict, label(VERDICT, k.verdict))),
            h('td', { 'data-label': 'Evidence', class: 'ta-criterion__evidence' }, k.evidence || '—'),
            h('td', { 'data-label': 'From' }, provenanceTag(k.source)),
            h(
              'td',
              { 'data-label': 'Sources' },
              sourceList(k.sources, { compact: true, ctx }) ??
                (k.source === 'computed' ? h('span', { class: 'ta-hint' }, 'computed') : '—'),
            ),
          );
        }),
      ),
    ),
    { id: 'ta-pair-criteria' },
  );
}

function motivesSection(ctx, c) {
  const ms = c.motives ?? [];
  return section(
    'Motives',
    ms.length
      ? h(
          'ul',
          { class: 'ta-motives' },
          ms.map((m) =>
            h(
              'li',
              { class: 'ta-motive', dataset: { motive: m.motive, inferred: String(m.inferred) } },
              h('span', { class: 'ta-chip' }, label(MOTIVE, m.motive)),
              ' ',
              h(
                'span',
                { class: m.inferred ? 'ta-prov ta-prov--inferred' : 'ta-prov ta-prov--recorded' },
                m.inferred ? 'inferred' : 'recorded',
              ),
              ' ',
              h(
                'span',
                { class: 'ta-motive__evidence' },
                m.inferred && m.rule ? `from ${RULE[m.rule] ?? m.rule}: ${m.evidence}` : m.evidence,
              ),
              m.sources?.length
                ? h(
                    'details',
                    { class: 'ta-disclosure' },
                    h('summary', null, `${m.sources.length} source${m.sources.length === 1 ? '' : 's'}`),
                    sourceList(m.sources, { compact: true, ctx }),
                  )
                : null,
            ),
          ),
        )
      : h('p', { class: 'ta-hint' }, 'No motive recorded or inferred.'),
    { id: 'ta-pair-motives' },
  );
}
