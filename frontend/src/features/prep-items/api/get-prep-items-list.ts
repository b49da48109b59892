// GET /api/v1/prep-items for the list page: one page under the filters and sort; the list pages with the
// cursor, and the export fetches every page at the largest size.
import { infiniteQueryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { prepListQuery, type PrepItemsQuery, type PrepListFilters } from '../lib/prep-list-filters';

import { prepItemsQueryKey } from './keys';

export const PREP_ITEMS_PAGE_SIZE = 25;

export function getPrepItemsPage(query: PrepItemsQuery, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/prep-items', { params: { query }, signal }));
}

/** One page of `limit` rows under `filters`, after `cursor`. */
export const prepItemsPage =
  (filters: PrepListFilters, limit = PREP_ITEMS_PAGE_SIZE) =>
  (cursor: string | undefined, signal?: AbortSignal) =>
    getPrepItemsPage({ ...prepListQuery(filters), limit, cursor }, signal);

export const prepItemsListQueryOptions = (filters: PrepListFilters) =>
  infiniteQueryOptions({
    queryKey: [...prepItemsQueryKey, 'list', filters],
    queryFn: ({ pageParam, signal }) => prepItemsPage(filters)(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
