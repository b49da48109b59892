// POST /api/v1/prep-items: a new prep item for a ministerial, owned by the caller's delegation or one of
// its coalitions.
import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApiRequestBody } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { prepItemsQueryKey } from './keys';

export type CreatePrepItemInput = ApiRequestBody<'/api/v1/prep-items'>;

/** `idempotencyKey` is fixed per submission, so a retried request cannot create the item twice. */
export function createPrepItem(body: CreatePrepItemInput, idempotencyKey: string) {
  return unwrap(api.POST('/api/v1/prep-items', { body, headers: { 'Idempotency-Key': idempotencyKey } }));
}

export function useCreatePrepItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreatePrepItemInput; idempotencyKey: string }) =>
      createPrepItem(body, idempotencyKey),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: prepItemsQueryKey }),
  });
}
