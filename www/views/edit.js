// @ts-check
// The edit view (`#/edit?kind=…`): the forms of the user's own changes — add a partner
// (`kind=partner&a=<place>[&b=<place>]`), add a dated event (`kind=event&link=<id>`), correct one
// (`kind=correct&link=<id>`), mark a link disputed (`kind=disputed&link=<id>`). A change is
// applied by the core first (`atlas.applyEdits`); only when the atlas took it is it kept
// (lib/edits.js), and the notice says truthfully whether the browser stored it.
//
// Not for: storing or listing the changes (lib/edits.js, lib/mychanges.js) or applying them.

import { h, replace, uniqueId, dataName } from '../lib/dom.js';
import { FORM, EVENT, label, dateText } from '../lib/format.js';
import { viewHeading, errorBox } from '../lib/ui.js';
import { placePicker } from '../lib/picker.js';
import { keep, newId, placeRef, describe } from '../lib/edits.js';
import { undoNotice } from '../lib/mychanges.js';

const TITLES = {
  partner: 'Add a partner',
  event: 'Add a dated event',
  correct: 'Correct an event',
  disputed: 'Mark this link disputed',
};
const EVENT_KINDS = ['established', 'suspended', 'resumed', 'terminated', 'renewed', 'proposed', 'attempted', 'other'];
const FORMS = ['twinning', 'sister_city', 'friendship', 'contact', 'thematic', 'cooperation', 'policy', 'business'];

export default {
  name: 'edit',
  keepOnWorld: true,
  render(ctx, route) {
    const q = route.query;
    const kind = TITLES[q.kind] ? q.kind : 'partner';
    if (ctx.embedded) {
      // an embed on another site keeps nothing of the user's: changes are made in the atlas's page
      return {
        title: TITLES[kind],
        node: h(
          'div',
          { class: 'ta-view ta-view--edit' },
          viewHeading(TITLES[kind]),
          h('p', null, 'Changes are made in the Twinning Atlas page itself, not in an embed.'),
        ),
      };
    }
    let link = null;
    if (kind !== 'partner') link = ctx.atlas.linkById(String(q.link ?? '')); // not_found: the shell says so
    const id = uniqueId('ta-edit');
    const status = h('div', { class: 'ta-edit__status', role: 'status', 'aria-live': 'polite' });
    const field = (name, text, input, hint) =>
      h(
        'div',
        { class: 'ta-field' },
        h('label', { for: `${id}-${name}` }, text),
        input,
        hint ? h('p', { class: 'ta-hint', id: `${id}-${name}-hint` }, hint) : null,
      );
    const text = (name, attrs = {}) =>
      h('input', { id: `${id}-${name}`, name, class: 'ta-input', type: 'text', autocomplete: 'off', ...attrs });
    const select = (name, options, value) =>
      h(
        'select',
        { id: `${id}-${name}`, name, class: 'ta-input' },
        options.map(([v, t]) => h('option', { value: v, selected: v === value }, t)),
      );

    /** @type {any} */
    let a = null;
    let b = null;
    const parts = [];
    if (kind === 'partner') {
      if (q.a) {
        try {
          a = placeRef(ctx.atlas, String(q.a));
        } catch {
          a = null;
        }
      }
      const pa = placePicker(ctx, {
        label: 'This place',
        name: 'a',
        value: a ? { id: a.id, name: a.name, country: a.country } : null,
        onPick: (p) => {
          a = placeRef(ctx.atlas, p.id);
        },
      });
      if (q.b) {
        try {
          b = placeRef(ctx.atlas, String(q.b));
        } catch {
          b = null;
        }
      }
      const pb = placePicker(ctx, {
        label: 'Its new partner',
        name: 'b',
        value: b ? { id: b.id, name: b.name, country: b.country } : null,
        onPick: (p) => {
          b = placeRef(ctx.atlas, p.id);
        },
      });
      parts.push(h('div', { class: 'ta-field' }, pa.node), h('div', { class: 'ta-field' }, pb.node));
      parts.push(
        field(
          'form',
          'Form',
          select(
            'form',
            FORMS.map((f) => [f, label(FORM, f)]),
            'twinning',
          ),
        ),
      );
      parts.push(
        field(
          'date',
          'Established (date, optional)',
          text('date', { placeholder: '1967, 2024-05-08', inputmode: 'text', 'aria-describedby': `${id}-date-hint` }),
          'A year, a month (2024-05) or a day (2024-05-08); “c. 1950” when approximate.',
        ),
      );
    } else {
      a = placeRef(ctx.atlas, link.a.id);
      b = placeRef(ctx.atlas, link.b.id);
      parts.push(
        h(
          'p',
          { class: 'ta-edit__link' },
          'Link: ',
          ctx.link('link', { id: link.id }, {}, [dataName(link.a.name), ' – ', dataName(link.b.name)]),
        ),
      );
    }
    if (kind === 'correct') {
      const events = link.events ?? [];
      if (events.length === 0) {
        parts.push(
          h(
            'p',
            { class: 'ta-hint' },
            'This link has no events to correct. ',
            ctx.link('edit', {}, { kind: 'event', link: link.id }, 'Add an event instead.'),
          ),
        );
      } else {
        parts.push(
          field(
            'which',
            'The event to correct',
            select(
              'which',
              events.map((e, i) => [
                String(i),
                `${label(EVENT, e.kind)} ${dateText(e.date)}${e.actor ? ` — ${e.actor}` : ''}`,
              ]),
              q.event ? String(events.findIndex((e) => `${e.kind}:${e.date.text}` === q.event)) : '0',
            ),
          ),
        );
      }
    }
    if (kind === 'event' || kind === 'correct') {
      parts.push(
        field(
          'kind',
          kind === 'correct' ? 'What it should say: the event' : 'Event',
          select(
            'kind',
            EVENT_KINDS.map((k) => [k, label(EVENT, k)]),
            q.eventKind && EVENT_KINDS.includes(q.eventKind)
              ? q.eventKind
              : kind === 'correct'
                ? (link.events?.[0]?.kind ?? 'established')
                : 'suspended',
          ),
        ),
      );
      parts.push(
        field(
          'date',
          'Date',
          text('date', { required: true, placeholder: '1967, 2022-03-22', 'aria-describedby': `${id}-date-hint` }),
          'A year, a month (2022-03) or a day (2022-03-22); “c. 1950” when approximate.',
        ),
      );
    }
    if (kind !== 'disputed') {
      parts.push(field('actor', 'Who (optional)', text('actor', { placeholder: 'City council, the mayor' })));
      parts.push(
        field(
          'reason',
          'Why (optional)',
          h('textarea', { id: `${id}-reason`, name: 'reason', class: 'ta-input', rows: 2 }),
        ),
      );
    } else {
      parts.push(
        field(
          'claim',
          'What is disputed',
          h('textarea', {
            id: `${id}-claim`,
            name: 'claim',
            class: 'ta-input',
            rows: 3,
            required: true,
            placeholder: 'The council never signed; the link was only proposed.',
          }),
        ),
      );
    }
    parts.push(
      field(
        'url',
        'Source (web address, optional but worth giving)',
        text('url', { type: 'url', inputmode: 'url', placeholder: 'https://…', 'aria-describedby': `${id}-url-hint` }),
        'Where someone can check it: a council decision, a news article, the town’s website.',
      ),
    );

    const form = h(
      'form',
      {
        class: 'ta-edit',
        'aria-labelledby': `${id}-h`,
        novalidate: true,
        on: {
          submit: (e) => {
            e.preventDefault();
            submit(ctx, kind, link, form, { a, b, getA: () => a, getB: () => b }, status);
          },
        },
      },
      h('h2', { id: `${id}-h`, class: 'ta-visually-hidden' }, TITLES[kind]),
      parts,
      h(
        'p',
        { class: 'ta-hint' },
        'Your change is kept in this browser only, listed under Data → My changes, where you can undo it, export it, or turn it into QuickStatements for Wikidata.',
      ),
      h('button', { type: 'submit', class: 'ta-button' }, 'Save the change'),
      status,
    );
    if (kind === 'correct') {
      // the new event starts as the one chosen, so that only what is wrong needs changing
      const which = form.elements.namedItem('which');
      const kindSelect = form.elements.namedItem('kind');
      const sync = () => {
        const e = (link.events ?? [])[Number(which.value)];
        if (e && kindSelect) kindSelect.value = EVENT_KINDS.includes(e.kind) ? e.kind : 'other';
      };
      which?.addEventListener('change', sync);
      if (which && !q.eventKind) sync();
    }
    const node = h(
      'div',
      { class: 'ta-view ta-view--edit', dataset: { kind } },
      viewHeading(TITLES[kind], link ? `${link.a.name} – ${link.b.name}` : 'A partnership the atlas does not know yet'),
      form,
    );
    return { node, title: TITLES[kind] };
  },
};

function submit(ctx, kind, link, form, places, status) {
  const v = (name) => {
    const el = form.elements.namedItem(name);
    return el && 'value' in el ? String(el.value).trim() : '';
  };
  // a place counts only while its box still shows it (typing again unpicks it)
  const picked = (name, ref) => {
    if (kind !== 'partner') return ref;
    const el = form.elements.namedItem(name);
    return el?.dataset && el.dataset.placeId === ref?.id ? ref : null;
  };
  const a = picked('a', places.getA());
  const b = picked('b', places.getB());
  const fail = (msg, name) => {
    replace(status, h('p', { class: 'ta-field-error', role: 'alert' }, msg));
    const el = name ? form.elements.namedItem(name) : null;
    if (el && 'focus' in el) {
      el.setAttribute('aria-invalid', 'true');
      el.focus();
    }
  };
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  if (!a || !b) return fail('Pick both places from the lists of matches.', !a ? 'a' : 'b');
  /** @type {any} */
  const edit = { id: newId(), kind, a, b, sourceUrl: v('url') || null, made: new Date().toISOString().slice(0, 10) };
  if (kind === 'partner') {
    edit.form = v('form') || 'twinning';
    if (v('date'))
      edit.event = { kind: 'established', date: v('date'), actor: v('actor') || null, reason: v('reason') || null };
  } else if (link?.form) {
    // the link may have to be made again from the change (a link of the world network, before it is loaded)
    edit.form = link.form;
  }
  if (kind === 'event' || kind === 'correct') {
    if (!v('date')) return fail('Give the date of the event (a year is enough).', 'date');
    edit.event = { kind: v('kind'), date: v('date'), actor: v('actor') || null, reason: v('reason') || null };
    if (kind === 'correct') {
      const old = (link.events ?? [])[Number(v('which'))];
      if (!old) return fail('Choose the event to correct.', 'which');
      edit.replaces = { kind: old.kind, date: old.date.text };
    }
  } else if (kind === 'disputed') {
    if (!v('claim')) return fail('Say what is disputed.', 'claim');
    edit.claim = v('claim');
  }
  if (kind === 'partner' && !edit.event && v('actor'))
    edit.event = { kind: 'established', date: '', actor: v('actor'), reason: v('reason') || null };
  let report;
  try {
    report = ctx.atlas.applyEdits([edit]);
  } catch (err) {
    replace(status, errorBox(err, 'The change could not be made; nothing changed.'));
    return;
  }
  const outcome = report.outcomes[0];
  if (!outcome?.applied) {
    fail(
      `The change could not be made: ${outcome?.message ?? 'unknown reason'}. Nothing changed.`,
      /url/i.test(outcome?.message ?? '') ? 'url' : /date/i.test(outcome?.message ?? '') ? 'date' : null,
    );
    return;
  }
  form.querySelector('button[type="submit"]')?.setAttribute('disabled', '');
  replace(status, h('p', null, 'Saving in this browser…'));
  keep(edit, outcome).then((entry) => {
    // the atlas changed in place: views read it afresh
    ctx.setAtlas(ctx.atlas, { rerender: false });
    ctx.notify(undoNotice(ctx, entry, describe(edit)));
    ctx.go('link', { id: outcome.linkId });
  });
}
