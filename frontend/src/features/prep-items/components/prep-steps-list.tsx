// The workflow history: each step with its statuses, who took it, the note and the time, oldest first.
import { Text, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { formatInstant } from '@/lib/format-date';

import { prepItemStepsQueryOptions } from '../api/get-prep-item-steps';
import { prepStatusLabel } from '../lib/prep-labels';

export function PrepStepsList({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const steps = useQuery(prepItemStepsQueryOptions(itemId));
  if (steps.isPending) return <PageLoader />;
  if (steps.isError) return <QueryError error={steps.error} onRetry={() => void steps.refetch()} />;
  const items = steps.data.items;
  if (items.length === 0) return <Text c="dimmed">{t('prep.history.empty')}</Text>;
  return (
    <Timeline
      component="ol"
      active={items.length - 1}
      bulletSize={14}
      lineWidth={2}
      data-testid="prep-history"
      style={{ listStyle: 'none', paddingInlineStart: 0 }}
    >
      {items.map((step) => (
        <Timeline.Item
          key={step.id}
          component="li"
          title={
            step.from_status
              ? t('prep.history.moved', { from: prepStatusLabel(t, step.from_status), to: prepStatusLabel(t, step.to_status) })
              : prepStatusLabel(t, step.to_status)
          }
          data-status={step.to_status}
        >
          {step.note ? <Text size="sm">{step.note}</Text> : null}
          <Text size="xs" c="dimmed">
            {step.actor_name ? `${t('prep.history.by', { name: step.actor_name })} · ` : ''}
            {formatInstant(step.at)}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
