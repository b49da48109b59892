// The impediments' columns: title (linking to the impediment), NTM, partner, reporting country, HS,
// severity, status and when it was reported — each code with its name, on screen and in the export.
import { Anchor } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '@/config/paths';
import { formatInstant } from '@/lib/format-date';
import { useNames } from '@/lib/reference';

import type { Impediment } from '../lib/impediment-values';

import { impedimentStatusLabel, ImpedimentStatusBadge, severityLabel } from './impediment-labels';

const column = createColumnHelper<Impediment>();

export function useImpedimentColumns() {
  const { t } = useTranslation();
  const names = useNames(['ntm', 'partner', 'country']);
  return useMemo(
    () => [
      column.accessor('title', {
        header: t('impediments.columns.title'),
        meta: { sort: 'title' },
        cell: (info) => (
          <Anchor component={Link} to={paths.impediment(info.row.original.id)} fw={600}>
            {info.getValue()}
          </Anchor>
        ),
      }),
      column.accessor('ntm_code', {
        header: t('impediments.columns.ntm'),
        meta: { sort: 'ntm_code', csv: (row) => names.ntm(row.ntm_code) },
        cell: (info) => names.ntm(info.getValue()),
      }),
      column.accessor('partner', {
        header: t('impediments.columns.partner'),
        meta: { sort: 'partner', csv: (row) => names.partner(row.partner) },
        cell: (info) => names.partner(info.getValue()),
      }),
      column.accessor('reporting_country', {
        header: t('impediments.columns.reportingCountry'),
        meta: { csv: (row) => names.country(row.reporting_country) },
        cell: (info) => names.country(info.getValue()),
      }),
      column.accessor('hs_code', {
        header: t('impediments.columns.hs'),
        cell: (info) => info.getValue() ?? t('common.none'),
      }),
      column.accessor('severity', {
        header: t('impediments.columns.severity'),
        meta: { sort: 'severity', sortDescendingFirst: true, csv: (row) => severityLabel(t, row.severity) },
        cell: (info) => severityLabel(t, info.getValue()),
      }),
      column.accessor('status', {
        header: t('impediments.columns.status'),
        meta: { sort: 'status', csv: (row) => impedimentStatusLabel(t, row.status) },
        cell: (info) => <ImpedimentStatusBadge status={info.getValue()} />,
      }),
      column.accessor('created_at', {
        header: t('impediments.columns.reported'),
        meta: { sort: 'created_at', sortDescendingFirst: true, csv: (row) => formatInstant(row.created_at) },
        cell: (info) => formatInstant(info.getValue()),
      }),
    ],
    [t, names],
  );
}
