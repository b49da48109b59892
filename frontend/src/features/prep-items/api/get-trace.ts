// GET /api/v1/prep-items/{id}/trace and /api/v1/impediments/{id}/trace: the path from MSME evidence to
// positions, as far as the caller may read it.
import { queryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { prepItemQueryKey } from './keys';

export const prepItemTraceQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...prepItemQueryKey(id), 'trace'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/prep-items/{id}/trace', { params: { path: { id } }, signal })),
  });

export const impedimentTraceQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['impediments', 'detail', id, 'trace'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/impediments/{id}/trace', { params: { path: { id } }, signal })),
  });
