// The briefing list's columns: title (linking to the request), delegation, kind, status, priority, wished
// and due dates (overdue said in words), analyst and topics — each code with its name, on screen and in
// the export.
import { Anchor, Badge } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '@/config/paths';
import { formatPlainDate } from '@/lib/format-date';
import { priorityLabel } from '@/lib/labels';
import { useNames } from '@/lib/reference';

import { briefingKindLabel, briefingStatusLabel, type Briefing } from '../lib/briefing-values';

const column = createColumnHelper<Briefing>();

export function BriefingStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const color = status === 'delivered' ? 'teal' : status === 'declined' ? 'gray' : 'blue';
  return (
    <Badge color={color} variant="light" data-status={status}>
      {briefingStatusLabel(t, status)}
    </Badge>
  );
}

export function useBriefingColumns() {
  const { t } = useTranslation();
  const names = useNames(['topic']);
  return useMemo(() => {
    const topicNames = (row: Briefing) => row.topics.map((topic) => names.topic(topic.code)).join('; ');
    const dueWords = (row: Briefing) =>
      row.due_date
        ? row.overdue
          ? t('briefing.overdue', { date: formatPlainDate(row.due_date) })
          : formatPlainDate(row.due_date)
        : t('briefing.noDate');
    return [
      column.accessor('title', {
        header: t('briefing.fields.title'),
        cell: (info) => (
          <Anchor component={Link} to={paths.briefing(info.row.original.id)} fw={600}>
            {info.getValue()}
          </Anchor>
        ),
      }),
      column.accessor('delegation_name', {
        header: t('briefing.fields.delegation'),
        meta: { csv: (row) => `${row.delegation_name} (${row.delegation_code})` },
        cell: (info) => `${info.getValue()} (${info.row.original.delegation_code})`,
      }),
      column.accessor('kind', {
        header: t('briefing.fields.kind'),
        meta: { csv: (row) => briefingKindLabel(t, row.kind) },
        cell: (info) => briefingKindLabel(t, info.getValue()),
      }),
      column.accessor('status', {
        header: t('briefing.fields.status'),
        meta: { csv: (row) => briefingStatusLabel(t, row.status) },
        cell: (info) => <BriefingStatusBadge status={info.getValue()} />,
      }),
      column.accessor('priority', {
        header: t('briefing.fields.priority'),
        meta: { sort: 'priority', csv: (row) => priorityLabel(t, row.priority) },
        cell: (info) => priorityLabel(t, info.getValue()),
      }),
      column.accessor('wished_date', {
        header: t('briefing.fields.wishedDate'),
        meta: { sort: 'wished_date', csv: (row) => (row.wished_date ? formatPlainDate(row.wished_date) : '') },
        cell: (info) => {
          const v = info.getValue();
          return v ? formatPlainDate(v) : t('briefing.noDate');
        },
      }),
      column.accessor('due_date', {
        header: t('briefing.fields.dueDate'),
        meta: { sort: 'due_date', csv: dueWords },
        cell: (info) => (
          <span data-overdue={info.row.original.overdue || undefined}>
            {info.row.original.overdue ? <strong>{dueWords(info.row.original)}</strong> : dueWords(info.row.original)}
          </span>
        ),
      }),
      column.accessor((row) => row.assignee_name ?? '', {
        id: 'assignee',
        header: t('briefing.fields.assignee'),
        cell: (info) => info.getValue() || t('briefing.unassigned'),
      }),
      column.accessor((row) => row.topics.map((topic) => topic.code).join(' '), {
        id: 'topics',
        header: t('briefing.fields.topics'),
        meta: { csv: topicNames },
        cell: (info) => (info.row.original.topics.length === 0 ? '—' : topicNames(info.row.original)),
      }),
      column.accessor('updated_at', {
        header: t('briefing.fields.updatedAt'),
        meta: { sort: 'updated_at', csv: (row) => row.updated_at },
        cell: (info) => formatPlainDate(info.getValue().slice(0, 10)),
      }),
    ];
  }, [t, names]);
}
