// GET /api/v1/briefing-requests/{id} and its history and comments: one request, with the steps open to
// the caller; the workflow history, oldest first; the conversation, oldest first.
import { queryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { briefingQueryKey } from './keys';

export const briefingQueryOptions = (id: string) =>
  queryOptions({
    queryKey: briefingQueryKey(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/briefing-requests/{id}', { params: { path: { id } }, signal })),
  });

export const briefingStepsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...briefingQueryKey(id), 'steps'],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/briefing-requests/{id}/steps', { params: { path: { id } }, signal })),
  });

export const briefingCommentsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...briefingQueryKey(id), 'comments'],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/briefing-requests/{id}/comments', { params: { path: { id } }, signal })),
  });
