// GET /api/v1/consultations/{id}/crosstab: one question by one profile dimension, small cells withheld.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import type { CrosstabDimension, ResultsFilters } from '../lib/results-filters';

import { consultationQueryKey } from './get-consultation';

export function getCrosstab(
  id: string,
  question: string,
  by: CrosstabDimension,
  filters: ResultsFilters,
  signal?: AbortSignal,
) {
  return unwrap(
    api.GET('/api/v1/consultations/{id}/crosstab', {
      params: { path: { id }, query: { ...filters, question, by } },
      signal,
    }),
  );
}

export const crosstabQueryOptions = (id: string, question: string, by: CrosstabDimension, filters: ResultsFilters) =>
  queryOptions({
    queryKey: [...consultationQueryKey(id), 'crosstab', question, by, filters],
    queryFn: ({ signal }) => getCrosstab(id, question, by, filters, signal),
    enabled: question !== '',
    placeholderData: keepPreviousData,
  });
