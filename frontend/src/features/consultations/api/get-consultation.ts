// GET /api/v1/consultations/{id}: one consultation with its questionnaire and version.
import { queryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { consultationsQueryKey } from './get-consultations';

export function getConsultation(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/consultations/{id}', { params: { path: { id } }, signal }));
}

export const consultationQueryKey = (id: string) => [...consultationsQueryKey, 'detail', id] as const;

export const consultationQueryOptions = (id: string) =>
  queryOptions({ queryKey: consultationQueryKey(id), queryFn: ({ signal }) => getConsultation(id, signal) });
