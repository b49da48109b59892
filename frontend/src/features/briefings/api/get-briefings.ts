// GET /api/v1/briefing-requests for the list page: one page under the filters and sort; the list pages
// with the cursor, and the export fetches every page at the largest size.
import { infiniteQueryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { briefingListQuery, type BriefingListFilters, type BriefingsQuery } from '../lib/briefing-filters';

import { briefingsQueryKey } from './keys';

export const BRIEFINGS_PAGE_SIZE = 25;

export function getBriefingsPage(query: BriefingsQuery, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/briefing-requests', { params: { query }, signal }));
}

/** One page of `limit` rows under `filters`, after `cursor`. */
export const briefingsPage =
  (filters: BriefingListFilters, limit = BRIEFINGS_PAGE_SIZE) =>
  (cursor: string | undefined, signal?: AbortSignal) =>
    getBriefingsPage({ ...briefingListQuery(filters), limit, cursor }, signal);

export const briefingsListQueryOptions = (filters: BriefingListFilters) =>
  infiniteQueryOptions({
    queryKey: [...briefingsQueryKey, 'list', filters],
    queryFn: ({ pageParam, signal }) => briefingsPage(filters)(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
