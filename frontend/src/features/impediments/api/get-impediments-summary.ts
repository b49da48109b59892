// GET /api/v1/impediments/summary?by=chapter_partner: counts per NTM chapter and partner market.
import { queryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { filtersToQuery, withoutSort, type ImpedimentFilters } from '../lib/impediment-filters';

import { impedimentsQueryKey } from './get-impediments';

// The summary counts under the filters; the list's sort means nothing to it.
export function getChapterPartnerSummary(filters: ImpedimentFilters, signal?: AbortSignal) {
  return unwrap(
    api.GET('/api/v1/impediments/summary', {
      params: { query: { ...filtersToQuery(withoutSort(filters)), by: 'chapter_partner' } },
      signal,
    }),
  );
}

export const chapterPartnerSummaryQueryOptions = (filters: ImpedimentFilters) => {
  // Keyed without the sort, so re-sorting the list does not fetch the same counts again.
  const counted = withoutSort(filters);
  return queryOptions({
    queryKey: [...impedimentsQueryKey, 'summary', 'chapter_partner', counted],
    queryFn: ({ signal }) => getChapterPartnerSummary(counted, signal),
  });
};
