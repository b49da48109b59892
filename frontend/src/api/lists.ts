// What every cursor-paged list endpoint shares: the page shape, the first page's `total` and the `sort`
// parameter. The one place these are typed loosely: `total` and `sort` arrive on every list with the
// API's sortable, counted lists; `ApiSort` narrows to a list's declared sort values where the generated
// types carry them, and reading `total` tolerates a server that does not send it yet.
import type { paths } from './schema';
import type { ApiQuery } from './types';

/**
 * One page of a cursor-paged list. `total` is on the first page only (null later, or when unknown); the
 * server counts up to 1,000 and past that sends 1,000 with `total_is_lower_bound`.
 */
export type ListPage<T> = {
  items: T[];
  next_cursor?: string | null;
  total?: number | null;
  total_is_lower_bound?: boolean;
};

/** The first page's count: `atLeast` when the server stopped counting ("more than 1,000"). */
export type ListTotal = { count: number; atLeast: boolean } | null;

/** The `sort` values a list accepts: `field` ascending, `-field` descending. */
export type ApiSort<P extends keyof paths> = ApiQuery<P> extends { sort?: infer S } ? NonNullable<S> : string;

/** The count of matching rows the first page reports, or null when it says nothing. */
export function listTotal(pages: readonly ListPage<unknown>[] | undefined): ListTotal {
  const first = pages?.[0];
  const total: unknown = first?.total;
  if (typeof total !== 'number' || !Number.isFinite(total)) return null;
  return { count: total, atLeast: first?.total_is_lower_bound === true };
}
