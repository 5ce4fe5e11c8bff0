// @ts-check
// The group view (`#/group/<id>`): a network or set of places named together (the City Twins
// Association, Douzelage, the "bombed cities") — what it is, when it was founded, its members
// and its sources. Membership of a group is not a pairwise twinning.
//
// Not for: pairwise links (link.js) or the list of every group (groupsIndex below).

import { h } from '../lib/dom.js';
import { GROUP_KIND, LEVEL, label, dateText, plural, where } from '../lib/format.js';
import { sourceList, section, facts, viewHeading, emptyState } from '../lib/ui.js';

export default {
  name: 'group',
  render(ctx, route) {
    const g = ctx.atlas.group(route.params.id); // throws not_found: the shell shows it
    const members = g.members ?? [];
    const node = h(
      'article',
      { class: 'ta-view ta-view--group', dataset: { groupId: g.id } },
      viewHeading(g.name, label(GROUP_KIND, g.kind)),
      g.description ? h('p', { class: 'ta-description' }, g.description) : null,
      facts([
        ['Kind', label(GROUP_KIND, g.kind)],
        ['Founded', g.founded ? dateText(g.founded) : null],
        ['Members listed', `${members.length}${g.openEnded ? ' (the list is open-ended: more members exist)' : ''}`],
      ]),
      h(
        'p',
        { class: 'ta-hint' },
        'Belonging to one group is not a twinning between its members: pairs are twinned only where a link says so.',
      ),
      section(
        'Members',
        members.length
          ? h(
              'ul',
              { class: 'ta-members' },
              members.map((p) =>
                h(
                  'li',
                  { class: 'ta-member', dataset: { placeId: p.id } },
                  ctx.link('place', { id: p.id }, {}, p.name, { class: 'ta-member__name' }),
                  h(
                    'span',
                    { class: 'ta-name__meta' },
                    [label(LEVEL, p.level), where(p), plural(p.partnerCount, 'partner')].filter(Boolean).join(' · '),
                  ),
                ),
              ),
            )
          : emptyState('No members recorded.'),
        { id: `ta-group-members-${g.id}` },
      ),
      section('Sources', sourceList(g.sources, { ctx }), { id: `ta-group-sources-${g.id}` }),
      h('p', null, ctx.link('groups', {}, {}, 'All groups and networks')),
    );
    return { node, title: g.name };
  },
};

/** `#/groups`: every group with its kind and number of members. */
export const groupsIndex = {
  name: 'groups',
  render(ctx) {
    const groups = ctx.atlas.groups();
    const node = h(
      'div',
      { class: 'ta-view ta-view--groups' },
      viewHeading('Groups and networks', 'Associations, informal circles and sets of places named together.'),
      groups.length
        ? h(
            'ul',
            { class: 'ta-members' },
            groups.map((g) =>
              h(
                'li',
                { class: 'ta-member', dataset: { groupId: g.id } },
                ctx.link('group', { id: g.id }, {}, g.name, { class: 'ta-member__name' }),
                h(
                  'span',
                  { class: 'ta-name__meta' },
                  [
                    label(GROUP_KIND, g.kind),
                    g.founded ? `founded ${dateText(g.founded)}` : null,
                    plural((g.members ?? []).length, 'member'),
                  ]
                    .filter(Boolean)
                    .join(' · '),
                ),
              ),
            ),
          )
        : emptyState('No groups recorded.'),
    );
    return { node, title: 'Groups' };
  },
};
