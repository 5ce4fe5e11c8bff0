// A place picker: a labelled text box whose matches (from the core's search) appear as a
// small listbox of buttons under it; arrow keys move, Enter or a click picks. Used by the
// compare and network views to add places without typing ids.
//
// Not for: the header's search (shell.js and views/search.js).

import { h, replace, uniqueId } from './dom.js';
import { where } from './format.js';

/**
 * `placePicker(ctx, { label, onPick(place), value?, placeholder? })` → `{ node, input, clear() }`.
 * `value` is a place to show as chosen (its name fills the box).
 */
export function placePicker(ctx, { label, onPick, value = null, placeholder = 'Type a place name…', name } = {}) {
  const id = uniqueId('ta-picker');
  const list = h('ul', { class: 'ta-picker__list', role: 'listbox', id: `${id}-list`, 'aria-label': `${label}: matches`, hidden: true });
  const input = h('input', {
    id,
    name,
    class: 'ta-input ta-picker__input',
    type: 'text',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': list.id,
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder,
    value: value ? value.name : '',
    dataset: { placeId: value ? value.id : null },
  });
  let hits = [];
  let active = -1;
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const pick = (place) => {
    input.value = place.name;
    input.dataset.placeId = place.id;
    close();
    onPick(place);
  };
  const setActive = (i) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', j === i ? 'true' : 'false'));
    if (i >= 0) input.setAttribute('aria-activedescendant', `${id}-o${i}`);
    else input.removeAttribute('aria-activedescendant');
  };
  input.addEventListener('input', () => {
    delete input.dataset.placeId;
    const q = input.value.trim();
    if (!q) return close();
    try {
      hits = ctx.atlas.search({ text: q, limit: 8 }).hits.map((x) => x.place);
    } catch {
      hits = [];
    }
    replace(
      list,
      hits.map((p, i) =>
        h(
          'li',
          {
            id: `${id}-o${i}`,
            role: 'option',
            class: 'ta-picker__option',
            'aria-selected': 'false',
            dataset: { placeId: p.id },
            on: {
              mousedown: (e) => e.preventDefault(),
              click: () => pick(p),
            },
          },
          h('span', { class: 'ta-picker__name' }, p.name),
          h('span', { class: 'ta-name__meta' }, ` ${where(p)}`),
        ),
      ),
    );
    list.hidden = hits.length === 0;
    input.setAttribute('aria-expanded', hits.length ? 'true' : 'false');
    setActive(-1);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (list.hidden || hits.length === 0) return;
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + hits.length) % hits.length);
    } else if (e.key === 'Enter') {
      if (list.hidden || hits.length === 0) return;
      e.preventDefault();
      pick(hits[active >= 0 ? active : 0]);
    } else if (e.key === 'Escape') {
      if (!list.hidden) {
        e.preventDefault();
        close();
      }
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  const node = h('div', { class: 'ta-picker' }, h('label', { for: id, class: 'ta-picker__label' }, label), h('div', { class: 'ta-picker__box' }, input, list));
  return {
    node,
    input,
    clear() {
      input.value = '';
      delete input.dataset.placeId;
      close();
    },
  };
}
