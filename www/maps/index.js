// @ts-check
// The pictures' door for the views: small and loaded with them; the drawing code and the map
// data load on first use (dynamic import), so a page that shows no picture pays nothing.
// `placePictures` gives a place's page its map and timeline (and its ego network), each
// drawn when the kit has arrived.
//
// Not for: drawing (place-map.js, timeline.js, ego.js).

import { h } from '../lib/dom.js';
import { errorBox } from '../lib/ui.js';

/** A section that fills itself once the pictures' code is loaded (and `ready`, when given,
 * has resolved); `build(modules)` → node. */
export function lazyPicture(className, build, ready = null) {
  const box = h(
    'div',
    { class: ['ta-pictures', className], dataset: { state: 'loading' } },
    h('p', { class: 'ta-loading', role: 'status' }, 'Drawing…'),
  );
  Promise.all([
    import('./base.js'),
    import('./place-map.js'),
    import('./timeline.js'),
    import('./ego.js'),
    import('./chain-map.js'),
    ready,
  ])
    .then(async ([base, placeMap, timeline, ego, chain]) => {
      const kit = await base.loadKit();
      const t0 = performance.now();
      box.replaceChildren(build({ kit, base, placeMap, timeline, ego, chain }));
      performance.measure?.(`ta-picture-build ${className}`, { start: t0, duration: performance.now() - t0 });
      box.dataset.state = 'ready';
    })
    .catch((err) => {
      box.replaceChildren(errorBox(err, 'The picture could not be drawn'));
      box.dataset.state = 'failed';
    });
  return box;
}

/** Run `fn`, recording its duration as a performance measure named `name` (benches/maps.mjs). */
function timed(name, fn) {
  const t0 = performance.now();
  const out = fn();
  performance.measure?.(name, { start: t0, duration: performance.now() - t0 });
  return out;
}

/** A place's map, timeline and network of partners, for its page. */
export function placePictures(ctx, place, partners, asOf) {
  if (!partners || partners.partners.length === 0) return null;
  const headingId = `ta-pictures-${place.id}`;
  const onWorld = ctx.link('world', {}, { place: place.id, asOf: asOf || undefined }, 'See it on the world map', {
    class: 'ta-action',
  });
  return h(
    'section',
    { class: 'ta-section ta-section--pictures', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, 'Map, timeline and network'),
    h('p', { class: 'ta-actions' }, onWorld),
    lazyPicture(
      'ta-pictures--place',
      ({ kit, placeMap, timeline, ego }) =>
        h(
          'div',
          null,
          timed('ta-picture place-map', () => placeMap.placeMap({ kit, ctx, place, partners, asOf })),
          timed('ta-picture timeline', () => timeline.placeTimeline({ ctx, place, partners, asOf })),
          timed('ta-picture ego', () => ego.egoNetwork({ kit, ctx, place, asOf })),
        ),
      // the partners' partners come from the full module (lib/store.js)
      ctx.session?.full(),
    ),
  );
}
