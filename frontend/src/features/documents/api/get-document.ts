// GET /api/v1/documents/{id} (with the current version's Markdown) and its versions.
import { queryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { documentQueryKey } from './keys';

export const documentQueryOptions = (id: string) =>
  queryOptions({
    queryKey: documentQueryKey(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/documents/{id}', { params: { path: { id } }, signal })),
  });

export const documentVersionsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...documentQueryKey(id), 'versions'],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/documents/{id}/versions', { params: { path: { id } }, signal })),
  });
