// GET /api/v1/delegations: the delegations taking part in the forum (a few dozen: one page).
import { queryOptions } from '@tanstack/react-query';

import type { ApiItem } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

export type Delegation = ApiItem<'/api/v1/delegations'>;

export function getDelegations(signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/delegations', { params: { query: { limit: 200 } }, signal }));
}

export const delegationsQueryOptions = () =>
  queryOptions({
    queryKey: ['delegations'],
    queryFn: ({ signal }) => getDelegations(signal),
    staleTime: 10 * 60_000,
  });
