// POST /api/v1/webhooks: a subscription; the answer carries its signing secret, this once. No
// Idempotency-Key: the server keeps no replay of it (a stored answer would show the secret again).
import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { webhooksQueryKey } from './keys';

export type CreateWebhookInput = components['schemas']['CreateWebhookRequest'];
export type WebhookEvent = components['schemas']['WebhookEvent'];

export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWebhookInput) => unwrap(api.POST('/api/v1/webhooks', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksQueryKey }),
  });
}
