// GET /api/v1/stakeholders: one page of the directory under the filters; the list pages with the cursor.
import { infiniteQueryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { filtersToQuery, type StakeholderFilters, type StakeholdersQuery } from '../lib/stakeholder-filters';

export const STAKEHOLDERS_PAGE_SIZE = 25;
export const stakeholdersQueryKey = ['stakeholders'] as const;

export function getStakeholders(query: StakeholdersQuery, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/stakeholders', { params: { query }, signal }));
}

export const stakeholdersQueryOptions = (filters: StakeholderFilters) =>
  infiniteQueryOptions({
    queryKey: [...stakeholdersQueryKey, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      getStakeholders({ ...filtersToQuery(filters), limit: STAKEHOLDERS_PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
