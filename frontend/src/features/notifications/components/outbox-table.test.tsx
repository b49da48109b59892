import { screen, within } from '@testing-library/react';

import { ListTable, type PagedQuery } from '@/components/ui/data-table';
import { renderWithProviders } from '@/testing/render';

import type { OutboxEmail } from '../api/get-outbox';

import { useOutboxColumns } from './outbox-table';

function mail(id: string, overrides: Partial<OutboxEmail> = {}): OutboxEmail {
  return {
    id,
    user_id: null,
    to: `${id}@example.org`,
    subject: `Subject ${id}`,
    status: 'queued',
    attempts: 0,
    last_error: null,
    created_at: '2026-11-30T10:00:00Z',
    sent_at: null,
    next_attempt_at: null,
    ...overrides,
  };
}

const rows = [
  mail('sent', { status: 'sent', attempts: 1, sent_at: '2026-11-30T10:01:00Z' }),
  mail('retry', {
    status: 'queued',
    attempts: 2,
    last_error: 'permanent error (550): 5.1.1 No such mailbox here',
    next_attempt_at: '2026-11-30T10:05:00Z',
  }),
  mail('failed', { status: 'failed', attempts: 5, last_error: 'timed out after 80 s' }),
];

function query(): PagedQuery<OutboxEmail> {
  return {
    data: { pages: [{ items: rows, next_cursor: null, total: 3 }] },
    isPending: false,
    isError: false,
    error: null,
    isFetching: false,
    isFetchingNextPage: false,
    isFetchNextPageError: false,
    hasNextPage: false,
    fetchNextPage: vi.fn(),
    refetch: vi.fn(),
  };
}

function Table() {
  const columns = useOutboxColumns();
  return (
    <ListTable
      query={query()}
      columns={columns}
      caption="Outbox"
      emptyMessage="Nothing"
      getRowId={(m) => m.id}
      noun={(count) => `${count} e-mails`}
    />
  );
}

describe('the e-mail outbox table', () => {
  it('shows each mail’s status in words, its attempts, the last error and when it went or goes next', () => {
    renderWithProviders(<Table />);
    for (const header of ['Status', 'Attempts', 'Last error', 'Sent / next attempt']) {
      expect(screen.getByRole('columnheader', { name: new RegExp(header) })).toBeInTheDocument();
    }
    const [sent, retry, failed] = screen.getAllByRole('row').slice(1);
    const s = within(sent as HTMLElement);
    expect(s.getByText('Sent')).toBeInTheDocument();
    expect(s.getByText('1')).toBeInTheDocument();
    const r = within(retry as HTMLElement);
    expect(r.getByText('Queued')).toBeInTheDocument();
    expect(r.getByText('2')).toBeInTheDocument();
    expect(r.getByText(/550/)).toHaveAttribute('title', 'permanent error (550): 5.1.1 No such mailbox here');
    expect(r.getByText(/^Next attempt /)).toBeInTheDocument();
    const f = within(failed as HTMLElement);
    expect(f.getByText('Failed')).toBeInTheDocument();
    expect(f.getByText('timed out after 80 s')).toBeInTheDocument();
    expect(f.queryByText(/^Next attempt /)).toBeNull();
  });
});
