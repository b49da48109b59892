// GET /api/v1/impediments: one page of the registry under the filters and sort; the list pages with the
// cursor, and the export fetches every page at the largest size.
import { infiniteQueryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { filtersToQuery, type ImpedimentFilters, type ImpedimentsQuery } from '../lib/impediment-filters';

export const IMPEDIMENTS_PAGE_SIZE = 25;
export const impedimentsQueryKey = ['impediments'] as const;

export function getImpediments(query: ImpedimentsQuery, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/impediments', { params: { query }, signal }));
}

/** One page of `limit` rows under `filters`, after `cursor`. */
export const impedimentsPage =
  (filters: ImpedimentFilters, limit = IMPEDIMENTS_PAGE_SIZE) =>
  (cursor: string | undefined, signal?: AbortSignal) =>
    getImpediments({ ...filtersToQuery(filters), limit, cursor }, signal);

export const impedimentsQueryOptions = (filters: ImpedimentFilters) =>
  infiniteQueryOptions({
    queryKey: [...impedimentsQueryKey, 'list', filters],
    queryFn: ({ pageParam, signal }) => impedimentsPage(filters)(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
