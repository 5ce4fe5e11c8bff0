// @ts-check
// The views and their locations. A new view is one module with `render(ctx, route)` (and,
// if it redraws in place, `update(ctx, route, view)`) plus one line here.
//
// render returns `{ node, title }`; it may throw a core error (`.code`), which the shell
// shows in place of the view.

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
  { name: 'suggest', path: '/place/:id/suggest', view: suggest },
  { name: 'link', path: '/link/:id', view: link },
  { name: 'glossary', path: '/glossary', view: glossary },
  { name: 'pair', path: '/pair/:a/:b', view: pair },
  { name: 'compare', path: '/compare', view: compare },
  { name: 'network', path: '/network', view: network },
  { name: 'statistics', path: '/statistics', view: statistics },
  { name: 'group', path: '/group/:id', view: group },
  { name: 'groups', path: '/groups', view: groupsIndex },
  { name: 'notes', path: '/notes', view: notes },
  { name: 'data', path: '/data', view: data },
  { name: 'sources', path: '/sources', view: sources },
  { name: 'about', path: '/about', view: about },
  { name: 'world', path: '/world', view: world },
  { name: 'edit', path: '/edit', view: edit },
];

export { notfound };
