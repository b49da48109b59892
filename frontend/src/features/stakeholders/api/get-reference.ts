// GET /api/v1/countries and /api/v1/sectors: the choices of the stakeholder form and filters.
import { queryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

export const stakeholderCountriesQueryOptions = () =>
  queryOptions({
    queryKey: ['countries'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/countries', { params: { query: { limit: 200 } }, signal })),
    staleTime: 60 * 60_000,
  });

export const sectorsQueryOptions = () =>
  queryOptions({
    queryKey: ['sectors'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/sectors', { signal })),
    staleTime: 60 * 60_000,
  });
