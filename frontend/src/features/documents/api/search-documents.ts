// GET /api/v1/documents/search: the library's full-text search, best matches first, paged by cursor.
import { infiniteQueryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { documentsQueryKey } from './keys';

export const SEARCH_PAGE_SIZE = 20;

export const searchDocumentsQueryOptions = (q: string) =>
  infiniteQueryOptions({
    queryKey: [...documentsQueryKey, 'search', q],
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/documents/search', {
          params: { query: { q, limit: SEARCH_PAGE_SIZE, cursor: pageParam } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
    enabled: q.trim().length > 0,
  });
