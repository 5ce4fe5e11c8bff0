// @ts-check
// The network view (`#/network?from=…&to=…&place=…&active=1`): the shortest chain of
// partnerships between two places (each link on the way), the partners of a place's partners
// and the component it belongs to, the connected components, and the most connected places
// with what the data says about the article's claim for Saint Petersburg.
//
// Not for: one place's own partners (place.js).

import { h, dataName } from '../lib/dom.js';
import { FORM, label, dateText, number, plural } from '../lib/format.js';
import { statusBadge, section, viewHeading, errorBox } from '../lib/ui.js';
import { placePicker } from '../lib/picker.js';
import { lazyPicture } from '../maps/index.js';

export default {
  name: 'network',
  render(ctx, route) {
    const q = route.query;
    const activeOnly = q.active === '1';
    const opts = activeOnly ? { activeOnly: true } : {};
    const node = h(
      'div',
      { class: 'ta-view ta-view--network' },
      viewHeading(
        'The network',
        'Edges are agreements of any status; tick “in force only” to keep those in force today.',
      ),
      h(
        'label',
        { class: 'ta-check' },
        h('input', {
          type: 'checkbox',
          checked: activeOnly,
          on: {
            change: (e) =>
              ctx.go('network', {}, { ...q, active: e.target.checked ? '1' : '' }, { replace: true, focus: false }),
          },
        }),
        ' In force only',
      ),
      guard(() => chainSection(ctx, q, opts)),
      guard(() => partnersOfPartnersSection(ctx, q, opts)),
      guard(() => componentsSection(ctx, opts)),
      guard(() => mostConnectedSection(ctx)),
    );
    return { node, title: 'Network' };
  },
};

function guard(fn) {
  try {
    return fn();
  } catch (err) {
    return errorBox(err, 'This part of the network could not be computed');
  }
}

function lookup(ctx, id) {
  if (!id) return null;
  try {
    return ctx.atlas.place(id);
  } catch {
    return null;
  }
}

function chainSection(ctx, q, opts) {
  const from = lookup(ctx, q.from);
  const to = lookup(ctx, q.to);
  const go = (patch) => ctx.go('network', {}, { ...q, ...patch }, { focus: false });
  const a = placePicker(ctx, { label: 'From', value: from, onPick: (p) => go({ from: p.id }) });
  const b = placePicker(ctx, { label: 'To', value: to, onPick: (p) => go({ to: p.id }) });
  let result = null;
  if (from && to) {
    const c = ctx.atlas.chain(from.id, to.id, opts);
    result = c.found
      ? h(
          'div',
          { class: 'ta-chain-result' },
          h(
            'p',
            { class: 'ta-count', role: 'status' },
            c.hops === 0
              ? 'The same place.'
              : [`${plural(c.hops, 'link')} from `, dataName(c.from.name), ' to ', dataName(c.to.name), ':'],
          ),
          h(
            'ol',
            { class: 'ta-chain' },
            c.links.map((l) =>
              h(
                'li',
                { class: 'ta-chain__step', dataset: { linkId: l.linkId } },
                ctx.link('place', { id: l.from.id }, {}, l.from.name),
                h('span', { class: 'ta-chain__arrow', 'aria-hidden': 'true' }, ' → '),
                h('span', { class: 'ta-visually-hidden' }, ' to '),
                ctx.link('place', { id: l.to.id }, {}, l.to.name),
                h(
                  'span',
                  { class: 'ta-chain__meta' },
                  ` ${[label(FORM, l.form), l.since ? `since ${dateText(l.since)}` : null].filter(Boolean).join(' · ')} `,
                ),
                statusBadge(l.status),
                ' ',
                ctx.link('link', { id: l.linkId }, {}, 'history', { class: 'ta-more' }),
              ),
            ),
          ),
          c.hops > 0
            ? lazyPicture('ta-pictures--chain', ({ kit, chain }) => chain.chainMap({ kit, ctx, chain: c }))
            : null,
        )
      : h('p', { class: 'ta-count', role: 'status' }, [
          'No chain of partnerships joins ',
          dataName(c.from.name),
          ' and ',
          dataName(c.to.name),
          ` in this data (${plural(c.explored, 'place')} explored).`,
        ]);
  }
  return section(
    'Shortest chain between two places',
    [h('div', { class: 'ta-adder' }, a.node, b.node), result ?? h('p', { class: 'ta-hint' }, 'Pick two places.')],
    { id: 'ta-net-chain' },
  );
}

function partnersOfPartnersSection(ctx, q, opts) {
  const place = lookup(ctx, q.place);
  const picker = placePicker(ctx, {
    label: 'Place',
    value: place,
    onPick: (p) => ctx.go('network', {}, { ...q, place: p.id }, { focus: false }),
  });
  let body = h('p', { class: 'ta-hint' }, 'Pick a place.');
  if (place) {
    const r = ctx.atlas.partnersOfPartners(place.id, { ...opts, limit: 200 });
    const comp = ctx.atlas.componentOf(place.id, { ...opts });
    body = [
      h(
        'p',
        null,
        `${place.name} has ${plural(r.partners.length, 'partner')}; they have ${plural(r.total, 'other partner')}.`,
      ),
      h(
        'p',
        { class: 'ta-actions' },
        ctx.link('suggest', { id: place.id }, {}, `Find a partner for ${place.name}: suggestions with their reasons`, {
          class: 'ta-action ta-action--suggest',
        }),
      ),
      r.partnersOfPartners.length
        ? h(
            'ul',
            { class: 'ta-pop' },
            r.partnersOfPartners.map((x) =>
              h(
                'li',
                { dataset: { placeId: x.place.id } },
                ctx.link('place', { id: x.place.id }, {}, x.place.name),
                h('span', { class: 'ta-name__meta' }, ` via ${x.via.map((v) => v.name).join(', ')}`),
              ),
            ),
          )
        : null,
      h(
        'p',
        { class: 'ta-component-of' },
        `${place.name} belongs to a connected group of ${plural(comp.size, 'place')}`,
        comp.size > 1 ? ': ' : '.',
        comp.size > 1
          ? comp.members.map((m, i) => [i > 0 ? ', ' : null, ctx.link('place', { id: m.id }, {}, m.name)])
          : null,
        comp.truncated ? ' …' : null,
      ),
    ];
  }
  return section('Partners of partners', [picker.node, body], { id: 'ta-net-pop' });
}

function componentsSection(ctx, opts) {
  const r = ctx.atlas.components({ ...opts, limit: 8 });
  return section(
    'Connected components',
    [
      h(
        'p',
        null,
        `${number(r.places)} places form ${plural(r.count, 'connected group')}; ${number(r.isolated)} have no partner; the largest group has ${plural(r.largest, 'place')}.`,
      ),
      h('p', { class: 'ta-hint' }, `Sizes: ${r.sizes.map((s) => `${s.count} × ${s.key}`).join(', ')}.`),
      h(
        'ol',
        { class: 'ta-components' },
        r.components.map((c) =>
          h(
            'li',
            null,
            `${plural(c.size, 'place')}, around `,
            c.hubs.map((p, i) => [i > 0 ? ', ' : null, ctx.link('place', { id: p.id }, {}, p.name)]),
          ),
        ),
      ),
    ],
    { id: 'ta-net-components' },
  );
}

function mostConnectedSection(ctx) {
  const r = ctx.atlas.mostConnected({ limit: 10 });
  const sp = r.saintPetersburg;
  return section(
    'Most connected places',
    [
      h(
        'ol',
        { class: 'ta-top' },
        r.places.map((p) =>
          h(
            'li',
            { dataset: { placeId: p.place.id } },
            ctx.link('place', { id: p.place.id }, {}, p.place.name),
            ` ${number(p.partners)} partners (${number(p.active)} in force)`,
          ),
        ),
      ),
      sp
        ? h(
            'div',
            {
              class: `ta-verdict-box ta-verdict-box--${sp.holdsRecord ? 'holds' : 'fails'}`,
              dataset: { holdsRecord: String(sp.holdsRecord) },
            },
            h('h3', null, 'The article says Saint Petersburg holds the record for partners'),
            h('p', { class: 'ta-sp-statement' }, sp.statement),
          )
        : null,
    ],
    { id: 'ta-net-top' },
  );
}
