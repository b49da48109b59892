// GET /api/v1/admin/email-outbox: admins see what was queued for whom and what became of it.
import { infiniteQueryOptions } from '@tanstack/react-query';

import type { ApiItem } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { outboxKey } from './keys';

export type OutboxEmail = ApiItem<'/api/v1/admin/email-outbox'>;

export const outboxPage =
  (limit = 50) =>
  (cursor: string | undefined, signal?: AbortSignal) =>
    unwrap(api.GET('/api/v1/admin/email-outbox', { params: { query: { limit, cursor } }, signal }));

export const outboxQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: outboxKey,
    queryFn: ({ pageParam, signal }) => outboxPage()(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
