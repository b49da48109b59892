// GET /api/v1/meetings: the meetings the caller may read, from now on (upcoming first), page by page.
import { infiniteQueryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { meetingsQueryKey } from './keys';

export const MEETINGS_PAGE_SIZE = 25;

export type MeetingsSort = 'starts_at' | '-starts_at' | 'title' | '-title';

/** One page of meetings ending after `from`, after `cursor`. */
export const meetingsPage =
  (from: string, sort: MeetingsSort, limit = MEETINGS_PAGE_SIZE) =>
  (cursor: string | undefined, signal?: AbortSignal) =>
    unwrap(api.GET('/api/v1/meetings', { params: { query: { from, sort, limit, cursor } }, signal }));

export const meetingsQueryOptions = (from: string, sort: MeetingsSort) =>
  infiniteQueryOptions({
    queryKey: [...meetingsQueryKey, 'list', from, sort],
    queryFn: ({ pageParam, signal }) => meetingsPage(from, sort)(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
