import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation, useNavigate } from 'react-router';

import { renderWithProviders } from '@/testing/render';

import { WtoNotificationsList } from './wto-notifications-list';

vi.mock('@/lib/api-client', () => ({
  api: {
    GET: () => Promise.resolve({ data: { items: [], total: 0 }, response: new Response(null, { status: 200 }) }),
  },
}));

function WtoPage() {
  const navigate = useNavigate();
  return (
    <>
      <output data-testid="search">{useLocation().search}</output>
      <button type="button" onClick={() => void navigate(-1)}>
        Back
      </button>
      <WtoNotificationsList />
    </>
  );
}

const member = () => screen.getByRole('textbox', { name: /^Notifying member/ });
const hs = () => screen.getByRole('textbox', { name: /^HS codes/ });

describe('the WTO notifications filters', { timeout: 20_000 }, () => {
  it('show the URL’s member and HS prefix again after the back button', async () => {
    renderWithProviders(<WtoPage />, { route: '/wto-notifications?member=USA&hs=0306' });
    expect(member()).toHaveValue('USA');
    expect(hs()).toHaveValue('0306');

    await userEvent.clear(member());
    await userEvent.type(member(), 'eu');
    await userEvent.clear(hs());
    await userEvent.type(hs(), '03');
    // What was typed stays as typed while it applies ("eu" as EU; "0" alone filters nothing).
    expect(screen.getByTestId('search')).toHaveTextContent('?member=EU&hs=03');
    expect(member()).toHaveValue('eu');
    expect(hs()).toHaveValue('03');

    // Back past the HS edits (cleared, then 03): the field shows the URL's prefix, the member stays EU.
    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByTestId('search')).toHaveTextContent('?member=EU&hs=0306');
    expect(hs()).toHaveValue('0306');
    expect(member()).toHaveValue('eu');

    // Back to the start: the member too.
    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    await userEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByTestId('search')).toHaveTextContent('?member=USA&hs=0306');
    expect(member()).toHaveValue('USA');
  });
});
