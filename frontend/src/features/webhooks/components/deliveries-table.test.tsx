import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { renderWithProviders } from '@/testing/render';

import type * as DeliveriesApi from '../api/deliveries';
import type { Delivery } from '../api/deliveries';

import { DeliveriesTable } from './deliveries-table';

const mutate = vi.fn();
const page = vi.fn();
vi.mock('../api/deliveries', async (original) => {
  const real = await original<typeof DeliveriesApi>();
  return {
    ...real,
    deliveriesPage: () => (cursor: string | undefined) => page(cursor),
    deliveriesQueryOptions: (id: string) => ({
      ...real.deliveriesQueryOptions(id),
      queryFn: () => page(undefined),
    }),
    useReplayDelivery: () => ({ mutate, isError: false, error: null }),
  };
});

function delivery(id: string, overrides: Partial<Delivery> = {}): Delivery {
  return {
    id,
    subscription_id: 'w1',
    event_type: 'import.finished',
    status: 'succeeded',
    attempts: 1,
    http_status: 204,
    latency_ms: 37,
    response_excerpt: 'ok',
    last_error: null,
    created_at: '2026-11-30T10:00:00Z',
    last_attempt_at: '2026-11-30T10:00:01Z',
    next_attempt_at: null,
    ...overrides,
  };
}

describe('a subscription’s delivery log', { timeout: 20_000 }, () => {
  beforeEach(() => {
    mutate.mockReset();
    page.mockReset();
  });

  it('shows each delivery’s state, status, latency and answer, and replays a settled one', async () => {
    page.mockResolvedValue({
      items: [
        delivery('d1'),
        delivery('d2', { status: 'failed', http_status: 500, latency_ms: 12, response_excerpt: 'down' }),
        delivery('d3', { status: 'pending', attempts: 0, http_status: null, latency_ms: null, response_excerpt: null }),
      ],
      next_cursor: null,
      total: 3,
      total_is_lower_bound: false,
    });
    renderWithProviders(<DeliveriesTable subscriptionId="w1" />);
    const table = await screen.findByRole('table', { name: 'Deliveries, newest first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(within(rows[0] as HTMLElement).getByText('Delivered')).toBeInTheDocument();
    expect(within(rows[0] as HTMLElement).getByText('37 ms')).toBeInTheDocument();
    expect(within(rows[1] as HTMLElement).getByText('Failed')).toBeInTheDocument();
    expect(within(rows[1] as HTMLElement).getByText('down')).toBeInTheDocument();
    // A pending delivery is still being sent: nothing to replay.
    expect(within(rows[2] as HTMLElement).queryByRole('button', { name: 'Replay' })).not.toBeInTheDocument();
    await userEvent.click(within(rows[1] as HTMLElement).getByRole('button', { name: 'Replay' }));
    expect(mutate).toHaveBeenCalledWith('d2', expect.anything());
  });

  it('says when nothing was delivered yet', async () => {
    page.mockResolvedValue({ items: [], next_cursor: null, total: 0, total_is_lower_bound: false });
    renderWithProviders(<DeliveriesTable subscriptionId="w1" />);
    expect(await screen.findByText('Nothing delivered yet.')).toBeInTheDocument();
  });
});
