// @ts-check
// The about view (`#/about`): what the atlas is, the figures of the loaded dataset (from
// `stats()`), and how to embed it on another site.
//
// Not for: statistics beyond plain counts (a later statistics view).

import { h, externalLink } from '../lib/dom.js';
import { LEVEL, FORM, label, number } from '../lib/format.js';
import { section, viewHeading, statusBadge } from '../lib/ui.js';

export default {
  name: 'about',
  render(ctx) {
    const s = ctx.stats();
    const node = h(
      'div',
      { class: 'ta-view ta-view--about' },
      viewHeading('About the atlas', `Version ${ctx.version}`),
      h(
        'p',
        { class: 'ta-lede' },
        'Twinning Atlas answers who is twinned with whom, since when, why, and whether the link is still in force — with the source of every answer. Everything runs in your browser; after the first visit it works offline.',
      ),
      section(
        'In this dataset',
        h(
          'dl',
          { class: 'ta-stats' },
          [
            ['Places', s.places],
            ['Countries', s.countries],
            ['Links', s.links],
            ['Agreements', s.agreements],
            ['Dated events', s.events],
            ['Groups', s.groups],
            ['Glossary terms', s.terms],
            ['Notes', s.notes],
            ['Sources', s.sources],
            ['Places with coordinates', s.placesWithCoordinates],
          ].map(([k, v]) =>
            h('div', { class: 'ta-stat', dataset: { stat: k } }, h('dt', null, k), h('dd', null, number(v))),
          ),
        ),
        { id: 'ta-about-counts' },
      ),
      worldSection(ctx),
      breakdown('Links by status now', s.byStatus, (k) => statusBadge(k), 'ta-about-status'),
      breakdown('Links by form', s.byForm, (k) => label(FORM, k), 'ta-about-form'),
      breakdown('Places by level', s.byLevel, (k) => label(LEVEL, k), 'ta-about-level'),
      mostConnected(ctx, s.mostConnected),
      section(
        'More',
        h(
          'ul',
          { class: 'ta-more-list' },
          h(
            'li',
            null,
            ctx.link('notes', {}, {}, 'Notes'),
            ': concepts, findings, programmes and policies the sources describe',
          ),
          h(
            'li',
            null,
            ctx.link('groups', {}, {}, 'Groups and networks'),
            ': the City Twins Association, Douzelage, the “bombed cities”…',
          ),
          h(
            'li',
            null,
            ctx.link('sources', {}, {}, 'Sources'),
            ': every source the atlas cites, with its link and licence',
          ),
          h(
            'li',
            null,
            ctx.link('statistics', {}, {}, 'Statistics'),
            ': twinnings per decade, the 2022 wave, distances',
          ),
        ),
        { id: 'ta-about-more' },
      ),
      section(
        'Embed it',
        [
          h('p', null, 'Show a place and its partners on any page:'),
          h(
            'pre',
            { class: 'ta-code' },
            h(
              'code',
              null,
              `<script type="module" src="${ctx.assetUrl('embed.js')}"></script>\n<twinning-atlas place="coventry-gb"></twinning-atlas>`,
            ),
          ),
          h('p', null, 'or from a script: ', h('code', null, 'mount(element, { place: "coventry-gb" })'), '.'),
        ],
        { id: 'ta-about-embed' },
      ),
    );
    return { node, title: 'About' };
  },
};

/** The world network: what it is, where it comes from, its licence — or that it is loading. */
function worldSection(ctx) {
  const state = ctx.worldState ? ctx.worldState() : 'off';
  let info = null;
  try {
    info = ctx.atlas.world();
  } catch {
    info = null;
  }
  const body = [];
  if (info) {
    body.push(
      h(
        'p',
        null,
        `${info.title}: ${number(info.counts.places)} places and ${number(info.counts.links)} twinning links worldwide, laid under the curated data (its data as of ${info.built}). These links are listed by their sources without dates, so whether each is still in force is not known; the curated places keep their dated histories.`,
      ),
      h(
        'p',
        { class: 'ta-attribution', dataset: { licence: info.licence } },
        `Licence: ${info.licence}. ${info.attribution}`,
      ),
      h(
        'ul',
        { class: 'ta-sources' },
        info.sources.map((src) =>
          h(
            'li',
            { dataset: { source: src.id } },
            externalLink(src.url, src.title),
            src.licence ? ` (${src.licence}${src.date ? `, ${src.date}` : ''})` : '',
          ),
        ),
      ),
    );
  } else {
    body.push(
      h(
        'p',
        null,
        {
          off: 'This view shows only the data it was given; the world network is not loaded here.',
          none: 'The world network (places and twinning links from English Wikipedia’s lists and Wikidata) loads when the page is idle.',
          loading: 'The world network is loading…',
          failed: 'The world network could not be loaded; the curated data is shown.',
          ready: '',
        }[state] ?? '',
      ),
    );
  }
  return section('The world network', body, { id: 'ta-about-world' });
}

function breakdown(title, counts, show, id) {
  if (!counts || counts.length === 0) return null;
  const max = Math.max(...counts.map((c) => c.count));
  return section(
    title,
    h(
      'ul',
      { class: 'ta-bars' },
      counts.map((c) =>
        h(
          'li',
          { class: 'ta-bar', dataset: { key: c.key } },
          h('span', { class: 'ta-bar__label' }, show(c.key)),
          h(
            'span',
            { class: 'ta-bar__track', 'aria-hidden': 'true' },
            h('span', { class: 'ta-bar__fill', style: { width: `${(100 * c.count) / max}%` } }),
          ),
          h('span', { class: 'ta-bar__count' }, number(c.count)),
        ),
      ),
    ),
    { id },
  );
}

function mostConnected(ctx, counts) {
  if (!counts || counts.length === 0) return null;
  return section(
    'Most partners',
    h(
      'ol',
      { class: 'ta-top' },
      counts.map((c) => h('li', null, ctx.link('place', { id: c.place.id }, {}, c.place.name), ` ${number(c.count)}`)),
    ),
    { id: 'ta-about-top' },
  );
}
