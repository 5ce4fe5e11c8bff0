// Written by hand (src/wasm/map.rs builds it without serde): the columns of mapData().
/** Every positioned place and every link between two of them, in columns. */
export type MapData = {
  /** The date the statuses are taken at, or null for every event counted. */
  asOf: string | null;
  /** The value in `since`, `until` and `decided` where a link has no year. */
  noYear: number;
  /** `links.status[i]` indexes this list. */
  statuses: Status[];
  /** `links.form[i]` indexes this list. */
  forms: Form[];
  places: {
    /** One id per line. */
    id: string;
    /** One name per line. */
    name: string;
    /** One ISO code per line (empty when unknown). */
    country: string;
    lat: Float64Array;
    lon: Float64Array;
    partners: Uint32Array;
  };
  links: {
    /** One id per line. */
    id: string;
    /** Indexes into the places. */
    a: Uint32Array;
    b: Uint32Array;
    status: Uint8Array;
    form: Uint8Array;
    since: Int32Array;
    until: Int32Array;
    decided: Int32Array;
  };
};
