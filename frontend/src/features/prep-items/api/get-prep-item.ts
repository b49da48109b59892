// GET /api/v1/prep-items/{id}: one prep item, with the steps open to the caller and whether they may edit.
import { queryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { prepItemQueryKey } from './keys';

export function getPrepItem(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/prep-items/{id}', { params: { path: { id } }, signal }));
}

export const prepItemQueryOptions = (id: string) =>
  queryOptions({ queryKey: prepItemQueryKey(id), queryFn: ({ signal }) => getPrepItem(id, signal) });
