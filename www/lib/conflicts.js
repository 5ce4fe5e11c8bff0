// @ts-check
// Conflicts after a merge import (issue 12): where the file disagrees with the data already
// shown (a start year, an end, a status, a country), each conflict with both values and
// their sources, and a choice per conflict or for all — keep what was loaded, take the new
// value, or keep both as disputed. Applying re-runs the same import on the same data with
// the choices as the core's `resolutions`.
//
// Not for: finding conflicts or resolving them (the core's merge), running imports (data.js).

import { h, uniqueId, dataName } from './dom.js';
import { plural } from './format.js';

const KIND_WORDS = { start: 'start', end: 'end', status: 'status', country: 'country' };
export const CHOICES = [
  ['keep', 'Keep the loaded value'],
  ['take', 'Take the new value'],
  ['both', 'Keep both (disputed)'],
];

function sourcesText(sources) {
  const names = (sources ?? []).map((s) => s.name || s.id);
  return names.length ? names.join(', ') : 'no source named';
}

/**
 * The conflicts section. `report.conflicts` as the core gives them; `onApply(resolutions)`
 * re-runs the import with a choice per conflict id.
 */
export function conflictsSection(report, { onApply }) {
  const conflicts = report.conflicts ?? [];
  if (conflicts.length === 0) return null;
  const id = uniqueId('ta-conflicts');
  const shown = conflicts.slice(0, 200);
  const allId = `${id}-all`;
  const all = h(
    'select',
    {
      id: allId,
      class: 'ta-input',
      on: {
        change: () => {
          if (!all.value) return;
          const radios = form.querySelectorAll(`input[type="radio"][value="${all.value}"]`);
          for (const r of radios) /** @type {HTMLInputElement} */ (r).checked = true;
        },
      },
    },
    h('option', { value: '' }, 'choose one by one'),
    CHOICES.map(([v, t]) => h('option', { value: v }, t)),
  );
  const say = h('p', { class: 'ta-hint', role: 'status', 'aria-live': 'polite' });
  const form = h(
    'form',
    {
      class: 'ta-conflicts',
      on: {
        submit: (e) => {
          e.preventDefault();
          /** @type {Record<string, string>} */
          const resolutions = {};
          for (const c of shown) {
            const picked = /** @type {HTMLInputElement | null} */ (
              form.querySelector(`input[name="${CSS.escape(`c-${c.id}`)}"]:checked`)
            );
            if (picked) resolutions[c.id] = picked.value;
          }
          say.textContent = 'Importing again with your choices…';
          onApply(resolutions, all.value || null);
        },
      },
    },
    h('p', null, h('label', { for: allId }, 'For all conflicts: '), all),
    h(
      'ol',
      { class: 'ta-conflicts__list' },
      shown.map((c, i) => {
        const who = c.link
          ? [dataName(c.link.aName), ' – ', dataName(c.link.bName)]
          : c.place
            ? dataName(c.place.name)
            : c.id;
        const group = `c-${c.id}`;
        return h(
          'li',
          { class: 'ta-conflict', dataset: { conflictId: c.id, kind: c.kind } },
          h(
            'fieldset',
            null,
            h('legend', null, who, `: ${KIND_WORDS[c.kind] ?? c.kind}`),
            h(
              'dl',
              { class: 'ta-conflict__values' },
              h(
                'div',
                null,
                h('dt', null, 'Loaded'),
                h(
                  'dd',
                  { class: 'ta-conflict__loaded' },
                  h('strong', null, c.loaded?.value ?? '—'),
                  ` (${sourcesText(c.loaded?.sources)})`,
                ),
              ),
              h(
                'div',
                null,
                h('dt', null, 'In the file'),
                h(
                  'dd',
                  { class: 'ta-conflict__incoming' },
                  h('strong', null, c.incoming?.value ?? '—'),
                  ` (${sourcesText(c.incoming?.sources)})`,
                ),
              ),
            ),
            h(
              'div',
              { class: 'ta-conflict__choices' },
              CHOICES.map(([v, t]) => {
                const rid = `${id}-${i}-${v}`;
                return h(
                  'span',
                  { class: 'ta-choice' },
                  h('input', {
                    type: 'radio',
                    id: rid,
                    name: group,
                    value: v,
                    checked: (c.resolution ?? 'both') === v,
                  }),
                  h('label', { for: rid }, ` ${t}`),
                );
              }),
            ),
          ),
        );
      }),
    ),
    conflicts.length > shown.length
      ? h(
          'p',
          { class: 'ta-hint' },
          `The first ${shown.length} of ${conflicts.length}; “for all” applies to every one.`,
        )
      : null,
    h('button', { type: 'submit', class: 'ta-button' }, 'Apply these choices'),
    say,
  );
  return h(
    'section',
    { class: 'ta-section ta-report__conflicts', 'aria-labelledby': `${id}-h` },
    h('h3', { id: `${id}-h` }, `Conflicts with the data shown before (${plural(conflicts.length, 'conflict')})`),
    h(
      'p',
      { class: 'ta-hint' },
      'The file and the data already loaded disagree here. As imported, each was settled as its choice below shows; choose again and apply to import the file once more with your choices.',
    ),
    form,
  );
}
