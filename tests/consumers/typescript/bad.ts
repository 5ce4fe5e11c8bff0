// Each marked line must fail `tsc --strict` (tests/consumers/consumers.test.mjs reads the marks).
import { Atlas } from 'twinning-atlas';

const atlas = Atlas.withDefaultData();
atlas.partners('coventry-gb', { asof: '2021' }); // error: mistyped option
atlas.place(42); // error: an id is a string
atlas.search({ text: 'x', limit: '5' }); // error: limit is a number
const n: number = atlas.place('coventry-gb').name; // error: name is a string
atlas.export({ format: 'xml' }); // error: not a format
atlas.loadWorldBytes([1, 2]); // error: bytes, not an array of numbers
