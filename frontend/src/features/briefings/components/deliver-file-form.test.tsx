import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { ApiError } from '@/lib/problem';
import { renderWithProviders } from '@/testing/render';

import type { DeliverFile } from '../api/deliver-file';

import { DeliverFileForm } from './deliver-file-form';

const mutateAsync = vi.fn();

vi.mock('../api/deliver-file', () => ({ useDeliverFile: () => ({ mutateAsync }) }));

const request = { id: 'r1', title: 'Transit costs', kind: 'briefing_note' as const, topics: [{ id: 't1' }, { id: 't2' }], visibility: 'public' };
const pdf = () => new File(['%PDF-1.4 transit'], 'transit.pdf', { type: 'application/pdf' });

// A test ends only when the form is idle again: the message shows before react-hook-form finishes its
// submit (it clears `isSubmitting` afterwards), and work still in flight when the file's environment is
// torn down surfaces as an unhandled error after every test has passed.
async function idle() {
  await waitFor(() => expect(screen.getByRole('button', { name: 'Upload and attach' })).not.toHaveAttribute('data-loading'));
}

async function choose(file: File) {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  await userEvent.upload(input, file);
}

describe('delivering a file', { timeout: 20_000 }, () => {
  beforeEach(() => {
    mutateAsync.mockReset();
  });

  it('files the document under the request’s title and uploads the file, showing each step', async () => {
    mutateAsync.mockImplementation(async (d: DeliverFile) => {
      d.onStage('creating');
      d.onStage('uploading', 'doc-1');
      return { items: [] };
    });
    renderWithProviders(<DeliverFileForm request={request} />);
    expect(screen.getByText(/visible as the request asks: public/)).toBeInTheDocument();
    expect(screen.getByLabelText(/^Title of the document/)).toHaveValue('Transit costs');
    await choose(pdf());
    await userEvent.click(screen.getByRole('button', { name: 'Upload and attach' }));
    expect(await screen.findByText('“Transit costs” is uploaded and attached.')).toBeInTheDocument();
    const sent = mutateAsync.mock.calls[0]?.[0] as DeliverFile;
    expect(sent.title).toBe('Transit costs');
    expect(sent.file.name).toBe('transit.pdf');
    expect(sent.documentId).toBeUndefined();
    expect(sent.idempotencyKey).toMatch(/\S{8,}/);
    await idle();
  });

  it('asks for a file before sending anything', async () => {
    renderWithProviders(<DeliverFileForm request={request} />);
    await userEvent.click(screen.getByRole('button', { name: 'Upload and attach' }));
    expect(await screen.findByText('Choose a file.')).toBeInTheDocument();
    expect(mutateAsync).not.toHaveBeenCalled();
    await idle();
  });

  it('shows the server’s refusal of the file and reuses the document created on the next try', async () => {
    mutateAsync.mockImplementationOnce(async (d: DeliverFile) => {
      d.onStage('creating');
      d.onStage('uploading', 'doc-1');
      throw new ApiError({
        type: 'about:blank',
        title: 'Invalid',
        status: 422,
        errors: [{ field: 'file', code: 'unsupported_type', message: 'must be a PDF, DOCX, XLSX or Markdown file' }],
      });
    });
    renderWithProviders(<DeliverFileForm request={request} />);
    await choose(new File(['MZ\x90\x00'], 'report.pdf', { type: 'application/pdf' }));
    await userEvent.click(screen.getByRole('button', { name: 'Upload and attach' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/File/);
    mutateAsync.mockResolvedValueOnce({ items: [] });
    await choose(pdf());
    await userEvent.click(screen.getByRole('button', { name: 'Upload and attach' }));
    expect(await screen.findByText('“Transit costs” is uploaded and attached.')).toBeInTheDocument();
    expect((mutateAsync.mock.calls[1]?.[0] as DeliverFile).documentId).toBe('doc-1');
    await idle();
  });
});
