// The consultation list: filters and sort kept in the URL, and the shared list table (count, export,
// sorting, Load more).
import { Stack } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { EXPORT_PAGE_SIZE, ListTable, urlSort } from '@/components/ui/data-table';
import { useUrlFilters } from '@/lib/use-url-filters';

import { consultationsPage, consultationsQueryOptions } from '../api/get-consultations';
import { consultationParams } from '../lib/consultation-filters';

import { ConsultationsFilters } from './consultations-filters';
import { useConsultationColumns } from './consultations-table';

export function ConsultationsList({ ownerName }: { ownerName: (delegationId: string | null) => string }) {
  const { t } = useTranslation();
  const [filters, changeFilters] = useUrlFilters(consultationParams);
  const query = useInfiniteQuery({ ...consultationsQueryOptions(filters), placeholderData: keepPreviousData });
  const columns = useConsultationColumns(ownerName);
  const filtered = consultationParams.isFiltered(filters, ['sort']);

  return (
    <Stack gap="md">
      <ConsultationsFilters filters={filters} onChange={changeFilters} />
      <ListTable
        query={query}
        columns={columns}
        caption={t('consultations.caption')}
        emptyMessage={filtered ? t('consultations.emptyFiltered') : t('consultations.empty')}
        getRowId={(consultation) => consultation.id}
        sort={urlSort(consultationParams.schema.sort, filters.sort, (sort) => changeFilters({ sort }))}
        noun={(count) => t('consultations.count', { count })}
        countTestId="consultations-count"
        exporter={{ name: 'consultations', fetchPage: consultationsPage(filters, EXPORT_PAGE_SIZE) }}
      />
    </Stack>
  );
}
