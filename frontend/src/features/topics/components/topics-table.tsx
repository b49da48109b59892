// The topics' columns: code (linking to the topic), title, kind, WTO body and status.
import { Anchor } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '@/config/paths';
import { topicKindLabel, topicStatusLabel } from '@/lib/labels';

import type { Topic } from '../lib/topic-filters';

import { TopicStatusBadge } from './topic-labels';

const column = createColumnHelper<Topic>();

export function useTopicColumns() {
  const { t } = useTranslation();
  return useMemo(
    () => [
      column.accessor('code', {
        header: t('topics.columns.code'),
        meta: { sort: 'code' },
        cell: (info) => (
          <Anchor component={Link} to={paths.topic(info.getValue())} fw={600}>
            {info.getValue()}
          </Anchor>
        ),
      }),
      column.accessor('title', { header: t('topics.columns.title'), meta: { sort: 'title' } }),
      column.accessor('kind', {
        header: t('topics.columns.kind'),
        meta: { csv: (row) => topicKindLabel(t, row.kind) },
        cell: (info) => topicKindLabel(t, info.getValue()),
      }),
      column.accessor('wto_body', { header: t('topics.columns.wtoBody') }),
      column.accessor('status', {
        header: t('topics.columns.status'),
        meta: { csv: (row) => topicStatusLabel(t, row.status) },
        cell: (info) => <TopicStatusBadge status={info.getValue()} />,
      }),
    ],
    [t],
  );
}
