// The prep items list's columns: title (linking to the prep item), ministerial, owner, kind, status,
// interest, priority, deadline (overdue said in words) and topics — each code with its name, on screen
// and in the export.
import { Anchor } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '@/config/paths';
import { formatPlainDate } from '@/lib/format-date';
import { priorityLabel } from '@/lib/labels';
import { useNames } from '@/lib/reference';

import { interestLabel, prepKindLabel, prepStatusLabel } from '../lib/prep-labels';
import type { PrepItem } from '../lib/prep-types';

import { DeadlineText, PrepStatusBadge } from './prep-badges';

const column = createColumnHelper<PrepItem>();

export function usePrepItemColumns() {
  const { t } = useTranslation();
  const names = useNames(['topic']);
  return useMemo(() => {
    const ownerName = (row: PrepItem) => `${row.owner.name} (${row.owner.code})`;
    const topicNames = (row: PrepItem) => row.topics.map((topic) => names.topic(topic.code)).join('; ');
    const deadlineWords = (row: PrepItem) =>
      row.deadline
        ? row.overdue
          ? t('prep.deadline.overdue', { date: formatPlainDate(row.deadline) })
          : formatPlainDate(row.deadline)
        : t('prep.deadline.none');
    return [
      column.accessor('title', {
        header: t('prep.list.columns.title'),
        meta: { sort: 'title' },
        cell: (info) => (
          <Anchor component={Link} to={paths.prepItem(info.row.original.id)} fw={600}>
            {info.getValue()}
          </Anchor>
        ),
      }),
      column.accessor((row) => row.ministerial.code, {
        id: 'ministerial',
        header: t('prep.item.ministerial'),
        meta: { csv: (row) => `${row.ministerial.code} — ${row.ministerial.name}` },
        cell: (info) => `${info.row.original.ministerial.code} — ${info.row.original.ministerial.name}`,
      }),
      column.accessor((row) => row.owner.name, {
        id: 'owner',
        header: t('prep.item.owner'),
        meta: { csv: ownerName },
        cell: (info) => ownerName(info.row.original),
      }),
      column.accessor('kind', {
        header: t('prep.item.kind'),
        meta: { csv: (row) => prepKindLabel(t, row.kind) },
        cell: (info) => prepKindLabel(t, info.getValue()),
      }),
      column.accessor('status', {
        header: t('prep.item.status'),
        meta: { sort: 'status', csv: (row) => prepStatusLabel(t, row.status) },
        cell: (info) => <PrepStatusBadge status={info.getValue()} />,
      }),
      column.accessor('interest', {
        header: t('prep.item.interest'),
        meta: { csv: (row) => interestLabel(t, row.interest) },
        cell: (info) => interestLabel(t, info.getValue()),
      }),
      column.accessor('priority', {
        header: t('prep.item.priority'),
        meta: { sort: 'priority', csv: (row) => priorityLabel(t, row.priority) },
        cell: (info) => priorityLabel(t, info.getValue()),
      }),
      column.accessor('deadline', {
        header: t('prep.deadline.label'),
        meta: { sort: 'deadline', csv: deadlineWords },
        cell: (info) => (
          <DeadlineText
            deadline={info.getValue()}
            status={info.row.original.status}
            overdue={info.row.original.overdue}
          />
        ),
      }),
      column.accessor((row) => row.topics.map((topic) => topic.code).join(' '), {
        id: 'topics',
        header: t('prep.item.topics'),
        meta: { csv: topicNames },
        cell: (info) => (info.row.original.topics.length === 0 ? t('prep.item.noTopics') : topicNames(info.row.original)),
      }),
    ];
  }, [t, names]);
}
