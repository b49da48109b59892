// The topics catalogue page body: filters kept in the URL, the table, and "Load more" paging.
import { Button, Group, Stack, Text } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { useUrlFilters } from '@/lib/use-url-filters';

import { topicsQueryOptions } from '../api/get-topics';
import { filtersFromSearchParams, filtersToSearchParams } from '../lib/topic-filters';

import { TopicsFilters } from './topics-filters';
import { TopicsTable } from './topics-table';

export function TopicsList() {
  const { t } = useTranslation();
  const [filters, changeFilters] = useUrlFilters(filtersFromSearchParams, filtersToSearchParams);
  const query = useInfiniteQuery({ ...topicsQueryOptions(filters), placeholderData: keepPreviousData });

  const topics = query.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Object.keys(filters).some((key) => key !== 'sort');

  return (
    <Stack gap="md">
      <TopicsFilters filters={filters} onChange={changeFilters} />
      <div aria-busy={query.isFetching}>
        {query.isPending ? (
          <PageLoader />
        ) : query.isError && topics.length === 0 ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Stack gap="sm">
            <Text size="sm" c="dimmed" role="status" data-testid="topics-count">
              {query.hasNextPage
                ? t('topics.countMore', { count: topics.length })
                : t('topics.count', { count: topics.length })}
            </Text>
            <TopicsTable
              topics={topics}
              caption={t('topics.caption')}
              emptyMessage={filtered ? t('topics.emptyFiltered') : t('topics.empty')}
            />
            {query.isFetchNextPageError ? <QueryError error={query.error} /> : null}
            {query.hasNextPage ? (
              <Group>
                <Button
                  variant="outline"
                  onClick={() => void query.fetchNextPage()}
                  loading={query.isFetchingNextPage}
                >
                  {t('common.loadMore')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        )}
      </div>
    </Stack>
  );
}
