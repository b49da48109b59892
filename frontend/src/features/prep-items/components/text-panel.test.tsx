import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { ApiError } from '@/lib/problem';
import { renderWithProviders } from '@/testing/render';

import { TextPanel } from './text-panel';

const mutateAsync = vi.fn();

vi.mock('../api/save-text', () => ({ useSaveText: () => ({ mutateAsync, isPending: false }) }));
vi.mock('../api/get-text', () => ({
  textQueryOptions: (id: string, number: number) => ({
    queryKey: ['text', id, number],
    queryFn: () => Promise.resolve({ number, body: 'Members shall not grant subsidies.', created_at: '', length: 34 }),
  }),
}));
vi.mock('./text-versions', () => ({ TextVersions: () => null }));

describe('the text editor', () => {
  beforeEach(() => {
    mutateAsync.mockReset();
  });

  it('starts from the current version and saves with its number', async () => {
    mutateAsync.mockResolvedValue({ number: 4 });
    renderWithProviders(<TextPanel itemId="p1" textNumber={3} canEdit />);
    const editor = await screen.findByLabelText(/^Text \(Markdown\)/);
    expect(editor).toHaveValue('Members shall not grant subsidies.');
    await userEvent.type(editor, ' Except artisanal fishers.');
    await userEvent.click(screen.getByRole('button', { name: 'Save as a new version' }));
    expect(mutateAsync).toHaveBeenCalledWith({
      body: 'Members shall not grant subsidies. Except artisanal fishers.',
      basedOn: 3,
    });
    expect(await screen.findByText('Saved as version 4.')).toBeInTheDocument();
  });

  it('keeps the text and says so when someone saved a newer version', async () => {
    mutateAsync.mockRejectedValue(new ApiError({ type: 'about:blank', title: 'Precondition failed', status: 412, errors: [] }));
    renderWithProviders(<TextPanel itemId="p1" textNumber={3} canEdit />);
    const editor = await screen.findByLabelText(/^Text \(Markdown\)/);
    await userEvent.clear(editor);
    await userEvent.type(editor, 'My new wording');
    await userEvent.click(screen.getByRole('button', { name: 'Save as a new version' }));
    expect(await screen.findByTestId('text-conflict')).toHaveTextContent(
      'Someone saved a newer version — reload to see it, your text is kept.',
    );
    expect(editor).toHaveValue('My new wording');
  });

  it('starts empty when there is no version yet', async () => {
    renderWithProviders(<TextPanel itemId="p1" textNumber={0} canEdit />);
    expect(await screen.findByLabelText(/^Text \(Markdown\)/)).toHaveValue('');
    await userEvent.click(screen.getByRole('button', { name: 'Save as a new version' }));
    expect(await screen.findByText('Write the text before saving')).toBeInTheDocument();
    expect(mutateAsync).not.toHaveBeenCalled();
  });

  it('shows the text rendered, not an editor, to those who may not change it', async () => {
    renderWithProviders(<TextPanel itemId="p1" textNumber={3} canEdit={false} />);
    expect(await screen.findByTestId('text-rendered')).toHaveTextContent('Members shall not grant subsidies.');
    expect(screen.queryByLabelText(/^Text \(Markdown\)/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save as a new version' })).toBeNull();
  });
});
