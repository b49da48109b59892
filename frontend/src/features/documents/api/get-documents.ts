// GET /api/v1/documents for the library list: one page under the filters and sort; the list pages with the
// cursor, and the export fetches every page at the largest size.
import { infiniteQueryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { documentListQuery, type DocumentListFilters, type DocumentsQuery } from '../lib/document-filters';

import { documentsQueryKey } from './keys';

export const DOCUMENTS_PAGE_SIZE = 25;

export function getDocumentsPage(query: DocumentsQuery, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/documents', { params: { query }, signal }));
}

export const documentsPage =
  (filters: DocumentListFilters, limit = DOCUMENTS_PAGE_SIZE) =>
  (cursor: string | undefined, signal?: AbortSignal) =>
    getDocumentsPage({ ...documentListQuery(filters), limit, cursor }, signal);

export const documentsListQueryOptions = (filters: DocumentListFilters) =>
  infiniteQueryOptions({
    queryKey: [...documentsQueryKey, 'list', filters],
    queryFn: ({ pageParam, signal }) => documentsPage(filters)(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
