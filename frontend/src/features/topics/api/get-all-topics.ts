// GET /api/v1/topics?limit=200: the catalogue in one request, for pickers (a few dozen topics).
import { queryOptions } from '@tanstack/react-query';

import { getTopics } from './get-topics';

export const allTopicsQueryOptions = () =>
  queryOptions({
    queryKey: ['topics', 'all'],
    queryFn: ({ signal }) => getTopics({ limit: 200 }, signal),
    staleTime: 10 * 60_000,
  });
