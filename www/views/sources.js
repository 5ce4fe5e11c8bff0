// @ts-check
// The sources view (`#/sources?id=<source id>`): every source the data cites, with its title,
// who and when (its byline), a citation, a link (http(s) only) and its licence. Source lists elsewhere link here ("details"); the
// entry named by `id` is highlighted, scrolled into view and focused.
//
// Not for: the sources of one record (lib/ui.js sourceList, used by each view).

import { h, safeUrl } from '../lib/dom.js';
import { plural } from '../lib/format.js';
import { emptyState, viewHeading } from '../lib/ui.js';

export default {
  name: 'sources',
  render(ctx, route) {
    const sources = ctx.atlas.sources();
    const wanted = (route.query.id ?? '').trim();
    let current = null;
    const entries = sources.map((s) => {
      const here = s.id === wanted;
      const href = safeUrl(s.url);
      const li = h(
        'li',
        {
          class: ['ta-source-entry', here && 'ta-source-entry--current'],
          dataset: { sourceId: s.id },
          'aria-current': here ? 'true' : null,
          tabindex: here ? '-1' : null,
        },
        h('p', { class: 'ta-source-entry__title' }, s.title || s.id),
        s.byline ? h('p', { class: 'ta-source-entry__byline' }, s.byline) : null,
        s.citation ? h('p', { class: 'ta-source-entry__cite ta-hint' }, `Cite as: ${s.citation}`) : null,
        h(
          'p',
          { class: 'ta-source-entry__meta' },
          href
            ? h(
                'a',
                { class: 'ta-source-entry__url', href, rel: 'noopener noreferrer external', target: '_blank' },
                displayUrl(href),
              )
            : h('span', { class: 'ta-hint' }, s.url ? 'Address not shown (not a web link)' : 'No web address'),
          h(
            'span',
            { class: 'ta-source-entry__licence' },
            s.licence ? `Licence: ${s.licence}` : 'Licence not recorded',
          ),
        ),
      );
      if (here) current = li;
      return li;
    });
    const node = h(
      'div',
      { class: 'ta-view ta-view--sources' },
      viewHeading(
        'Sources',
        "Every source the atlas cites: papers, encyclopedia articles, news, directories and the project's own notes, each with what a citation needs.",
      ),
      h('p', { class: 'ta-count', role: 'status' }, plural(sources.length, 'source')),
      wanted && !current
        ? h('p', { class: 'ta-field-error', role: 'alert' }, `No source with the id “${wanted}” in this data.`)
        : null,
      sources.length ? h('ol', { class: 'ta-source-entries' }, entries) : emptyState('No sources recorded.'),
    );
    if (current) {
      // after the shell has placed the view, focused its heading and scrolled to the top
      setTimeout(() => {
        if (!current.isConnected) return;
        current.scrollIntoView({ block: 'center' });
        current.focus({ preventScroll: true });
      }, 0);
    }
    return {
      node,
      title: current ? `Source: ${current.querySelector('.ta-source-entry__title').textContent}` : 'Sources',
    };
  },
};

/** `https://en.wikipedia.org/wiki/Sister_city` → `en.wikipedia.org/wiki/Sister_city`. */
function displayUrl(href) {
  const u = new URL(href);
  const s = `${u.host}${u.pathname === '/' ? '' : u.pathname}${u.search}`;
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}
