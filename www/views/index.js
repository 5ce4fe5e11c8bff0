// @ts-check
// The views and their locations. A new view is one module with `render(ctx, route)` (and,
// if it redraws in place, `update(ctx, route, view)`) plus one line here.
//
// render returns `{ node, title }`; it may throw a core error (`.code`), which the shell
// shows in place of the view.
//
// `full: true`: the view calls what only the full module has (comparisons, classification,
// the network, statistics, suggestions, the maps' data, edits, import and export). The full
// page starts on its first module; the shell shows these once the full one is there.

import search from './search.js';
import place from './place.js';
import link from './link.js';
import glossary from './glossary.js';
import about from './about.js';
import notfound from './notfound.js';
import pair from './pair.js';
import compare from './compare.js';
import network from './network.js';
import statistics from './statistics.js';
import group, { groupsIndex } from './group.js';
import notes from './notes.js';
import data from './data.js';
import sources from './sources.js';
import partners from './partners.js';
import world from './world.js';
import placemap from './placemap.js';
import suggest from './suggest.js';
import edit from './edit.js';

export const routes = [
  { name: 'home', path: '/', view: search },
  { name: 'search', path: '/search', view: search },
  { name: 'place', path: '/place/:id', view: place },
  { name: 'partners', path: '/place/:id/partners', view: partners },
  { name: 'placemap', path: '/place/:id/map', view: placemap },
  { name: 'suggest', path: '/place/:id/suggest', view: suggest, full: true },
  { name: 'link', path: '/link/:id', view: link },
  { name: 'glossary', path: '/glossary', view: glossary },
  { name: 'pair', path: '/pair/:a/:b', view: pair, full: true },
  { name: 'compare', path: '/compare', view: compare, full: true },
  { name: 'network', path: '/network', view: network, full: true },
  { name: 'statistics', path: '/statistics', view: statistics, full: true },
  { name: 'group', path: '/group/:id', view: group },
  { name: 'groups', path: '/groups', view: groupsIndex },
  { name: 'notes', path: '/notes', view: notes },
  { name: 'data', path: '/data', view: data, full: true },
  { name: 'sources', path: '/sources', view: sources },
  { name: 'about', path: '/about', view: about },
  { name: 'world', path: '/world', view: world, full: true },
  { name: 'edit', path: '/edit', view: edit, full: true },
];

export { notfound };
