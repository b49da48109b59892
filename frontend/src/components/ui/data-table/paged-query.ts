// What a paged list reads of TanStack Query's infinite query result: structural, so every list's query
// fits whatever its page type.
import type { ListPage } from '@/api/lists';

export type PagedQuery<T = unknown> = {
  data?: { pages: readonly ListPage<T>[] } | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  hasNextPage: boolean;
  fetchNextPage: () => unknown;
  refetch: () => unknown;
};
