import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { ApiError } from '@/lib/problem';
import { renderWithProviders } from '@/testing/render';

import { ActionItemForm } from './action-item-form';

const mutateAsync = vi.fn();

vi.mock('../api/action-items', () => ({ useCreateActionItem: () => ({ mutateAsync }) }));
vi.mock('../api/participants', () => ({
  participantsQueryOptions: (id: string) => ({
    queryKey: ['participants', id],
    queryFn: () =>
      Promise.resolve({
        items: [
          { id: 'u-bgd', name: 'Bangladesh Delegate', delegation: { id: 'd1', code: 'BGD', name: 'Bangladesh' } },
          { id: 'u-npl', name: 'Nepal Delegate', delegation: { id: 'd2', code: 'NPL', name: 'Nepal' } },
          { id: 'u-an', name: 'Technical Assistance Analyst', delegation: null },
        ],
      }),
  }),
}));

const meeting = {
  id: 'm1',
  agenda: [
    { position: 1, title: 'Residue limits', prep_item_id: 'p1', topic_id: null, topic_code: null },
    { position: 2, title: 'Any other business', prep_item_id: null, topic_id: null, topic_code: null },
  ],
};

// Mantine's dropdown animates in; jsdom runs no transition, so its options count as hidden.
const option = (name: string | RegExp) => screen.findByRole('option', { name, hidden: true });

async function chooseOwner(name: RegExp) {
  await userEvent.click(screen.getByRole('textbox', { name: /^Who/ }));
  await userEvent.click(await option(name));
}

describe('the action item form', { timeout: 20_000 }, () => {
  beforeEach(() => {
    mutateAsync.mockReset();
  });

  it('offers the people taking part by name and delegation, and the records on the agenda', async () => {
    renderWithProviders(<ActionItemForm meeting={meeting} />);
    await userEvent.click(screen.getByRole('textbox', { name: /^Who/ }));
    expect(await option('Nepal Delegate — Nepal (NPL)')).toBeInTheDocument();
    expect(await option('Technical Assistance Analyst')).toBeInTheDocument();
    const about = screen.getByLabelText('About');
    const choices = Array.from(about.querySelectorAll('option')).map((o) => o.textContent);
    expect(choices).toEqual(['Nothing linked', 'This meeting', 'Prep item: Residue limits']);
  });

  it('records the item for the person chosen, with a retry-safe key and the linked record', async () => {
    mutateAsync.mockResolvedValue({ title: 'Send the results', owner: { id: 'u-npl', name: 'Nepal Delegate' } });
    renderWithProviders(<ActionItemForm meeting={meeting} />);
    await userEvent.type(screen.getByLabelText(/^What is to be done/), ' Send the results ');
    await chooseOwner(/^Nepal Delegate/);
    await userEvent.type(screen.getByLabelText(/^Due on/), '2027-04-15');
    await userEvent.selectOptions(screen.getByLabelText('About'), 'Prep item: Residue limits');
    await userEvent.click(screen.getByRole('button', { name: 'Record the action item' }));
    expect(mutateAsync).toHaveBeenCalledTimes(1);
    const call = mutateAsync.mock.calls[0]?.[0] as { body: unknown; idempotencyKey: string };
    expect(call.body).toEqual({
      title: 'Send the results',
      owner_user_id: 'u-npl',
      due_on: '2027-04-15',
      linked_kind: 'prep_item',
      linked_id: 'p1',
    });
    expect(call.idempotencyKey).toMatch(/\S{8,}/);
    expect(await screen.findByText('“Send the results” recorded for Nepal Delegate.')).toBeInTheDocument();
  });

  it('names every missing field and sends nothing', async () => {
    renderWithProviders(<ActionItemForm meeting={meeting} />);
    await userEvent.click(screen.getByRole('button', { name: 'Record the action item' }));
    expect(await screen.findByText('Say what is to be done.')).toBeInTheDocument();
    expect(screen.getByText('Choose who does it.')).toBeInTheDocument();
    expect(screen.getByText('Give the due date.')).toBeInTheDocument();
    expect(mutateAsync).not.toHaveBeenCalled();
  });

  it('puts the server’s field errors next to the fields', async () => {
    mutateAsync.mockRejectedValue(
      new ApiError({
        type: 'about:blank',
        title: 'Invalid',
        status: 422,
        errors: [{ field: 'owner_user_id', code: 'unknown', message: 'names no one taking part in the meeting' }],
      }),
    );
    renderWithProviders(<ActionItemForm meeting={meeting} />);
    await userEvent.type(screen.getByLabelText(/^What is to be done/), 'Send');
    await chooseOwner(/^Bangladesh Delegate/);
    await userEvent.type(screen.getByLabelText(/^Due on/), '2027-04-15');
    await userEvent.click(screen.getByRole('button', { name: 'Record the action item' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Who/);
    expect(screen.getByRole('textbox', { name: /^Who/ })).toHaveAttribute('aria-invalid', 'true');
  });
});
