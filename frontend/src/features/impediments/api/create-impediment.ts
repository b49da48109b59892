// POST /api/v1/impediments: reports an impediment for the caller's delegation.
import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApiRequestBody } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { impedimentsQueryKey } from './get-impediments';

export type CreateImpedimentInput = ApiRequestBody<'/api/v1/impediments'>;

/** `idempotencyKey` is fixed per submission, so a retried request cannot report it twice. */
export function createImpediment(body: CreateImpedimentInput, idempotencyKey: string) {
  return unwrap(api.POST('/api/v1/impediments', { body, headers: { 'Idempotency-Key': idempotencyKey } }));
}

export function useCreateImpediment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateImpedimentInput; idempotencyKey: string }) =>
      createImpediment(body, idempotencyKey),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: impedimentsQueryKey }),
  });
}
