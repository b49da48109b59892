// GET /api/v1/topics: one page of the catalogue; the list pages through it with the cursor, and the
// export fetches every page at the largest size.
import { infiniteQueryOptions } from '@tanstack/react-query';

import type { ApiQuery } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { filtersToQuery, type TopicFilters } from '../lib/topic-filters';

export const TOPICS_PAGE_SIZE = 25;

export function getTopics(query: ApiQuery<'/api/v1/topics'>, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/topics', { params: { query }, signal }));
}

/** One page of `limit` topics under `filters`, after `cursor`. */
export const topicsPage =
  (filters: TopicFilters, limit = TOPICS_PAGE_SIZE) =>
  (cursor: string | undefined, signal?: AbortSignal) =>
    getTopics({ ...filtersToQuery(filters), limit, cursor }, signal);

export const topicsQueryOptions = (filters: TopicFilters) =>
  infiniteQueryOptions({
    queryKey: ['topics', 'list', filters],
    queryFn: ({ pageParam, signal }) => topicsPage(filters)(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
