// The audit log as a table: when, who, what action on which record, and the request it came from —
// counted, sortable by time and exportable like every list.
import { Code } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { EXPORT_PAGE_SIZE, ListTable, urlSort } from '@/components/ui/data-table';
import { formatInstant } from '@/lib/format-date';
import { useUrlFilters } from '@/lib/use-url-filters';

import { auditEventsPage, auditEventsQueryOptions, type AuditEvent } from '../api/get-audit-events';
import { auditParams } from '../lib/audit-params';

const column = createColumnHelper<AuditEvent>();

function useAuditColumns() {
  const { t } = useTranslation();
  return useMemo(
    () => [
      column.accessor('at', {
        header: t('admin.audit.columns.at'),
        meta: { sort: 'at', sortDescendingFirst: true, csv: (row) => formatInstant(row.at) },
        cell: (info) => formatInstant(info.getValue()),
      }),
      column.accessor('actor_label', { header: t('admin.audit.columns.actor') }),
      column.accessor('action', { header: t('admin.audit.columns.action'), meta: { sort: 'action' } }),
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
    [t],
  );
}

export function AuditEventsList() {
  const { t } = useTranslation();
  const [params, change] = useUrlFilters(auditParams);
  const query = useInfiniteQuery(auditEventsQueryOptions(params));
  const columns = useAuditColumns();

  return (
    <ListTable
      query={query}
      columns={columns}
      caption={t('admin.audit.caption')}
      emptyMessage={t('admin.audit.empty')}
      getRowId={(event) => event.id}
      sort={urlSort(auditParams.schema.audit_sort, params.audit_sort, (sort) => change({ audit_sort: sort }))}
      noun={(count) => t('admin.audit.count', { count })}
      exporter={{ name: 'audit-log', fetchPage: auditEventsPage(params, EXPORT_PAGE_SIZE) }}
    />
  );
}
