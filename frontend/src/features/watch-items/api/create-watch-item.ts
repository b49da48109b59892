// POST /api/v1/watch-items: adds a topic to the caller's delegation watch-list, with a note.
import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApiRequestBody } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { watchItemsQueryKey } from './get-watch-items';

export type CreateWatchItemInput = ApiRequestBody<'/api/v1/watch-items'>;

/** `idempotencyKey` is fixed per submission, so a retried request cannot create a second entry. */
export function createWatchItem(body: CreateWatchItemInput, idempotencyKey: string) {
  return unwrap(api.POST('/api/v1/watch-items', { body, headers: { 'Idempotency-Key': idempotencyKey } }));
}

export function useCreateWatchItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateWatchItemInput; idempotencyKey: string }) =>
      createWatchItem(body, idempotencyKey),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: watchItemsQueryKey }),
  });
}
