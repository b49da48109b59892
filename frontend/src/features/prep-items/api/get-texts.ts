// GET /api/v1/prep-items/{id}/texts: the text's versions, newest last, without their bodies.
import { queryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { prepItemQueryKey } from './keys';

export const textsQueryKey = (id: string) => [...prepItemQueryKey(id), 'texts'] as const;

export function getTexts(id: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/prep-items/{id}/texts', { params: { path: { id } }, signal }));
}

export const textsQueryOptions = (id: string) =>
  queryOptions({ queryKey: textsQueryKey(id), queryFn: ({ signal }) => getTexts(id, signal) });
