// @ts-check
// The notes view (`#/notes?place=<id>`): what the sources say about twinning beyond single
// links — concepts, findings, programmes and policies — each with its date, the places it
// concerns, where sources disagree, and its sources. `noteList` is shared with the place view.
//
// Not for: the glossary of terms (glossary.js).

import { h } from '../lib/dom.js';
import { dateText, plural } from '../lib/format.js';
import { sourceList, disagreementList, emptyState, viewHeading } from '../lib/ui.js';

export default {
  name: 'notes',
  render(ctx, route) {
    const placeId = (route.query.place ?? '').trim();
    const place = placeId ? ctx.atlas.place(placeId) : null; // throws not_found: the shell shows it
    const notes = ctx.atlas.notes(placeId ? { place: placeId } : {});
    const title = place ? `Notes about ${place.name}` : 'Notes';
    const node = h(
      'div',
      { class: 'ta-view ta-view--notes' },
      viewHeading(title, 'Concepts, findings, programmes and policies the sources describe, beyond single links.'),
      place
        ? h(
            'p',
            null,
            ctx.link('notes', {}, {}, 'All notes'),
            ' · ',
            ctx.link('place', { id: place.id }, {}, `Back to ${place.name}`),
          )
        : null,
      h('p', { class: 'ta-count', role: 'status' }, plural(notes.length, 'note')),
      notes.length ? noteList(ctx, notes, { headingLevel: 2 }) : emptyState('No notes recorded.'),
    );
    return { node, title };
  },
};

/** Notes as articles; `except` leaves one place out of each note's place list. */
export function noteList(ctx, notes, { headingLevel = 2, except = null } = {}) {
  return h(
    'div',
    { class: 'ta-notes' },
    notes.map((n) => {
      const places = (n.places ?? []).filter((p) => p.id !== except);
      return h(
        'article',
        { class: 'ta-note', dataset: { noteId: n.id } },
        h(
          `h${headingLevel}`,
          { class: 'ta-note__title' },
          n.title,
          n.date ? h('span', { class: 'ta-note__date' }, ` · ${dateText(n.date)}`) : null,
        ),
        h('p', { class: 'ta-note__text' }, n.text),
        places.length
          ? h(
              'p',
              { class: 'ta-note__places' },
              h('span', { class: 'ta-term__label' }, except ? 'Also about: ' : 'About: '),
              places.map((p, i) => [i > 0 ? ', ' : null, ctx.link('place', { id: p.id }, {}, p.name)]),
            )
          : null,
        disagreementList(n.disagreements, { ctx }),
        sourceList(n.sources, { compact: true, ctx }),
      );
    }),
  );
}
