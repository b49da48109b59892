// The directory page body: filters kept in the URL, the table, and "Load more" paging through the cursor.
import { Button, Group, Stack, Text } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { useUrlFilters } from '@/lib/use-url-filters';

import { stakeholdersQueryOptions } from '../api/get-stakeholders';
import { filtersFromSearchParams, filtersToSearchParams } from '../lib/stakeholder-filters';

import { StakeholdersFilters } from './stakeholders-filters';
import { StakeholdersTable } from './stakeholders-table';

export function StakeholdersList() {
  const { t } = useTranslation();
  const [filters, changeFilters] = useUrlFilters(filtersFromSearchParams, filtersToSearchParams);
  const query = useInfiniteQuery({ ...stakeholdersQueryOptions(filters), placeholderData: keepPreviousData });

  const stakeholders = query.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Object.keys(filters).length > 0;

  return (
    <Stack gap="lg">
      <StakeholdersFilters filters={filters} onChange={changeFilters} />
      <div aria-busy={query.isFetching}>
        {query.isPending ? (
          <PageLoader />
        ) : query.isError && stakeholders.length === 0 ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Stack gap="sm">
            <Text size="sm" c="dimmed" role="status" data-testid="stakeholders-count">
              {query.hasNextPage
                ? t('stakeholders.countMore', { count: stakeholders.length })
                : t('stakeholders.count', { count: stakeholders.length })}
            </Text>
            <StakeholdersTable
              stakeholders={stakeholders}
              caption={t('stakeholders.caption')}
              emptyMessage={filtered ? t('stakeholders.emptyFiltered') : t('stakeholders.empty')}
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
