// One codec for a page's state in the URL query string: a schema names each parameter and its type, and
// the codec parses the URL into typed values (dropping unknown or malformed ones rather than sending them
// to the API) and writes values back in the schema's key order, without empty or default values — so the
// same view always has the same URL and a bookmarked or shared link restores it.

/** How one parameter reads from and writes to the query string. */
export type Param<T> = {
  parse: (raw: string) => T | undefined;
  format: (value: T) => string;
  /** A value that is the same as absent: never written, and parsed as absent. */
  fallback?: T;
};

// A schema mixes value types; each entry's own type is kept by `ValuesOf`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ParamSchema = Record<string, Param<any>>;

/** The typed values of a schema; every key is optional (absent = not filtered / the default). */
export type ValuesOf<S extends ParamSchema> = { [K in keyof S]?: S[K] extends Param<infer T> ? T : never };

export type SearchParamsCodec<S extends ParamSchema> = {
  schema: S;
  parse: (params: URLSearchParams) => ValuesOf<S>;
  serialize: (values: ValuesOf<S>) => URLSearchParams;
  /** Whether any parameter other than `ignore` (e.g. the sort) is set. */
  isFiltered: (values: ValuesOf<S>, ignore?: readonly (keyof S)[]) => boolean;
};

const TEXT_MAX = 200;

export const param = {
  /** One of a fixed set of strings. */
  oneOf<const V extends string>(values: readonly V[], fallback?: V): Param<V> {
    return { parse: (raw) => values.find((v) => v === raw), format: String, fallback };
  },
  /** Free text, trimmed and cut at `max` characters. */
  text(max = TEXT_MAX): Param<string> {
    return { parse: (raw) => raw.trim().slice(0, max) || undefined, format: (v) => v.trim().slice(0, max) };
  },
  /**
   * A code matching `pattern` once trimmed and upper-cased (ISO alpha-3, ISIC letter, NTM chapter…);
   * `T` names the API's type for it where the pattern admits only its values.
   */
  code<T extends string = string>(pattern: RegExp): Param<T> {
    return {
      parse: (raw) => {
        const code = raw.trim().toUpperCase();
        return code && pattern.test(code) ? (code as T) : undefined;
      },
      format: (v) => v.trim().toUpperCase(),
    };
  },
  /** A calendar date, `YYYY-MM-DD`. */
  date(): Param<string> {
    return { parse: (raw) => (/^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : undefined), format: String };
  },
  /** An integer between `min` and `max`. */
  int(min: number, max: number): Param<number> {
    return {
      parse: (raw) => {
        const n = Number(raw);
        return raw.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : undefined;
      },
      format: String,
    };
  },
  /** `true` or `false`. */
  flag(): Param<boolean> {
    return { parse: (raw) => (raw === 'true' ? true : raw === 'false' ? false : undefined), format: String };
  },
  /** A list's sort: `field` ascending or `-field` descending, for the fields the server sorts by. */
  sort<const F extends string>(fields: readonly F[], fallback: SortValue<F>): Param<SortValue<F>> {
    return {
      parse: (raw) => {
        const field = raw.startsWith('-') ? raw.slice(1) : raw;
        return fields.some((f) => f === field) ? (raw as SortValue<F>) : undefined;
      },
      format: String,
      fallback,
    };
  },
};

export type SortValue<F extends string = string> = F | `-${F}`;

export function defineSearchParams<S extends ParamSchema>(schema: S): SearchParamsCodec<S> {
  const keys = Object.keys(schema) as (keyof S & string)[];
  return {
    schema,
    parse(params) {
      const values: ValuesOf<S> = {};
      for (const key of keys) {
        const spec = schema[key];
        const raw = params.get(key);
        if (!spec || raw === null) continue;
        const value = spec.parse(raw);
        if (value !== undefined && value !== spec.fallback) values[key] = value;
      }
      return values;
    },
    serialize(values) {
      const params = new URLSearchParams();
      for (const key of keys) {
        const spec = schema[key];
        const value = values[key];
        if (!spec || value === undefined || value === null || value === spec.fallback) continue;
        const text = spec.format(value);
        if (text !== '') params.set(key, text);
      }
      return params;
    },
    isFiltered(values, ignore = []) {
      return keys.some((key) => !ignore.includes(key) && values[key] !== undefined);
    },
  };
}

/** The values with the schema's fallbacks filled in: what the API is asked for. */
export function withFallbacks<S extends ParamSchema>(codec: SearchParamsCodec<S>, values: ValuesOf<S>): ValuesOf<S> {
  const full: ValuesOf<S> = { ...values };
  for (const key of Object.keys(codec.schema) as (keyof S)[]) {
    const fallback = codec.schema[key]?.fallback;
    if (full[key] === undefined && fallback !== undefined) full[key] = fallback;
  }
  return full;
}

/** The values that are set, for an API query (absent values are left out rather than sent empty). */
export function definedValues<V extends object>(values: V): V {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== '')) as V;
}
