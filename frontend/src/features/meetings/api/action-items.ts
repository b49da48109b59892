// Action items: a meeting's (GET /meetings/{id}/action-items), the caller's open ones
// (GET /action-items?owner=me&status=open), recording one (POST /meetings/{id}/action-items, retry-safe
// with an Idempotency-Key) and marking one done (PATCH /action-items/{id}, If-Match).
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApiRequestBody } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { actionItemsQueryKey, meetingsQueryKey } from './keys';

export const meetingActionItemsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...actionItemsQueryKey, 'meeting', id],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/meetings/{id}/action-items', { params: { path: { id } }, signal })),
  });

export const myOpenActionItemsQueryOptions = () =>
  queryOptions({
    queryKey: [...actionItemsQueryKey, 'mine'],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/action-items', {
          params: { query: { owner: 'me', status: 'open', sort: 'due_on', limit: 50 } },
          signal,
        }),
      ),
  });

export function useMarkDone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      unwrap(
        api.PATCH('/api/v1/action-items/{id}', {
          params: { path: { id }, header: { 'If-Match': `"${version}"` } },
          body: { status: 'done' },
        }),
      ),
    onSuccess: () => {
      // The home page lists open action items too (its key is `home`, owned by the home feature).
      void queryClient.invalidateQueries({ queryKey: ['home'] });
      return queryClient.invalidateQueries({ queryKey: meetingsQueryKey });
    },
  });
}

export type ActionItemInput = ApiRequestBody<'/api/v1/meetings/{id}/action-items'>;

export function useCreateActionItem(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: ActionItemInput; idempotencyKey: string }) =>
      unwrap(
        api.POST('/api/v1/meetings/{id}/action-items', {
          params: { path: { id: meetingId } },
          body,
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['home'] });
      return queryClient.invalidateQueries({ queryKey: actionItemsQueryKey });
    },
  });
}
