// "Show contact details": fetches them only on request (each read is logged by the server, and the
// button says so), shows them until the user leaves the page, and never caches them.
import { Button, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { QueryError } from '@/components/ui/query-error';

import { useRevealStakeholderContact } from '../api/get-stakeholder-contact';

export function StakeholderContact({ stakeholderId, hasContact }: { stakeholderId: string; hasContact: boolean }) {
  const { t } = useTranslation();
  const reveal = useRevealStakeholderContact(stakeholderId);
  if (!hasContact) return <Text c="dimmed">{t('stakeholders.contact.none')}</Text>;
  const c = reveal.data;
  const none = t('common.none');
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('stakeholders.contact.logged')}
      </Text>
      {c ? (
        <Paper withBorder p="md" aria-live="polite">
          <Text>
            {t('stakeholders.fields.contactName')}: {c.contact_name ?? none}
          </Text>
          <Text>
            {t('stakeholders.fields.contactEmail')}: {c.contact_email ?? none}
          </Text>
          <Text>
            {t('stakeholders.fields.contactPhone')}: {c.contact_phone ?? none}
          </Text>
        </Paper>
      ) : (
        <div>
          <Button variant="outline" onClick={() => reveal.mutate()} loading={reveal.isPending}>
            {t('stakeholders.contact.show')}
          </Button>
        </div>
      )}
      {reveal.isError ? <QueryError error={reveal.error} title={t('stakeholders.contact.failed')} /> : null}
    </Stack>
  );
}
