import { screen, within } from '@testing-library/react';

import { renderWithProviders } from '@/testing/render';

import { WtoNotificationDetails } from './wto-notification-details';

let body: unknown = null;

vi.mock('@/lib/api-client', () => ({
  api: {
    GET: (path: string) =>
      Promise.resolve(
        path === '/api/v1/wto-notifications/{id}'
          ? { data: body, response: new Response(null, { status: 200 }) }
          : { data: { items: [] }, response: new Response(null, { status: 200 }) },
      ),
  },
}));

const notification = {
  id: 'n1',
  symbol: 'G/SPS/N/EU/999',
  agreement: 'sps',
  notifying_member: 'EU',
  title: 'Maximum residue levels for shrimp',
  products: 'Crustaceans',
  objective: 'Food safety',
  hs_codes: ['0306'],
  distributed_on: '2026-11-20',
  comment_deadline: '2027-01-19',
  comment_open: true,
  matches_readable: 1,
  created_at: '2026-11-21T10:00:00Z',
  updated_at: '2026-11-21T10:00:00Z',
};

describe('a WTO notification page', { timeout: 20_000 }, () => {
  it('links each matching impediment the user may read', async () => {
    body = {
      ...notification,
      matches: [
        {
          impediment_id: 'imp-1',
          delegation_id: 'd-bgd',
          title: 'Residue testing of shrimp',
          ntm_code: 'A14',
          partner: 'EU',
          hs_code: '0306',
          matched_on: '2026-11-21T10:00:00Z',
        },
      ],
    };
    renderWithProviders(<WtoNotificationDetails id="n1" />);
    const table = await screen.findByTestId('wto-matches');
    expect(within(table).getByRole('link', { name: 'Residue testing of shrimp' })).toHaveAttribute('href', '/impediments/imp-1');
    expect(screen.getByText('1 matching impediment you may read')).toBeInTheDocument();
    expect(screen.getByText('open for comments')).toBeInTheDocument();
  });

  it('says so when none of the readable impediments matches', async () => {
    body = { ...notification, matches_readable: 0, comment_open: false, comment_deadline: null, matches: [] };
    renderWithProviders(<WtoNotificationDetails id="n1" />);
    expect(await screen.findByText('None of the impediments you may read matches this notification.')).toBeInTheDocument();
    expect(screen.getByText(/no deadline given/)).toBeInTheDocument();
    expect(screen.queryByTestId('wto-matches')).toBeNull();
  });
});
