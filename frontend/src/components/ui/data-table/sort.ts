// A list's sort as the API takes it, `field` ascending or `-field` descending, and what a click on a
// sortable column header does to it.
import type { Param } from '@/lib/search-params';

export type SortDirection = 'ascending' | 'descending' | 'none';

/** How the list is sorted by `field`: the value of the header's `aria-sort`. */
export function sortDirection(sort: string | undefined, field: string): SortDirection {
  if (sort === field) return 'ascending';
  if (sort === `-${field}`) return 'descending';
  return 'none';
}

/**
 * The sort after a click on `field`'s header: the other direction when the list is sorted by it, else
 * ascending — or descending for columns whose useful end is the top (the newest date, the worst severity).
 */
export function nextSort(sort: string | undefined, field: string, descendingFirst = false): string {
  const direction = sortDirection(sort, field);
  if (direction === 'ascending') return `-${field}`;
  if (direction === 'descending') return field;
  return descendingFirst ? `-${field}` : field;
}

/** A table's sort control over a list's `sort` URL parameter (lib/search-params.ts). */
export function urlSort<V extends string>(
  sortParam: Param<V>,
  value: V | undefined,
  change: (sort: V | undefined) => void,
): { value: string | undefined; onChange: (sort: string) => void } {
  return { value: value ?? sortParam.fallback, onChange: (next) => change(sortParam.parse(next)) };
}
