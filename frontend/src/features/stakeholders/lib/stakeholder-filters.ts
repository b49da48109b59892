// The directory's filters and sort, kept in the URL query string (lib/search-params.ts) so a filtered,
// sorted view can be shared and survives reload. Unknown or malformed values are dropped rather than
// sent to the API.
import type { ApiSort } from '@/api/lists';
import type { ApiQuery } from '@/api/types';
import { defineSearchParams, definedValues, param, type ValuesOf } from '@/lib/search-params';

import { sizeClasses, stakeholderKinds } from './stakeholder-values';

/** The fields the directory sorts by; newest first unless the user picks another. */
export const stakeholderSorts = ['name', 'country', 'created_at'] as const;

export const stakeholderParams = defineSearchParams({
  country: param.code(/^[A-Z]{3}$/),
  sector: param.code<NonNullable<ApiQuery<'/api/v1/stakeholders'>['sector']>>(/^[A-U]$/),
  size_class: param.oneOf(sizeClasses),
  kind: param.oneOf(stakeholderKinds),
  women_led: param.flag(),
  exporter: param.flag(),
  importer: param.flag(),
  q: param.text(),
  sort: param.sort(stakeholderSorts, '-created_at'),
});

export type StakeholderFilters = ValuesOf<typeof stakeholderParams.schema>;
export type StakeholdersQuery = ApiQuery<'/api/v1/stakeholders'> & { sort?: ApiSort<'/api/v1/stakeholders'> };

export const filtersFromSearchParams = stakeholderParams.parse;
export const filtersToSearchParams = stakeholderParams.serialize;

/** The API query for some filters (the list adds the cursor and page size; the default sort is the server's). */
export function filtersToQuery(filters: StakeholderFilters): StakeholdersQuery {
  return definedValues(filters);
}
