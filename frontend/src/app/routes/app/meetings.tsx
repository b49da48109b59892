// /meetings: the meetings the user may read from today on, scheduling one (delegation members and
// admins), the user's open action items, and the calendar subscription.
import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { CalendarFeedCard } from '@/features/meetings/components/calendar-feed-card';
import { CreateMeetingForm } from '@/features/meetings/components/create-meeting-form';
import { MeetingsList } from '@/features/meetings/components/meetings-list';
import { MyActionItems } from '@/features/meetings/components/my-action-items';
import { useSignedInUser } from '@/lib/auth/use-user';

/** Who schedules: those who write delegation records (the server decides all the same). */
const schedulers = ['delegate', 'focal_point', 'admin'];

export function MeetingsRoute() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <PageTitle documentTitle={t('meetings.title')}>{t('meetings.title')}</PageTitle>
        {schedulers.includes(user.role) && !creating ? (
          <Button onClick={() => setCreating(true)}>{t('meetings.form.open')}</Button>
        ) : null}
      </Group>
      <Text c="dimmed">{t('meetings.intro')}</Text>
      {creating ? (
        <Card withBorder>
          <CreateMeetingForm onCreated={(m) => void navigate(paths.meeting(m.id))} />
        </Card>
      ) : null}
      <MeetingsList />
      <MyActionItems />
      <CalendarFeedCard />
    </Stack>
  );
}
