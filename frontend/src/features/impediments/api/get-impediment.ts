// GET /api/v1/impediments/{id}: one impediment.
import { queryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { impedimentsQueryKey } from './get-impediments';

export function getImpediment(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/impediments/{id}', { params: { path: { id } }, signal }));
}

export const impedimentQueryKey = (id: string) => [...impedimentsQueryKey, 'detail', id] as const;

export const impedimentQueryOptions = (id: string) =>
  queryOptions({ queryKey: impedimentQueryKey(id), queryFn: ({ signal }) => getImpediment(id, signal) });
