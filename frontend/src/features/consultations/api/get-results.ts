// GET /api/v1/consultations/{id}/results: counts, shares, mean and median per question under the
// respondent filters, with small cells withheld.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import type { ResultsFilters } from '../lib/results-filters';

import { consultationQueryKey } from './get-consultation';

export function getResults(id: string, filters: ResultsFilters, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/consultations/{id}/results', { params: { path: { id }, query: filters }, signal }));
}

export const resultsQueryOptions = (id: string, filters: ResultsFilters) =>
  queryOptions({
    queryKey: [...consultationQueryKey(id), 'results', filters],
    queryFn: ({ signal }) => getResults(id, filters, signal),
    placeholderData: keepPreviousData,
  });
