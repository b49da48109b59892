// PATCH /api/v1/meetings/{id} (If-Match: the version the form started from, so a change someone made
// meanwhile is refused with 412, never overwritten) and POST /api/v1/meetings/{id}/cancel.
import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApiRequestBody } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { meetingQueryKey, meetingsQueryKey } from './keys';

export type MeetingPatch = ApiRequestBody<'/api/v1/meetings/{id}', 'patch'>;

export function useUpdateMeeting(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, version }: { body: MeetingPatch; version: number }) =>
      unwrap(
        api.PATCH('/api/v1/meetings/{id}', {
          params: { path: { id }, header: { 'If-Match': `"${version}"` } },
          body,
        }),
      ),
    onSuccess: (updated) => {
      queryClient.setQueryData(meetingQueryKey(id), updated);
      return queryClient.invalidateQueries({ queryKey: meetingsQueryKey });
    },
  });
}

export function useCancelMeeting(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      unwrap(
        api.POST('/api/v1/meetings/{id}/cancel', {
          params: { path: { id }, header: { 'If-Match': `"${version}"` } },
        }),
      ),
    onSuccess: (updated) => {
      queryClient.setQueryData(meetingQueryKey(id), updated);
      return queryClient.invalidateQueries({ queryKey: meetingsQueryKey });
    },
  });
}
