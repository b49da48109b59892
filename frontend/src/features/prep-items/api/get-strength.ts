// GET /api/v1/prep-items/{id}/strength and /api/v1/topics/{id}/strength: the evidence strength under the
// small-cell rule.
import { queryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { prepItemQueryKey } from './keys';

export const prepItemStrengthQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...prepItemQueryKey(id), 'strength'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/prep-items/{id}/strength', { params: { path: { id } }, signal })),
  });

export const topicStrengthQueryOptions = (topicId: string) =>
  queryOptions({
    queryKey: ['alignment', 'topic-strength', topicId],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/topics/{id}/strength', { params: { path: { id: topicId } }, signal })),
  });
