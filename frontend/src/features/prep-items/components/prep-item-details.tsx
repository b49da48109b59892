// One prep item's facts: owner, ministerial, kind, interest, priority, status, deadline, visibility, the
// responsible person, topics, the summary and — once recorded — the outcome.
import { Anchor, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '@/config/paths';
import { formatInstant, formatPlainDate } from '@/lib/format-date';
import { priorityLabel, visibilityLabel } from '@/lib/labels';

import { interestLabel, ownerKindLabel, prepKindLabel } from '../lib/prep-labels';
import type { PrepItem } from '../lib/prep-types';

import { DeadlineText, PrepStatusBadge } from './prep-badges';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

export function PrepItemDetails({ item }: { item: PrepItem }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 3 }} spacing="md" m={0}>
          <Fact label={t('prep.item.status')}>
            <PrepStatusBadge status={item.status} />
          </Fact>
          <Fact label={t('prep.deadline.label')}>
            <DeadlineText deadline={item.deadline} status={item.status} overdue={item.overdue} />
          </Fact>
          <Fact label={t('prep.item.ministerial')}>
            <Anchor component={Link} to={paths.ministerialBoard(item.ministerial.code)}>
              {item.ministerial.code} — {item.ministerial.name}
            </Anchor>
          </Fact>
          <Fact label={t('prep.item.owner')}>
            {item.owner.name} ({ownerKindLabel(t, item.owner.kind)})
          </Fact>
          <Fact label={t('prep.item.kind')}>{prepKindLabel(t, item.kind)}</Fact>
          <Fact label={t('prep.item.interest')}>{interestLabel(t, item.interest)}</Fact>
          <Fact label={t('prep.item.priority')}>{priorityLabel(t, item.priority)}</Fact>
          <Fact label={t('prep.item.visibility')}>{visibilityLabel(t, item.visibility)}</Fact>
          <Fact label={t('prep.item.responsible')}>{item.responsible_name ?? t('prep.item.noResponsible')}</Fact>
        </SimpleGrid>
      </Paper>
      <div>
        <Text size="sm" c="dimmed">
          {t('prep.item.topics')}
        </Text>
        {item.topics.length === 0 ? (
          <Text c="dimmed">{t('prep.item.noTopics')}</Text>
        ) : (
          <Group gap="xs" data-testid="prep-topics">
            {item.topics.map((topic) => (
              <Anchor key={topic.id} component={Link} to={paths.topic(topic.code)}>
                {topic.code} — {topic.title}
              </Anchor>
            ))}
          </Group>
        )}
      </div>
      <div>
        <Text size="sm" c="dimmed">
          {t('prep.item.summary')}
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{item.summary}</Text>
      </div>
      {item.outcome ? (
        <Paper withBorder p="md" bg="var(--mantine-color-teal-0)">
          <Text fw={600}>{t('prep.item.outcome')}</Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{item.outcome.text}</Text>
          <Text size="sm" c="dimmed">
            {t('prep.item.outcomeOn', { date: formatPlainDate(item.outcome.date), body: item.outcome.body })}
          </Text>
        </Paper>
      ) : null}
      <Text size="xs" c="dimmed">
        {t('prep.item.updated', { at: formatInstant(item.updated_at) })}
      </Text>
    </Stack>
  );
}
