// @ts-check
// Live Wikidata (issue 12, optional): "Load from Wikidata" runs the documented P190 query
// (docs/import.md, with the P580/P582 qualifiers: the only dates and endings for the whole
// world) at the query service for one place (by Wikidata id), one country (by ISO code) or
// the world (with a limit), shows how much has arrived, can be cancelled (AbortController),
// and hands the answer to the same importer and report as a file. Offline it says so and
// asks nothing. Nothing else in the page depends on it.
//
// The endpoint is a constant: no URL, attribute or stored setting can point the page at
// another server (and the page's CSP allows only this one besides its own origin). Tests
// answer it inside the browser with the query service's real response format.
//
// Not for: reading the answer (the core's SPARQL JSON importer) or running imports (data.js).

import { h, uniqueId } from './dom.js';
import { number } from './format.js';

export const ENDPOINT = 'https://query.wikidata.org/sparql';
const WORLD_LIMIT = 20000;

/** The documented query (docs/import.md), restricted to `where` and limited to `limit` rows. */
export function p190Query({ place = null, country = null, limit = null } = {}) {
  const restrict = place
    ? `  VALUES ?item { wd:${place} }\n`
    : country
      ? `  ?item wdt:P17/wdt:P297 "${country}" .\n`
      : '';
  return `SELECT ?item ?itemLabel ?partner ?partnerLabel
       ?start ?startPrecision ?end ?endPrecision ?endCause ?endCauseLabel
       ?coord ?countryCode ?population ?instanceOf
       ?partnerCoord ?partnerCountryCode ?partnerPopulation ?partnerInstanceOf
WHERE {
${restrict}  ?item p:P190 ?st .
  ?st ps:P190 ?partner .
  OPTIONAL { ?st pqv:P580 [ wikibase:timeValue ?start ; wikibase:timePrecision ?startPrecision ] . }
  OPTIONAL { ?st pqv:P582 [ wikibase:timeValue ?end ; wikibase:timePrecision ?endPrecision ] . }
  OPTIONAL { ?st pq:P1534 ?endCause . }
  OPTIONAL { ?item wdt:P625 ?coord . }
  OPTIONAL { ?item wdt:P17 ?country . ?country wdt:P297 ?countryCode . }
  OPTIONAL { ?item wdt:P1082 ?population . }
  OPTIONAL { ?item wdt:P31 ?instanceOf . }
  OPTIONAL { ?partner wdt:P625 ?partnerCoord . }
  OPTIONAL { ?partner wdt:P17 ?partnerCountry . ?partnerCountry wdt:P297 ?partnerCountryCode . }
  OPTIONAL { ?partner wdt:P1082 ?partnerPopulation . }
  OPTIONAL { ?partner wdt:P31 ?partnerInstanceOf . }
  SERVICE wikibase:label { bd:serviceParam wikibase:language "en,de,fr,es,it,[AUTO_LANGUAGE]". }
}${limit ? `\nLIMIT ${limit}` : ''}`;
}

/**
 * Run a query; `onProgress(bytes)` as the answer arrives. Resolves to the answer's text;
 * rejects with `.code` `offline`, `cancelled`, `http` or `network`.
 * @param {string} query
 * @param {{ signal?: AbortSignal, onProgress?: (bytes: number) => void }} [options]
 */
export async function runQuery(query, { signal, onProgress = () => {} } = {}) {
  if (typeof navigator !== 'undefined' && navigator.onLine === false)
    throw Object.assign(
      new Error(
        'You are offline: loading from Wikidata needs a connection. Everything else in the atlas keeps working offline.',
      ),
      { code: 'offline' },
    );
  let res;
  try {
    res = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { Accept: 'application/sparql-results+json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ query, format: 'json' }),
      signal,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
  } catch (err) {
    if (signal?.aborted) throw Object.assign(new Error('Cancelled: nothing was imported.'), { code: 'cancelled' });
    if (typeof navigator !== 'undefined' && navigator.onLine === false)
      throw Object.assign(new Error('You are offline: loading from Wikidata needs a connection.'), { code: 'offline' });
    throw Object.assign(new Error(`Wikidata's query service could not be reached (${err.message}).`), {
      code: 'network',
    });
  }
  if (!res.ok) {
    const why =
      res.status === 429
        ? 'too many requests: wait a minute and try again'
        : res.status >= 500
          ? 'the query took too long or the service failed: try a smaller area'
          : `HTTP ${res.status}`;
    throw Object.assign(new Error(`Wikidata's query service answered with an error (${why}).`), {
      code: 'http',
      status: res.status,
    });
  }
  const chunks = [];
  let received = 0;
  try {
    if (res.body) {
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.length;
        onProgress(received);
      }
    } else {
      const buf = new Uint8Array(await res.arrayBuffer());
      chunks.push(buf);
      received = buf.length;
      onProgress(received);
    }
  } catch (err) {
    if (signal?.aborted) throw Object.assign(new Error('Cancelled: nothing was imported.'), { code: 'cancelled' });
    throw Object.assign(new Error(`The answer from Wikidata broke off (${err.message}).`), { code: 'network' });
  }
  const all = new Uint8Array(received);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return new TextDecoder().decode(all);
}

/**
 * The "Load from Wikidata" panel. `ctx` gives the place a place's Wikidata id; `onLoaded(file)`
 * imports the answer (a File named after what was asked, of type SPARQL JSON).
 */
export function wikidataPanel(_ctx, { onLoaded, busy = () => false, initial = null }) {
  const id = uniqueId('ta-wd');
  const scope = h(
    'select',
    { id: `${id}-scope`, class: 'ta-input', name: 'scope' },
    h('option', { value: 'place' }, 'one place (its Wikidata id)'),
    h('option', { value: 'country' }, 'one country (all its places)'),
    h('option', { value: 'world' }, `the world (first ${number(WORLD_LIMIT)} statements)`),
  );
  const what = h('input', {
    id: `${id}-what`,
    class: 'ta-input',
    name: 'what',
    type: 'text',
    autocomplete: 'off',
    placeholder: 'Q83404 (Coventry), or DE',
    'aria-describedby': `${id}-hint`,
    value: typeof initial === 'string' && /^Q\d{1,12}$/.test(initial) ? initial : null,
  });
  const whatField = h('div', { class: 'ta-field' }, h('label', { for: what.id }, 'Wikidata id or country code'), what);
  scope.addEventListener('change', () => {
    whatField.hidden = scope.value === 'world';
  });
  const status = h('p', { class: 'ta-count ta-wikidata__status', role: 'status', 'aria-live': 'polite' });
  const go = h('button', { type: 'submit', class: 'ta-button' }, 'Load from Wikidata');
  const cancel = h('button', { type: 'button', class: 'ta-button ta-button--quiet', hidden: true }, 'Cancel');
  let controller = null;
  cancel.addEventListener('click', () => controller?.abort());
  const form = h(
    'form',
    {
      class: 'ta-wikidata',
      'aria-labelledby': `${id}-h`,
      on: {
        submit: async (e) => {
          e.preventDefault();
          if (controller || busy()) return;
          const s = scope.value;
          const v = what.value.trim();
          let args;
          let name;
          if (s === 'place') {
            const q = /^(?:https?:\/\/www\.wikidata\.org\/(?:wiki|entity)\/)?(Q\d{1,12})$/i.exec(v);
            if (!q) {
              status.textContent = 'Give a Wikidata id such as Q83404 (it is on the place’s Wikidata page).';
              what.setAttribute('aria-invalid', 'true');
              what.focus();
              return;
            }
            args = { place: q[1].toUpperCase() };
            name = `wikidata-${args.place}.json`;
          } else if (s === 'country') {
            if (!/^[A-Za-z]{2}$/.test(v)) {
              status.textContent = 'Give the country’s two-letter code, such as DE or it.';
              what.setAttribute('aria-invalid', 'true');
              what.focus();
              return;
            }
            args = { country: v.toUpperCase() };
            name = `wikidata-${args.country}.json`;
          } else {
            args = { limit: WORLD_LIMIT };
            name = 'wikidata-world.json';
          }
          what.removeAttribute('aria-invalid');
          controller = new AbortController();
          go.disabled = true;
          cancel.hidden = false;
          form.dataset.state = 'loading';
          status.textContent = 'Asking Wikidata’s query service…';
          try {
            const text = await runQuery(p190Query(args), {
              signal: controller.signal,
              onProgress: (n) => {
                status.textContent = `Receiving the answer: ${number(Math.round(n / 1024))} KB so far…`;
              },
            });
            form.dataset.state = 'loaded';
            status.textContent = `Received ${number(Math.round(text.length / 1024))} KB from Wikidata; importing it.`;
            controller = null;
            await onLoaded(new File([text], name, { type: 'application/sparql-results+json' }));
          } catch (err) {
            form.dataset.state = err.code ?? 'failed';
            status.textContent = err.message;
          } finally {
            controller = null;
            go.disabled = false;
            cancel.hidden = true;
          }
        },
      },
    },
    h('div', { class: 'ta-field' }, h('label', { for: scope.id }, 'Partnerships of'), scope),
    whatField,
    go,
    cancel,
  );
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  const box = h(
    'section',
    { class: 'ta-section ta-wikidata-section', 'aria-labelledby': `${id}-h` },
    h('h2', { id: `${id}-h` }, 'Load from Wikidata'),
    h(
      'p',
      { class: 'ta-hint', id: `${id}-hint` },
      'Runs the atlas’s P190 query (twinned administrative body, with start and end dates) at query.wikidata.org and imports the answer like a file, with its report. Needs a connection; nothing else in the atlas does.',
    ),
    offline
      ? h(
          'p',
          { class: 'ta-warning ta-wikidata__offline', role: 'status' },
          'You are offline: loading from Wikidata needs a connection. Everything else in the atlas keeps working offline.',
        )
      : null,
    form,
    status,
  );
  return box;
}
