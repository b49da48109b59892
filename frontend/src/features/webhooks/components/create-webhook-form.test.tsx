import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { ApiError } from '@/lib/problem';
import { renderWithProviders } from '@/testing/render';

import { CreateWebhookForm } from './create-webhook-form';

const mutateAsync = vi.fn();
vi.mock('../api/create-webhook', () => ({ useCreateWebhook: () => ({ mutateAsync }) }));

describe('a new webhook subscription', { timeout: 20_000 }, () => {
  beforeEach(() => {
    mutateAsync.mockReset();
  });

  it('sends the URL and the ticked events, and shows the signing secret once', async () => {
    mutateAsync.mockResolvedValue({ id: 'w1', secret: 'whsec_c2VjcmV0' });
    const onCreated = vi.fn();
    renderWithProviders(<CreateWebhookForm onCreated={onCreated} />);
    await userEvent.type(screen.getByRole('textbox', { name: /^URL/ }), 'https://hooks.example.org/gmc');
    await userEvent.click(screen.getByRole('checkbox', { name: /import\.finished/ }));
    await userEvent.click(screen.getByRole('checkbox', { name: /impediment\.created/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Subscribe' }));
    expect(await screen.findByTestId('webhook-secret-value')).toHaveTextContent('whsec_c2VjcmV0');
    expect(mutateAsync).toHaveBeenCalledWith({
      url: 'https://hooks.example.org/gmc',
      events: ['import.finished', 'impediment.created'],
      description: null,
    });
    expect(onCreated).toHaveBeenCalledWith('w1');
    // The form is empty again for the next one; the secret stays until the next submission.
    expect(screen.getByRole('textbox', { name: /^URL/ })).toHaveValue('');
  });

  it('asks for a URL and at least one event before sending anything', async () => {
    renderWithProviders(<CreateWebhookForm />);
    await userEvent.type(screen.getByRole('textbox', { name: /^URL/ }), 'hooks.example.org');
    await userEvent.click(screen.getByRole('button', { name: 'Subscribe' }));
    expect(await screen.findByText('Enter an http:// or https:// address.')).toBeInTheDocument();
    expect(screen.getByText('Choose at least one event.')).toBeInTheDocument();
    expect(mutateAsync).not.toHaveBeenCalled();
  });

  it('puts the server’s refusal of the URL next to it, and shows no secret', async () => {
    mutateAsync.mockRejectedValue(
      new ApiError({
        type: 'about:blank',
        title: 'Invalid',
        status: 422,
        detail: 'The request is invalid.',
        errors: [{ field: 'url', code: 'not_allowed', message: 'resolves to a private address' }],
      }),
    );
    renderWithProviders(<CreateWebhookForm />);
    await userEvent.type(screen.getByRole('textbox', { name: /^URL/ }), 'http://10.0.0.5/hook');
    await userEvent.click(screen.getByRole('checkbox', { name: /meeting\.changed/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Subscribe' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('URL');
    expect(screen.getByRole('textbox', { name: /^URL/ })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByTestId('webhook-secret')).not.toBeInTheDocument();
  });
});
