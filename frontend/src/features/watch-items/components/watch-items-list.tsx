// A watch-list in the shared list table (count, sort, export, Load more). `filter` picks the entries (a
// delegation's, a topic's); the server only returns what the caller may see.
import { Anchor, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { EXPORT_PAGE_SIZE, ListTable, urlSort } from '@/components/ui/data-table';
import { paths } from '@/config/paths';
import { formatInstant } from '@/lib/format-date';
import { priorityLabel, visibilityLabel } from '@/lib/labels';
import { useNames } from '@/lib/reference';
import { useUrlFilters } from '@/lib/use-url-filters';

import { watchItemsPage, watchItemsQueryOptions, type WatchItem, type WatchItemsFilter } from '../api/get-watch-items';
import { watchParams } from '../lib/watch-params';

import { PriorityBadge, VisibilityLabel } from './watch-item-labels';

const column = createColumnHelper<WatchItem>();

type WatchItemsListProps = {
  filter: WatchItemsFilter;
  caption: string;
  emptyMessage: string;
  /** Hide the topic column where the page is about one topic. */
  showTopic?: boolean;
};

function useWatchColumns(showTopic: boolean) {
  const { t } = useTranslation();
  const names = useNames(['country']);
  return useMemo(
    () => [
      ...(showTopic
        ? [
            column.accessor('topic_code', {
              header: t('watch.columns.topic'),
              meta: { csv: (row) => `${row.topic_code} — ${row.topic_title}` },
              cell: (info) => (
                <Anchor component={Link} to={paths.topic(info.getValue())}>
                  {info.getValue()} — {info.row.original.topic_title}
                </Anchor>
              ),
            }),
          ]
        : []),
      column.accessor('country_code', {
        header: t('watch.columns.delegation'),
        meta: { csv: (row) => names.country(row.country_code) },
        cell: (info) => names.country(info.getValue()),
      }),
      column.accessor('priority', {
        header: t('watch.columns.priority'),
        meta: { csv: (row) => priorityLabel(t, row.priority) },
        cell: (info) => <PriorityBadge priority={info.getValue()} />,
      }),
      column.accessor('visibility', {
        header: t('watch.columns.visibility'),
        meta: { csv: (row) => visibilityLabel(t, row.visibility) },
        cell: (info) => <VisibilityLabel visibility={info.getValue()} />,
      }),
      column.accessor('note', {
        header: t('watch.columns.note'),
        cell: (info) => <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{info.getValue()}</Text>,
      }),
      column.accessor('updated_at', {
        header: t('watch.columns.updated'),
        meta: { sort: 'updated_at', sortDescendingFirst: true, csv: (row) => formatInstant(row.updated_at) },
        cell: (info) => formatInstant(info.getValue()),
      }),
    ],
    [t, names, showTopic],
  );
}

export function WatchItemsList({ filter, caption, emptyMessage, showTopic = true }: WatchItemsListProps) {
  const { t } = useTranslation();
  const [params, change] = useUrlFilters(watchParams);
  const query = useInfiniteQuery(watchItemsQueryOptions(filter, params.watch_sort));
  const columns = useWatchColumns(showTopic);

  return (
    <ListTable
      query={query}
      columns={columns}
      caption={caption}
      emptyMessage={emptyMessage}
      getRowId={(item) => item.id}
      sort={urlSort(watchParams.schema.watch_sort, params.watch_sort, (sort) => change({ watch_sort: sort }))}
      noun={(count) => t('watch.count', { count })}
      exporter={{ name: 'watch-list', fetchPage: watchItemsPage(filter, params.watch_sort, EXPORT_PAGE_SIZE) }}
      testId="watch-items"
    />
  );
}
