// /wto-notifications: the SPS and TBT notifications imported from ePing, with how many of the user's
// readable impediments each matches; a match alert links to one of them.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { PageTitle } from '@/components/ui/page-title';
import { WtoNotificationsList } from '@/features/wto-notifications/components/wto-notifications-list';

export function WtoNotificationsRoute() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle documentTitle={t('wto.list.title')}>{t('wto.list.title')}</PageTitle>
      <Text c="dimmed" mb="md">
        {t('wto.list.intro')}
      </Text>
      <WtoNotificationsList />
    </>
  );
}
