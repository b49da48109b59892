// The consultation list's filters (status, words in the title) and sort, kept in the URL query string
// (lib/search-params.ts) so a filtered view can be shared and survives reload. Unknown or malformed
// values are dropped.
import type { ApiSort } from '@/api/lists';
import type { ApiQuery } from '@/api/types';
import { defineSearchParams, definedValues, param, type ValuesOf } from '@/lib/search-params';

import { consultationStatuses } from './consultation-values';

/** The fields the list sorts by; newest first unless the user picks another. */
export const consultationSorts = ['created_at', 'title', 'status', 'closes_at'] as const;

export const consultationParams = defineSearchParams({
  status: param.oneOf(consultationStatuses),
  q: param.text(),
  sort: param.sort(consultationSorts, '-created_at'),
});

export type ConsultationFilters = ValuesOf<typeof consultationParams.schema>;
export type ConsultationsQuery = ApiQuery<'/api/v1/consultations'> & { sort?: ApiSort<'/api/v1/consultations'> };

export const filtersFromSearchParams = consultationParams.parse;
export const filtersToSearchParams = consultationParams.serialize;

/** The API query for some filters (the list adds the cursor and page size; the default sort is the server's). */
export function filtersToQuery(filters: ConsultationFilters): ConsultationsQuery {
  return definedValues(filters);
}
