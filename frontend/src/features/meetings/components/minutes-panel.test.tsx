import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { ApiError } from '@/lib/problem';
import { renderWithProviders } from '@/testing/render';

import { MinutesPanel } from './minutes-panel';

const mutateAsync = vi.fn();
let saved: unknown = null;

vi.mock('../api/minutes', () => ({
  minutesQueryKey: (id: string) => ['meetings', 'detail', id, 'minutes'],
  minutesQueryOptions: (id: string) => ({ queryKey: ['minutes', id], queryFn: () => Promise.resolve(saved) }),
  useSaveMinutes: () => ({ mutateAsync, isPending: false }),
}));

vi.mock('../api/get-meeting', () => ({
  meetingQueryOptions: (id: string) => ({ queryKey: ['meeting', id], queryFn: () => Promise.resolve({ id, version: 7 }) }),
}));

const minutes = {
  meeting_id: 'm1',
  body: '## Decisions\n\n- Share **data**',
  visibility: 'delegation',
  updated_at: '2027-03-25T12:00:00Z',
  updated_by: 'u1',
  updated_by_name: 'Bangladesh Delegate',
  meeting_version: 4,
};

describe('the minutes panel', () => {
  beforeEach(() => {
    mutateAsync.mockReset();
    saved = null;
  });

  it('renders the minutes as Markdown for a reader, with no editor', async () => {
    saved = minutes;
    renderWithProviders(<MinutesPanel meetingId="m1" canEdit={false} meetingVisibility="delegation" meetingVersion={4} />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Decisions' })).toBeInTheDocument();
    expect(screen.getByText('data').tagName).toBe('STRONG');
    expect(screen.queryByRole('button', { name: /minutes/ })).toBeNull();
  });

  it('says there are none yet', async () => {
    renderWithProviders(<MinutesPanel meetingId="m1" canEdit={false} meetingVisibility="delegation" meetingVersion={4} />);
    expect(await screen.findByText('No minutes you may read yet.')).toBeInTheDocument();
  });

  it('lets the organiser write, preview and save them at a visibility', async () => {
    mutateAsync.mockResolvedValue(minutes);
    renderWithProviders(<MinutesPanel meetingId="m1" canEdit meetingVisibility="regional" meetingVersion={2} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Write the minutes' }));
    const editor = screen.getByLabelText(/^Minutes \(Markdown\)/);
    await userEvent.type(editor, '## Next steps');
    await userEvent.click(screen.getByRole('tab', { name: 'Preview' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Next steps' })).toBeInTheDocument();
    expect(screen.getByLabelText('Who may read the minutes')).toHaveValue('regional');
    await userEvent.selectOptions(screen.getByLabelText('Who may read the minutes'), 'delegation');
    await userEvent.click(screen.getByRole('button', { name: 'Save the minutes' }));
    expect(mutateAsync).toHaveBeenCalledWith({ body: '## Next steps', visibility: 'delegation', version: 2 });
    expect(await screen.findByText('Minutes saved.')).toBeInTheDocument();
  });

  it('refuses an empty text without sending it', async () => {
    renderWithProviders(<MinutesPanel meetingId="m1" canEdit meetingVisibility="delegation" meetingVersion={4} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Write the minutes' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save the minutes' }));
    expect(await screen.findByText('Write the minutes before saving.')).toBeInTheDocument();
    expect(mutateAsync).not.toHaveBeenCalled();
  });

  it('keeps the text typed when someone else changed them (412) or the save fails', async () => {
    saved = minutes;
    mutateAsync.mockRejectedValueOnce(new ApiError({ type: 'about:blank', title: 'Precondition failed', status: 412, errors: [] }));
    renderWithProviders(<MinutesPanel meetingId="m1" canEdit meetingVisibility="delegation" meetingVersion={4} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit the minutes' }));
    const editor = screen.getByLabelText(/^Minutes \(Markdown\)/);
    expect(editor).toHaveValue(minutes.body);
    await userEvent.clear(editor);
    await userEvent.type(editor, 'My version');
    await userEvent.click(screen.getByRole('button', { name: 'Save the minutes' }));
    expect(await screen.findByTestId('minutes-conflict')).toHaveTextContent('changed by someone else');
    expect(editor).toHaveValue('My version');
    expect(mutateAsync).toHaveBeenLastCalledWith({ body: 'My version', visibility: 'delegation', version: 4 });
    // Reloading moves the editor to the meeting's newest version and keeps the text typed.
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(screen.queryByTestId('minutes-conflict')).toBeNull();
    expect(editor).toHaveValue('My version');
    mutateAsync.mockRejectedValueOnce(new ApiError({ type: 'about:blank', title: 'Service unavailable', status: 503, errors: [] }));
    await userEvent.click(screen.getByRole('button', { name: 'Save the minutes' }));
    expect(await screen.findByText('The minutes could not be saved — your text is kept')).toBeInTheDocument();
    expect(editor).toHaveValue('My version');
    expect(mutateAsync).toHaveBeenLastCalledWith({ body: 'My version', visibility: 'delegation', version: 7 });
  });
});
