// GET /api/v1/countries: the reference list of countries (the region's members and their partners).
import { queryOptions } from '@tanstack/react-query';

import type { ApiItem } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

export type Country = ApiItem<'/api/v1/countries'>;

export function getCountries(signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/countries', { params: { query: { limit: 200 } }, signal }));
}

export const countriesQueryOptions = () =>
  queryOptions({ queryKey: ['countries'], queryFn: ({ signal }) => getCountries(signal), staleTime: 60 * 60_000 });
