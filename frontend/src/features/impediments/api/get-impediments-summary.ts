// GET /api/v1/impediments/summary?by=chapter_partner: counts per NTM chapter and partner market.
import { queryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { filtersToQuery, type ImpedimentFilters } from '../lib/impediment-filters';

import { impedimentsQueryKey } from './get-impediments';

export function getChapterPartnerSummary(filters: ImpedimentFilters, signal?: AbortSignal) {
  return unwrap(
    api.GET('/api/v1/impediments/summary', {
      params: { query: { ...filtersToQuery(filters), by: 'chapter_partner' } },
      signal,
    }),
  );
}

export const chapterPartnerSummaryQueryOptions = (filters: ImpedimentFilters) =>
  queryOptions({
    queryKey: [...impedimentsQueryKey, 'summary', 'chapter_partner', filters],
    queryFn: ({ signal }) => getChapterPartnerSummary(filters, signal),
  });
