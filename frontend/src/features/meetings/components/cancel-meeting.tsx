// Cancelling a meeting (organiser only), after a confirmation: the record stays, marked cancelled, and
// calendars that subscribed show it cancelled (the server raises its sequence).
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { problemFrom, problemMessage } from '@/lib/problem';

import { useCancelMeeting } from '../api/update-meeting';

export function CancelMeeting({ id, version, title }: { id: string; version: number; title: string }) {
  const { t } = useTranslation();
  const cancel = useCancelMeeting(id);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button color="red" variant="outline" onClick={() => setOpen(true)}>
        {t('meetings.cancel.open')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('meetings.cancel.title')}>
        <Stack gap="sm">
          <Text>{t('meetings.cancel.confirm', { title })}</Text>
          {cancel.isError ? (
            <Alert color="red" variant="light" role="alert">
              {problemFrom(cancel.error).status === 412 ? t('meetings.edit.conflict') : problemMessage(problemFrom(cancel.error))}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('meetings.cancel.keep')}
            </Button>
            <Button color="red" loading={cancel.isPending} onClick={() => cancel.mutate(version, { onSuccess: () => setOpen(false) })}>
              {t('meetings.cancel.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
