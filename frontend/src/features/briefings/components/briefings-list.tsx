// The briefing requests list: filters and sort kept in the URL (status, kind, overdue, the analysts'
// queue, assigned to me), with the shared list table (count, export, sorting, Load more, empty, error
// and loading states).
import { Checkbox, Group, NativeSelect, Stack } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { EXPORT_PAGE_SIZE, ListTable, urlSort } from '@/components/ui/data-table';
import { useUrlFilters } from '@/lib/use-url-filters';

import { briefingsListQueryOptions, briefingsPage } from '../api/get-briefings';
import { briefingListParams } from '../lib/briefing-filters';
import { briefingKindLabel, briefingKinds, briefingStatusLabel, briefingStatuses } from '../lib/briefing-values';

import { useBriefingColumns } from './briefing-columns';

export function BriefingsList({ analyst }: { analyst: boolean }) {
  const { t } = useTranslation();
  const [filters, changeFilters] = useUrlFilters(briefingListParams);
  const query = useInfiniteQuery({ ...briefingsListQueryOptions(filters), placeholderData: keepPreviousData });
  const columns = useBriefingColumns();
  const schema = briefingListParams.schema;
  const filtered = briefingListParams.isFiltered(filters, ['sort']);

  return (
    <Stack gap="lg">
      <form role="search" aria-label={t('briefing.list.filtersLabel')} onSubmit={(e) => e.preventDefault()}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect
            label={t('briefing.fields.status')}
            value={filters.status ?? ''}
            onChange={(e) => changeFilters({ status: schema.status.parse(e.currentTarget.value) })}
            data={[
              { value: '', label: t('briefing.list.any') },
              ...briefingStatuses.map((s) => ({ value: s, label: briefingStatusLabel(t, s) })),
            ]}
          />
          <NativeSelect
            label={t('briefing.fields.kind')}
            value={filters.kind ?? ''}
            onChange={(e) => changeFilters({ kind: schema.kind.parse(e.currentTarget.value) })}
            data={[
              { value: '', label: t('briefing.list.any') },
              ...briefingKinds.map((k) => ({ value: k, label: briefingKindLabel(t, k) })),
            ]}
          />
          <Checkbox
            label={t('briefing.list.overdueOnly')}
            checked={filters.overdue === true}
            onChange={(e) => changeFilters({ overdue: e.currentTarget.checked ? true : undefined })}
          />
          {analyst ? (
            <>
              <Checkbox
                label={t('briefing.list.queueOnly')}
                checked={filters.queue === true}
                onChange={(e) => changeFilters({ queue: e.currentTarget.checked ? true : undefined })}
              />
              <Checkbox
                label={t('briefing.list.mineOnly')}
                checked={filters.assigned === 'me'}
                onChange={(e) => changeFilters({ assigned: e.currentTarget.checked ? 'me' : undefined })}
              />
            </>
          ) : null}
        </Group>
      </form>
      <ListTable
        query={query}
        columns={columns}
        caption={t('briefing.list.caption')}
        emptyMessage={filtered ? t('briefing.list.emptyFiltered') : t('briefing.list.empty')}
        getRowId={(item) => item.id}
        sort={urlSort(schema.sort, filters.sort, (sort) => changeFilters({ sort }))}
        noun={(count) => t('briefing.list.count', { count })}
        countTestId="briefings-count"
        exporter={{ name: 'briefing-requests', fetchPage: briefingsPage(filters, EXPORT_PAGE_SIZE) }}
      />
    </Stack>
  );
}
