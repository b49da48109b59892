import { createColumnHelper } from '@tanstack/react-table';
import { fireEvent, screen, within } from '@testing-library/react';

import { renderWithProviders } from '@/testing/render';

import { ListTable } from './list-table';
import type { PagedQuery } from './paged-query';

type Row = { id: string; title: string; severity: number };
const column = createColumnHelper<Row>();
const columns = [
  column.accessor('title', { header: 'Title', meta: { sort: 'title' } }),
  column.accessor('severity', { header: 'Severity', meta: { sort: 'severity', sortDescendingFirst: true } }),
  column.accessor('id', { header: 'Id' }),
];
const rows: Row[] = Array.from({ length: 25 }, (_, i) => ({ id: String(i), title: `Row ${i}`, severity: 3 }));

function query(overrides: Partial<PagedQuery<Row>> = {}): PagedQuery<Row> {
  return {
    data: { pages: [{ items: rows, next_cursor: 'next', total: 806 }] },
    isPending: false,
    isError: false,
    error: null,
    isFetching: false,
    isFetchingNextPage: false,
    isFetchNextPageError: false,
    hasNextPage: true,
    fetchNextPage: vi.fn(),
    refetch: vi.fn(),
    ...overrides,
  };
}

const noun = (count: number) => `${new Intl.NumberFormat('en').format(count)} ${count === 1 ? 'row' : 'rows'}`;

function renderList(q: PagedQuery<Row>, onSort = vi.fn(), sort = '-created_at') {
  renderWithProviders(
    <ListTable
      query={q}
      columns={columns}
      caption="Rows"
      emptyMessage="No rows."
      getRowId={(r) => r.id}
      sort={{ value: sort, onChange: onSort }}
      noun={noun}
      countTestId="count"
    />,
  );
  return onSort;
}

describe('ListTable', () => {
  it('says how many of how many are shown', () => {
    renderList(query());
    expect(screen.getByTestId('count')).toHaveTextContent('25 of 806 rows');
  });

  it('says "more than" when the server stopped counting', () => {
    const pages = [{ items: rows, next_cursor: 'next', total: 1000, total_is_lower_bound: true }];
    renderList(query({ data: { pages } }));
    expect(screen.getByTestId('count')).toHaveTextContent('25 of more than 1,000 rows');
  });

  it('says how many are shown when the total is unknown', () => {
    renderList(query({ data: { pages: [{ items: rows, next_cursor: 'next', total: null }] } }));
    expect(screen.getByTestId('count')).toHaveTextContent('25 rows shown');
  });

  it('gives the count alone when every row is shown', () => {
    renderList(query({ hasNextPage: false, data: { pages: [{ items: rows.slice(0, 3), total: 3 }] } }));
    expect(screen.getByTestId('count')).toHaveTextContent(/^3 rows$/);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('marks the sort on the header cells and changes it from the header buttons', () => {
    const onSort = renderList(query(), vi.fn(), 'title');
    const table = screen.getByRole('table', { name: 'Rows' });
    const [title, severity, id] = within(table).getAllByRole('columnheader');
    expect(title).toHaveAttribute('aria-sort', 'ascending');
    expect(severity).toHaveAttribute('aria-sort', 'none');
    expect(id).not.toHaveAttribute('aria-sort');
    fireEvent.click(within(title as HTMLElement).getByRole('button', { name: 'Title' }));
    expect(onSort).toHaveBeenLastCalledWith('-title');
    fireEvent.click(within(severity as HTMLElement).getByRole('button', { name: 'Severity' }));
    expect(onSort).toHaveBeenLastCalledWith('-severity');
  });

  it('shows a next page that failed with a retry, and Load more', () => {
    const q = query({ isFetchNextPageError: true, isError: true, error: new Error('boom') });
    renderList(q);
    expect(screen.getByRole('alert')).toHaveTextContent('Could not load more');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(q.fetchNextPage).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('table', { name: 'Rows' })).toBeInTheDocument();
  });

  it('is busy while a page loads', () => {
    renderList(query({ isFetching: true, isFetchingNextPage: true }));
    expect(screen.getByTestId('count').closest('[aria-busy]')).toHaveAttribute('aria-busy', 'true');
  });

  it('shows a skeleton, then the error with a retry, then the empty message', () => {
    const { unmount } = renderWithProviders(
      <ListTable query={query({ isPending: true, data: undefined })} columns={columns} caption="Rows" emptyMessage="No rows." getRowId={(r) => r.id} noun={noun} />,
    );
    expect(screen.getByTestId('list-loading')).toBeInTheDocument();
    unmount();
    const failed = query({ isError: true, error: new Error('boom'), data: undefined });
    renderList(failed);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(failed.refetch).toHaveBeenCalledTimes(1);
  });
});
