// GET /api/v1/stakeholders/{id}: one stakeholder, without its contact details.
import { queryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { stakeholdersQueryKey } from './get-stakeholders';

export function getStakeholder(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/stakeholders/{id}', { params: { path: { id } }, signal }));
}

export const stakeholderQueryKey = (id: string) => [...stakeholdersQueryKey, 'detail', id] as const;

export const stakeholderQueryOptions = (id: string) =>
  queryOptions({ queryKey: stakeholderQueryKey(id), queryFn: ({ signal }) => getStakeholder(id, signal) });
