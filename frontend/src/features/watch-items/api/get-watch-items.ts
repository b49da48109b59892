// GET /api/v1/watch-items: the watch-list entries the caller may see, by topic and/or delegation, in the
// sort the user picked.
import { infiniteQueryOptions } from '@tanstack/react-query';

import type { ApiSort } from '@/api/lists';
import type { ApiItem, ApiQuery } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

export type WatchItem = ApiItem<'/api/v1/watch-items'>;
export type WatchItemsFilter = Pick<ApiQuery<'/api/v1/watch-items'>, 'topic' | 'delegation'>;
type WatchSort = ApiSort<'/api/v1/watch-items'>;
type WatchItemsQuery = ApiQuery<'/api/v1/watch-items'> & { sort?: WatchSort };

export const watchItemsQueryKey = ['watch-items'] as const;
const WATCH_PAGE_SIZE = 50;

export function getWatchItems(query: WatchItemsQuery, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/watch-items', { params: { query }, signal }));
}

/** One page of `limit` entries matching `filter`, after `cursor`. */
export const watchItemsPage =
  (filter: WatchItemsFilter, sort: WatchSort | undefined, limit = WATCH_PAGE_SIZE) =>
  (cursor: string | undefined, signal?: AbortSignal) =>
    getWatchItems({ ...filter, sort, limit, cursor }, signal);

export const watchItemsQueryOptions = (filter: WatchItemsFilter, sort?: WatchSort) =>
  infiniteQueryOptions({
    queryKey: [...watchItemsQueryKey, filter, sort],
    queryFn: ({ pageParam, signal }) => watchItemsPage(filter, sort)(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
