// Admins: the e-mail outbox.
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { PageTitle } from '@/components/ui/page-title';
import { OutboxTable } from '@/features/notifications/components/outbox-table';

export function EmailOutboxRoute() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <PageTitle documentTitle={t('notifications.outbox.title')}>{t('notifications.outbox.title')}</PageTitle>
      <Text size="sm" c="dimmed">
        {t('notifications.outbox.help')}
      </Text>
      <OutboxTable />
    </Stack>
  );
}
