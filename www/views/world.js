// @ts-check
// The world view (`#/world?place=…&country=…&status=…&form=…&decade=…&changed=…&asOf=…`):
// every loaded place on a world map, and the links of a selection only — a place, a country
// or a filter; a date ("as of") for the statuses, with a shortcut to the 2022 wave of
// suspensions. Everything chosen lives in the URL. The picture itself loads on first use
// (maps/world-map.js).
//
// Not for: a place's own map (maps/place-map.js); drawing (maps/).

import { h } from '../lib/dom.js';
import { STATUS, FORM, label } from '../lib/format.js';
import { viewHeading, errorBox } from '../lib/ui.js';
import { placePicker } from '../lib/picker.js';

const KEYS = ['place', 'country', 'status', 'form', 'decade', 'changed', 'asOf'];
const DECADES = [];
for (let d = 1940; d <= 2020; d += 10) DECADES.push(d);

function clean(q) {
  const out = {};
  for (const k of KEYS) if (q[k] != null && String(q[k]).trim() !== '') out[k] = String(q[k]).trim();
  return out;
}

export default {
  name: 'world',
  render(ctx, route) {
    const q = clean(route.query);
    const state = { q, map: null, data: null };
    performance.mark?.('ta-world-render');
    const go = (next) => ctx.go('world', {}, clean(next), { replace: true, focus: false });
    const world = ctx.worldState();
    if (world === 'none') ctx.loadWorld();
    const select = (name, text, options) => {
      const id = `ta-world-${name}`;
      return h(
        'span',
        { class: 'ta-world-field' },
        h('label', { for: id }, text),
        h(
          'select',
          {
            id,
            name,
            class: 'ta-input ta-world-select',
            dataset: { filter: name },
            on: { change: (e) => go({ ...state.q, [name]: e.target.value }) },
          },
          h('option', { value: '' }, 'any'),
          options.map(([v, t]) =>
            h('option', { value: String(v), selected: String(state.q[name] ?? '') === String(v) }, t),
          ),
        ),
      );
    };
    let countries = [];
    try {
      countries = ctx.atlas
        .countries()
        .filter((c) => !c.historic && c.places > 0)
        .sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      /* none */
    }
    const now = new Date().getFullYear();
    const yearInput = h('input', {
      id: 'ta-world-asof',
      class: 'ta-world-range',
      type: 'range',
      min: 1945,
      max: now,
      step: 1,
      value: state.q.asOf && /^\d{4}$/.test(state.q.asOf) ? state.q.asOf : now,
      'aria-describedby': 'ta-world-asof-out',
      on: {
        input: (e) => {
          yearOut.textContent = e.target.value;
        },
        change: (e) => go({ ...state.q, asOf: Number(e.target.value) >= now ? '' : e.target.value }),
      },
    });
    const yearOut = h(
      'output',
      { id: 'ta-world-asof-out', for: 'ta-world-asof', class: 'ta-world-year' },
      state.q.asOf || 'now',
    );
    let picked = null;
    try {
      picked = q.place ? ctx.atlas.place(q.place) : null;
    } catch {
      /* not here */
    }
    const picker = placePicker(ctx, {
      label: 'Place',
      value: picked,
      placeholder: 'Type a place…',
      onPick: (p) => go({ ...state.q, place: p.id }),
    });
    const form = h(
      'form',
      { class: 'ta-world-filters', 'aria-label': 'What the map draws', on: { submit: (e) => e.preventDefault() } },
      h('span', { class: 'ta-world-field ta-world-field--place' }, picker.node),
      select(
        'country',
        'Country',
        countries.map((c) => [c.code, c.name]),
      ),
      select(
        'status',
        'Status',
        ['established', 'suspended', 'terminated', 'proposed', 'unknown'].map((s) => [s, label(STATUS, s)]),
      ),
      select(
        'form',
        'Form',
        ['twinning', 'sister_city', 'friendship', 'cooperation', 'contact', 'unspecified'].map((f) => [
          f,
          label(FORM, f),
        ]),
      ),
      select(
        'decade',
        'Began in',
        DECADES.map((d) => [d, `the ${d}s`]),
      ),
      select(
        'changed',
        'Status decided in',
        Array.from({ length: now - 1944 }, (_, i) => now - i).map((y) => [y, String(y)]),
      ),
      h(
        'span',
        { class: 'ta-world-field ta-world-field--year' },
        h('label', { for: 'ta-world-asof' }, 'Statuses as of'),
        yearInput,
        yearOut,
      ),
      h(
        'span',
        { class: 'ta-world-actions' },
        h(
          'button',
          {
            type: 'button',
            class: 'ta-button',
            dataset: { preset: 'suspended-2022' },
            on: { click: () => go({ asOf: '2022', status: 'suspended', changed: '2022' }) },
          },
          'Suspended in 2022',
        ),
        h('button', { type: 'button', class: 'ta-button ta-button--quiet', on: { click: () => go({}) } }, 'Clear'),
      ),
    );
    const box = h(
      'div',
      { class: 'ta-world-box', dataset: { state: 'loading' } },
      h('p', { class: 'ta-loading', role: 'status' }, 'Drawing the map…'),
    );
    const selection = h('p', { class: 'ta-world-selection' });
    const node = h(
      'div',
      { class: 'ta-view ta-view--world' },
      viewHeading(
        'The world',
        world === 'ready'
          ? 'Every place of the atlas and the world network; links only for what you pick.'
          : 'Every place of the atlas; the world network is loading and will be added.',
      ),
      form,
      selection,
      box,
    );
    const showSelection = () => {
      const id = state.q.place;
      if (!id) {
        selection.replaceChildren();
        return;
      }
      let p = null;
      try {
        p = ctx.atlas.place(id);
      } catch {
        /* not here */
      }
      selection.replaceChildren(
        'Selected: ',
        p ? ctx.link('place', { id }, state.q.asOf ? { asOf: state.q.asOf } : {}, p.name) : id,
        ' ',
        h(
          'button',
          { type: 'button', class: 'ta-button ta-button--quiet', on: { click: () => go({ ...state.q, place: '' }) } },
          'Unselect',
        ),
      );
    };
    showSelection();
    Promise.all([import('../maps/base.js'), import('../maps/world-map.js')])
      .then(async ([base, wm]) => {
        const kit = await base.loadKit();
        state.wm = wm;
        const t0 = performance.now();
        state.data = wm.mapDataFor(ctx.atlas, state.q.asOf, ctx.worldState());
        performance.measure?.('ta-world-data', { start: t0, duration: performance.now() - t0 });
        state.map = wm.worldMap({
          kit,
          ctx,
          data: state.data,
          query: state.q,
          onSelect: (id) => go({ ...state.q, place: id ?? '' }),
        });
        box.replaceChildren(state.map.node);
        box.dataset.state = 'ready';
      })
      .catch((err) => {
        box.replaceChildren(errorBox(err, 'The map could not be drawn'));
        box.dataset.state = 'failed';
      });
    return { node, title: 'World map', state, form, yearInput, yearOut, showSelection };
  },
  update(ctx, route, shown) {
    const q = clean(route.query);
    const { state } = shown;
    state.q = q;
    for (const el of shown.form.querySelectorAll('select')) el.value = q[el.name] ?? '';
    const now = new Date().getFullYear();
    shown.yearInput.value = q.asOf && /^\d{4}$/.test(q.asOf) ? q.asOf : String(now);
    shown.yearOut.textContent = q.asOf || 'now';
    shown.showSelection();
    if (state.map && state.wm) {
      try {
        state.data = state.wm.mapDataFor(ctx.atlas, q.asOf, ctx.worldState());
        state.map.apply(state.data, q);
      } catch (err) {
        shown.form.after(errorBox(err, 'The date could not be read'));
      }
    }
  },
};
