import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { ApiError } from '@/lib/problem';
import { renderWithProviders } from '@/testing/render';

import type { Meeting } from '../lib/meeting-types';

import { EditMeetingForm } from './edit-meeting-form';

const mutateAsync = vi.fn();

vi.mock('../api/update-meeting', () => ({ useUpdateMeeting: () => ({ mutateAsync }) }));
vi.mock('@/lib/reference', () => ({
  delegationsQueryOptions: () => ({
    queryKey: ['delegations'],
    queryFn: () =>
      Promise.resolve({
        items: [
          { id: 'bgd', name: 'Bangladesh', country_code: 'BGD' },
          { id: 'npl', name: 'Nepal', country_code: 'NPL' },
        ],
      }),
  }),
}));

const meeting = {
  id: 'm1',
  version: 3,
  owner: { id: 'bgd', code: 'BGD', name: 'Bangladesh' },
  kind: 'forum_meeting',
  title: 'Fisheries',
  description: '',
  time_zone: 'Europe/Zurich',
  place: 'CICG',
  online_url: null,
  visibility: 'delegation',
  times: [{ role: 'organiser', starts_local: '2027-04-08T10:00', ends_local: '2027-04-08T11:00', time_zone: 'Europe/Zurich' }],
  invitations: [{ id: 'i1', delegation: { id: 'npl', code: 'NPL', name: 'Nepal' }, response: 'yes' }],
} as unknown as Meeting;

describe('the meeting edit form', { timeout: 20_000 }, () => {
  beforeEach(() => {
    mutateAsync.mockReset();
  });

  it('starts from the meeting in the organiser’s wall time and sends only what changed, with its version', async () => {
    mutateAsync.mockResolvedValue({});
    const onDone = vi.fn();
    renderWithProviders(<EditMeetingForm meeting={meeting} onDone={onDone} />);
    expect(screen.getByLabelText(/^Starts/)).toHaveValue('2027-04-08T10:00');
    const title = screen.getByLabelText(/^Title/);
    await userEvent.clear(title);
    await userEvent.type(title, 'Fisheries (extended)');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(mutateAsync).toHaveBeenCalledWith({ body: { title: 'Fisheries (extended)' }, version: 3 });
    expect(onDone).toHaveBeenCalled();
  });

  it('says when nothing changed and sends nothing', async () => {
    renderWithProviders(<EditMeetingForm meeting={meeting} onDone={vi.fn()} />);
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Nothing was changed.')).toBeInTheDocument();
    expect(mutateAsync).not.toHaveBeenCalled();
  });

  it('keeps what was typed when the meeting changed meanwhile (412)', async () => {
    mutateAsync.mockRejectedValue(new ApiError({ type: 'about:blank', title: 'Precondition failed', status: 412, errors: [] }));
    const onDone = vi.fn();
    renderWithProviders(<EditMeetingForm meeting={meeting} onDone={onDone} />);
    await userEvent.type(screen.getByLabelText('Place'), ', Room 3');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByTestId('meeting-conflict')).toHaveTextContent('changed by someone else');
    expect(screen.getByLabelText('Place')).toHaveValue('CICG, Room 3');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('marks the field the server refuses', async () => {
    mutateAsync.mockRejectedValue(
      new ApiError({
        type: 'about:blank',
        title: 'Invalid',
        status: 422,
        errors: [{ field: 'ends_at', code: 'before_start', message: 'must be after the start' }],
      }),
    );
    renderWithProviders(<EditMeetingForm meeting={meeting} onDone={vi.fn()} />);
    const ends = screen.getByLabelText(/^Ends/);
    await userEvent.clear(ends);
    await userEvent.type(ends, '2027-04-08T09:00');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Ends/)).toHaveAttribute('aria-invalid', 'true');
    expect(mutateAsync).toHaveBeenCalledWith({
      body: { starts_at: '2027-04-08T10:00', ends_at: '2027-04-08T09:00', time_zone: 'Europe/Zurich' },
      version: 3,
    });
  });
});
