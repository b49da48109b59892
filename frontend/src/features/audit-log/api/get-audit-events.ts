// GET /api/v1/audit-events (admin): who did what to which record, newest first, page by page.
import { infiniteQueryOptions } from '@tanstack/react-query';

import type { ApiSort } from '@/api/lists';
import type { ApiItem, ApiQuery } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';
import type { ValuesOf } from '@/lib/search-params';

import type { auditParams } from '../lib/audit-params';

export type AuditEvent = ApiItem<'/api/v1/audit-events'>;
type AuditQuery = ApiQuery<'/api/v1/audit-events'> & { sort?: ApiSort<'/api/v1/audit-events'> };
type AuditParams = ValuesOf<typeof auditParams.schema>;

const AUDIT_PAGE_SIZE = 50;

export function getAuditEvents(query: AuditQuery, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/audit-events', { params: { query }, signal }));
}

export const auditEventsPage =
  (params: AuditParams, limit = AUDIT_PAGE_SIZE) =>
  (cursor: string | undefined, signal?: AbortSignal) =>
    getAuditEvents({ sort: params.audit_sort, limit, cursor }, signal);

export const auditEventsQueryOptions = (params: AuditParams) =>
  infiniteQueryOptions({
    queryKey: ['audit-events', 'list', params],
    queryFn: ({ pageParam, signal }) => auditEventsPage(params)(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
