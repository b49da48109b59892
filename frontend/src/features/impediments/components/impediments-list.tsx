// The registry page body: filters and sort kept in the URL, the heat map and the list under the same
// filters, with the shared list table (count, export, sorting, Load more).
import { Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { EXPORT_PAGE_SIZE, ListTable, urlSort } from '@/components/ui/data-table';
import { useUrlFilters } from '@/lib/use-url-filters';

import { impedimentsPage, impedimentsQueryOptions } from '../api/get-impediments';
import { impedimentParams } from '../lib/impediment-filters';

import { ImpedimentsFilters } from './impediments-filters';
import { ImpedimentsHeatMap } from './impediments-heat-map';
import { useImpedimentColumns } from './impediments-table';

export function ImpedimentsList() {
  const { t } = useTranslation();
  const [filters, changeFilters] = useUrlFilters(impedimentParams);
  const query = useInfiniteQuery({ ...impedimentsQueryOptions(filters), placeholderData: keepPreviousData });
  const columns = useImpedimentColumns();
  const filtered = impedimentParams.isFiltered(filters, ['sort']);

  return (
    <Stack gap="lg">
      <ImpedimentsFilters filters={filters} onChange={changeFilters} />

      <section aria-labelledby="heat-map-heading">
        <Title order={2} size="h3" id="heat-map-heading" mb="xs">
          {t('impediments.heatMap.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('impediments.heatMap.help')}
        </Text>
        <ImpedimentsHeatMap filters={filters} />
      </section>

      <section aria-labelledby="impediments-list-heading">
        <Title order={2} size="h3" id="impediments-list-heading" mb="sm">
          {t('impediments.listTitle')}
        </Title>
        <ListTable
          query={query}
          columns={columns}
          caption={t('impediments.caption')}
          emptyMessage={filtered ? t('impediments.emptyFiltered') : t('impediments.empty')}
          getRowId={(impediment) => impediment.id}
          sort={urlSort(impedimentParams.schema.sort, filters.sort, (sort) => changeFilters({ sort }))}
          noun={(count) => t('impediments.count', { count })}
          countTestId="impediments-count"
          exporter={{ name: 'impediments', fetchPage: impedimentsPage(filters, EXPORT_PAGE_SIZE) }}
        />
      </section>
    </Stack>
  );
}
