// GET /api/v1/users (admin): the accounts, page by page, in the sort the admin picked.
import { infiniteQueryOptions } from '@tanstack/react-query';

import type { ApiSort } from '@/api/lists';
import type { ApiItem, ApiQuery } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';
import type { ValuesOf } from '@/lib/search-params';

import type { userParams } from '../lib/user-params';

export type User = ApiItem<'/api/v1/users'>;
type UsersQuery = ApiQuery<'/api/v1/users'> & { sort?: ApiSort<'/api/v1/users'> };
type UserParams = ValuesOf<typeof userParams.schema>;

const USERS_PAGE_SIZE = 50;

export function getUsers(query: UsersQuery, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/users', { params: { query }, signal }));
}

export const usersPage =
  (params: UserParams, limit = USERS_PAGE_SIZE) =>
  (cursor: string | undefined, signal?: AbortSignal) =>
    getUsers({ sort: params.users_sort, limit, cursor }, signal);

export const usersQueryOptions = (params: UserParams) =>
  infiniteQueryOptions({
    queryKey: ['users', 'list', params],
    queryFn: ({ pageParam, signal }) => usersPage(params)(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
