// The audit log as a table: when, who, what action on which record, and the request it came from.
import { Button, Code, Group, Stack } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { DataTable } from '@/components/ui/data-table';
import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { formatDateTime } from '@/lib/format-date';

import { auditEventsQueryOptions, type AuditEvent } from '../api/get-audit-events';

const column = createColumnHelper<AuditEvent>();

export function AuditEventsList() {
  const { t, i18n } = useTranslation();
  const query = useInfiniteQuery(auditEventsQueryOptions());

  const columns = useMemo(
    () => [
      column.accessor('at', {
        header: t('admin.audit.columns.at'),
        cell: (info) => formatDateTime(info.getValue(), i18n.language),
      }),
      column.accessor('actor_label', { header: t('admin.audit.columns.actor') }),
      column.accessor('action', { header: t('admin.audit.columns.action') }),
      column.accessor('entity_type', { header: t('admin.audit.columns.entityType') }),
      column.accessor('entity_id', {
        header: t('admin.audit.columns.entityId'),
        cell: (info) => {
          const id = info.getValue();
          return id ? <Code>{id}</Code> : t('common.none');
        },
      }),
      column.accessor('request_id', {
        header: t('admin.audit.columns.requestId'),
        cell: (info) => {
          const id = info.getValue();
          return id ? <Code>{id}</Code> : t('common.none');
        },
      }),
    ],
    [t, i18n.language],
  );

  if (query.isPending) return <PageLoader />;
  if (query.isError && !query.data) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const events = query.data.pages.flatMap((page) => page.items);

  return (
    <Stack gap="sm">
      <DataTable
        data={events}
        columns={columns}
        caption={t('admin.audit.caption')}
        emptyMessage={t('admin.audit.empty')}
        getRowId={(event) => event.id}
      />
      {query.hasNextPage ? (
        <Group>
          <Button variant="outline" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
