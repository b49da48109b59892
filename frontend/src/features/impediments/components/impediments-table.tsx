// The impediments as a table: title (linking to the impediment), NTM, partner, reporting country, HS,
// severity, status and when it was reported.
import { Anchor } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { DataTable } from '@/components/ui/data-table';
import { paths } from '@/config/paths';
import { formatDateTime } from '@/lib/format-date';

import type { Impediment } from '../lib/impediment-values';

import { ImpedimentStatusBadge } from './impediment-labels';

const column = createColumnHelper<Impediment>();

type ImpedimentsTableProps = { impediments: Impediment[]; caption: string; emptyMessage: string };

export function ImpedimentsTable({ impediments, caption, emptyMessage }: ImpedimentsTableProps) {
  const { t, i18n } = useTranslation();
  const columns = useMemo(
    () => [
      column.accessor('title', {
        header: t('impediments.columns.title'),
        cell: (info) => (
          <Anchor component={Link} to={paths.impediment(info.row.original.id)} fw={600}>
            {info.getValue()}
          </Anchor>
        ),
      }),
      column.accessor('ntm_code', { header: t('impediments.columns.ntm') }),
      column.accessor('partner', { header: t('impediments.columns.partner') }),
      column.accessor('reporting_country', { header: t('impediments.columns.reportingCountry') }),
      column.accessor('hs_code', {
        header: t('impediments.columns.hs'),
        cell: (info) => info.getValue() ?? t('common.none'),
      }),
      column.accessor('severity', { header: t('impediments.columns.severity') }),
      column.accessor('status', {
        header: t('impediments.columns.status'),
        cell: (info) => <ImpedimentStatusBadge status={info.getValue()} />,
      }),
      column.accessor('created_at', {
        header: t('impediments.columns.reported'),
        cell: (info) => formatDateTime(info.getValue(), i18n.language),
      }),
    ],
    [t, i18n.language],
  );

  return (
    <DataTable
      data={impediments}
      columns={columns}
      caption={caption}
      emptyMessage={emptyMessage}
      getRowId={(impediment) => impediment.id}
    />
  );
}
