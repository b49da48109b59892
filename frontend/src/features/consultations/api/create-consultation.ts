// POST /api/v1/consultations: starts a consultation (a draft) for the caller's delegation, or — for
// admins — any delegation or the region.
import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApiRequestBody } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { consultationsQueryKey } from './get-consultations';

export type CreateConsultationInput = ApiRequestBody<'/api/v1/consultations'>;

/** `idempotencyKey` is fixed per form, so a retried request cannot create it twice. */
export function createConsultation(body: CreateConsultationInput, idempotencyKey: string) {
  return unwrap(api.POST('/api/v1/consultations', { body, headers: { 'Idempotency-Key': idempotencyKey } }));
}

export function useCreateConsultation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateConsultationInput; idempotencyKey: string }) =>
      createConsultation(body, idempotencyKey),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: consultationsQueryKey }),
  });
}
