// The consultations' columns: title (linking to it), owner, status, whether it takes responses now, how
// many it has, and when it closes.
import { Anchor, Text } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '@/config/paths';
import { formatInstant } from '@/lib/format-date';

import type { Consultation } from '../lib/consultation-values';

import { ConsultationStatusBadge, consultationStatusLabel } from './consultation-labels';

const column = createColumnHelper<Consultation>();

/** `ownerName`: the owner's name from its delegation id (null: a regional consultation). */
export function useConsultationColumns(ownerName: (delegationId: string | null) => string) {
  const { t } = useTranslation();
  return useMemo(() => {
    const accepting = (value: boolean) => (value ? t('consultations.accepting.yes') : t('consultations.accepting.no'));
    return [
      column.accessor('title', {
        header: t('consultations.columns.title'),
        meta: { sort: 'title' },
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
        meta: { sort: 'status', csv: (row) => consultationStatusLabel(t, row.status) },
        cell: (info) => <ConsultationStatusBadge status={info.getValue()} />,
      }),
      column.accessor('accepting_responses', {
        header: t('consultations.columns.accepting'),
        meta: { csv: (row) => accepting(row.accepting_responses) },
        cell: (info) => accepting(info.getValue()),
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
        meta: {
          sort: 'closes_at',
          csv: (row) => (row.closes_at ? formatInstant(row.closes_at) : null),
        },
        cell: (info) => {
          const value = info.getValue();
          return value ? formatInstant(value) : t('common.none');
        },
      }),
    ];
  }, [t, ownerName]);
}
