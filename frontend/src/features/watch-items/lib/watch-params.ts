// A watch-list's sort, kept in the URL (lib/search-params.ts); the list is one part of its page (home,
// a topic), so the parameter has a name of its own.
import { defineSearchParams, param } from '@/lib/search-params';

export const watchSorts = ['created_at', 'updated_at'] as const;

export const watchParams = defineSearchParams({ watch_sort: param.sort(watchSorts, 'created_at') });
