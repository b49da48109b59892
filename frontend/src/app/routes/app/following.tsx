// What the user follows, and how they are told about each kind of notification.
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { PageTitle } from '@/components/ui/page-title';
import { FollowingForm } from '@/features/notifications/components/following-form';
import { SettingsForm } from '@/features/notifications/components/settings-form';

export function FollowingRoute() {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
      <PageTitle documentTitle={t('notifications.following.title')}>{t('notifications.following.title')}</PageTitle>
      <FollowingForm />
      <SettingsForm />
    </Stack>
  );
}
