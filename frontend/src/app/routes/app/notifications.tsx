// The caller's notifications, with a link to what they follow and how they are told.
import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { NotificationsList } from '@/features/notifications/components/notifications-list';

export function NotificationsRoute() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <PageTitle documentTitle={t('notifications.title')}>{t('notifications.title')}</PageTitle>
      <Anchor component={Link} to={paths.following}>
        {t('notifications.following.link')}
      </Anchor>
      <NotificationsList />
    </Stack>
  );
}
