// @ts-check
// Building DOM without HTML strings: `h(tag, attrs, ...children)` creates an element, sets
// attributes and properties, and appends children as nodes or text. Anything that came from
// data reaches the DOM through text nodes and attributes only.
//
// Not for: routing or formatting (see router.js, format.js).

/**
 * Create an element.
 * attrs: `class` (string or array, falsy entries dropped), `on: { event: handler }`,
 * `dataset: {}`, `style: {}` (custom properties allowed), boolean values set or drop the
 * attribute, null/undefined/false are skipped, everything else is set as an attribute.
 * children: nodes, strings, numbers, arrays of those (nested), null/undefined/false skipped.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') {
        const cls = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
        if (cls) el.className = cls;
      } else if (key === 'on') {
        for (const [ev, fn] of Object.entries(value)) el.addEventListener(ev, fn);
      } else if (key === 'dataset') {
        for (const [k, v] of Object.entries(value)) if (v != null) el.dataset[k] = String(v);
      } else if (key === 'style') {
        for (const [k, v] of Object.entries(value)) {
          if (v == null) continue;
          if (k.startsWith('--')) el.style.setProperty(k, String(v));
          else el.style[k] = v;
        }
      } else if (key === 'value' || key === 'checked' || key === 'selected') {
        el[key] = value;
      } else if (value === true) {
        el.setAttribute(key, '');
      } else {
        el.setAttribute(key, String(value));
      }
    }
  }
  append(el, children);
  return el;
}

/** Append children (nodes, text, nested arrays; null/false skipped) to a node. */
export function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false || child === '') continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
  return parent;
}

/** Remove every child of a node. */
export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/** Replace the children of a node. */
export function replace(node, ...children) {
  clear(node);
  return append(node, children);
}

/**
 * An external link, only for http(s) URLs; anything else (javascript:, data:) becomes
 * plain text so that data can never run code.
 */
export function safeUrl(url) {
  if (typeof url !== 'string') return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

export function externalLink(url, text, attrs = {}) {
  const href = safeUrl(url);
  if (!href) return h('span', attrs, text);
  return h('a', { ...attrs, href, rel: 'noopener noreferrer external', target: '_blank' }, text);
}

let uid = 0;
/** A document-unique id with a prefix, for aria-* references between elements. */
export function uniqueId(prefix = 'ta') {
  uid += 1;
  return `${prefix}-${uid}`;
}

/**
 * Characters that show nothing: zero-width spaces and joiners, direction marks and
 * controls, soft hyphens, fillers, variation selectors, tags. The same set as the core's
 * `limits::is_hidden` (src/limits.rs), which flags such names at import.
 */
const HIDDEN =
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF0-\uFFFB\u{1D173}-\u{1D17A}\u{E0000}-\u{E0FFF}]/u;

/** Whether a name holds a character that shows nothing. */
export function hasHidden(text) {
  return typeof text === 'string' && HIDDEN.test(text);
}

/**
 * A name from the data, shown safely: isolated for bidirectional text (`<bdi dir="auto">`,
 * so a right-to-left name cannot reorder the text around it), allowed to wrap anywhere (a
 * long unbroken name cannot widen the page), and, when it holds invisible characters
 * (`Cov\u200Bentry`), followed by a visible badge so it cannot pass for another name.
 * `content` is the text, or nodes already built from it (a highlighted name).
 */
export function dataName(text, content = text, attrs = {}) {
  const hidden = hasHidden(text);
  const bdi = h(
    'bdi',
    { dir: 'auto', ...attrs, class: ['ta-dataname', attrs.class], dataset: hidden ? { hiddenChars: 'true' } : null },
    content,
  );
  if (!hidden) return bdi;
  const shown = String(text).replace(new RegExp(HIDDEN.source, 'gu'), '\uFFFD');
  return h(
    'span',
    { class: 'ta-dataname-wrap' },
    bdi,
    h(
      'span',
      { class: 'ta-hidden-badge', title: `This name holds invisible characters (shown as \uFFFD): ${shown}` },
      '⚠ hidden characters',
    ),
  );
}
