// A watch-list as a table, with loading, error, empty and "Load more" states. `filter` picks the
// entries (a delegation's, a topic's); the server only returns what the caller may see.
import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { DataTable } from '@/components/ui/data-table';
import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { paths } from '@/config/paths';
import { formatDateTime } from '@/lib/format-date';

import { watchItemsQueryOptions, type WatchItem, type WatchItemsFilter } from '../api/get-watch-items';

import { PriorityBadge, VisibilityLabel } from './watch-item-labels';

const column = createColumnHelper<WatchItem>();

type WatchItemsListProps = {
  filter: WatchItemsFilter;
  caption: string;
  emptyMessage: string;
  /** Hide the topic column where the page is about one topic. */
  showTopic?: boolean;
};

export function WatchItemsList({ filter, caption, emptyMessage, showTopic = true }: WatchItemsListProps) {
  const { t, i18n } = useTranslation();
  const query = useInfiniteQuery(watchItemsQueryOptions(filter));

  const columns = useMemo(
    () => [
      ...(showTopic
        ? [
            column.accessor('topic_code', {
              header: t('watch.columns.topic'),
              cell: (info) => (
                <Anchor component={Link} to={paths.topic(info.getValue())}>
                  {info.getValue()} — {info.row.original.topic_title}
                </Anchor>
              ),
            }),
          ]
        : []),
      column.accessor('country_code', { header: t('watch.columns.delegation') }),
      column.accessor('priority', {
        header: t('watch.columns.priority'),
        cell: (info) => <PriorityBadge priority={info.getValue()} />,
      }),
      column.accessor('visibility', {
        header: t('watch.columns.visibility'),
        cell: (info) => <VisibilityLabel visibility={info.getValue()} />,
      }),
      column.accessor('note', {
        header: t('watch.columns.note'),
        cell: (info) => <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{info.getValue()}</Text>,
      }),
      column.accessor('updated_at', {
        header: t('watch.columns.updated'),
        cell: (info) => formatDateTime(info.getValue(), i18n.language),
      }),
    ],
    [t, i18n.language, showTopic],
  );

  if (query.isPending) return <PageLoader />;
  if (query.isError && !query.data) {
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  const items = query.data.pages.flatMap((page) => page.items);

  return (
    <Stack gap="sm" data-testid="watch-items">
      <DataTable data={items} columns={columns} caption={caption} emptyMessage={emptyMessage} getRowId={(i) => i.id} />
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
