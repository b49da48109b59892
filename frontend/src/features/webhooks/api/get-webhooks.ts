// GET /api/v1/webhooks: the caller's subscriptions (a key's own, or all of the user's with a session).
import { infiniteQueryOptions } from '@tanstack/react-query';

import type { components, operations } from '@/api/schema';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { webhookListKey } from './keys';

export type Webhook = components['schemas']['WebhookView'];
export type WebhookSort = NonNullable<NonNullable<operations['list_webhooks']['parameters']['query']>['sort']>;

export const webhooksPage =
  (sort: WebhookSort | undefined, limit = 50) =>
  (cursor: string | undefined, signal?: AbortSignal) =>
    unwrap(api.GET('/api/v1/webhooks', { params: { query: { limit, cursor, sort } }, signal }));

export const webhooksQueryOptions = (sort: WebhookSort | undefined) =>
  infiniteQueryOptions({
    queryKey: webhookListKey(sort),
    queryFn: ({ pageParam, signal }) => webhooksPage(sort)(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
