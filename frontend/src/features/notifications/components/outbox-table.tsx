// The e-mail outbox for admins, in the shared list table.
import { Badge } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { EXPORT_PAGE_SIZE, ListTable } from '@/components/ui/data-table';
import { formatInstant } from '@/lib/format-date';

import { outboxPage, outboxQueryOptions, type OutboxEmail } from '../api/get-outbox';

const column = createColumnHelper<OutboxEmail>();
const colour = { queued: 'gray', sent: 'green', failed: 'red' } as const;

export function OutboxTable() {
  const { t } = useTranslation();
  const query = useInfiniteQuery(outboxQueryOptions());
  const columns = useMemo(
    () => [
      column.accessor('to', { header: t('notifications.outbox.columns.to') }),
      column.accessor('subject', { header: t('notifications.outbox.columns.subject') }),
      column.accessor('status', {
        header: t('notifications.outbox.columns.status'),
        cell: (info) => (
          <Badge color={colour[info.getValue()]} variant="light">
            {info.getValue()}
          </Badge>
        ),
      }),
      column.accessor('attempts', { header: t('notifications.outbox.columns.attempts') }),
      column.accessor('created_at', {
        header: t('notifications.outbox.columns.created'),
        meta: { csv: (row) => formatInstant(row.created_at) },
        cell: (info) => formatInstant(info.getValue()),
      }),
    ],
    [t],
  );
  return (
    <ListTable
      query={query}
      columns={columns}
      caption={t('notifications.outbox.caption')}
      emptyMessage={t('notifications.outbox.empty')}
      getRowId={(m) => m.id}
      noun={(count) => t('notifications.outbox.count', { count })}
      exporter={{ name: 'email-outbox', fetchPage: outboxPage(EXPORT_PAGE_SIZE) }}
      testId="email-outbox"
    />
  );
}
