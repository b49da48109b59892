// GET /api/v1/consultations: one page of the consultations the user may see, under the filters and
// sort; the list pages with the cursor, and the export fetches every page at the largest size.
import { infiniteQueryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { filtersToQuery, type ConsultationFilters, type ConsultationsQuery } from '../lib/consultation-filters';

export const CONSULTATIONS_PAGE_SIZE = 25;
export const consultationsQueryKey = ['consultations'] as const;

export function getConsultations(query: ConsultationsQuery, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/consultations', { params: { query }, signal }));
}

/** One page of `limit` consultations under `filters`, after `cursor`. */
export const consultationsPage =
  (filters: ConsultationFilters, limit = CONSULTATIONS_PAGE_SIZE) =>
  (cursor: string | undefined, signal?: AbortSignal) =>
    getConsultations({ ...filtersToQuery(filters), limit, cursor }, signal);

export const consultationsQueryOptions = (filters: ConsultationFilters) =>
  infiniteQueryOptions({
    queryKey: [...consultationsQueryKey, 'list', filters],
    queryFn: ({ pageParam, signal }) => consultationsPage(filters)(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
