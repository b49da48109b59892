// GET /api/v1/prep-items/{id}/texts/diff?from=&to=: two versions compared word by word.
import { queryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { textsQueryKey } from './get-texts';

export function getTextDiff(id: string, from: number, to: number, signal?: AbortSignal) {
  return unwrap(
    api.GET('/api/v1/prep-items/{id}/texts/diff', { params: { path: { id }, query: { from, to } }, signal }),
  );
}

export const textDiffQueryOptions = (id: string, from: number, to: number) =>
  queryOptions({
    queryKey: [...textsQueryKey(id), 'diff', from, to],
    queryFn: ({ signal }) => getTextDiff(id, from, to, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
