// A request's facts: who asked, what for, the kind, status, priority, dates (overdue said in words),
// the analyst, the topics with their names, and — when declined — why.
import { Alert, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { formatPlainDate } from '@/lib/format-date';
import { priorityLabel, visibilityLabel } from '@/lib/labels';
import { useNames } from '@/lib/reference';

import { briefingKindLabel, type Briefing } from '../lib/briefing-values';

import { BriefingStatusBadge } from './briefing-columns';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

export function BriefingDetails({ briefing }: { briefing: Briefing }) {
  const { t } = useTranslation();
  const names = useNames(['topic']);
  const b = briefing;
  return (
    <Stack gap="md">
      <Group gap="sm">
        <BriefingStatusBadge status={b.status} />
        {b.overdue ? (
          <Text c="red.8" fw={700} size="sm" data-testid="briefing-overdue">
            {t('briefing.overdueBadge')}
          </Text>
        ) : null}
      </Group>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{b.question}</Text>
      {b.status === 'declined' && b.decline_reason ? (
        <Alert color="gray" variant="light" title={t('briefing.declinedBecause')}>
          {b.decline_reason}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
        <Fact label={t('briefing.fields.delegation')}>{`${b.delegation_name} (${b.delegation_code})`}</Fact>
        <Fact label={t('briefing.fields.kind')}>{briefingKindLabel(t, b.kind)}</Fact>
        <Fact label={t('briefing.fields.priority')}>{priorityLabel(t, b.priority)}</Fact>
        <Fact label={t('briefing.fields.visibility')}>{visibilityLabel(t, b.visibility)}</Fact>
        <Fact label={t('briefing.fields.wishedDate')}>{b.wished_date ? formatPlainDate(b.wished_date) : t('briefing.noDate')}</Fact>
        <Fact label={t('briefing.fields.dueDate')}>
          {b.due_date
            ? b.overdue
              ? t('briefing.overdue', { date: formatPlainDate(b.due_date) })
              : formatPlainDate(b.due_date)
            : t('briefing.noDate')}
        </Fact>
        <Fact label={t('briefing.fields.assignee')}>{b.assignee_name ?? t('briefing.unassigned')}</Fact>
        <Fact label={t('briefing.fields.requestedBy')}>{b.requested_by_name ?? '—'}</Fact>
      </SimpleGrid>
      <Fact label={t('briefing.fields.topics')}>
        {b.topics.length === 0 ? '—' : b.topics.map((topic) => names.topic(topic.code)).join('; ')}
      </Fact>
    </Stack>
  );
}
