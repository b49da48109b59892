// "Reset second factor" for one user: a confirmation that says what happens, then the reset.
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { problemFrom, problemMessage } from '@/lib/problem';

import type { User } from '../api/get-users';
import { useResetSecondFactor } from '../api/reset-second-factor';

export function ResetSecondFactorButton({ user }: { user: User }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const reset = useResetSecondFactor(user.id);
  return (
    <>
      <Button
        size="compact-xs"
        variant="outline"
        color="red"
        onClick={() => setOpen(true)}
        aria-label={t('admin.users.resetFactor.label', { email: user.email })}
      >
        {t('admin.users.resetFactor.button')}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t('admin.users.resetFactor.title', { email: user.email })}
        closeButtonProps={{ 'aria-label': t('admin.users.resetFactor.cancel') }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('admin.users.resetFactor.text')}</Text>
          {reset.isError ? (
            <Alert color="red" role="alert">
              {problemMessage(problemFrom(reset.error))}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('admin.users.resetFactor.cancel')}
            </Button>
            <Button
              color="red"
              loading={reset.isPending}
              onClick={() => reset.mutate(undefined, { onSuccess: () => setOpen(false) })}
            >
              {t('admin.users.resetFactor.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
