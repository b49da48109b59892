import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { ApiError } from '@/lib/problem';
import { renderWithProviders } from '@/testing/render';

import type { ImportRequest } from '../api/run-import';
import type { Import } from '../lib/import-values';

import { ImportForm } from './import-form';

const mutateAsync = vi.fn();
const downloadTemplate = vi.fn();
vi.mock('../api/run-import', () => ({ useRunImport: () => ({ mutateAsync }) }));
vi.mock('../api/downloads', () => ({
  downloadTemplate: (kind: string, format: string) => downloadTemplate(kind, format),
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

describe('the import form', { timeout: 20_000 }, () => {
  beforeEach(() => {
    mutateAsync.mockReset();
    downloadTemplate.mockReset().mockResolvedValue(undefined);
  });

  it('checks the file first, and offers Import only once that same file checked clean', async () => {
    const onResult = vi.fn();
    let rejected = 2;
    mutateAsync.mockImplementation(async (r: ImportRequest) => outcome(r, rejected));
    renderWithProviders(<ImportForm onResult={onResult} />);
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
    renderWithProviders(<ImportForm onResult={vi.fn()} />);
    await choose(csv());
    await userEvent.click(screen.getByRole('button', { name: 'Check the file' }));
    await screen.findByText('Checked. Import writes the rows shown as accepted.');
    await userEvent.click(screen.getByLabelText('Skip the wrong rows and import the rest'));
    expect(importButton()).toBeDisabled();
  });

  it('asks for a file, and for a format it can read, before sending anything', async () => {
    renderWithProviders(<ImportForm onResult={vi.fn()} />);
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
    renderWithProviders(<ImportForm onResult={vi.fn()} />);
    await choose(csv());
    await userEvent.click(screen.getByRole('button', { name: 'Check the file' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('File');
    expect(importButton()).toBeDisabled();
  });

  it('downloads the chosen kind’s template in either format; impediments cannot upsert', async () => {
    renderWithProviders(<ImportForm onResult={vi.fn()} />);
    await userEvent.click(screen.getByRole('radio', { name: 'Impediments' }));
    await userEvent.click(screen.getByRole('button', { name: 'Download template (.xlsx)' }));
    expect(downloadTemplate).toHaveBeenCalledWith('impediments', 'xlsx');
    expect(screen.getByLabelText("Update the record with the row's external id, add the others")).toBeDisabled();
  });
});
