// GET /api/v1/prep-items: the prep items the caller may read, here those due before a date (the home
// card's "deadlines this week"), soonest first.
import { queryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { prepItemsQueryKey } from './keys';

/** Enough for a week of deadlines; the card links to the board for the rest. */
const DUE_LIMIT = 50;

export function getPrepItemsDueBefore(dueBefore: string, signal?: AbortSignal) {
  return unwrap(
    api.GET('/api/v1/prep-items', {
      params: { query: { due_before: dueBefore, sort: 'deadline', limit: DUE_LIMIT } },
      signal,
    }),
  );
}

export const dueBeforeQueryOptions = (dueBefore: string) =>
  queryOptions({
    queryKey: [...prepItemsQueryKey, 'due-before', dueBefore],
    queryFn: ({ signal }) => getPrepItemsDueBefore(dueBefore, signal),
  });

/** The prep items on a topic, of an owner (the alignment report's drill-down). */
export const topicPrepItemsQueryOptions = (topicId: string, owner: { delegation_id?: string; coalition_id?: string }) =>
  queryOptions({
    queryKey: [...prepItemsQueryKey, 'topic', topicId, owner],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/prep-items', {
          params: { query: { topic: topicId, ...owner, sort: 'deadline', limit: DUE_LIMIT } },
          signal,
        }),
      ),
  });
