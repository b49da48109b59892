import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { renderWithProviders } from '@/testing/render';

import { CancelMeeting } from './cancel-meeting';

const mutate = vi.fn();

vi.mock('../api/update-meeting', () => ({
  useCancelMeeting: () => ({ mutate, isPending: false, isError: false, error: null }),
}));

describe('cancelling a meeting', { timeout: 20_000 }, () => {
  beforeEach(() => {
    mutate.mockReset();
  });

  it('asks first, and keeping it sends nothing', async () => {
    renderWithProviders(<CancelMeeting id="m1" version={4} title="Fisheries" />);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel the meeting' }));
    const dialog = await screen.findByRole('dialog', { name: 'Cancel this meeting?' });
    expect(dialog).toHaveTextContent('“Fisheries” will be marked cancelled for everyone invited. The record is kept.');
    await userEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(mutate).not.toHaveBeenCalled();
  });

  it('cancels with the version shown when confirmed', async () => {
    renderWithProviders(<CancelMeeting id="m1" version={4} title="Fisheries" />);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel the meeting' }));
    const dialog = await screen.findByRole('dialog', { name: 'Cancel this meeting?' });
    const confirm = Array.from(dialog.querySelectorAll('button')).find((b) => b.textContent === 'Cancel the meeting');
    expect(confirm).toBeDefined();
    if (confirm) await userEvent.click(confirm);
    expect(mutate).toHaveBeenCalledWith(4, expect.anything());
  });
});
