// The sign-in form: checks the fields before sending, and shows the server's answer in words for people
// (lib/form-errors.ts): a refusal above the form, field errors next to their fields.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Code, List, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import * as z from 'zod/mini';

import { applyProblemToForm } from '@/lib/form-errors';
import { problemFrom } from '@/lib/problem';

import { demoAccounts, demoPassword } from './demo-accounts';

export type SignInValues = { email: string; password: string };

type SignInFormProps = {
  onSubmit: (values: SignInValues) => Promise<void>;
  showDemoAccounts?: boolean;
};

const fields = ['email', 'password'] as const;

export function SignInForm({ onSubmit, showDemoAccounts = false }: SignInFormProps) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);

  const schema = useMemo(
    () =>
      z.object({
        email: z.pipe(
          z.string().check(z.trim(), z.minLength(1, t('signIn.errors.emailRequired'))),
          z.email(t('signIn.errors.emailInvalid')),
        ),
        password: z.string().check(z.minLength(1, t('signIn.errors.passwordRequired'))),
      }),
    [t],
  );

  const {
    register,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<SignInValues>({ resolver: zodResolver(schema), defaultValues: { email: '', password: '' } });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await onSubmit(values);
    } catch (error) {
      // Signing in, a 401 means the credentials were refused (the server does not say which part, nor
      // whether the account is disabled); elsewhere it means the session ended.
      const labels = { email: t('signIn.email'), password: t('signIn.password') };
      setFormError(
        problemFrom(error).status === 401
          ? t('signIn.refused')
          : applyProblemToForm(error, fields, setError, labels),
      );
    }
  });

  return (
    <Stack gap="md">
      <form onSubmit={submit} noValidate aria-labelledby="sign-in-heading">
        <Stack gap="sm">
          <Title order={1} id="sign-in-heading" size="h2">
            {t('signIn.title')}
          </Title>
          {formError ? (
            <Alert color="red" variant="light" role="alert" title={t('signIn.failed')}>
              {formError}
            </Alert>
          ) : null}
          <TextInput
            label={t('signIn.email')}
            type="email"
            autoComplete="username"
            required
            error={errors.email?.message}
            {...register('email')}
          />
          <PasswordInput
            label={t('signIn.password')}
            autoComplete="current-password"
            required
            error={errors.password?.message}
            visibilityToggleButtonProps={{ 'aria-label': t('signIn.togglePassword') }}
            {...register('password')}
          />
          <Button type="submit" loading={isSubmitting} mt="xs">
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>

      {showDemoAccounts ? (
        <section aria-labelledby="demo-accounts-heading">
          <Title order={2} size="h5" id="demo-accounts-heading">
            {t('signIn.demo.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('signIn.demo.password')} <Code style={{ whiteSpace: 'nowrap' }}>{demoPassword}</Code>
          </Text>
          <List size="sm" mt="xs" spacing={4} listStyleType="none">
            {demoAccounts.map((account) => (
              <List.Item key={account.email}>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() => {
                    setValue('email', account.email, { shouldValidate: true });
                    setValue('password', demoPassword, { shouldValidate: true });
                  }}
                >
                  {t('signIn.demo.use', {
                    email: account.email,
                    role: t(`roles.${account.role}`),
                    who: t(`signIn.demo.who.${account.who}`),
                  })}
                </Button>
              </List.Item>
            ))}
          </List>
        </section>
      ) : null}
    </Stack>
  );
}
