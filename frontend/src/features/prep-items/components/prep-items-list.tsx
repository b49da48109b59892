// The prep items list page body: filters and sort kept in the URL, with the shared list table (count,
// export, sorting, Load more, empty, error and loading states).
import { Stack } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { EXPORT_PAGE_SIZE, ListTable, urlSort } from '@/components/ui/data-table';
import { useUrlFilters } from '@/lib/use-url-filters';

import { prepItemsListQueryOptions, prepItemsPage } from '../api/get-prep-items-list';
import { prepListParams } from '../lib/prep-list-filters';

import { PrepItemsFilters } from './prep-items-filters';
import { usePrepItemColumns } from './prep-items-table';

export function PrepItemsList() {
  const { t } = useTranslation();
  const [filters, changeFilters] = useUrlFilters(prepListParams);
  const query = useInfiniteQuery({ ...prepItemsListQueryOptions(filters), placeholderData: keepPreviousData });
  const columns = usePrepItemColumns();
  const filtered = prepListParams.isFiltered(filters, ['sort']);

  return (
    <Stack gap="lg">
      <PrepItemsFilters filters={filters} onChange={changeFilters} />
      <ListTable
        query={query}
        columns={columns}
        caption={t('prep.list.caption')}
        emptyMessage={filtered ? t('prep.list.emptyFiltered') : t('prep.list.empty')}
        getRowId={(item) => item.id}
        sort={urlSort(prepListParams.schema.sort, filters.sort, (sort) => changeFilters({ sort }))}
        noun={(count) => t('prep.list.count', { count })}
        countTestId="prep-items-count"
        exporter={{ name: 'prep-items', fetchPage: prepItemsPage(filters, EXPORT_PAGE_SIZE) }}
      />
    </Stack>
  );
}
