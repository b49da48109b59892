// GET /api/v1/wto-notifications (the SPS and TBT notifications an admin or analyst imported from ePing,
// public WTO data) and GET /api/v1/wto-notifications/{id} (one, with the impediments it matches that the
// caller may read: the others are neither listed nor counted by the server).
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';

import type { components } from '@/api/schema';
import type { ApiItem } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { wtoListQuery, type WtoListFilters } from '../lib/wto-filters';

export type WtoNotification = ApiItem<'/api/v1/wto-notifications'>;
export type WtoNotificationDetail = components['schemas']['WtoNotificationDetail'];
export type WtoMatch = components['schemas']['WtoMatch'];

export const wtoNotificationsQueryKey = ['wto-notifications'] as const;
const PAGE_SIZE = 50;

/** One page of `limit` notifications matching `filters`, after `cursor`. */
export const wtoNotificationsPage =
  (filters: WtoListFilters, limit = PAGE_SIZE) =>
  (cursor: string | undefined, signal?: AbortSignal) =>
    unwrap(api.GET('/api/v1/wto-notifications', { params: { query: { ...wtoListQuery(filters), limit, cursor } }, signal }));

export const wtoNotificationsQueryOptions = (filters: WtoListFilters) =>
  infiniteQueryOptions({
    queryKey: [...wtoNotificationsQueryKey, 'list', filters],
    queryFn: ({ pageParam, signal }) => wtoNotificationsPage(filters)(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });

export const wtoNotificationQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...wtoNotificationsQueryKey, 'one', id],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/wto-notifications/{id}', { params: { path: { id } }, signal })),
  });
