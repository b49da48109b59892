// GET, POST /api/v1/prep-items/{id}/evidence and DELETE …/evidence/{link_id}: the links to the MSME
// evidence a prep item rests on. Adding or removing one changes the strength and the alignment report.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApiRequestBody } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { prepItemQueryKey } from './keys';

export type AddEvidenceInput = ApiRequestBody<'/api/v1/prep-items/{id}/evidence'>;

export const evidenceQueryKey = (id: string) => [...prepItemQueryKey(id), 'evidence'] as const;

export function getEvidence(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/prep-items/{id}/evidence', { params: { path: { id } }, signal }));
}

export const evidenceQueryOptions = (id: string) =>
  queryOptions({ queryKey: evidenceQueryKey(id), queryFn: ({ signal }) => getEvidence(id, signal) });

function useRefreshAfterEvidence(id: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['alignment'] });
    return queryClient.invalidateQueries({ queryKey: prepItemQueryKey(id) });
  };
}

export function useAddEvidence(id: string) {
  const refresh = useRefreshAfterEvidence(id);
  return useMutation({
    mutationFn: (body: AddEvidenceInput) =>
      unwrap(api.POST('/api/v1/prep-items/{id}/evidence', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
}

export function useRemoveEvidence(id: string) {
  const refresh = useRefreshAfterEvidence(id);
  return useMutation({
    mutationFn: (linkId: string) =>
      unwrap(api.DELETE('/api/v1/prep-items/{id}/evidence/{link_id}', { params: { path: { id, link_id: linkId } } })),
    onSuccess: refresh,
  });
}
