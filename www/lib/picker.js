// @ts-check
// Pickers: a labelled text box whose matches appear as a small listbox under it; arrow keys
// move, Enter or a click picks. `placePicker` finds places with the core's search (the
// compare and network views add places without typing ids); `countryPicker` finds countries
// by name or code in `atlas.countries()` (the compare view's countries mode).
//
// Not for: the header's search (shell.js and views/search.js).

import { h, replace, uniqueId, dataName } from './dom.js';
import { where, number } from './format.js';

/**
 * The shared combobox. `find(q)` → items, `option(item)` → the option's children,
 * `key(item)` → a string kept in `data-<keyAttr>` (box and options), `text(item)` → what the box shows once picked.
 * Returns `{ node, input, clear() }`.
 */
function comboPicker({
  label,
  find,
  option,
  key,
  keyAttr = 'key',
  text,
  onPick,
  value = null,
  placeholder,
  name,
  clearOnPick = false,
}) {
  const id = uniqueId('ta-picker');
  const list = h('ul', {
    class: 'ta-picker__list',
    role: 'listbox',
    id: `${id}-list`,
    'aria-label': `${label}: matches`,
    hidden: true,
  });
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
    value: value ? text(value) : '',
    dataset: { [keyAttr]: value ? key(value) : null },
  });
  let hits = [];
  let active = -1;
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const pick = (item) => {
    input.value = clearOnPick ? '' : text(item);
    if (clearOnPick) delete input.dataset[keyAttr];
    else input.dataset[keyAttr] = key(item);
    close();
    onPick(item);
  };
  const setActive = (i) => {
    active = i;
    for (const [j, li] of [...list.children].entries()) li.setAttribute('aria-selected', j === i ? 'true' : 'false');
    if (i >= 0) input.setAttribute('aria-activedescendant', `${id}-o${i}`);
    else input.removeAttribute('aria-activedescendant');
  };
  input.addEventListener('input', () => {
    delete input.dataset[keyAttr];
    const q = input.value.trim();
    if (!q) return close();
    try {
      hits = find(q);
    } catch {
      hits = [];
    }
    replace(
      list,
      hits.map((item, i) =>
        h(
          'li',
          {
            id: `${id}-o${i}`,
            role: 'option',
            class: 'ta-picker__option',
            'aria-selected': 'false',
            dataset: { [keyAttr]: key(item) },
            on: {
              mousedown: (e) => e.preventDefault(),
              click: () => pick(item),
            },
          },
          option(item),
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
      pick(hits[Math.max(active, 0)]);
    } else if (e.key === 'Escape') {
      if (!list.hidden) {
        e.preventDefault();
        close();
      }
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  const node = h(
    'div',
    { class: 'ta-picker' },
    h('label', { for: id, class: 'ta-picker__label' }, label),
    h('div', { class: 'ta-picker__box' }, input, list),
  );
  return {
    node,
    input,
    clear() {
      input.value = '';
      delete input.dataset[keyAttr];
      close();
    },
  };
}

/**
 * `placePicker(ctx, { label, onPick(place), value?, placeholder? })` → `{ node, input, clear() }`.
 * `value` is a place to show as chosen (its name fills the box).
 * @param {any} ctx
 * @param {{ label?: string, onPick?: (place: any) => void, value?: any, placeholder?: string, name?: string }} [options]
 */
export function placePicker(ctx, { label, onPick, value = null, placeholder = 'Type a place name…', name } = {}) {
  return comboPicker({
    label,
    name,
    value,
    keyAttr: 'placeId',
    placeholder,
    onPick,
    find: (q) => ctx.atlas.search({ text: q, limit: 8 }).hits.map((x) => x.place),
    key: (p) => p.id,
    text: (p) => p.name,
    option: (p) => [
      h('span', { class: 'ta-picker__name' }, dataName(p.name)),
      h('span', { class: 'ta-name__meta' }, ` ${where(p)}`),
    ],
  });
}

/** Fold a name for matching: case and diacritics ("côte d’ivoire" → "cote d'ivoire"). */
export function fold(s) {
  return String(s ?? '')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘]/g, "'")
    .toLowerCase();
}

/**
 * Countries by name or ISO code, in any case: a code match first, then names that start with
 * the text, then names with a word that starts with it, then names that contain it; each group
 * in the order of `countries` (most twinnings first). `countries`: `atlas.countries()`.
 */
export function matchCountries(countries, text, { limit = 8, exclude = [] } = {}) {
  const q = fold(text).trim();
  if (!q) return [];
  const skip = new Set(exclude);
  const rank = (c) => {
    const name = fold(c.name);
    if (fold(c.code) === q) return 0;
    if (name.startsWith(q)) return 1;
    if (name.split(/[\s\-'(),]+/).some((w) => w.startsWith(q))) return 2;
    if (name.includes(q)) return 3;
    return -1;
  };
  return countries
    .filter((c) => !skip.has(c.code))
    .map((c, i) => ({ c, r: rank(c), i }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.c);
}

/**
 * `countryPicker(ctx, { label, onPick(country), exclude: codes })`: the box empties after each
 * pick, ready for the next country.
 * @param {any} ctx
 * @param {{ label?: string, onPick?: (country: any) => void, exclude?: string[], placeholder?: string, name?: string }} [options]
 */
export function countryPicker(
  ctx,
  { label, onPick, exclude = [], placeholder = 'Type a country: Germany, france…', name } = {},
) {
  let all = null;
  const countries = () => {
    all ??= ctx.atlas.countries();
    return all;
  };
  return comboPicker({
    label,
    name,
    placeholder,
    onPick,
    clearOnPick: true,
    keyAttr: 'countryCode',
    find: (q) => matchCountries(countries(), q, { exclude }),
    key: (c) => c.code,
    text: (c) => c.name,
    option: (c) => [
      h('span', { class: 'ta-picker__name' }, c.name),
      h(
        'span',
        { class: 'ta-name__meta' },
        ` ${c.code}${c.historic ? ' · historic' : ''} · ${number(c.twinnings)} twinning${c.twinnings === 1 ? '' : 's'}`,
      ),
    ],
  });
}
