// What the evidence forms choose from: impediments by title and consultations with their questions,
// read straight from the registry's and the consultations' list endpoints (only what the user may read
// comes back). The tracker asks for these itself: features do not import each other.
import { queryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

/** Impediments whose title matches `q`, on `topic` (an id) when given. */
export const impedimentSearchQueryOptions = (q: string, topic: string) =>
  queryOptions({
    queryKey: ['impediments', 'evidence-search', q, topic],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/impediments', {
          params: { query: { q: q || undefined, topic: topic || undefined, limit: 50 } },
          signal,
        }),
      ),
  });

export const consultationChoicesQueryOptions = () =>
  queryOptions({
    queryKey: ['consultations', 'evidence-choices'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/consultations', { params: { query: { limit: 100 } }, signal })),
  });

export const consultationQuestionsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['consultations', 'detail', id],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/consultations/{id}', { params: { path: { id } }, signal })),
  });
