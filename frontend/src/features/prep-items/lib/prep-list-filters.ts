// The prep items list's filters and sort, kept in the URL query string through the one codec
// (lib/search-params.ts), so a filtered, sorted list can be shared and survives reload. Unknown or
// malformed values are dropped rather than sent to the API.
import type { ApiSort } from '@/api/lists';
import type { ApiQuery } from '@/api/types';
import { defineSearchParams, definedValues, param, withFallbacks, type ValuesOf } from '@/lib/search-params';

import { MINISTERIAL } from './prep-filters';
import { interests, prepKinds, prepStatuses } from './prep-values';

/** The fields GET /prep-items sorts by; soonest deadline first unless the user picks another. */
export const prepItemSorts = ['deadline', 'updated_at', 'priority', 'title', 'status'] as const;

/** Topic codes: `FISH`, `AG-PSH`, `ECOM-MORA`. */
const TOPIC = /^[A-Z][A-Z0-9-]{0,31}$/;

export const prepListParams = defineSearchParams({
  ministerial: param.code(MINISTERIAL),
  status: param.oneOf(prepStatuses),
  topic: param.code(TOPIC),
  interest: param.oneOf(interests),
  kind: param.oneOf(prepKinds),
  q: param.text(),
  sort: param.sort(prepItemSorts, 'deadline'),
});

export type PrepListFilters = ValuesOf<typeof prepListParams.schema>;
export type PrepItemsQuery = ApiQuery<'/api/v1/prep-items'> & { sort?: ApiSort<'/api/v1/prep-items'> };

/**
 * The API query for some filters (the list adds the cursor and page size). The sort is always sent:
 * the server's own default (newest entered) is not the deadline order the table shows as sorted.
 */
export function prepListQuery(filters: PrepListFilters): PrepItemsQuery {
  return definedValues(withFallbacks(prepListParams, filters));
}
