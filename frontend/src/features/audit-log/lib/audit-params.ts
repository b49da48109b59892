// The audit log's sort, kept in the URL (lib/search-params.ts): newest first unless the admin picks
// otherwise. Its own parameter name, because the users list shares the admin page.
import { defineSearchParams, param } from '@/lib/search-params';

export const auditSorts = ['at', 'action'] as const;

export const auditParams = defineSearchParams({ audit_sort: param.sort(auditSorts, '-at') });
