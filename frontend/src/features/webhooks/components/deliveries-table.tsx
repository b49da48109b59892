// A subscription's delivery log, newest first: the event, its state, attempts, the latest HTTP status,
// latency and the start of the receiver's answer; a settled delivery can be sent again ("Replay").
import { Badge, Button, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ListTable } from '@/components/ui/data-table';
import { QueryError } from '@/components/ui/query-error';
import { formatInstant } from '@/lib/format-date';

import { deliveriesQueryOptions, useReplayDelivery, type Delivery } from '../api/deliveries';

const column = createColumnHelper<Delivery>();
const colour = { pending: 'blue', succeeded: 'teal', failed: 'red' } as const;

function useDeliveryColumns(replay: (id: string) => void, replaying: string | null) {
  const { t } = useTranslation();
  return useMemo(
    () => [
      column.accessor('created_at', {
        header: t('webhooks.deliveries.created'),
        cell: (info) => formatInstant(info.getValue()),
      }),
      column.accessor('event_type', { header: t('webhooks.deliveries.event') }),
      column.accessor('status', {
        header: t('webhooks.deliveries.status'),
        cell: (info) => (
          <Badge color={colour[info.getValue()]} variant="light">
            {t(`webhooks.deliveryStatus.${info.getValue()}`)}
          </Badge>
        ),
      }),
      column.accessor('attempts', { header: t('webhooks.deliveries.attempts') }),
      column.accessor('http_status', {
        header: t('webhooks.deliveries.http'),
        cell: (info) => info.getValue() ?? '',
      }),
      column.accessor('latency_ms', {
        header: t('webhooks.deliveries.latency'),
        cell: (info) => {
          const ms = info.getValue();
          return ms == null ? '' : t('webhooks.deliveries.ms', { ms });
        },
      }),
      column.accessor('response_excerpt', {
        header: t('webhooks.deliveries.excerpt'),
        cell: (info) => {
          const text = info.getValue() ?? info.row.original.last_error ?? '';
          return text ? (
            <Text size="sm" lineClamp={2} title={text} style={{ wordBreak: 'break-all' }}>
              {text}
            </Text>
          ) : null;
        },
      }),
      column.display({
        id: 'replay',
        header: t('webhooks.deliveries.actions'),
        cell: (info) =>
          info.row.original.status === 'pending' ? null : (
            <Button
              size="xs"
              variant="light"
              loading={replaying === info.row.original.id}
              onClick={() => replay(info.row.original.id)}
            >
              {t('webhooks.deliveries.replay')}
            </Button>
          ),
      }),
    ],
    [t, replay, replaying],
  );
}

export function DeliveriesTable({ subscriptionId }: { subscriptionId: string }) {
  const { t } = useTranslation();
  const query = useInfiniteQuery(deliveriesQueryOptions(subscriptionId));
  const mutation = useReplayDelivery(subscriptionId);
  const [replaying, setReplaying] = useState<string | null>(null);
  const replay = useMemo(
    () => (id: string) => {
      setReplaying(id);
      mutation.mutate(id, { onSettled: () => setReplaying(null) });
    },
    [mutation],
  );
  const columns = useDeliveryColumns(replay, replaying);
  return (
    <>
      {mutation.isError ? <QueryError error={mutation.error} title={t('webhooks.deliveries.replayFailed')} /> : null}
      <ListTable
        query={query}
        columns={columns}
        caption={t('webhooks.deliveries.caption')}
        showCaption
        emptyMessage={t('webhooks.deliveries.empty')}
        getRowId={(d) => d.id}
        noun={(count) => t('webhooks.deliveries.count', { count })}
        testId="webhook-deliveries"
      />
    </>
  );
}
