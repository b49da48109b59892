// The caller's subscriptions in the shared list table: where each sends, which events, whether it is
// on (and why not), its failures in a row; choosing one shows its delivery log.
import { Badge, Button, Group, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ListTable } from '@/components/ui/data-table';
import { formatInstant } from '@/lib/format-date';

import { webhooksQueryOptions, type Webhook, type WebhookSort } from '../api/get-webhooks';

const column = createColumnHelper<Webhook>();

export function useWebhookColumns(selected: string | null, onSelect: (id: string) => void) {
  const { t } = useTranslation();
  return useMemo(
    () => [
      column.accessor('url', {
        header: t('webhooks.columns.url'),
        meta: { sort: 'url' },
        cell: (info) => (
          <Text size="sm" style={{ wordBreak: 'break-all' }}>
            {info.getValue()}
          </Text>
        ),
      }),
      column.accessor('events', {
        header: t('webhooks.columns.events'),
        meta: { csv: (row) => row.events.join(' ') },
        cell: (info) => (
          <Group gap={4}>
            {info.getValue().map((event) => (
              <Badge key={event} variant="light" size="sm" tt="none">
                {event}
              </Badge>
            ))}
          </Group>
        ),
      }),
      column.accessor('enabled', {
        header: t('webhooks.columns.state'),
        meta: { csv: (row) => (row.enabled ? 'on' : 'off') },
        cell: (info) =>
          info.getValue() ? (
            <Badge color="teal" variant="light">
              {t('webhooks.state.on')}
            </Badge>
          ) : (
            <Badge color="gray" variant="light" title={info.row.original.disabled_reason ?? undefined}>
              {t('webhooks.state.off')}
            </Badge>
          ),
      }),
      column.accessor('consecutive_failures', { header: t('webhooks.columns.failures') }),
      column.accessor('created_at', {
        header: t('webhooks.columns.created'),
        meta: { sort: 'created_at', sortDescendingFirst: true, csv: (row) => formatInstant(row.created_at) },
        cell: (info) => formatInstant(info.getValue()),
      }),
      column.display({
        id: 'log',
        header: t('webhooks.columns.log'),
        cell: (info) => {
          const id = info.row.original.id;
          return (
            <Button
              size="xs"
              variant={selected === id ? 'filled' : 'light'}
              aria-pressed={selected === id}
              onClick={() => onSelect(id)}
              aria-label={t('webhooks.showLogOf', { url: info.row.original.url })}
            >
              {t('webhooks.showLog')}
            </Button>
          );
        },
      }),
    ],
    [t, selected, onSelect],
  );
}

export function WebhooksList({ selected, onSelect }: { selected: string | null; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<WebhookSort>('-created_at');
  const query = useInfiniteQuery(webhooksQueryOptions(sort));
  const columns = useWebhookColumns(selected, onSelect);
  return (
    <ListTable
      query={query}
      columns={columns}
      caption={t('webhooks.caption')}
      emptyMessage={t('webhooks.empty')}
      getRowId={(w) => w.id}
      noun={(count) => t('webhooks.count', { count })}
      sort={{ value: sort, onChange: (value) => setSort(value as WebhookSort) }}
      testId="webhooks-list"
    />
  );
}
