import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { ApiError } from '@/lib/problem';
import { renderWithProviders } from '@/testing/render';

import type { ImportRequest } from '../api/run-import';
import type { ConsultationChoices, Import } from '../lib/import-values';

import { ImportForm } from './import-form';

const mutateAsync = vi.fn();
const downloadTemplate = vi.fn();
vi.mock('../api/run-import', () => ({ useRunImport: () => ({ mutateAsync }) }));
vi.mock('../api/downloads', () => ({
  downloadTemplate: (...args: unknown[]) => downloadTemplate(...args),
}));

function outcome(request: ImportRequest, rejected: number): Import {
  return {
    id: 'imp-1',
    kind: request.kind,
    format: request.format,
    mode: request.mode,
    dry_run: request.dryRun,
    on_error: request.onError,
    status: rejected ? 'rejected' : 'completed',
    rows_total: 3,
    rows_inserted: 3 - rejected,
    rows_updated: 0,
    rows_rejected: rejected,
    rows_done: 3,
    rows_expected: 3,
    delegation_id: null,
    created_by: 'u1',
    created_at: '2026-11-30T10:00:00Z',
    finished_at: null,
    problems: [],
  };
}

const csv = (name = 'stakeholders.csv') => new File(['external_id,name\nS-1,Dhaka Looms\n'], name, { type: 'text/csv' });

async function choose(file: File) {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  await userEvent.upload(input, file, { applyAccept: false });
}

const importButton = () => screen.getByRole('button', { name: 'Import' });
const checkButton = () => screen.getByRole('button', { name: 'Check the file' });

const consultations: ConsultationChoices = {
  status: 'success',
  items: [
    { id: 'c-1', label: 'Cross-border paperwork survey', delegationId: 'd-bgd' },
    { id: 'c-2', label: 'Women exporters and standards', delegationId: 'd-bgd' },
  ],
};

type FormOptions = { role?: string; choices?: ConsultationChoices; onResult?: (result: Import | null) => void };

function renderForm({ role = 'delegate', choices = consultations, onResult = vi.fn() }: FormOptions = {}) {
  const onKindChange = vi.fn();
  renderWithProviders(
    <ImportForm userRole={role} consultations={choices} onKindChange={onKindChange} onResult={onResult} />,
  );
  return { onKindChange };
}

/** The kinds the form offers, by their labels, in order. */
function offeredKinds() {
  const group = screen.getByRole('radiogroup', { name: 'What the file holds' });
  return within(group)
    .getAllByRole('radio')
    .map((radio) => (radio as HTMLInputElement).labels?.[0]?.textContent);
}

// Mantine's dropdown animates in; jsdom runs no transition, so its options count as hidden.
const option = (name: string) => screen.findByRole('option', { name, hidden: true });
const picker = () => screen.getByRole('textbox', { name: /^Consultation/ });

async function chooseConsultation(name: string) {
  await userEvent.click(picker());
  await userEvent.click(await option(name));
}

describe('the import form', { timeout: 20_000 }, () => {
  beforeEach(() => {
    mutateAsync.mockReset();
    downloadTemplate.mockReset().mockResolvedValue(undefined);
  });

  it('checks the file first, and offers Import only once that same file checked clean', async () => {
    const onResult = vi.fn();
    let rejected = 2;
    mutateAsync.mockImplementation(async (r: ImportRequest) => outcome(r, rejected));
    renderForm({ onResult });
    expect(importButton()).toBeDisabled();

    await choose(csv());
    await userEvent.click(screen.getByRole('button', { name: 'Check the file' }));
    const first = mutateAsync.mock.calls[0]?.[0] as ImportRequest;
    expect(first).toMatchObject({ kind: 'stakeholders', format: 'csv', dryRun: true, mode: 'insert', onError: 'abort' });
    expect(first.file).toBeInstanceOf(File);
    expect(onResult).toHaveBeenLastCalledWith(expect.objectContaining({ rows_rejected: 2 }));
    expect(importButton()).toBeDisabled();

    // The fixed file: checked again, clean, then imported for real.
    rejected = 0;
    await choose(csv('fixed.csv'));
    await userEvent.click(screen.getByRole('button', { name: 'Check the file' }));
    expect(await screen.findByText('Checked. Import writes the rows shown as accepted.')).toBeInTheDocument();
    expect(importButton()).toBeEnabled();
    await userEvent.click(importButton());
    expect(mutateAsync).toHaveBeenCalledTimes(3);
    expect(mutateAsync.mock.calls[2]?.[0]).toMatchObject({ dryRun: false, format: 'csv' });
  });

  it('asks again for a check when an option changes after it', async () => {
    mutateAsync.mockImplementation(async (r: ImportRequest) => outcome(r, 0));
    renderForm();
    await choose(csv());
    await userEvent.click(screen.getByRole('button', { name: 'Check the file' }));
    await screen.findByText('Checked. Import writes the rows shown as accepted.');
    await userEvent.click(screen.getByLabelText('Skip the wrong rows and import the rest'));
    expect(importButton()).toBeDisabled();
  });

  it('asks for a file, and for a format it can read, before sending anything', async () => {
    renderForm();
    await userEvent.click(screen.getByRole('button', { name: 'Check the file' }));
    expect(await screen.findByText('Choose a file.')).toBeInTheDocument();
    await choose(new File(['%PDF'], 'notes.pdf', { type: 'application/pdf' }));
    await userEvent.click(screen.getByRole('button', { name: 'Check the file' }));
    expect(await screen.findByText('Use a .csv, .xlsx, .json or .ndjson file.')).toBeInTheDocument();
    expect(mutateAsync).not.toHaveBeenCalled();
  });

  it('shows the server’s refusal of the file', async () => {
    mutateAsync.mockRejectedValue(
      new ApiError({
        type: 'about:blank',
        title: 'Invalid',
        status: 422,
        detail: 'The request is invalid.',
        errors: [{ field: 'file', code: 'invalid_encoding', message: 'line 3 is not UTF-8' }],
      }),
    );
    renderForm();
    await choose(csv());
    await userEvent.click(screen.getByRole('button', { name: 'Check the file' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('File');
    expect(importButton()).toBeDisabled();
  });

  it('downloads the chosen kind’s template in either format; impediments cannot upsert', async () => {
    renderForm();
    await userEvent.click(screen.getByRole('radio', { name: 'Impediments' }));
    await userEvent.click(screen.getByRole('button', { name: 'Download template (.xlsx)' }));
    expect(downloadTemplate).toHaveBeenCalledWith('impediments', 'xlsx', undefined);
    expect(screen.getByLabelText("Update the record with the row's external id, add the others")).toBeDisabled();
  });

  // issue 11: response imports, and the kinds by role
  it('offers each role only the kinds it may import, the first chosen', () => {
    const { onKindChange } = renderForm({ role: 'delegate' });
    expect(offeredKinds()).toEqual(['Stakeholders', 'Impediments', 'Prep items', 'Consultation responses (paper)']);
    expect(screen.getByRole('radio', { name: 'Stakeholders' })).toBeChecked();
    expect(onKindChange).toHaveBeenLastCalledWith('stakeholders');
  });

  it('offers an analyst WTO notifications only', () => {
    renderForm({ role: 'analyst' });
    expect(offeredKinds()).toEqual(['WTO notifications (admins, analysts)']);
    expect(screen.getByRole('radio', { name: 'WTO notifications (admins, analysts)' })).toBeChecked();
  });

  it('offers an admin all six kinds', () => {
    renderForm({ role: 'admin' });
    expect(offeredKinds()).toEqual([
      'Stakeholders',
      'Impediments',
      'Prep items',
      'Topics (admins)',
      'WTO notifications (admins, analysts)',
      'Consultation responses (paper)',
    ]);
  });

  it('asks for the consultation of paper answers, and sends it with the check, its template and the import', async () => {
    mutateAsync.mockImplementation(async (r: ImportRequest) => outcome(r, 0));
    const { onKindChange } = renderForm();
    expect(screen.queryByRole('textbox', { name: /^Consultation/ })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'Consultation responses (paper)' }));
    expect(onKindChange).toHaveBeenLastCalledWith('consultation_responses');
    expect(picker()).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download template (.csv)' })).toBeDisabled();
    expect(screen.getByText("Choose the consultation first: its questions are the template's columns.")).toBeInTheDocument();

    await choose(csv('answers.csv'));
    await userEvent.click(checkButton());
    expect(await screen.findByText('Choose the consultation the answers are for.')).toBeInTheDocument();
    expect(mutateAsync).not.toHaveBeenCalled();

    await chooseConsultation('Cross-border paperwork survey');
    await userEvent.click(screen.getByRole('button', { name: 'Download template (.xlsx)' }));
    expect(downloadTemplate).toHaveBeenCalledWith('consultation_responses', 'xlsx', 'c-1');
    await userEvent.click(checkButton());
    expect(mutateAsync).toHaveBeenCalledTimes(1);
    expect(mutateAsync.mock.calls[0]?.[0]).toMatchObject({
      kind: 'consultation_responses',
      dryRun: true,
      mode: 'insert',
      consultationId: 'c-1',
      delegationId: 'd-bgd',
    });
    await screen.findByText('Checked. Import writes the rows shown as accepted.');
    expect(importButton()).toBeEnabled();
    // Upsert needs external ids, which answers do not have.
    expect(screen.getByLabelText("Update the record with the row's external id, add the others")).toBeDisabled();

    // Another consultation: the check vouched for the first one only.
    await chooseConsultation('Women exporters and standards');
    expect(importButton()).toBeDisabled();
    await userEvent.click(checkButton());
    await screen.findByText('Checked. Import writes the rows shown as accepted.');
    await userEvent.click(importButton());
    expect(mutateAsync.mock.calls[2]?.[0]).toMatchObject({ dryRun: false, consultationId: 'c-2' });
  });

  it('shows next to the picker that a consultation takes no answers from the user', async () => {
    mutateAsync.mockRejectedValue(
      new ApiError({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'consultation not found', errors: [] }),
    );
    renderForm();
    await userEvent.click(screen.getByRole('radio', { name: 'Consultation responses (paper)' }));
    await chooseConsultation('Cross-border paperwork survey');
    await choose(csv('answers.csv'));
    await userEvent.click(checkButton());
    expect(
      await screen.findByText('You cannot import answers for this consultation: only its own delegation (and admins) can.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says when the consultations are loading or could not be loaded', async () => {
    const retry = vi.fn();
    const { unmount } = renderWithProviders(
      <ImportForm userRole="delegate" consultations={{ status: 'pending' }} onResult={vi.fn()} />,
    );
    await userEvent.click(screen.getByRole('radio', { name: 'Consultation responses (paper)' }));
    expect(picker()).toBeDisabled();
    expect(picker()).toHaveAttribute('placeholder', 'Loading the consultations…');
    unmount();

    const failed: ConsultationChoices = { status: 'error', error: new TypeError('offline'), retry };
    renderWithProviders(<ImportForm userRole="delegate" consultations={failed} onResult={vi.fn()} />);
    await userEvent.click(screen.getByRole('radio', { name: 'Consultation responses (paper)' }));
    expect(screen.getByRole('alert')).toHaveTextContent('The consultations could not be loaded');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retry).toHaveBeenCalled();
  });

  it('says when there is no consultation to import answers for', async () => {
    renderForm({ choices: { status: 'success', items: [] } });
    await userEvent.click(screen.getByRole('radio', { name: 'Consultation responses (paper)' }));
    expect(screen.getByRole('status')).toHaveTextContent('There is no consultation you can import answers for');
    expect(picker()).toBeDisabled();
  });
});
