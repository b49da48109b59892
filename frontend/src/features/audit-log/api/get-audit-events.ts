// GET /api/v1/audit-events (admin): who did what to which record, newest first, page by page.
import { infiniteQueryOptions } from '@tanstack/react-query';

import type { ApiItem, ApiQuery } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

export type AuditEvent = ApiItem<'/api/v1/audit-events'>;
export type AuditFilter = Pick<ApiQuery<'/api/v1/audit-events'>, 'entity_type' | 'action'>;

export function getAuditEvents(query: ApiQuery<'/api/v1/audit-events'>, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/audit-events', { params: { query }, signal }));
}

export const auditEventsQueryOptions = (filter: AuditFilter = {}) =>
  infiniteQueryOptions({
    queryKey: ['audit-events', 'list', filter],
    queryFn: ({ pageParam, signal }) => getAuditEvents({ ...filter, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
