// Server-side rendering: the same import as the browser code, resolved to the Node entry.
import init, { Atlas } from 'twinning-atlas';

export async function render() {
  await init();
  const atlas = Atlas.withDefaultData();
  const p = atlas.partners('coventry-gb');
  return `<ul>${p.partners.map((x) => `<li>${x.partner.name}</li>`).join('')}</ul>`;
}
