// Turning the second factor off: the password and a current code (or a recovery code), so an open
// session alone is not enough. Errors are shown next to the field they are about.
import { Alert, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { problemFrom, problemMessage } from '@/lib/problem';

import { useDisableSecondFactor } from '../api/disable-second-factor';

export function DisableSecondFactor() {
  const { t } = useTranslation();
  const disable = useDisableSecondFactor();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ password?: string; code?: string; form?: string }>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = {
      password: password === '' ? t('signIn.errors.passwordRequired') : undefined,
      code: code.trim() === '' ? t('secondFactor.signIn.codeRequired') : undefined,
    };
    setErrors(missing);
    if (missing.password || missing.code) return;
    try {
      await disable.mutateAsync({ password, code: code.trim() });
    } catch (error) {
      const problem = problemFrom(error);
      const about = (field: string) => problem.errors.some((e) => e.field === field);
      if (problem.status === 422 && (about('password') || about('code'))) {
        setErrors({
          password: about('password') ? t('secondFactor.disable.passwordWrong') : undefined,
          code: about('code') ? t('secondFactor.disable.codeWrong') : undefined,
        });
      } else {
        setErrors({ form: problemMessage(problem) });
      }
      setCode('');
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="disable-heading">
      <Stack gap="sm" maw={360}>
        {errors.form ? (
          <Alert color="red" role="alert">
            {errors.form}
          </Alert>
        ) : null}
        <PasswordInput
          label={t('signIn.password')}
          autoComplete="current-password"
          required
          value={password}
          error={errors.password}
          visibilityToggleButtonProps={{ 'aria-label': t('signIn.togglePassword') }}
          onChange={(event) => setPassword(event.currentTarget.value)}
        />
        <TextInput
          label={t('secondFactor.disable.codeLabel')}
          required
          autoComplete="one-time-code"
          value={code}
          error={errors.code}
          onChange={(event) => setCode(event.currentTarget.value)}
        />
        <Group>
          <Button type="submit" color="red" variant="outline" loading={disable.isPending}>
            {t('secondFactor.disable.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
