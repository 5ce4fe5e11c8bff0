// The parts of d3-geo, topojson-client and d3-force the pictures use, bundled by
// scripts/maps/vendor.mjs into www/pkg/maps-vendor.js (one ES module, minified).
export { geoEqualEarth, geoPath, geoGraticule10, geoInterpolate, geoDistance, geoBounds, geoCentroid } from 'd3-geo';
export { feature, mesh } from 'topojson-client';
export { forceSimulation, forceLink, forceManyBody, forceCenter, forceCollide, forceRadial } from 'd3-force';
