// The directory page body: filters and sort kept in the URL, and the shared list table (count, export,
// sorting, Load more).
import { Stack } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { EXPORT_PAGE_SIZE, ListTable, urlSort } from '@/components/ui/data-table';
import { useUrlFilters } from '@/lib/use-url-filters';

import { stakeholdersPage, stakeholdersQueryOptions } from '../api/get-stakeholders';
import { stakeholderParams } from '../lib/stakeholder-filters';

import { StakeholdersFilters } from './stakeholders-filters';
import { useStakeholderColumns } from './stakeholders-table';

export function StakeholdersList() {
  const { t } = useTranslation();
  const [filters, changeFilters] = useUrlFilters(stakeholderParams);
  const query = useInfiniteQuery({ ...stakeholdersQueryOptions(filters), placeholderData: keepPreviousData });
  const columns = useStakeholderColumns();
  const filtered = stakeholderParams.isFiltered(filters, ['sort']);

  return (
    <Stack gap="lg">
      <StakeholdersFilters filters={filters} onChange={changeFilters} />
      <ListTable
        query={query}
        columns={columns}
        caption={t('stakeholders.caption')}
        emptyMessage={filtered ? t('stakeholders.emptyFiltered') : t('stakeholders.empty')}
        getRowId={(stakeholder) => stakeholder.id}
        sort={urlSort(stakeholderParams.schema.sort, filters.sort, (sort) => changeFilters({ sort }))}
        noun={(count) => t('stakeholders.count', { count })}
        countTestId="stakeholders-count"
        exporter={{ name: 'stakeholders', fetchPage: stakeholdersPage(filters, EXPORT_PAGE_SIZE) }}
      />
    </Stack>
  );
}
