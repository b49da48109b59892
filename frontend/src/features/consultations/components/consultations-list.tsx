// The consultation list: filters kept in the URL, the table, and "Load more" paging through the cursor.
import { Button, Group, Stack, Text } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { useUrlFilters } from '@/lib/use-url-filters';

import { consultationsQueryOptions } from '../api/get-consultations';
import { filtersFromSearchParams, filtersToSearchParams } from '../lib/consultation-filters';

import { ConsultationsFilters } from './consultations-filters';
import { ConsultationsTable } from './consultations-table';

export function ConsultationsList({ ownerName }: { ownerName: (delegationId: string | null) => string }) {
  const { t } = useTranslation();
  const [filters, changeFilters] = useUrlFilters(filtersFromSearchParams, filtersToSearchParams);
  const query = useInfiniteQuery({ ...consultationsQueryOptions(filters), placeholderData: keepPreviousData });
  const consultations = query.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Object.keys(filters).length > 0;

  return (
    <Stack gap="md">
      <ConsultationsFilters filters={filters} onChange={changeFilters} />
      <div aria-busy={query.isFetching}>
        {query.isPending ? (
          <PageLoader />
        ) : query.isError && consultations.length === 0 ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Stack gap="sm">
            <Text size="sm" c="dimmed" role="status" data-testid="consultations-count">
              {query.hasNextPage
                ? t('consultations.countMore', { count: consultations.length })
                : t('consultations.count', { count: consultations.length })}
            </Text>
            <ConsultationsTable
              consultations={consultations}
              caption={t('consultations.caption')}
              emptyMessage={filtered ? t('consultations.emptyFiltered') : t('consultations.empty')}
              ownerName={ownerName}
            />
            {query.isFetchNextPageError ? <QueryError error={query.error} /> : null}
            {query.hasNextPage ? (
              <Group>
                <Button variant="outline" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
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
