// "What needs me today": one card per section of GET /home, each with its count, its records linked,
// and an empty state that says nothing is due. Times are shown in the user's zone, named. Sections other
// slices add (action items, RSVPs, requests waiting, meetings this week) render as cards when the
// payload carries them, so adding one server-side needs no change here beyond its label.
import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '@/config/paths';
import { formatInstant, formatPlainDate } from '@/lib/format-date';

import type { Home } from '../api/get-home';

type CardProps = { id: string; title: string; count: number; empty: string; children: ReactNode; footer?: ReactNode };

function SectionCard({ id, title, count, empty, children, footer }: CardProps) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${id}-heading`} data-testid={id}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} size="h4" id={`${id}-heading`}>
          {title}
        </Title>
        <Badge variant={count > 0 ? 'filled' : 'outline'} color={count > 0 ? 'blue' : 'gray'} data-testid={`${id}-count`}>
          {count}
        </Badge>
      </Group>
      {count === 0 ? <Text c="dimmed">{empty}</Text> : <Stack gap={6}>{children}</Stack>}
      {footer}
    </Paper>
  );
}

/** Sections the home payload may carry once other slices add them: key → label key. */
const optionalSections = ['open_action_items', 'rsvps_due', 'waiting_on', 'meetings_between'] as const;

type OptionalItem = { id?: string; title?: string; link?: string; detail?: string; overdue?: boolean };

export function HomeCards({ home }: { home: Home }) {
  const { t } = useTranslation();
  const zone = home.time_zone;
  const when = (iso: string) => formatInstant(iso, { timeZone: zone });
  const extra = home as unknown as Record<string, unknown>;

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" data-testid="home-time-zone">
        {t('today.timeZone', { zone })}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <SectionCard
          id="home-notifications"
          title={t('today.notifications.title')}
          count={home.unread_notifications}
          empty={t('today.notifications.empty')}
          footer={
            <Anchor component={Link} to={paths.notifications} size="sm" mt="sm" display="inline-block">
              {t('today.notifications.all')}
            </Anchor>
          }
        >
          {home.notifications.map((n) => (
            <Group key={n.id} gap="xs" wrap="wrap">
              <Anchor component={Link} to={n.link}>
                {n.title}
              </Anchor>
              <Text size="sm" c="dimmed">
                {when(n.created_at)}
              </Text>
            </Group>
          ))}
        </SectionCard>

        <SectionCard
          id="home-deadlines"
          title={t('today.deadlines.title')}
          count={home.prep_deadlines.length}
          empty={t('today.deadlines.empty')}
        >
          {home.prep_deadlines.map((d) => (
            <Group key={d.id} gap="xs" wrap="wrap">
              <Anchor component={Link} to={paths.prepItem(d.id)}>
                {d.title}
              </Anchor>
              {d.overdue ? (
                <Badge color="red" variant="light">
                  {t('today.deadlines.overdue')}
                </Badge>
              ) : null}
              <Text size="sm" c="dimmed">
                {t('today.deadlines.due', { date: formatPlainDate(d.deadline) })}
              </Text>
            </Group>
          ))}
        </SectionCard>

        <SectionCard
          id="home-consultations"
          title={t('today.consultations.title')}
          count={home.consultations_closing.length}
          empty={t('today.consultations.empty')}
        >
          {home.consultations_closing.map((c) => (
            <Group key={c.id} gap="xs" wrap="wrap">
              <Anchor component={Link} to={paths.consultation(c.id)}>
                {c.title}
              </Anchor>
              <Text size="sm" c="dimmed">
                {t('today.consultations.closes', { when: when(c.closes_at) })}
              </Text>
            </Group>
          ))}
        </SectionCard>

        <SectionCard
          id="home-followed"
          title={t('today.followed.title')}
          count={home.followed_impediments.length}
          empty={t('today.followed.empty')}
          footer={
            <Anchor component={Link} to={paths.following} size="sm" mt="sm" display="inline-block">
              {t('today.followed.manage')}
            </Anchor>
          }
        >
          {home.followed_impediments.map((i) => (
            <Group key={i.id} gap="xs" wrap="wrap">
              <Anchor component={Link} to={paths.impediment(i.id)}>
                {i.title}
              </Anchor>
              <Text size="sm" c="dimmed">
                {i.reporting_country} → {i.partner}
                {i.hs_code ? ` · HS ${i.hs_code}` : ''}
              </Text>
            </Group>
          ))}
        </SectionCard>

        {optionalSections.map((key) => {
          const items = extra[key];
          if (!Array.isArray(items)) return null;
          return (
            <SectionCard
              key={key}
              id={`home-${key}`}
              title={t(`today.optional.${key}`)}
              count={items.length}
              empty={t('today.optional.empty')}
            >
              {(items as OptionalItem[]).map((item, index) => (
                <Stack key={item.id ?? index} gap={0}>
                  <Text>
                    {item.link ? (
                      <Anchor component={Link} to={item.link}>
                        {item.title}
                      </Anchor>
                    ) : (
                      item.title
                    )}
                    {item.overdue ? (
                      <Text span c="red.8" fw={600}>
                        {' '}
                        · {t('today.deadlines.overdue')}
                      </Text>
                    ) : null}
                  </Text>
                  {item.detail ? (
                    <Text size="sm" c="dimmed">
                      {item.detail}
                    </Text>
                  ) : null}
                </Stack>
              ))}
            </SectionCard>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
