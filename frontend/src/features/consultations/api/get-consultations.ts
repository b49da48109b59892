// GET /api/v1/consultations: one page of the consultations the user may see; the list pages with the cursor.
import { infiniteQueryOptions } from '@tanstack/react-query';

import type { ApiQuery } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import type { ConsultationFilters } from '../lib/consultation-filters';

export const CONSULTATIONS_PAGE_SIZE = 25;
export const consultationsQueryKey = ['consultations'] as const;

export function getConsultations(query: ApiQuery<'/api/v1/consultations'>, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/consultations', { params: { query }, signal }));
}

export const consultationsQueryOptions = (filters: ConsultationFilters) =>
  infiniteQueryOptions({
    queryKey: [...consultationsQueryKey, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      getConsultations({ ...filters, limit: CONSULTATIONS_PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
