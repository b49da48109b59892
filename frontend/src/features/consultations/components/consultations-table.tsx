// The consultations as a table: title (linking to it), owner, status, whether it takes responses now,
// how many it has, and when it closes.
import { Anchor, Text } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { DataTable } from '@/components/ui/data-table';
import { paths } from '@/config/paths';
import { formatDateTime } from '@/lib/format-date';

import type { Consultation } from '../lib/consultation-values';

import { ConsultationStatusBadge } from './consultation-labels';

const column = createColumnHelper<Consultation>();

type ConsultationsTableProps = {
  consultations: Consultation[];
  caption: string;
  emptyMessage: string;
  /** The owner's name from its delegation id (null: a regional consultation). */
  ownerName: (delegationId: string | null) => string;
};

export function ConsultationsTable({ consultations, caption, emptyMessage, ownerName }: ConsultationsTableProps) {
  const { t, i18n } = useTranslation();
  const columns = useMemo(
    () => [
      column.accessor('title', {
        header: t('consultations.columns.title'),
        cell: (info) => (
          <Anchor component={Link} to={paths.consultation(info.row.original.id)} fw={600}>
            {info.getValue()}
          </Anchor>
        ),
      }),
      column.accessor((c) => ownerName(c.delegation_id ?? null), {
        id: 'owner',
        header: t('consultations.columns.owner'),
      }),
      column.accessor('status', {
        header: t('consultations.columns.status'),
        cell: (info) => <ConsultationStatusBadge status={info.getValue()} />,
      }),
      column.accessor('accepting_responses', {
        header: t('consultations.columns.accepting'),
        cell: (info) => (info.getValue() ? t('consultations.accepting.yes') : t('consultations.accepting.no')),
      }),
      column.accessor('response_count', {
        header: t('consultations.columns.responses'),
        cell: (info) => (
          <Text span style={{ fontVariantNumeric: 'tabular-nums' }}>
            {info.getValue()}
          </Text>
        ),
      }),
      column.accessor('closes_at', {
        header: t('consultations.columns.closes'),
        cell: (info) => {
          const value = info.getValue();
          return value ? formatDateTime(value, i18n.language) : t('common.none');
        },
      }),
    ],
    [t, i18n.language, ownerName],
  );

  return (
    <DataTable
      data={consultations}
      columns={columns}
      caption={caption}
      emptyMessage={emptyMessage}
      getRowId={(c) => c.id}
    />
  );
}
