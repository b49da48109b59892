// The impediment list's filters and sort, kept in the URL query string (lib/search-params.ts) so a
// filtered, sorted view can be shared and survives reload. Unknown or malformed values are dropped
// rather than sent to the API.
import type { ApiSort } from '@/api/lists';
import type { ApiQuery } from '@/api/types';
import { defineSearchParams, definedValues, param, type ValuesOf } from '@/lib/search-params';

import { impedimentStatuses } from './impediment-values';

/** The fields the registry sorts by; newest first unless the user picks another. */
export const impedimentSorts = ['created_at', 'updated_at', 'severity', 'title', 'partner', 'ntm_code', 'status'] as const;

const CODE = /^[A-Z][A-Z0-9-]{0,15}$/;

export const impedimentParams = defineSearchParams({
  status: param.oneOf(impedimentStatuses),
  ntm_chapter: param.code(CODE),
  partner: param.code(CODE),
  reporting_country: param.code(CODE),
  hs: param.code(/^\d{1,6}$/),
  severity_min: param.int(1, 5),
  q: param.text(),
  sort: param.sort(impedimentSorts, '-created_at'),
});

export type ImpedimentFilters = ValuesOf<typeof impedimentParams.schema>;
export type ImpedimentsQuery = ApiQuery<'/api/v1/impediments'> & { sort?: ApiSort<'/api/v1/impediments'> };

export const filtersFromSearchParams = impedimentParams.parse;
export const filtersToSearchParams = impedimentParams.serialize;

/** The API query for some filters (the list adds the cursor and page size; the default sort is the server's). */
export function filtersToQuery(filters: ImpedimentFilters): ImpedimentsQuery {
  return definedValues(filters);
}

/** The filters without the sort: what the heat map counts under. */
export function withoutSort({ sort: _sort, ...filters }: ImpedimentFilters): ImpedimentFilters {
  return filters;
}
