import { screen, within } from '@testing-library/react';

import { renderWithProviders } from '@/testing/render';

import { BriefingDeliverables } from './briefing-deliverables';

let items: unknown[] = [];

vi.mock('@/lib/api-client', () => ({
  api: {
    GET: () => Promise.resolve({ data: { items }, response: new Response(null, { status: 200 }) }),
    POST: vi.fn(),
  },
}));
vi.mock('./deliver-file-form', () => ({ DeliverFileForm: () => <p>upload form</p> }));

const request = { id: 'r1', title: 'Transit costs', kind: 'briefing_note' as const, topics: [], visibility: 'regional' };

describe('the deliverables of a request', { timeout: 20_000 }, () => {
  beforeEach(() => {
    items = [];
  });

  it('links each deliverable to its page in the library', async () => {
    items = [{ document_id: 'doc-1', title: 'Transit costs', kind: 'briefing_note', visibility: 'regional', created_at: '2027-03-25T12:00:00Z' }];
    renderWithProviders(<BriefingDeliverables request={request} canAttach={false} />);
    const link = await within(await screen.findByTestId('briefing-deliverables')).findByRole('link', { name: 'Transit costs' });
    expect(link).toHaveAttribute('href', '/library/doc-1');
    expect(screen.getByText(/Briefing note ·/)).toBeInTheDocument();
    expect(screen.queryByText('upload form')).toBeNull();
  });

  it('says nothing is delivered yet, and offers the upload and the library search to the analyst', async () => {
    renderWithProviders(<BriefingDeliverables request={request} canAttach />);
    expect(await screen.findByText('Nothing delivered yet.')).toBeInTheDocument();
    expect(screen.getByText('upload form')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Find a document by its title/ })).toBeInTheDocument();
  });

  it('offers the upload for a deliverable the delegation alone may read too', async () => {
    renderWithProviders(<BriefingDeliverables request={{ ...request, visibility: 'delegation' }} canAttach />);
    expect(await screen.findByText('upload form')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Find a document by its title/ })).toBeInTheDocument();
  });
});
