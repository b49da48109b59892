import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { ApiError } from '@/lib/problem';
import { renderWithProviders } from '@/testing/render';

import { PrepWorkflow } from './prep-workflow';

const mutateAsync = vi.fn();

vi.mock('../api/step-prep-item', () => ({
  useStepPrepItem: () => ({ mutateAsync }),
}));

describe('the prep item workflow', () => {
  beforeEach(() => {
    mutateAsync.mockReset();
  });

  it('offers the steps the server opens, in workflow order', () => {
    renderWithProviders(<PrepWorkflow itemId="p1" stepsOpen={['withdrawn', 'capital_review']} />);
    const buttons = screen.getAllByRole('button').map((b) => b.textContent);
    expect(buttons).toEqual(['Send for capital review', 'Withdraw']);
  });

  it('says so when no step is open', () => {
    renderWithProviders(<PrepWorkflow itemId="p1" stepsOpen={[]} />);
    expect(screen.getByText('There is no step you can take on this prep item now.')).toBeInTheDocument();
  });

  it('takes a step with its note', async () => {
    mutateAsync.mockResolvedValue({});
    renderWithProviders(<PrepWorkflow itemId="p1" stepsOpen={['capital_review']} />);
    await userEvent.click(screen.getByRole('button', { name: 'Send for capital review' }));
    await userEvent.type(screen.getByLabelText(/^Note/), 'For the capital');
    await userEvent.click(screen.getByRole('button', { name: 'Move to “Capital review”' }));
    expect(mutateAsync).toHaveBeenCalledWith({ to: 'capital_review', note: 'For the capital' });
    expect(await screen.findByText('Moved to “Capital review”.')).toBeInTheDocument();
  });

  it('asks for the outcome before recording it, and sends it', async () => {
    mutateAsync.mockResolvedValue({});
    renderWithProviders(<PrepWorkflow itemId="p1" stepsOpen={['outcome_recorded']} />);
    await userEvent.click(screen.getByRole('button', { name: 'Record the outcome' }));
    await userEvent.click(screen.getByRole('button', { name: 'Move to “Outcome recorded”' }));
    expect(await screen.findByText('Say what the outcome was')).toBeInTheDocument();
    expect(mutateAsync).not.toHaveBeenCalled();
    await userEvent.type(screen.getByLabelText(/^Outcome/), 'Adopted with S&DT for artisanal fishers');
    await userEvent.type(screen.getByLabelText(/^Date/), '2022-06-17');
    await userEvent.type(screen.getByLabelText(/^Where/), 'MC12 plenary');
    await userEvent.click(screen.getByRole('button', { name: 'Move to “Outcome recorded”' }));
    expect(mutateAsync).toHaveBeenCalledWith({
      to: 'outcome_recorded',
      outcome: { text: 'Adopted with S&DT for artisanal fishers', date: '2022-06-17', body: 'MC12 plenary' },
    });
  });

  it('shows a refusal above the form', async () => {
    mutateAsync.mockRejectedValue(new ApiError({ type: 'about:blank', title: 'Conflict', status: 409, errors: [] }));
    renderWithProviders(<PrepWorkflow itemId="p1" stepsOpen={['withdrawn']} />);
    await userEvent.click(screen.getByRole('button', { name: 'Withdraw' }));
    await userEvent.click(screen.getByRole('button', { name: 'Move to “Withdrawn”' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not change the status');
  });
});
