// "Erase personal data": a confirmation dialog that says what goes and what stays, then the erasure.
import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { problemFrom, problemMessage } from '@/lib/problem';

import { useEraseStakeholder } from '../api/erase-stakeholder';

export function EraseStakeholderButton({ stakeholderId }: { stakeholderId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const erase = useEraseStakeholder(stakeholderId);
  return (
    <>
      <Button color="red" variant="outline" onClick={() => setOpen(true)}>
        {t('stakeholders.erase.button')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('stakeholders.erase.title')} closeButtonProps={{ 'aria-label': t('stakeholders.form.close') }}>
        <Stack gap="sm">
          <Text fw={600}>{t('stakeholders.erase.removed')}</Text>
          <List size="sm">
            <List.Item>{t('stakeholders.erase.removedName')}</List.Item>
            <List.Item>{t('stakeholders.erase.removedContact')}</List.Item>
            <List.Item>{t('stakeholders.erase.removedLinks')}</List.Item>
            <List.Item>{t('stakeholders.erase.removedLog')}</List.Item>
          </List>
          <Text fw={600}>{t('stakeholders.erase.kept')}</Text>
          <List size="sm">
            <List.Item>{t('stakeholders.erase.keptProfile')}</List.Item>
            <List.Item>{t('stakeholders.erase.keptAnswers')}</List.Item>
          </List>
          <Text size="sm" c="red">
            {t('stakeholders.erase.final')}
          </Text>
          {erase.isError ? (
            <Alert color="red" role="alert">
              {problemMessage(problemFrom(erase.error))}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('stakeholders.form.cancel')}
            </Button>
            <Button color="red" loading={erase.isPending} onClick={() => erase.mutate(undefined, { onSuccess: () => setOpen(false) })}>
              {t('stakeholders.erase.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
