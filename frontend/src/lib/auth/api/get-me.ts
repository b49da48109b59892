// GET /api/v1/me: who is signed in, with role, delegation and scopes.
import { queryOptions } from '@tanstack/react-query';

import type { ApiResponse } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

export type Me = ApiResponse<'/api/v1/me'>;

export const meQueryKey = ['me'] as const;

export function getMe() {
  return unwrap(api.GET('/api/v1/me'));
}

export const meQueryOptions = () =>
  queryOptions({ queryKey: meQueryKey, queryFn: getMe, staleTime: 5 * 60_000 });
