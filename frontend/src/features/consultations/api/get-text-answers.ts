// GET /api/v1/consultations/{id}/text-answers: the answers to one text question, newest first, paged;
// withheld when a filter leaves fewer than k respondents.
import { infiniteQueryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import type { ResultsFilters } from '../lib/results-filters';

import { consultationQueryKey } from './get-consultation';

export const TEXT_ANSWERS_PAGE_SIZE = 20;

export function getTextAnswers(
  id: string,
  question: string,
  filters: ResultsFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
) {
  return unwrap(
    api.GET('/api/v1/consultations/{id}/text-answers', {
      params: { path: { id }, query: { ...filters, question, limit: TEXT_ANSWERS_PAGE_SIZE, cursor } },
      signal,
    }),
  );
}

export const textAnswersQueryOptions = (id: string, question: string, filters: ResultsFilters) =>
  infiniteQueryOptions({
    queryKey: [...consultationQueryKey(id), 'text-answers', question, filters],
    queryFn: ({ pageParam, signal }) => getTextAnswers(id, question, filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
