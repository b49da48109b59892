// GET /api/v1/prep-items/board: one ministerial's prep items by status, under the board's filters.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { boardQuery, type BoardFilters } from '../lib/prep-filters';

import { prepItemsQueryKey } from './keys';

export function getBoard(ministerial: string, filters: BoardFilters, signal?: AbortSignal) {
  return unwrap(api.GET('/api/v1/prep-items/board', { params: { query: boardQuery(ministerial, filters) }, signal }));
}

export const boardQueryOptions = (ministerial: string, filters: BoardFilters) =>
  queryOptions({
    queryKey: [...prepItemsQueryKey, 'board', ministerial, filters],
    queryFn: ({ signal }) => getBoard(ministerial, filters, signal),
    placeholderData: keepPreviousData,
  });
