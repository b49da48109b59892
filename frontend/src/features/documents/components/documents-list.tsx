// The library list page body: kind and title filters and sort kept in the URL, with the shared list table
// (count, export, sorting, Load more, empty, error and loading states).
import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { EXPORT_PAGE_SIZE, ListTable, urlSort } from '@/components/ui/data-table';
import { useUrlFilters } from '@/lib/use-url-filters';

import { documentsListQueryOptions, documentsPage } from '../api/get-documents';
import { documentListParams } from '../lib/document-filters';
import { documentKindLabel } from '../lib/document-labels';
import { documentKinds } from '../lib/document-values';

import { useDocumentColumns } from './documents-table';

export function DocumentsList() {
  const { t } = useTranslation();
  const [filters, changeFilters] = useUrlFilters(documentListParams);
  const query = useInfiniteQuery({ ...documentsListQueryOptions(filters), placeholderData: keepPreviousData });
  const columns = useDocumentColumns();
  const filtered = documentListParams.isFiltered(filters, ['sort']);
  const [q, setQ] = useState(filters.q ?? '');
  const schema = documentListParams.schema;

  function submit(event: FormEvent) {
    event.preventDefault();
    changeFilters({ q: schema.q.parse(q) });
  }

  return (
    <Stack gap="lg">
      <form role="search" aria-label={t('documents.list.filtersLabel')} onSubmit={submit}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect
            label={t('documents.columns.kind')}
            value={filters.kind ?? ''}
            onChange={(event) => changeFilters({ kind: schema.kind.parse(event.currentTarget.value) })}
            data={[
              { value: '', label: t('documents.list.anyKind') },
              ...documentKinds.map((k) => ({ value: k, label: documentKindLabel(t, k) })),
            ]}
          />
          <TextInput
            label={t('documents.list.titleSearch')}
            value={q}
            onChange={(event) => setQ(event.currentTarget.value)}
          />
          <Button type="submit" variant="default">
            {t('documents.list.filter')}
          </Button>
        </Group>
      </form>
      <ListTable
        query={query}
        columns={columns}
        caption={t('documents.list.caption')}
        emptyMessage={filtered ? t('documents.list.emptyFiltered') : t('documents.list.empty')}
        getRowId={(item) => item.id}
        sort={urlSort(documentListParams.schema.sort, filters.sort, (sort) => changeFilters({ sort }))}
        noun={(count) => t('documents.list.count', { count })}
        countTestId="documents-count"
        exporter={{ name: 'documents', fetchPage: documentsPage(filters, EXPORT_PAGE_SIZE) }}
      />
    </Stack>
  );
}
