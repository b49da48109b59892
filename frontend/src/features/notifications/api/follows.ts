// GET and PUT /api/v1/me/follows: what the caller follows (the whole set is sent back).
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApiRequestBody } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { followsKey } from './keys';

export type FollowsBody = ApiRequestBody<'/api/v1/me/follows', 'put'>;

export const followsQueryOptions = () =>
  queryOptions({ queryKey: followsKey, queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me/follows', { signal })) });

export function usePutFollows() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FollowsBody) => unwrap(api.PUT('/api/v1/me/follows', { body })),
    onSuccess: (data) => queryClient.setQueryData(followsKey, data),
  });
}
