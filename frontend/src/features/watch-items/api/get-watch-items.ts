// GET /api/v1/watch-items: the watch-list entries the caller may see, by topic and/or delegation.
import { infiniteQueryOptions } from '@tanstack/react-query';

import type { ApiItem, ApiQuery } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

export type WatchItem = ApiItem<'/api/v1/watch-items'>;
export type WatchItemsFilter = Pick<ApiQuery<'/api/v1/watch-items'>, 'topic' | 'delegation'>;

export const watchItemsQueryKey = ['watch-items'] as const;

export function getWatchItems(query: ApiQuery<'/api/v1/watch-items'>, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/watch-items', { params: { query }, signal }));
}

export const watchItemsQueryOptions = (filter: WatchItemsFilter) =>
  infiniteQueryOptions({
    queryKey: [...watchItemsQueryKey, filter],
    queryFn: ({ pageParam, signal }) => getWatchItems({ ...filter, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
