// POST /api/v1/stakeholders: adds a stakeholder to the caller's delegation.
import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApiRequestBody } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { stakeholdersQueryKey } from './get-stakeholders';

export type CreateStakeholderInput = ApiRequestBody<'/api/v1/stakeholders'>;

/** `idempotencyKey` is fixed per submission, so a retried request cannot create it twice. */
export function createStakeholder(body: CreateStakeholderInput, idempotencyKey: string) {
  return unwrap(api.POST('/api/v1/stakeholders', { body, headers: { 'Idempotency-Key': idempotencyKey } }));
}

export function useCreateStakeholder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateStakeholderInput; idempotencyKey: string }) =>
      createStakeholder(body, idempotencyKey),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: stakeholdersQueryKey }),
  });
}
