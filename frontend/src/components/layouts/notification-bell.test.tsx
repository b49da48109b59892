import { screen } from '@testing-library/react';

import { renderWithProviders } from '@/testing/render';

import { NotificationBell, UNREAD_POLL_MS } from './notification-bell';

let unread = 3;

vi.mock('@/lib/api-client', () => ({
  api: { GET: () => Promise.resolve({ data: { unread }, response: new Response(null, { status: 200 }) }) },
}));

describe('the notification bell', () => {
  it('names the unread count, links to the notifications and announces politely', async () => {
    unread = 3;
    renderWithProviders(<NotificationBell />);
    const bell = await screen.findByRole('link', { name: '3 unread notifications' }, { timeout: 5000 });
    expect(bell).toHaveAttribute('href', '/notifications');
    const live = screen.getByTestId('notification-bell-live');
    expect(live).toHaveAttribute('aria-live', 'polite');
    expect(live).toHaveTextContent('3 unread notifications');
  });

  it('says one in the singular and polls every minute', async () => {
    unread = 1;
    renderWithProviders(<NotificationBell />);
    expect(await screen.findByRole('link', { name: '1 unread notification' }, { timeout: 5000 })).toBeInTheDocument();
    expect(UNREAD_POLL_MS).toBe(60_000);
  });
});
