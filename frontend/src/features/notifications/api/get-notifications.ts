// GET /api/v1/me/notifications: the caller's own, unread first, then newest first.
import { infiniteQueryOptions } from '@tanstack/react-query';

import type { ApiItem } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { notificationsKey } from './keys';

export type Notification = ApiItem<'/api/v1/me/notifications'>;

const PAGE_SIZE = 50;

export const notificationsPage =
  (unread: boolean, limit = PAGE_SIZE) =>
  (cursor: string | undefined, signal?: AbortSignal) =>
    unwrap(
      api.GET('/api/v1/me/notifications', { params: { query: { unread: unread || undefined, limit, cursor } }, signal }),
    );

export const notificationsQueryOptions = (unread: boolean) =>
  infiniteQueryOptions({
    queryKey: [...notificationsKey, 'list', { unread }],
    queryFn: ({ pageParam, signal }) => notificationsPage(unread)(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
