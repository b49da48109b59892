// GET /api/v1/ntm-categories: the MAST chapters (A–P) and procedural-obstacle groups (PO-*).
import { queryOptions } from '@tanstack/react-query';

import type { ApiItem } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

export type NtmCategory = ApiItem<'/api/v1/ntm-categories'>;

export function getNtmCategories(signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/ntm-categories', { params: { query: { limit: 200 } }, signal }));
}

export const ntmCategoriesQueryOptions = () =>
  queryOptions({
    queryKey: ['ntm-categories'],
    queryFn: ({ signal }) => getNtmCategories(signal),
    staleTime: 60 * 60_000,
  });
