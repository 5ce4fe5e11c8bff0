// @ts-check
// The place view (`#/place/<id>?asOf=<date>`): a place's names (historic ones too), the states
// it belonged to, its description and groups, and its partners with the status of each link
// at a chosen date ("as of"), years, form and term, motives, distance and sources.
//
// Not for: one link's whole history (link.js).

import { h, externalLink, dataName } from '../lib/dom.js';
import { noteList } from './notes.js';
import { placePictures } from '../maps/index.js';
import {
  FORM,
  NAME_KIND,
  GROUP_KIND,
  LEVEL,
  STATUS,
  label,
  span,
  yearText,
  dateText,
  distance,
  number,
  plural,
  where,
  sourceShort,
} from '../lib/format.js';
import { statusBadge, placeLink, motiveChips, sourceList, section, facts, emptyState, viewHeading } from '../lib/ui.js';

export default {
  name: 'place',
  render(ctx, route) {
    const { id } = route.params;
    const asOf = (route.query.asOf ?? '').trim();
    const place = ctx.atlas.place(id); // throws not_found: the shell shows it
    let partners = null;
    let asOfError = null;
    try {
      partners = ctx.atlas.partners(id, asOf ? { asOf } : {});
    } catch (err) {
      asOfError = err;
      partners = ctx.atlas.partners(id, {});
    }
    const node = h(
      'article',
      { class: 'ta-view ta-view--place', dataset: { placeId: place.id } },
      viewHeading(place.name, [label(LEVEL, place.level), where(place)].filter(Boolean).join(' · ')),
      place.description ? h('p', { class: 'ta-description' }, place.description) : null,
      placeFacts(place),
      h(
        'p',
        { class: 'ta-actions' },
        ctx.link('compare', {}, { places: place.id }, 'Compare with other places', { class: 'ta-action' }),
        ctx.link('network', {}, { place: place.id }, 'Partners of partners and chains', { class: 'ta-action' }),
        ctx.link('suggest', { id: place.id }, {}, 'Find a partner', { class: 'ta-action ta-action--suggest' }),
        ctx.embedded
          ? null
          : ctx.link('edit', {}, { kind: 'partner', a: place.id }, 'Add a partner', {
              class: 'ta-action',
              dataset: { edit: 'partner' },
            }),
        place.wikidata && !ctx.embedded
          ? ctx.link('data', {}, { wikidata: place.wikidata }, 'Load its partners from Wikidata', {
              class: 'ta-action',
              dataset: { wikidata: place.wikidata },
            })
          : null,
      ),
      partnersSection(ctx, place, partners, asOf, asOfError),
      placePictures(ctx, place, partners, asOf),
      namesSection(place),
      historicSection(place),
      groupsSection(ctx, place),
      notesSection(ctx, place),
      section('Sources', sourceList(place.sources, { ctx }), { id: `ta-place-sources-${place.id}` }),
    );
    return { node, title: place.name };
  },
};

function placeFacts(p) {
  const coords = p.lat != null && p.lon != null ? `${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}` : null;
  const wikidata =
    typeof p.wikidata === 'string' && /^Q\d+$/.test(p.wikidata)
      ? externalLink(`https://www.wikidata.org/wiki/${p.wikidata}`, p.wikidata)
      : null;
  return facts([
    ['Partners', number(p.partnerCount)],
    ['Population', p.population != null ? number(p.population) : null],
    ['Coordinates', coords],
    ['Wikidata', wikidata],
  ]);
}

function namesSection(p) {
  const names = p.names ?? [];
  if (names.length === 0) return null;
  return section(
    'Names',
    h(
      'ul',
      { class: 'ta-names' },
      names.map((n) => {
        const when = span(n.since, n.until);
        const bits = [label(NAME_KIND, n.kind), n.lang, when].filter(Boolean).join(' · ');
        return h(
          'li',
          { class: `ta-name ta-name--${n.kind}`, dataset: { kind: n.kind } },
          h('span', { class: 'ta-name__text', lang: n.lang || null }, dataName(n.name)),
          bits ? h('span', { class: 'ta-name__meta' }, bits) : null,
        );
      }),
    ),
    { id: `ta-names-${p.id}` },
  );
}

function historicSection(p) {
  const states = p.historic ?? [];
  if (states.length === 0) return null;
  return section(
    'Historic states',
    h(
      'ul',
      { class: 'ta-historic' },
      states.map((s) => {
        const when = span(s.since, s.until);
        return h(
          'li',
          null,
          h('span', null, s.stateName || s.state),
          when ? h('span', { class: 'ta-name__meta' }, when) : null,
        );
      }),
    ),
    { id: `ta-historic-${p.id}` },
  );
}

function groupsSection(ctx, p) {
  const groups = p.groups ?? [];
  if (groups.length === 0) return null;
  return section(
    'Groups',
    h(
      'ul',
      { class: 'ta-groups' },
      groups.map((g) =>
        h(
          'li',
          { dataset: { groupId: g.id } },
          ctx.link('group', { id: g.id }, {}, g.name, { class: 'ta-group-link' }),
          h('span', { class: 'ta-name__meta' }, label(GROUP_KIND, g.kind)),
        ),
      ),
    ),
    { id: `ta-groups-${p.id}` },
  );
}

/** Notes (concepts, findings, programmes, policies) that concern this place. */
function notesSection(ctx, p) {
  let notes;
  try {
    notes = ctx.atlas.notes({ place: p.id });
  } catch {
    return null;
  }
  if (!notes || notes.length === 0) return null;
  return section('Notes about this place', noteList(ctx, notes, { headingLevel: 3, except: p.id }), {
    id: `ta-place-notes-${p.id}`,
  });
}

function asOfForm(ctx, place, asOf, error) {
  const inputId = `ta-asof-${place.id}`;
  const input = h('input', {
    id: inputId,
    class: 'ta-input ta-asof__input',
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'now',
    value: asOf,
    'aria-describedby': `${inputId}-help`,
    'aria-invalid': error ? 'true' : null,
  });
  const go = (value) => ctx.go('place', { id: place.id }, { asOf: value.trim() }, { focus: false });
  return h(
    'form',
    {
      class: 'ta-asof',
      role: 'search',
      'aria-label': 'Date for the statuses',
      on: {
        submit: (e) => {
          e.preventDefault();
          go(input.value);
        },
      },
    },
    h('label', { for: inputId, class: 'ta-asof__label' }, 'Status as of'),
    input,
    h('button', { type: 'submit', class: 'ta-button' }, 'Show'),
    asOf
      ? h('button', { type: 'button', class: 'ta-button ta-button--quiet', on: { click: () => go('') } }, 'Now')
      : null,
    h('p', { id: `${inputId}-help`, class: 'ta-hint' }, 'A year or a date: 1990, 2022-03-22. Empty for now.'),
    error
      ? h('p', { class: 'ta-field-error', role: 'alert' }, `Cannot read “${asOf}” as a date: ${error.message}`)
      : null,
  );
}

function countsLine(partners) {
  // the core counts the partners and orders the counts by status (its `statusOrder`)
  const counts = partners.counts ?? [];
  if (counts.length === 0) return null;
  return h(
    'p',
    { class: 'ta-counts' },
    counts.map((c, i) => [
      i > 0 ? ' · ' : null,
      h('span', { dataset: { status: c.key } }, `${number(c.count)} ${label(STATUS, c.key)}`),
    ]),
  );
}

/**
 * How complete the list is: how many links rest on a recorded history, and who lists the
 * others ("14 only listed — by Wikipedia 2026 (12), Wikidata 2017 (9) — with no dates, so
 * their status is not known").
 */
function coverageLine(partners) {
  const c = partners.coverage;
  if (!c) return null;
  const total = c.withHistory + c.listedOnly;
  if (c.listedOnly === 0) {
    return h(
      'p',
      { class: 'ta-coverage', dataset: { coverage: 'recorded' } },
      `Every one of the ${plural(total, 'partner')} has a recorded, dated history in the atlas.`,
    );
  }
  const world = c.bySource.filter((s) => /^world-/.test(s.source.id));
  const listers = (world.length ? world : c.bySource)
    .map((s) => `${sourceShort(s.source)} (${number(s.count)})`)
    .join(', ');
  const lead =
    c.withHistory > 0
      ? `Of ${plural(total, 'partner')}, ${number(c.withHistory)} ${c.withHistory === 1 ? 'has' : 'have'} a recorded, dated history and ${number(c.listedOnly)} ${c.listedOnly === 1 ? 'is' : 'are'} only listed`
      : c.listedOnly === 1
        ? 'The one partner is only listed'
        : `All ${number(c.listedOnly)} partners are only listed`;
  return h(
    'p',
    { class: 'ta-coverage', dataset: { coverage: c.withHistory > 0 ? 'mixed' : 'listed' } },
    `${lead} — by ${listers} — with no dates, so whether ${c.listedOnly === 1 ? 'it is' : 'they are'} still in force is not known. Public lists are incomplete: a missing partner is not proof of no partnership.`,
  );
}

function partnersSection(ctx, place, partners, asOf, asOfError) {
  const headingId = `ta-partners-${place.id}`;
  const atDate = partners.asOf ? dateText(partners.asOf) : null;
  const body = [];
  body.push(asOfForm(ctx, place, asOf, asOfError));
  if (partners.partners.length === 0) {
    body.push(emptyState('No partners recorded.'));
  } else {
    body.push(
      h(
        'p',
        { class: 'ta-hint' },
        `${plural(partners.partnerCount, 'partner')}: agreements of any status, ended ones included.`,
      ),
    );
    body.push(countsLine(partners));
    body.push(coverageLine(partners));
    body.push(
      h(
        'table',
        { class: 'ta-table ta-table--cards ta-partners', 'aria-labelledby': headingId },
        h(
          'caption',
          { class: 'ta-visually-hidden' },
          atDate ? `Partners of ${place.name}, status at the end of ${atDate}` : `Partners of ${place.name}`,
        ),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            ['Partner', 'Since', 'Until', 'Status', 'Form', 'Motives', 'Distance', 'Sources', ''].map((t) =>
              h('th', { scope: 'col' }, t || h('span', { class: 'ta-visually-hidden' }, 'Details')),
            ),
          ),
        ),
        h(
          'tbody',
          null,
          partners.partners.map((p) => partnerRow(ctx, place, p, asOf)),
        ),
      ),
    );
  }
  if ((partners.pairings ?? []).length > 0) {
    body.push(
      h(
        'p',
        { class: 'ta-hint ta-pairings' },
        'Also recorded, without an agreement (not counted as partners): ',
        partners.pairings.map((p, i) => [
          i > 0 ? ', ' : null,
          ctx.link('pair', { a: place.id, b: p.partner.id }, { asOf: asOf || undefined }, p.partner.name, {
            dataset: { linkId: p.linkId },
          }),
        ]),
      ),
    );
  }
  return h(
    'section',
    { class: 'ta-section ta-section--partners', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, atDate ? `Partners at the end of ${atDate}` : 'Partners'),
    body,
  );
}

/** "Wikipedia, Wikidata +1" for links the world lists (years in the list it opens); "2 sources" otherwise. */
function listedBy(sources) {
  const world = sources.filter((s) => /^world-/.test(s.id));
  if (world.length === 0) return plural(sources.length, 'source');
  const who = [...new Set(world.map((s) => sourceShort(s).replace(/ \d{4}$/, '')))].join(', ');
  const rest = sources.length - world.length;
  return rest ? `${who} +${rest}` : who;
}

function partnerRow(ctx, place, p, asOf) {
  const decided = p.status.decidedBy;
  const formText = [label(FORM, p.form), p.term && p.term !== label(FORM, p.form) ? `“${p.term}”` : null]
    .filter(Boolean)
    .join(' · ');
  return h(
    'tr',
    { class: 'ta-partner', dataset: { linkId: p.linkId, partnerId: p.partner.id, status: p.status.status } },
    h(
      'td',
      { 'data-label': 'Partner', class: 'ta-partner__name' },
      placeLink(ctx, p.partner, { asOf: asOf || undefined }),
      h(
        'span',
        { class: 'ta-partner__where' },
        [label(LEVEL, p.partner.level), where(p.partner)].filter(Boolean).join(' · '),
      ),
    ),
    h('td', { 'data-label': 'Since', class: 'ta-partner__since' }, yearText(p.since) || '—'),
    h('td', { 'data-label': 'Until', class: 'ta-partner__until' }, yearText(p.until) || '—'),
    h(
      'td',
      { 'data-label': 'Status', class: 'ta-partner__status' },
      h(
        'span',
        null,
        statusBadge(p.status.status, { certain: p.status.certain }),
        decided && (p.status.status === 'suspended' || p.status.status === 'terminated')
          ? h('span', { class: 'ta-partner__decided' }, dateText(decided.date))
          : null,
      ),
    ),
    h('td', { 'data-label': 'Form', class: 'ta-partner__form' }, formText),
    h('td', { 'data-label': 'Motives' }, motiveChips(p.motives) ?? '—'),
    h('td', { 'data-label': 'Distance', class: 'ta-num' }, distance(p.distanceKm) || '—'),
    h(
      'td',
      { 'data-label': 'Sources', class: 'ta-partner__sources' },
      p.sources.length
        ? h(
            'details',
            { class: 'ta-disclosure' },
            h('summary', null, listedBy(p.sources)),
            sourceList(p.sources, { compact: true, ctx }),
          )
        : '—',
    ),
    h(
      'td',
      { class: 'ta-partner__more' },
      ctx.link('link', { id: p.linkId }, { asOf: asOf || undefined }, 'History', {
        class: 'ta-more',
        'aria-label': `History of the link ${place.name} – ${p.partner.name}`,
      }),
      ' ',
      ctx.link('pair', { a: place.id, b: p.partner.id }, { asOf: asOf || undefined }, 'Criteria', {
        class: 'ta-more ta-more--pair',
        'aria-label': `Kind and twin-city criteria of ${place.name} – ${p.partner.name}`,
      }),
    ),
  );
}
