// The second step of signing in for an account with a second factor: the 6-digit code from the
// authenticator app, or one of the recovery codes. A refused code is said in the form's own words; an
// expired sign-in (the challenge lasts minutes) sends the user back to the password.
import { Alert, Anchor, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { problemFrom, problemMessage } from '@/lib/problem';

type SecondFactorFormProps = {
  onSubmit: (code: string) => Promise<void>;
  /** Back to the e-mail and password (a new challenge). */
  onCancel: () => void;
};

export function SecondFactorForm({ onSubmit, onCancel }: SecondFactorFormProps) {
  const { t } = useTranslation();
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const value = code.trim();
    if (value === '') {
      setFieldError(t(recovery ? 'secondFactor.signIn.recoveryRequired' : 'secondFactor.signIn.codeRequired'));
      return;
    }
    setFieldError(null);
    setSubmitting(true);
    try {
      await onSubmit(value);
    } catch (error) {
      const problem = problemFrom(error);
      setFormError(problem.status === 401 ? t('secondFactor.signIn.refused') : problemMessage(problem));
      setCode('');
    } finally {
      setSubmitting(false);
    }
  }

  const label = t(recovery ? 'secondFactor.signIn.recoveryLabel' : 'secondFactor.signIn.codeLabel');
  return (
    <form onSubmit={submit} noValidate aria-labelledby="second-factor-heading">
      <Stack gap="sm">
        <Title order={1} id="second-factor-heading" size="h2">
          {t('secondFactor.signIn.title')}
        </Title>
        <Text size="sm">{t(recovery ? 'secondFactor.signIn.recoveryHelp' : 'secondFactor.signIn.codeHelp')}</Text>
        {formError ? (
          <Alert color="red" variant="light" role="alert" title={t('signIn.failed')}>
            {formError}
          </Alert>
        ) : null}
        <TextInput
          key={recovery ? 'recovery' : 'totp'}
          label={label}
          required
          autoComplete="one-time-code"
          inputMode={recovery ? 'text' : 'numeric'}
          maxLength={recovery ? 32 : 6}
          value={code}
          error={fieldError}
          onChange={(event) => setCode(event.currentTarget.value)}
        />
        <Button type="submit" loading={submitting} mt="xs">
          {t('secondFactor.signIn.submit')}
        </Button>
        <Group justify="space-between">
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => {
              setRecovery(!recovery);
              setCode('');
              setFieldError(null);
            }}
          >
            {t(recovery ? 'secondFactor.signIn.useApp' : 'secondFactor.signIn.useRecovery')}
          </Anchor>
          <Anchor component="button" type="button" size="sm" onClick={onCancel}>
            {t('secondFactor.signIn.startOver')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
