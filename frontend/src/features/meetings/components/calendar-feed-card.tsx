// "Subscribe to my calendar": makes (or replaces) the user's feed URL and shows it this once — only a
// hash is kept — with the way to revoke it.
import { Button, Card, Code, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { QueryError } from '@/components/ui/query-error';

import { useCreateCalendarFeed, useRevokeCalendarFeed } from '../api/calendar-feed';

export function CalendarFeedCard() {
  const { t } = useTranslation();
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t('meetings.feed.title')}
      </Title>
      <Text c="dimmed" mb="sm">
        {t('meetings.feed.intro')}
      </Text>
      {create.data && !revoke.isSuccess ? (
        <>
          <Text mb="xs">{t('meetings.feed.once')}</Text>
          <Code block data-testid="calendar-feed-url">
            {create.data.url}
          </Code>
        </>
      ) : null}
      {revoke.isSuccess ? <Text mb="xs">{t('meetings.feed.revoked')}</Text> : null}
      <Group mt="sm">
        <Button
          loading={create.isPending}
          onClick={() => {
            revoke.reset();
            create.mutate();
          }}
        >
          {create.data ? t('meetings.feed.rotate') : t('meetings.feed.subscribe')}
        </Button>
        <Button variant="default" loading={revoke.isPending} onClick={() => revoke.mutate()}>
          {t('meetings.feed.revoke')}
        </Button>
      </Group>
      {create.isError ? <QueryError error={create.error} /> : null}
    </Card>
  );
}
