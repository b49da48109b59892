// The workflow history: each step with its statuses, note and time, oldest first.
import { Text, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { formatInstant } from '@/lib/format-date';

import { impedimentStepsQueryOptions } from '../api/get-impediment-steps';

import { impedimentStatusLabel } from './impediment-labels';

export function ImpedimentStepsList({ impedimentId }: { impedimentId: string }) {
  const { t } = useTranslation();
  const steps = useQuery(impedimentStepsQueryOptions(impedimentId));
  if (steps.isPending) return <PageLoader />;
  if (steps.isError) return <QueryError error={steps.error} onRetry={() => void steps.refetch()} />;
  if (steps.data.items.length === 0) return <Text c="dimmed">{t('impediments.history.empty')}</Text>;
  return (
    <Timeline
      component="ol"
      active={steps.data.items.length - 1}
      bulletSize={14}
      lineWidth={2}
      data-testid="impediment-history"
      style={{ listStyle: 'none', paddingInlineStart: 0 }}
    >
      {steps.data.items.map((step) => (
        <Timeline.Item
          key={step.id}
          component="li"
          title={
            step.from_status
              ? t('impediments.history.moved', {
                  from: impedimentStatusLabel(t, step.from_status),
                  to: impedimentStatusLabel(t, step.to_status),
                })
              : impedimentStatusLabel(t, step.to_status)
          }
          data-status={step.to_status}
        >
          {step.note ? <Text size="sm">{step.note}</Text> : null}
          <Text size="xs" c="dimmed">
            {formatInstant(step.at)}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
