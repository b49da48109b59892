// /meetings: the meetings the user may read from today on, the user's open action items, and the
// calendar subscription.
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { PageTitle } from '@/components/ui/page-title';
import { CalendarFeedCard } from '@/features/meetings/components/calendar-feed-card';
import { MeetingsList } from '@/features/meetings/components/meetings-list';
import { MyActionItems } from '@/features/meetings/components/my-action-items';

export function MeetingsRoute() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <PageTitle documentTitle={t('meetings.title')}>{t('meetings.title')}</PageTitle>
      <Text c="dimmed">{t('meetings.intro')}</Text>
      <MeetingsList />
      <MyActionItems />
      <CalendarFeedCard />
    </Stack>
  );
}
