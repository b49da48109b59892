// GET /api/v1/prep-items/{id}/texts/{number}: one version with its body. A version never changes.
import { queryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { textsQueryKey } from './get-texts';

export function getText(id: string, number: number, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/prep-items/{id}/texts/{number}', { params: { path: { id, number } }, signal }));
}

export const textQueryOptions = (id: string, number: number) =>
  queryOptions({
    queryKey: [...textsQueryKey(id), number],
    queryFn: ({ signal }) => getText(id, number, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
