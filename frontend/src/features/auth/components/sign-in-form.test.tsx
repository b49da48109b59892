import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { ApiError, toProblem } from '@/lib/problem';
import { renderWithProviders } from '@/testing/render';

import { SignInForm } from './sign-in-form';

describe('the sign-in form', () => {
  it('asks for both fields before sending anything', async () => {
    const onSubmit = vi.fn(async () => {});
    renderWithProviders(<SignInForm onSubmit={onSubmit} />);
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter your e-mail address')).toBeInTheDocument();
    expect(screen.getByText('Enter your password')).toBeInTheDocument();
    expect(screen.getByLabelText(/E-mail/)).toHaveAttribute('aria-invalid', 'true');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses a malformed e-mail address', async () => {
    const onSubmit = vi.fn(async () => {});
    renderWithProviders(<SignInForm onSubmit={onSubmit} />);
    await userEvent.type(screen.getByLabelText(/E-mail/), 'not-an-address');
    await userEvent.type(screen.getByLabelText(/^Password/), 'secret');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/Enter an e-mail address such as/)).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends valid credentials', async () => {
    const onSubmit = vi.fn(async () => {});
    renderWithProviders(<SignInForm onSubmit={onSubmit} />);
    await userEvent.type(screen.getByLabelText(/E-mail/), 'delegate.bgd@gmc.test');
    await userEvent.type(screen.getByLabelText(/^Password/), 'demo-pass-2026');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith({ email: 'delegate.bgd@gmc.test', password: 'demo-pass-2026' }),
    );
  });

  it('says in its own words that the credentials were refused, not with the server detail', async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiError(
        toProblem(
          { title: 'Unauthorized', status: 401, detail: 'the e-mail or password is wrong, or the account is disabled' },
          401,
        ),
      );
    });
    renderWithProviders(<SignInForm onSubmit={onSubmit} />);
    await userEvent.type(screen.getByLabelText(/E-mail/), 'a@gmc.test');
    await userEvent.type(screen.getByLabelText(/^Password/), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The e-mail address or password is not right, or the account is disabled.',
    );
  });

  it('shows server field errors next to their fields, worded for people', async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiError(
        toProblem(
          {
            title: 'Invalid input',
            status: 422,
            errors: [{ field: 'email', code: 'invalid_email', message: 'must be an e-mail address' }],
          },
          422,
        ),
      );
    });
    renderWithProviders(<SignInForm onSubmit={onSubmit} />);
    await userEvent.type(screen.getByLabelText(/E-mail/), 'x@example.org');
    await userEvent.type(screen.getByLabelText(/^Password/), 'pw');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(
      await screen.findByText('E-mail must be an e-mail address, such as name@example.org.'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/E-mail/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('1 field needs attention: E-mail.');
    expect(screen.queryByText(/must be an e-mail address$/)).not.toBeInTheDocument();
  });

  it('lists the demo accounts only when asked to', async () => {
    const { unmount } = renderWithProviders(<SignInForm onSubmit={vi.fn()} />);
    expect(screen.queryByText('Demo accounts')).not.toBeInTheDocument();
    unmount();
    renderWithProviders(<SignInForm onSubmit={vi.fn()} showDemoAccounts />);
    await userEvent.click(screen.getByRole('button', { name: /delegate\.npl@gmc\.test/ }));
    expect(screen.getByLabelText(/E-mail/)).toHaveValue('delegate.npl@gmc.test');
  });

  it('lists all five seeded demo accounts, the MSME account among them', async () => {
    renderWithProviders(<SignInForm onSubmit={vi.fn()} showDemoAccounts />);
    const demo = screen.getByRole('region', { name: 'Demo accounts' });
    const emails = within(demo)
      .getAllByRole('button')
      .map((button) => /\S+@gmc\.test/.exec(button.textContent ?? '')?.[0]);
    expect(emails).toEqual([
      'admin@gmc.test',
      'analyst@gmc.test',
      'delegate.bgd@gmc.test',
      'delegate.npl@gmc.test',
      'msme.bgd@gmc.test',
    ]);
    const msme = within(demo).getByRole('button', {
      name: 'Use msme.bgd@gmc.test (Stakeholder, an MSME account linked to a Bangladesh firm)',
    });
    await userEvent.click(msme);
    expect(screen.getByLabelText(/E-mail/)).toHaveValue('msme.bgd@gmc.test');
    expect(screen.getByLabelText(/^Password/)).toHaveValue('demo-pass-2026');
  });
});
