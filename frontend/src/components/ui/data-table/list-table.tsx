// A cursor-paged list as a table, the one way every list page shows its rows: the count ("25 of 806"),
// an export of the filtered list, the table with server-side sorting, and the states — a skeleton while
// the first page loads, the error with a retry, the empty message, Load more (busy while it loads) and
// the error of a next page with its own retry. The region is `aria-busy` while anything loads.
import { Group, Stack } from '@mantine/core';

import { listTotal } from '@/api/lists';

import { QueryError } from '../query-error';

import { DataTable, type DataTableProps } from './data-table';
import { ExportButton, type ListExport } from './export-button';
import { ListCount } from './list-count';
import { ListSkeleton } from './list-skeleton';
import { LoadMore } from './load-more';
import type { PagedQuery } from './paged-query';

type ListTableProps<T> = Omit<DataTableProps<T>, 'data'> & {
  query: PagedQuery<T>;
  /** The list's noun with its number, for the count: `(n) => t('impediments.count', { count: n })`. */
  noun: (count: number) => string;
  /** Test id of the count line. */
  countTestId?: string;
  /** Offer "Export CSV" of the list under its current filters and sort. */
  exporter?: ListExport<T>;
  testId?: string;
};

export function ListTable<T>({ query, noun, countTestId, exporter, testId, ...table }: ListTableProps<T>) {
  const pages = query.data?.pages;
  const rows = pages?.flatMap((page) => page.items) ?? [];
  const total = listTotal(pages);

  let body;
  if (query.isPending) {
    body = <ListSkeleton />;
  } else if (query.isError && rows.length === 0) {
    body = <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  } else {
    body = (
      <Stack gap="sm">
        <Group justify="space-between" align="center" gap="xs" wrap="wrap">
          <ListCount shown={rows.length} total={total} more={query.hasNextPage} noun={noun} testId={countTestId} />
          {exporter && rows.length > 0 ? <ExportButton exporter={exporter} columns={table.columns} total={total} /> : null}
        </Group>
        <DataTable data={rows} {...table} />
        <LoadMore query={query} />
      </Stack>
    );
  }

  return (
    <div aria-busy={query.isFetching} data-testid={testId}>
      {body}
    </div>
  );
}
