// GET /api/v1/meetings/{id}/participants: the people taking part, by name — whom an action item may be
// given to.
import { queryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { meetingQueryKey } from './keys';

export const participantsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...meetingQueryKey(id), 'participants'],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/meetings/{id}/participants', { params: { path: { id } }, signal })),
  });
