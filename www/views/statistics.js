// @ts-check
// The statistics view (`#/statistics`): new twinnings per decade, suspensions and
// terminations by year (the 2022 wave), and the distances between partners against a
// baseline of random pairings of the same places — with the sentences the core words from
// the numbers, including where the data does not support the article.
//
// Not for: counts of records (about.js) or the network (network.js).

import { h } from '../lib/dom.js';
import { number, plural } from '../lib/format.js';
import { section, viewHeading, facts } from '../lib/ui.js';
import { barChart } from '../lib/chart.js';

const pct = (x) => `${Math.round(x * 100)}%`;
const km = (x) => (x == null ? '—' : `${number(Math.round(x))} km`);

/**
 * A true time axis: every step from the first to the last key, the missing ones with zeros,
 * so that a gap in time shows as a gap (not "830s" beside "1900s"). A stretch of more than
 * `maxGap` empty steps becomes one break marker (`{ gap: years }`), so a lone early record
 * does not squeeze the rest into a sliver. rows: [{ [key], … }], sorted by key.
 */
export function fillAxis(rows, key, step, zero, maxGap = 8) {
  const out = [];
  rows.forEach((r, i) => {
    if (i > 0) {
      const prev = rows[i - 1][key];
      const missing = (r[key] - prev) / step - 1;
      if (missing > maxGap) out.push({ ...zero, [key]: null, gap: missing * step });
      else for (let k = prev + step; k < r[key]; k += step) out.push({ ...zero, [key]: k });
    }
    out.push(r);
  });
  return out;
}

export default {
  name: 'statistics',
  render(ctx) {
    const s = ctx.atlas.statistics({});
    const decades = fillAxis(
      [...(s.newPerDecade ?? [])].sort((a, b) => a.decade - b.decade),
      'decade',
      10,
      { count: 0 },
    );
    const rawEndings = s.endings ?? { byYear: [] };
    const endings = {
      ...rawEndings,
      byYear: fillAxis(
        [...(rawEndings.byYear ?? [])].sort((a, b) => a.year - b.year),
        'year',
        1,
        { suspended: 0, terminated: 0 },
      ),
    };
    const di = s.distanceInfluence;
    const bands = di?.observed?.bands ?? s.distances?.bands ?? [];
    const baseBands = di?.baseline?.bands ?? [];
    const short = (n) => (n >= 1000 ? `${n / 1000}k` : String(n));
    const bandLabel = (b) => (b.toKm == null ? `${short(b.fromKm)}+` : `${short(b.fromKm)}–${short(b.toKm)}`);
    const wave = endings.byYear.findIndex((y) => y.year === 2022);
    const node = h(
      'div',
      { class: 'ta-view ta-view--statistics' },
      viewHeading('Statistics', `Over the ${plural(s.agreements, 'agreement')} in the loaded data.`),
      section(
        'New twinnings per decade',
        [
          decades.length
            ? barChart({
                id: 'ta-chart-decades',
                title: 'New twinnings per decade',
                description: decades
                  .filter((d) => d.count > 0)
                  .map((d) => `${d.decade}s: ${d.count}`)
                  .join('; '),
                categories: decades.map((d) => (d.gap ? `… ${d.gap} years …` : `${d.decade}s`)),
                series: [{ key: 'new', name: 'new twinnings', values: decades.map((d) => d.count) }],
                format: (n) => number(Math.round(n)),
              })
            : h('p', { class: 'ta-hint' }, 'No dated twinning.'),
          decades.length
            ? h(
                'p',
                { class: 'ta-hint' },
                `One bar per decade on a true time axis, ${decades[0].decade}s to ${decades[decades.length - 1].decade}s: a decade with none is an empty bar; a long stretch with none is one “…” marker.`,
              )
            : null,
          h(
            'p',
            { class: 'ta-hint' },
            `${plural(s.undated, 'agreement')} without a founding date ${s.undated === 1 ? 'is' : 'are'} not counted.`,
          ),
        ],
        { id: 'ta-stats-decades' },
      ),
      section(
        'Suspensions and terminations by year',
        [
          endings.byYear.length
            ? barChart({
                id: 'ta-chart-endings',
                title: 'Suspensions and terminations by year',
                description: endings.byYear
                  .filter((y) => y.suspended + y.terminated > 0)
                  .map((y) => `${y.year}: ${y.suspended} suspended, ${y.terminated} terminated`)
                  .join('; '),
                categories: endings.byYear.map((y) => (y.gap ? `… ${y.gap} years …` : String(y.year))),
                series: [
                  { key: 'suspended', name: 'suspended', values: endings.byYear.map((y) => y.suspended) },
                  { key: 'terminated', name: 'terminated', values: endings.byYear.map((y) => y.terminated) },
                ],
                stacked: true,
                highlight: wave,
                format: (n) => number(Math.round(n)),
              })
            : h('p', { class: 'ta-hint' }, 'No dated suspension or termination.'),
          endings.statement
            ? h('p', { class: 'ta-statement', dataset: { statement: 'endings' } }, endings.statement)
            : null,
          endings.wave2022
            ? facts([
                ['2022: suspended', number(endings.wave2022.suspended)],
                ['2022: terminated', number(endings.wave2022.terminated)],
                ['… involving Russia or Belarus', number(endings.wave2022.involvingRussiaOrBelarus)],
                ['Share of all dated endings', pct(endings.wave2022.share)],
              ])
            : null,
        ],
        { id: 'ta-stats-endings' },
      ),
      section(
        'Distance between partners',
        [
          bands.length
            ? barChart({
                id: 'ta-chart-distance',
                title: 'Share of partner pairs by distance (km), observed against random pairings',
                description: bands
                  .map(
                    (b, i) =>
                      `${bandLabel(b)} km: ${pct(b.share)} of partners, ${pct(baseBands[i]?.share ?? 0)} at random`,
                  )
                  .join('; '),
                categories: bands.map(bandLabel),
                series: [
                  { key: 'observed', name: 'partners', values: bands.map((b) => b.share), format: pct },
                  {
                    key: 'baseline',
                    name: 'random pairings of the same places',
                    values: bands.map((_, i) => baseBands[i]?.share ?? 0),
                    format: pct,
                  },
                ],
                format: pct,
              })
            : h('p', { class: 'ta-hint' }, 'No partners with coordinates on both sides.'),
          di?.statement ? h('p', { class: 'ta-statement', dataset: { statement: 'distance' } }, di.statement) : null,
          di
            ? facts([
                ['Median, partners', km(di.observed.median)],
                ['Median, random pairings', km(di.baseline.median)],
                ['Under 100 km, partners', pct(di.nearShareObserved)],
                ['Under 100 km, at random', pct(di.nearShareBaseline)],
                ['KS distance', String(di.ksDistance)],
              ])
            : null,
          h(
            'p',
            { class: 'ta-hint' },
            `The baseline pairs the same places at random, each as often as it has partners (${di ? `${di.rounds} shuffles, seed ${di.seed}` : 'seeded'}), so the same data always gives the same numbers. ${plural(s.withoutCoordinates ?? 0, 'agreement')} lacking coordinates on one side ${s.withoutCoordinates === 1 ? 'is' : 'are'} left out.`,
          ),
        ],
        { id: 'ta-stats-distance' },
      ),
    );
    return { node, title: 'Statistics' };
  },
};
