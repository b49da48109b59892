// The users list's sort, kept in the URL (lib/search-params.ts) so the admin page can be bookmarked as
// sorted. The API lists accounts by e-mail unless asked otherwise. The parameter has a name of its own
// because the audit log shares the admin page (and its URL).
import { defineSearchParams, param } from '@/lib/search-params';

export const userSorts = ['email', 'name', 'role', 'created_at'] as const;

export const userParams = defineSearchParams({ users_sort: param.sort(userSorts, 'email') });
