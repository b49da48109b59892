// GET /api/v1/topics/{id}: one topic, by UUID or by code (FISH).
import { queryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

export function getTopic(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/topics/{id}', { params: { path: { id } }, signal }));
}

export const topicQueryOptions = (id: string) =>
  queryOptions({ queryKey: ['topics', 'detail', id], queryFn: ({ signal }) => getTopic(id, signal) });
