// GET /api/v1/stakeholders: one page of the directory under the filters and sort; the list pages with
// the cursor, and the export fetches every page at the largest size.
import { infiniteQueryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { filtersToQuery, type StakeholderFilters, type StakeholdersQuery } from '../lib/stakeholder-filters';

export const STAKEHOLDERS_PAGE_SIZE = 25;
export const stakeholdersQueryKey = ['stakeholders'] as const;

export function getStakeholders(query: StakeholdersQuery, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/stakeholders', { params: { query }, signal }));
}

/** One page of `limit` rows under `filters`, after `cursor`. */
export const stakeholdersPage =
  (filters: StakeholderFilters, limit = STAKEHOLDERS_PAGE_SIZE) =>
  (cursor: string | undefined, signal?: AbortSignal) =>
    getStakeholders({ ...filtersToQuery(filters), limit, cursor }, signal);

export const stakeholdersQueryOptions = (filters: StakeholderFilters) =>
  infiniteQueryOptions({
    queryKey: [...stakeholdersQueryKey, 'list', filters],
    queryFn: ({ pageParam, signal }) => stakeholdersPage(filters)(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.next_cursor ?? undefined,
  });
