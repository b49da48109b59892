// The home page's "Deadlines this week": the prep items the user may read that are due within 7 days
// (and those overdue), soonest first, each with its status and deadline in words.
import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { paths } from '@/config/paths';

import { dueBeforeQueryOptions } from '../api/get-prep-items';
import { addDays, dueWithin, todayIso } from '../lib/deadlines';

import { DeadlineText, PrepStatusBadge } from './prep-badges';

const WEEK = 7;

export function DeadlinesCard({ today = todayIso() }: { today?: string }) {
  const { t } = useTranslation();
  // `due_before` is exclusive: the day after the seventh.
  const query = useQuery(dueBeforeQueryOptions(addDays(today, WEEK + 1)));
  const items = query.data ? dueWithin(query.data.items, today, WEEK) : [];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="deadlines-heading" data-testid="home-deadlines">
      <Title order={2} size="h4" id="deadlines-heading" mb={4}>
        {t('home.deadlines.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('home.deadlines.help')}
      </Text>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('home.deadlines.empty')}</Text>
      ) : (
        <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((item) => (
            <Group key={item.id} component="li" gap="xs" wrap="wrap">
              <Anchor component={Link} to={paths.prepItem(item.id)}>
                {item.title}
              </Anchor>
              <Text size="sm" c="dimmed">
                {item.ministerial.code} · {item.owner.name}
              </Text>
              <PrepStatusBadge status={item.status} />
              <DeadlineText deadline={item.deadline} status={item.status} overdue={item.overdue} today={today} />
            </Group>
          ))}
        </Stack>
      )}
      <Anchor component={Link} to={paths.ministerial} size="sm" mt="sm" display="inline-block">
        {t('home.deadlines.more')}
      </Anchor>
    </Paper>
  );
}
