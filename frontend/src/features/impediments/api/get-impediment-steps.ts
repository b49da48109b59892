// GET /api/v1/impediments/{id}/steps: the workflow history, oldest first.
import { queryOptions } from '@tanstack/react-query';

import type { ApiItem } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { impedimentQueryKey } from './get-impediment';

export type ImpedimentStep = ApiItem<'/api/v1/impediments/{id}/steps'>;

export function getImpedimentSteps(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/impediments/{id}/steps', { params: { path: { id } }, signal }));
}

export const impedimentStepsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...impedimentQueryKey(id), 'steps'],
    queryFn: ({ signal }) => getImpedimentSteps(id, signal),
  });
