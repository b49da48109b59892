// GET /api/v1/coalitions: the coalitions and their members (membership is not secret), for the owner
// choice of a new prep item and the board's filter.
import { queryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

export const coalitionsQueryOptions = () =>
  queryOptions({
    queryKey: ['coalitions'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/coalitions', { params: { query: { limit: 200 } }, signal })),
    staleTime: 10 * 60_000,
  });
