// The topics as a table: code (linking to the topic), title, kind, WTO body and status.
import { Anchor } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { DataTable } from '@/components/ui/data-table';
import { paths } from '@/config/paths';
import { topicKindLabel } from '@/lib/labels';

import type { Topic } from '../lib/topic-filters';

import { TopicStatusBadge } from './topic-labels';

const column = createColumnHelper<Topic>();

type TopicsTableProps = { topics: Topic[]; caption: string; emptyMessage: string };

export function TopicsTable({ topics, caption, emptyMessage }: TopicsTableProps) {
  const { t } = useTranslation();
  const columns = useMemo(
    () => [
      column.accessor('code', {
        header: t('topics.columns.code'),
        cell: (info) => (
          <Anchor component={Link} to={paths.topic(info.getValue())} fw={600}>
            {info.getValue()}
          </Anchor>
        ),
      }),
      column.accessor('title', { header: t('topics.columns.title') }),
      column.accessor('kind', {
        header: t('topics.columns.kind'),
        cell: (info) => topicKindLabel(t, info.getValue()),
      }),
      column.accessor('wto_body', { header: t('topics.columns.wtoBody') }),
      column.accessor('status', {
        header: t('topics.columns.status'),
        cell: (info) => <TopicStatusBadge status={info.getValue()} />,
      }),
    ],
    [t],
  );

  return (
    <DataTable
      data={topics}
      columns={columns}
      caption={caption}
      emptyMessage={emptyMessage}
      getRowId={(topic) => topic.id}
    />
  );
}
