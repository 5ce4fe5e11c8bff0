// @ts-check
// The view for a location no other view matches.

import { h } from '../lib/dom.js';
import { viewHeading } from '../lib/ui.js';

export default {
  name: 'notfound',
  render(ctx, route) {
    const node = h(
      'div',
      { class: 'ta-view ta-view--notfound' },
      viewHeading('Nothing here', `No view answers “${route.path}”.`),
      h('p', null, ctx.link('home', {}, {}, 'Back to the search')),
    );
    return { node, title: 'Not found' };
  },
};
