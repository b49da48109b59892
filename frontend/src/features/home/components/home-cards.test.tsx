import { screen, within } from '@testing-library/react';

import { renderWithProviders } from '@/testing/render';

import type { Home } from '../api/get-home';

import { HomeCards } from './home-cards';

const home = {
  now: '2026-11-30T08:00:00Z',
  time_zone: 'Asia/Dhaka',
  unread_notifications: 7,
  notifications: [
    {
      id: 'n1',
      kind: 'followed_impediment',
      title: 'Validated impediment you follow: Shrimp testing',
      body: null,
      link: '/impediments/i1',
      subject_kind: 'impediment',
      subject_id: 'i1',
      created_at: '2026-11-30T06:00:00Z',
      read_at: null,
    },
  ],
  prep_deadlines: [
    { id: 'p1', title: 'Fisheries position', deadline: '2026-11-29', status: 'drafting', overdue: true, mine: true },
  ],
  consultations_closing: [],
  followed_impediments: [
    { id: 'i1', title: 'Shrimp testing', reporting_country: 'BGD', partner: 'EU', hs_code: '0306', updated_at: '2026-11-30T06:00:00Z' },
  ],
  open_action_items: [],
  rsvps_due: [],
  meetings_between: [],
  waiting_on: [],
} satisfies Home;

describe('the home cards', () => {
  it('count each section, link the records and say when nothing is due', () => {
    renderWithProviders(<HomeCards home={home} />);
    expect(screen.getByTestId('home-notifications-count')).toHaveTextContent('7');
    const followed = screen.getByTestId('home-followed');
    expect(within(followed).getByRole('link', { name: 'Shrimp testing' })).toHaveAttribute('href', '/impediments/i1');
    const deadlines = screen.getByTestId('home-deadlines');
    expect(within(deadlines).getByRole('link', { name: 'Fisheries position' })).toHaveAttribute('href', '/prep-items/p1');
    expect(within(deadlines).getByText('overdue')).toBeInTheDocument();
    const closing = screen.getByTestId('home-consultations');
    expect(within(closing).getByTestId('home-consultations-count')).toHaveTextContent('0');
    expect(within(closing).getByText(/No consultation closes/)).toBeInTheDocument();
  });

  it('shows times in the user zone and names it', () => {
    renderWithProviders(<HomeCards home={home} />);
    expect(screen.getByTestId('home-time-zone')).toHaveTextContent('Asia/Dhaka');
    // 06:00 UTC is 12:00 in Dhaka (GMT+6).
    expect(within(screen.getByTestId('home-notifications')).getByText(/12:00.*GMT\+6/)).toBeInTheDocument();
  });

  it('lists action items, invitations, meetings and requests with their line of detail', () => {
    const item = {
      id: 'a1',
      title: 'Send the draft',
      link: '/meetings/m1',
      detail: 'due 2026-11-28 · from Forum meeting',
      overdue: true,
    };
    renderWithProviders(<HomeCards home={{ ...home, open_action_items: [item] }} />);
    const actions = screen.getByTestId('home-open_action_items');
    expect(within(actions).getByRole('link', { name: 'Send the draft' })).toHaveAttribute('href', '/meetings/m1');
    expect(within(actions).getByText('due 2026-11-28 · from Forum meeting')).toBeInTheDocument();
    expect(within(actions).getByText(/overdue/)).toBeInTheDocument();
    expect(within(screen.getByTestId('home-waiting_on')).getByText('Nothing due.')).toBeInTheDocument();
  });
});
