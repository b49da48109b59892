// The registry page body: filters kept in the URL, the heat map and the table under the same filters,
// and "Load more" paging through the cursor.
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { useUrlFilters } from '@/lib/use-url-filters';

import { impedimentsQueryOptions } from '../api/get-impediments';
import { filtersFromSearchParams, filtersToSearchParams } from '../lib/impediment-filters';

import { ImpedimentsFilters } from './impediments-filters';
import { ImpedimentsHeatMap } from './impediments-heat-map';
import { ImpedimentsTable } from './impediments-table';

export function ImpedimentsList() {
  const { t } = useTranslation();
  const [filters, changeFilters] = useUrlFilters(filtersFromSearchParams, filtersToSearchParams);
  const query = useInfiniteQuery({ ...impedimentsQueryOptions(filters), placeholderData: keepPreviousData });

  const impediments = query.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Object.keys(filters).length > 0;

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
        <div aria-busy={query.isFetching}>
          {query.isPending ? (
            <PageLoader />
          ) : query.isError && impediments.length === 0 ? (
            <QueryError error={query.error} onRetry={() => void query.refetch()} />
          ) : (
            <Stack gap="sm">
              <Text size="sm" c="dimmed" role="status" data-testid="impediments-count">
                {query.hasNextPage
                  ? t('impediments.countMore', { count: impediments.length })
                  : t('impediments.count', { count: impediments.length })}
              </Text>
              <ImpedimentsTable
                impediments={impediments}
                caption={t('impediments.caption')}
                emptyMessage={filtered ? t('impediments.emptyFiltered') : t('impediments.empty')}
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
      </section>
    </Stack>
  );
}
