// GET /api/v1/meetings/{id}: one meeting, with its times in every zone, agenda, invitations and answers.
import { queryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { meetingQueryKey } from './keys';

export const meetingQueryOptions = (id: string) =>
  queryOptions({
    queryKey: meetingQueryKey(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/meetings/{id}', { params: { path: { id } }, signal })),
  });
