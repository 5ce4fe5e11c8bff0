// Does an import stay near-linear in its size whatever the file's shape? Each shape is
// imported at N and 4N rows (N from $N1, default 10,000; 4N from $N2); a ratio near 4 is
// linear, 16 quadratic. Figures vary with the machine's load: read the ratios, not the ms.
//
//   node benches/import-scaling.mjs [pkgDir]
//
// Not for: correctness (tests/js/hostile.test.mjs) or absolute speed (benches/import.mjs).
import { resolve, join } from 'node:path';

const { Atlas } = await import(join(resolve(process.argv[2] ?? 'pkg'), 'node.js'));
const shapes = {
  'distinct pairs': (n) =>
    'city1,country1,city2,country2\n' + Array.from({ length: n }, (_, i) => `P${i}x,GB,Q${i}y,FR`).join('\n'),
  'one hub': (n) =>
    'city1,country1,city2,country2\n' + Array.from({ length: n }, (_, i) => `Hub,GB,Q${i}y,FR`).join('\n'),
  'same name, no country': (n) =>
    'city1,country1,city2,country2\n' + Array.from({ length: n }, (_, i) => `Same,,Q${i}y,FR`).join('\n'),
  'one shared coordinate': (n) =>
    'city1,country1,lat1,lon1,city2,country2\n' +
    Array.from({ length: n }, (_, i) => `P${i}x,GB,51.5,-0.1,Q${i}y,FR`).join('\n'),
  'same row repeated': (n) => 'city1,country1,city2,country2\n' + 'Aville,GB,Btown,FR\n'.repeat(n),
  'one-way both ways': (n) =>
    'city1,country1,city2,country2\n' +
    Array.from({ length: n }, (_, i) =>
      i % 2 ? `P${i >> 1}x,GB,Q${i >> 1}y,FR` : `Q${i >> 1}y,FR,P${i >> 1}x,GB`,
    ).join('\n'),
  'sparql rows': (n) =>
    JSON.stringify({
      head: { vars: ['itemLabel', 'partnerLabel'] },
      results: {
        bindings: Array.from({ length: n }, (_, i) => ({
          itemLabel: { value: `P${i}x` },
          partnerLabel: { value: `Q${i}y` },
        })),
      },
    }),
  'one long quoted field': (n) => 'city1,city2\n"' + 'x'.repeat(n * 20),
  'wide rows (1000 fields each)': (n) => 'city1,city2\n' + ('A,B' + ',z'.repeat(998) + '\n').repeat(Math.ceil(n / 100)),
};
for (const [name, make] of Object.entries(shapes)) {
  const t = [];
  for (const n of [Number(process.env.N1 ?? 10000), Number(process.env.N2 ?? 40000)]) {
    const text = make(n);
    const a = Atlas.fromJson('{"format":"twinning-atlas/1"}');
    const t0 = performance.now();
    try {
      a.import(text);
    } catch (_e) {
      /* coded errors count too */
    }
    t.push(performance.now() - t0);
    a.free();
  }
  console.log(
    `${name}: ${t[0].toFixed(0)} ms, 4× the rows ${t[1].toFixed(0)} ms, ratio ${(t[1] / t[0]).toFixed(1)} (linear 4, quadratic 16)`,
  );
}
