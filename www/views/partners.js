// @ts-check
// The compact partners view (`#/place/<id>/partners?asOf=<date>`), made for a town's own
// website: `<twinning-atlas place="coventry-gb" view="partners">` shows only the town's
// partners with their years and status, and links out to the full atlas page (the embed
// leaves out the search box and the navigation for it). Embedded, its heading is an h2, as it
// sits under the host page's own headings; on the full page it is the view's h1.
//
// Not for: the full place view (place.js).

import { h } from '../lib/dom.js';
import { LEVEL, label, span, dateText, plural, where } from '../lib/format.js';
import { statusBadge, emptyState } from '../lib/ui.js';

export default {
  name: 'partners',
  render(ctx, route) {
    const { id } = route.params;
    const asOf = (route.query.asOf ?? '').trim();
    const place = ctx.atlas.place(id); // throws not_found: the shell shows it
    const partners = ctx.atlas.partners(id, asOf ? { asOf } : {});
    // the core orders the partners by status (its `statusOrder`) and counts them
    const rows = partners.partners;
    // links leave the embed for the full atlas page (a new tab from a host's page)
    const out = (name, params, query, text, attrs = {}) =>
      h(
        'a',
        {
          ...attrs,
          href: ctx.href(name, params, query),
          target: ctx.embedded ? '_blank' : null,
          rel: ctx.embedded ? 'noopener' : null,
        },
        text,
      );
    const headingId = `ta-compact-${place.id}`;
    const node = h(
      'section',
      { class: 'ta-view ta-view--partners', 'aria-labelledby': headingId, dataset: { placeId: place.id } },
      h(
        ctx.embedded ? 'h2' : 'h1',
        { id: headingId, class: 'ta-compact__title', tabindex: '-1' },
        `Twin towns and partners of ${place.name}`,
      ),
      h(
        'p',
        { class: 'ta-compact__sub' },
        [
          plural(partners.partnerCount, 'partner'),
          partners.asOf ? `status at the end of ${dateText(partners.asOf)}` : null,
        ]
          .filter(Boolean)
          .join(' · '),
      ),
      rows.length
        ? h(
            'ul',
            { class: 'ta-compact' },
            rows.map((p) =>
              h(
                'li',
                {
                  class: 'ta-compact__item',
                  dataset: { partnerId: p.partner.id, linkId: p.linkId, status: p.status.status },
                },
                h(
                  'span',
                  { class: 'ta-compact__who' },
                  out('place', { id: p.partner.id }, {}, p.partner.name, { class: 'ta-compact__name' }),
                  h(
                    'span',
                    { class: 'ta-compact__where' },
                    [label(LEVEL, p.partner.level), where(p.partner)].filter(Boolean).join(' · '),
                  ),
                ),
                h('span', { class: 'ta-compact__years' }, span(p.since, p.until) || 'year not recorded'),
                statusBadge(p.status.status, { certain: p.status.certain }),
              ),
            ),
          )
        : emptyState('No partners recorded.'),
      h(
        'p',
        { class: 'ta-compact__more' },
        out(
          'place',
          { id: place.id },
          { asOf: asOf || undefined },
          `${place.name} in the Twinning Atlas: history, sources and criteria`,
          { class: 'ta-compact__out' },
        ),
      ),
    );
    return { node, title: `Partners of ${place.name}` };
  },
};
