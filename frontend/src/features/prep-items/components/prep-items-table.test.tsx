import { screen, within } from '@testing-library/react';

import { ListTable, type PagedQuery } from '@/components/ui/data-table';
import { renderWithProviders } from '@/testing/render';

import type { PrepItem } from '../lib/prep-types';

import { usePrepItemColumns } from './prep-items-table';

vi.mock('@/lib/reference', () => ({
  useNames: () => ({ topic: (code: string) => (code === 'FISH' ? 'FISH — Fisheries subsidies' : code) }),
}));

function item(id: string, overrides: Partial<PrepItem> = {}): PrepItem {
  return {
    id,
    ministerial: { code: 'MC14', name: 'Fourteenth Ministerial Conference' },
    owner: { kind: 'coalition', id: 'c1', name: 'Least developed countries', code: 'LDC' },
    visibility: 'regional',
    title: `Item ${id}`,
    summary: '',
    kind: 'position',
    interest: 'defensive',
    priority: 'high',
    status: 'drafting',
    deadline: '2026-11-01',
    overdue: true,
    topics: [{ id: 't1', code: 'FISH', title: 'Fisheries subsidies' }],
    steps_open: [],
    text_number: 0,
    can_edit: false,
    version: 1,
    created_at: '2026-10-01T00:00:00Z',
    updated_at: '2026-10-01T00:00:00Z',
    ...overrides,
  };
}

const rows = [item('a'), item('b', { deadline: null, overdue: false, topics: [], kind: 'proposal', status: 'agreed' })];

function query(overrides: Partial<PagedQuery<PrepItem>> = {}): PagedQuery<PrepItem> {
  return {
    data: { pages: [{ items: rows, next_cursor: 'next', total: 1000, total_is_lower_bound: true }] },
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

function Table({ q }: { q: PagedQuery<PrepItem> }) {
  const columns = usePrepItemColumns();
  return (
    <ListTable
      query={q}
      columns={columns}
      caption="Prep items"
      emptyMessage="No prep items yet."
      getRowId={(row) => row.id}
      sort={{ value: 'deadline', onChange: vi.fn() }}
      noun={(count) => `${count} prep items`}
      countTestId="prep-items-count"
    />
  );
}

describe('the prep items table', () => {
  it('shows each item with its codes named, its owner and its deadline in words', () => {
    renderWithProviders(<Table q={query()} />);
    const [first, second] = screen.getAllByRole('row').slice(1);
    const a = within(first as HTMLElement);
    expect(a.getByRole('link', { name: 'Item a' })).toHaveAttribute('href', '/prep-items/a');
    expect(a.getByText('MC14 — Fourteenth Ministerial Conference')).toBeInTheDocument();
    expect(a.getByText('Least developed countries (LDC)')).toBeInTheDocument();
    expect(a.getByText('FISH — Fisheries subsidies')).toBeInTheDocument();
    expect(a.getByText(/^Overdue — was due/)).toBeInTheDocument();
    const b = within(second as HTMLElement);
    expect(b.getByText('No deadline')).toBeInTheDocument();
    expect(b.getByText('No topic linked')).toBeInTheDocument();
  });

  it('counts with the bounded total and sorts by the API fields', () => {
    renderWithProviders(<Table q={query()} />);
    expect(screen.getByTestId('prep-items-count')).toHaveTextContent('2 of more than 1000 prep items');
    for (const name of ['Title', 'Status', 'Priority', 'Deadline']) {
      expect(screen.getByRole('button', { name: new RegExp(name) })).toBeInTheDocument();
    }
    expect(screen.queryByRole('button', { name: /Owner/ })).toBeNull();
  });

  it('says when nothing matches', () => {
    renderWithProviders(<Table q={query({ data: { pages: [{ items: [], next_cursor: null, total: 0 }] }, hasNextPage: false })} />);
    expect(screen.getByText('No prep items yet.')).toBeInTheDocument();
  });
});
