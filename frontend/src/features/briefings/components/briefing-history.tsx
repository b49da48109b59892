// The workflow history: each step with its statuses, who took it, the note and the time, oldest first.
import { Text, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { formatInstant } from '@/lib/format-date';

import { briefingStepsQueryOptions } from '../api/get-briefing';
import { briefingStatusLabel } from '../lib/briefing-values';

export function BriefingHistory({ id }: { id: string }) {
  const { t } = useTranslation();
  const steps = useQuery(briefingStepsQueryOptions(id));
  if (steps.isPending) return <PageLoader />;
  if (steps.isError) return <QueryError error={steps.error} onRetry={() => void steps.refetch()} />;
  const items = steps.data.items;
  return (
    <Timeline
      component="ol"
      active={items.length - 1}
      bulletSize={14}
      lineWidth={2}
      data-testid="briefing-history"
      style={{ listStyle: 'none', paddingInlineStart: 0 }}
    >
      {items.map((step) => (
        <Timeline.Item
          key={step.id}
          component="li"
          data-status={step.to_status}
          title={
            step.from_status
              ? t('briefing.history.moved', {
                  from: briefingStatusLabel(t, step.from_status),
                  to: briefingStatusLabel(t, step.to_status),
                })
              : briefingStatusLabel(t, step.to_status)
          }
        >
          {step.note ? <Text size="sm">{step.note}</Text> : null}
          <Text size="xs" c="dimmed">
            {step.actor_name ? `${t('briefing.history.by', { name: step.actor_name })} · ` : ''}
            {formatInstant(step.at)}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
