// The board's filters, kept in the URL query string through the one codec (lib/search-params.ts), so a
// filtered board can be shared and survives reload. The ministerial is the page's path, not a filter.
// Unknown or malformed values are dropped rather than sent to the API.
import { defineSearchParams, definedValues, param, type Param, type ValuesOf } from '@/lib/search-params';

import { interests } from './prep-values';

const UUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;
/** Topic codes: `FISH`, `AG-PSH`, `ECOM-MORA`. */
const TOPIC = /^[A-Z][A-Z0-9-]{0,31}$/;
/** Ministerial conference codes: `MC12`. */
export const MINISTERIAL = /^MC\d{1,3}$/;

const uuid = (): Param<string> => ({
  parse: (raw) => (UUID.test(raw.trim().toUpperCase()) ? raw.trim().toLowerCase() : undefined),
  format: (value) => value.trim().toLowerCase(),
});

export const boardParams = defineSearchParams({
  topic: param.code(TOPIC),
  delegation_id: uuid(),
  coalition_id: uuid(),
  interest: param.oneOf(interests),
});

export type BoardFilters = ValuesOf<typeof boardParams.schema>;

/** The API query of the board: the ministerial and the filters that are set. */
export function boardQuery(ministerial: string, filters: BoardFilters) {
  return { ministerial, ...definedValues(filters) };
}

/** A ministerial code from the page's path, or undefined when it is not one (`mc12` reads as MC12). */
export function ministerialFromPath(raw: string | undefined): string | undefined {
  const code = raw?.trim().toUpperCase();
  return code && MINISTERIAL.test(code) ? code : undefined;
}
