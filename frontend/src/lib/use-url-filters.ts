// A list's filters kept in the URL query string, changed by patches applied to the latest filters, so
// two changes made before the page re-renders (a select changed while a debounced search lands, two
// quick clicks) both stay in the URL.
//
// React Router's functional `setSearchParams(prev => …)` is not enough on its own: its `prev` is the
// query string of the last render, not of the last navigation, so the second of two quick changes
// rebuilds the URL from before the first and drops it. This hook keeps the query string it last asked
// for and builds each change on that; a URL it did not ask for (back button, a link) replaces it.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useSearchParams, type NavigateOptions } from 'react-router';

import type { ParamSchema, SearchParamsCodec, ValuesOf } from './search-params';

/** A change to some filters: the keys to set (undefined clears one), or a function of the current ones. */
export type FiltersChange<F> = Partial<F> | ((current: F) => F);

type Change<F> = (change: FiltersChange<F>, options?: NavigateOptions) => void;

/** The page's values under `codec` (lib/search-params.ts), and a function that changes some of them. */
export function useUrlFilters<S extends ParamSchema>(codec: SearchParamsCodec<S>): [ValuesOf<S>, Change<ValuesOf<S>>];
/** The same with a codec's two halves (stable references: module-level functions). */
export function useUrlFilters<F extends object>(
  fromParams: (params: URLSearchParams) => F,
  toParams: (filters: F) => URLSearchParams,
): [F, Change<F>];
export function useUrlFilters<F extends object>(
  codecOrParse:
    | { parse: (params: URLSearchParams) => F; serialize: (filters: F) => URLSearchParams; schema: object }
    | ((params: URLSearchParams) => F),
  serialize?: (filters: F) => URLSearchParams,
): [F, Change<F>] {
  const fromParams = typeof codecOrParse === 'function' ? codecOrParse : codecOrParse.parse;
  // The overloads pass `serialize` exactly when the first argument is a function.
  const toParams = typeof codecOrParse === 'function' ? (serialize as (filters: F) => URLSearchParams) : codecOrParse.serialize;
  // A codec owns only its schema's keys: parameters of other parts of the page (a second list, the open
  // tab) stay as they are. The two-function form owns the whole query string.
  const owned = typeof codecOrParse === 'function' ? null : codecOrParse.schema;
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => fromParams(searchParams), [fromParams, searchParams]);
  const latest = useRef(searchParams.toString());
  // The query strings asked for and not rendered yet, oldest first.
  const requested = useRef<string[]>([]);

  useEffect(() => {
    const shown = searchParams.toString();
    const at = requested.current.indexOf(shown);
    // One of ours rendered: the later ones are still on their way. Anything else came from outside.
    requested.current = at === -1 ? [] : requested.current.slice(at + 1);
    if (requested.current.length === 0) latest.current = shown;
  }, [searchParams]);

  const change = useCallback(
    (next: FiltersChange<F>, options?: NavigateOptions) => {
      const current = fromParams(new URLSearchParams(latest.current));
      const filtersNext = typeof next === 'function' ? next(current) : { ...current, ...next };
      const query = merge(latest.current, owned, toParams(filtersNext)).toString();
      if (query === latest.current) return;
      latest.current = query;
      requested.current.push(query);
      setSearchParams(new URLSearchParams(query), options);
    },
    [fromParams, toParams, owned, setSearchParams],
  );

  return [filters, change];
}

/** `current` with the keys of `owned` replaced by `next` (all of it when `owned` is null). */
function merge(current: string, owned: object | null, next: URLSearchParams): URLSearchParams {
  if (owned === null) return next;
  const merged = new URLSearchParams(current);
  for (const key of Object.keys(owned)) merged.delete(key);
  for (const [key, value] of next) merged.set(key, value);
  return merged;
}
