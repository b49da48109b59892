// The library list's columns: title (linking to the document), kind, owner (or platform-wide), topics
// with their names, current version and last change — the same words on screen and in the export.
import { Anchor } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '@/config/paths';
import { formatInstant } from '@/lib/format-date';
import { useNames } from '@/lib/reference';

import { documentKindLabel } from '../lib/document-labels';
import type { DocumentSummary } from '../lib/document-types';

const column = createColumnHelper<DocumentSummary>();

export function useDocumentColumns() {
  const { t } = useTranslation();
  const names = useNames(['topic']);
  return useMemo(() => {
    const ownerName = (row: DocumentSummary) =>
      row.owner ? `${row.owner.name} (${row.owner.code})` : t('documents.platformWide');
    const topicNames = (row: DocumentSummary) => row.topics.map((topic) => names.topic(topic.code)).join('; ');
    return [
      column.accessor('title', {
        header: t('documents.columns.title'),
        meta: { sort: 'title' },
        cell: (info) => (
          <Anchor component={Link} to={paths.document(info.row.original.id)} fw={600}>
            {info.getValue()}
          </Anchor>
        ),
      }),
      column.accessor('kind', {
        header: t('documents.columns.kind'),
        meta: { sort: 'kind', csv: (row) => documentKindLabel(t, row.kind) },
        cell: (info) => documentKindLabel(t, info.getValue()),
      }),
      column.accessor((row) => row.owner?.name ?? '', {
        id: 'owner',
        header: t('documents.columns.owner'),
        meta: { csv: ownerName },
        cell: (info) => ownerName(info.row.original),
      }),
      column.accessor((row) => topicNames(row), {
        id: 'topics',
        header: t('documents.columns.topics'),
        meta: { csv: topicNames },
        cell: (info) => info.getValue(),
      }),
      column.accessor('current_version', {
        header: t('documents.columns.version'),
        cell: (info) => info.getValue(),
      }),
      column.accessor('updated_at', {
        header: t('documents.columns.updated'),
        meta: { sort: 'updated_at', csv: (row) => formatInstant(row.updated_at) },
        cell: (info) => formatInstant(info.getValue()),
      }),
    ];
  }, [t, names]);
}
