// GET /api/v1/meetings/{id}/minutes: the minutes, when there are some and the caller may read them
// (a 404 is "none to show", not an error on the page).
import { queryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { meetingQueryKey } from './keys';

export const minutesQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...meetingQueryKey(id), 'minutes'],
    queryFn: async ({ signal }) => {
      const res = await api.GET('/api/v1/meetings/{id}/minutes', { params: { path: { id } }, signal });
      if (res.response.status === 404) return null;
      return unwrap(Promise.resolve(res));
    },
  });
