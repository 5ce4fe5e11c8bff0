// @ts-check
// The glossary view (`#/glossary?q=…`): the words for twinning by language, each with its
// literal meaning, its nuance, where it is used, and its sources; a filter narrows the list.
//
// Not for: the forms the core distinguishes (format.js labels them).

import { h, replace } from '../lib/dom.js';
import { plural } from '../lib/format.js';
import { sourceList, emptyState, viewHeading } from '../lib/ui.js';

/** Case- and accent-insensitive, for the filter only (the core folds names for search). */
function fold(s) {
  return String(s ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

export default {
  name: 'glossary',
  render(ctx, route) {
    const terms = ctx.atlas.terms();
    const languages = new Set(terms.map((t) => t.language));
    const filterId = 'ta-glossary-filter';
    const body = h('div', { class: 'ta-glossary-body' });
    const count = h('p', { class: 'ta-count', role: 'status', 'aria-live': 'polite' });
    const input = h('input', {
      id: filterId,
      class: 'ta-input',
      type: 'search',
      autocomplete: 'off',
      placeholder: 'Filter: term, language, country…',
      value: route.query.q ?? '',
    });
    const show = () => {
      const q = fold(input.value.trim());
      const shown = q
        ? terms.filter((t) => [t.term, t.language, t.usedIn, t.literal, t.nuance].some((x) => fold(x).includes(q)))
        : terms;
      count.textContent = q
        ? `${plural(shown.length, 'term')} of ${terms.length}`
        : `${plural(terms.length, 'term')} in ${plural(languages.size, 'language')}`;
      replace(
        body,
        shown.length
          ? byLanguage(ctx, shown)
          : emptyState(terms.length ? 'No term matches the filter.' : 'The glossary is empty.'),
      );
    };
    input.addEventListener('input', () => {
      show();
      ctx.go('glossary', {}, { q: input.value.trim() }, { replace: true, render: false });
    });
    show();
    const node = h(
      'div',
      { class: 'ta-view ta-view--glossary' },
      viewHeading(
        'Glossary',
        'Twin towns, sister cities, jumelage, Partnerstadt, pobratimstvo: the words for twinning, and what each one means where it is used.',
      ),
      h('div', { class: 'ta-filter' }, h('label', { for: filterId }, 'Filter the glossary'), input),
      jumpList(languages, body),
      count,
      body,
    );
    return { node, title: 'Glossary' };
  },
};

/** Buttons that scroll to a language (anchors would fight the hash router). */
function jumpList(languages, body) {
  if (languages.size < 2) return null;
  return h(
    'nav',
    { class: 'ta-jump', 'aria-label': 'Languages' },
    h('span', { class: 'ta-jump__label' }, 'Jump to'),
    [...languages].map((lang) =>
      h(
        'button',
        {
          type: 'button',
          class: 'ta-jump__item',
          on: {
            click: () => {
              const section = [...body.querySelectorAll('.ta-lang')].find((s) => s.dataset.language === lang);
              if (section) {
                section.scrollIntoView({ block: 'start' });
                section.querySelector('h2')?.focus({ preventScroll: true });
              }
            },
          },
        },
        lang,
      ),
    ),
  );
}

function byLanguage(ctx, terms) {
  const groups = new Map();
  for (const t of terms) {
    if (!groups.has(t.language)) groups.set(t.language, []);
    groups.get(t.language).push(t);
  }
  return [...groups].map(([language, list]) =>
    h(
      'section',
      { class: 'ta-section ta-lang', dataset: { language } },
      h('h2', { tabindex: '-1' }, language),
      h(
        'dl',
        { class: 'ta-terms' },
        list.map((t) =>
          h(
            'div',
            { class: 'ta-term', dataset: { term: t.term } },
            h('dt', { class: 'ta-term__word' }, t.term),
            h(
              'dd',
              null,
              t.literal
                ? h(
                    'p',
                    { class: 'ta-term__literal' },
                    h('span', { class: 'ta-term__label' }, 'Literally: '),
                    t.literal,
                  )
                : null,
              t.nuance ? h('p', { class: 'ta-term__nuance' }, t.nuance) : null,
              t.usedIn
                ? h('p', { class: 'ta-term__used' }, h('span', { class: 'ta-term__label' }, 'Used in: '), t.usedIn)
                : null,
              sourceList(t.sourceRefs, { compact: true, ctx }),
            ),
          ),
        ),
      ),
    ),
  );
}
