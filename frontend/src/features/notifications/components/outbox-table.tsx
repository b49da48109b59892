// The e-mail outbox for admins, in the shared list table: what became of each mail — sent, being
// sent, queued (again, after a failed attempt: when it is tried next) or failed — with the attempts
// made and the SMTP server's last answer.
import { Badge, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { EXPORT_PAGE_SIZE, ListTable } from '@/components/ui/data-table';
import { formatInstant } from '@/lib/format-date';

import { outboxPage, outboxQueryOptions, type OutboxEmail } from '../api/get-outbox';

const column = createColumnHelper<OutboxEmail>();
const colour = { queued: 'gray', sending: 'blue', sent: 'green', failed: 'red' } as const;

/** When a mail went out, or when it is tried next; empty while it waits for its first attempt. */
function whenText(m: OutboxEmail, retryAt: (when: string) => string): string {
  if (m.sent_at) return formatInstant(m.sent_at);
  if (m.status === 'queued' && m.next_attempt_at) return retryAt(formatInstant(m.next_attempt_at));
  return '';
}

export function useOutboxColumns() {
  const { t } = useTranslation();
  return useMemo(() => {
    const retryAt = (when: string) => t('notifications.outbox.retryAt', { when });
    return [
      column.accessor('to', { header: t('notifications.outbox.columns.to') }),
      column.accessor('subject', { header: t('notifications.outbox.columns.subject') }),
      column.accessor('status', {
        header: t('notifications.outbox.columns.status'),
        meta: { csv: (row) => row.status },
        cell: (info) => (
          <Badge color={colour[info.getValue()]} variant="light">
            {t(`notifications.outbox.status.${info.getValue()}`)}
          </Badge>
        ),
      }),
      column.accessor('attempts', { header: t('notifications.outbox.columns.attempts') }),
      column.accessor('last_error', {
        header: t('notifications.outbox.columns.lastError'),
        meta: { csv: (row) => row.last_error ?? '' },
        cell: (info) => {
          const error = info.getValue();
          return error ? (
            <Text size="sm" lineClamp={2} title={error}>
              {error}
            </Text>
          ) : null;
        },
      }),
      column.accessor('created_at', {
        header: t('notifications.outbox.columns.created'),
        meta: { csv: (row) => formatInstant(row.created_at) },
        cell: (info) => formatInstant(info.getValue()),
      }),
      column.display({
        id: 'when',
        header: t('notifications.outbox.columns.when'),
        meta: { csv: (row: OutboxEmail) => whenText(row, retryAt) },
        cell: (info) => whenText(info.row.original, retryAt),
      }),
    ];
  }, [t]);
}

export function OutboxTable() {
  const { t } = useTranslation();
  const query = useInfiniteQuery(outboxQueryOptions());
  const columns = useOutboxColumns();
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
