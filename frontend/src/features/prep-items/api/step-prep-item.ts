// POST /api/v1/prep-items/{id}/steps: moves a prep item along the workflow (with the outcome to record it).
import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApiRequestBody } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { prepItemQueryKey, prepItemsQueryKey } from './keys';

export type PrepStepInput = ApiRequestBody<'/api/v1/prep-items/{id}/steps'>;

export function stepPrepItem(id: string, body: PrepStepInput) {
  return unwrap(api.POST('/api/v1/prep-items/{id}/steps', { params: { path: { id } }, body }));
}

export function useStepPrepItem(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PrepStepInput) => stepPrepItem(id, body),
    onSuccess: (updated) => {
      queryClient.setQueryData(prepItemQueryKey(id), updated);
      // The board, the lists, the steps and the alignment report all move with the status.
      void queryClient.invalidateQueries({ queryKey: ['alignment'] });
      return queryClient.invalidateQueries({ queryKey: prepItemsQueryKey });
    },
  });
}
