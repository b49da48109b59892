// GET /api/v1/prep-items/{id}/steps: the workflow history, oldest first.
import { queryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { prepItemQueryKey } from './keys';

export function getPrepItemSteps(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/prep-items/{id}/steps', { params: { path: { id } }, signal }));
}

export const prepItemStepsQueryOptions = (id: string) =>
  queryOptions({ queryKey: [...prepItemQueryKey(id), 'steps'], queryFn: ({ signal }) => getPrepItemSteps(id, signal) });
