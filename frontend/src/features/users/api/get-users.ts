// GET /api/v1/users (admin): the accounts, page by page.
import { infiniteQueryOptions } from '@tanstack/react-query';

import type { ApiItem, ApiQuery } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

export type User = ApiItem<'/api/v1/users'>;

export function getUsers(query: ApiQuery<'/api/v1/users'>, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/users', { params: { query }, signal }));
}

export const usersQueryOptions = (q?: string) =>
  infiniteQueryOptions({
    queryKey: ['users', 'list', { q }],
    queryFn: ({ pageParam, signal }) => getUsers({ q: q || undefined, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
