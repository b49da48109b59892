// GET /api/v1/meetings/{id}/minutes: the minutes, when there are some and the caller may read them
// (a 404 is "none to show", not an error on the page); PUT saves the whole text (organiser only), with
// the meeting's version the editor started from as If-Match — a save over someone else's is a 412.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApiRequestBody } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { meetingQueryKey } from './keys';

export type MinutesInput = ApiRequestBody<'/api/v1/meetings/{id}/minutes', 'put'>;

export const minutesQueryKey = (id: string) => [...meetingQueryKey(id), 'minutes'] as const;

export const minutesQueryOptions = (id: string) =>
  queryOptions({
    queryKey: minutesQueryKey(id),
    queryFn: async ({ signal }) => {
      const res = await api.GET('/api/v1/meetings/{id}/minutes', { params: { path: { id } }, signal });
      if (res.response.status === 404) return null;
      return unwrap(Promise.resolve(res));
    },
  });

export type SaveMinutes = MinutesInput & {
  /** The meeting's version the text was written from (its ETag). */
  version: number;
};

export function useSaveMinutes(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, ...body }: SaveMinutes) =>
      unwrap(
        api.PUT('/api/v1/meetings/{id}/minutes', {
          params: { path: { id }, header: { 'If-Match': `"${version}"` } },
          body,
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(minutesQueryKey(id), saved);
      // `has_minutes` on the meeting.
      return queryClient.invalidateQueries({ queryKey: meetingQueryKey(id), exact: true });
    },
  });
}
