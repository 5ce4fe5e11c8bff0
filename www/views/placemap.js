// @ts-check
// The compact map view (`#/place/<id>/map?asOf=<date>`), made for a town's own website:
// `<twinning-atlas place="coventry-gb" view="map">` shows only the town's map of partners
// (with its legend, summary and table), and its links open the full atlas page. Embedded,
// its heading is an h2; on the full page it is the view's h1.
//
// Not for: the full place view with the timeline and the network (place.js, maps/index.js).

import { h } from '../lib/dom.js';
import { lazyPicture } from '../maps/index.js';

export default {
  name: 'placemap',
  render(ctx, route) {
    const { id } = route.params;
    const asOf = (route.query.asOf ?? '').trim();
    const place = ctx.atlas.place(id); // throws not_found: the shell shows it
    const partners = ctx.atlas.partners(id, asOf ? { asOf } : {});
    const headingId = `ta-compact-map-${place.id}`;
    const out = ctx.embedded ? { target: '_blank', rel: 'noopener' } : {};
    const node = h(
      'section',
      { class: 'ta-view ta-view--placemap', 'aria-labelledby': headingId, dataset: { placeId: place.id } },
      h(
        ctx.embedded ? 'h2' : 'h1',
        { id: headingId, class: 'ta-compact__title', tabindex: '-1' },
        `Twin towns and partners of ${place.name} on the map`,
      ),
      lazyPicture('ta-pictures--compact', ({ kit, placeMap }) =>
        placeMap.placeMap({ kit, ctx, place, partners, asOf, outLinks: ctx.embedded }),
      ),
      h(
        'p',
        { class: 'ta-compact__more' },
        h(
          'a',
          { href: ctx.href('place', { id: place.id }, asOf ? { asOf } : {}), class: 'ta-compact__out', ...out },
          `${place.name} in the Twinning Atlas: history, sources and criteria`,
        ),
      ),
    );
    return { node, title: `Map of the partners of ${place.name}` };
  },
};
