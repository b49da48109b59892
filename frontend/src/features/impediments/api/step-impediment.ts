// POST /api/v1/impediments/{id}/steps: moves an impediment along the workflow, with a note.
import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApiRequestBody } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { impedimentQueryKey } from './get-impediment';
import { impedimentsQueryKey } from './get-impediments';

export type StepInput = ApiRequestBody<'/api/v1/impediments/{id}/steps'>;

export function stepImpediment(id: string, body: StepInput) {
  return unwrap(api.POST('/api/v1/impediments/{id}/steps', { params: { path: { id } }, body }));
}

export function useStepImpediment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StepInput) => stepImpediment(id, body),
    onSuccess: (updated) => {
      queryClient.setQueryData(impedimentQueryKey(id), updated);
      return queryClient.invalidateQueries({ queryKey: impedimentsQueryKey });
    },
  });
}
