// GET /api/v1/impediments: one page of the registry under the filters; the list pages with the cursor.
import { infiniteQueryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { filtersToQuery, type ImpedimentFilters, type ImpedimentsQuery } from '../lib/impediment-filters';

export const IMPEDIMENTS_PAGE_SIZE = 25;
export const impedimentsQueryKey = ['impediments'] as const;

export function getImpediments(query: ImpedimentsQuery, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/impediments', { params: { query }, signal }));
}

export const impedimentsQueryOptions = (filters: ImpedimentFilters) =>
  infiniteQueryOptions({
    queryKey: [...impedimentsQueryKey, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      getImpediments({ ...filtersToQuery(filters), limit: IMPEDIMENTS_PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
