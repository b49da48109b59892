// The topics catalogue page body: filters and sort kept in the URL, and the shared list table (count,
// export, sorting by code or title, Load more).
import { Stack } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { EXPORT_PAGE_SIZE, ListTable, urlSort } from '@/components/ui/data-table';
import { useUrlFilters } from '@/lib/use-url-filters';

import { topicsPage, topicsQueryOptions } from '../api/get-topics';
import { topicParams } from '../lib/topic-filters';

import { TopicsFilters } from './topics-filters';
import { useTopicColumns } from './topics-table';

export function TopicsList() {
  const { t } = useTranslation();
  const [filters, changeFilters] = useUrlFilters(topicParams);
  const query = useInfiniteQuery({ ...topicsQueryOptions(filters), placeholderData: keepPreviousData });
  const columns = useTopicColumns();
  const filtered = topicParams.isFiltered(filters, ['sort']);

  return (
    <Stack gap="md">
      <TopicsFilters filters={filters} onChange={changeFilters} />
      <ListTable
        query={query}
        columns={columns}
        caption={t('topics.caption')}
        emptyMessage={filtered ? t('topics.emptyFiltered') : t('topics.empty')}
        getRowId={(topic) => topic.id}
        sort={urlSort(topicParams.schema.sort, filters.sort, (sort) => changeFilters({ sort }))}
        noun={(count) => t('topics.count', { count })}
        countTestId="topics-count"
        exporter={{ name: 'topics', fetchPage: topicsPage(filters, EXPORT_PAGE_SIZE) }}
      />
    </Stack>
  );
}
