// GET /api/v1/ministerials: the conferences, for the board's choice of ministerial.
import { queryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

export const ministerialsQueryOptions = () =>
  queryOptions({
    queryKey: ['reference', 'ministerials'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/ministerials', { params: { query: { limit: 200 } }, signal })),
    staleTime: 60 * 60_000,
  });
