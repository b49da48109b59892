// The stakeholders' columns: name (linking to the record), external id, kind, country, sector, size and
// the women-led / exporter / importer flags — codes with their names. Never contact details.
import { Anchor, Badge, Group } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '@/config/paths';
import { useNames } from '@/lib/reference';

import type { Stakeholder } from '../lib/stakeholder-values';

const column = createColumnHelper<Stakeholder>();

export function useStakeholderColumns() {
  const { t } = useTranslation();
  const names = useNames(['country', 'sector']);
  return useMemo(() => {
    const flags = (row: Stakeholder) =>
      [
        row.women_led ? t('stakeholders.fields.womenLed') : null,
        row.exporter ? t('stakeholders.fields.exporter') : null,
        row.importer ? t('stakeholders.fields.importer') : null,
        row.erased ? t('stakeholders.fields.erased') : null,
      ]
        .filter((flag) => flag !== null)
        .join('; ');
    return [
      column.accessor('name', {
        header: t('stakeholders.columns.name'),
        meta: { sort: 'name' },
        cell: (info) => (
          <Anchor component={Link} to={paths.stakeholder(info.row.original.id)} fw={600}>
            {info.getValue()}
          </Anchor>
        ),
      }),
      column.accessor('external_id', {
        header: t('stakeholders.columns.externalId'),
        cell: (info) => info.getValue() ?? t('common.none'),
      }),
      column.accessor('kind', {
        header: t('stakeholders.columns.kind'),
        meta: { csv: (row) => t(`stakeholders.kind.${row.kind}`) },
        cell: (info) => t(`stakeholders.kind.${info.getValue()}`),
      }),
      column.accessor('country', {
        header: t('stakeholders.columns.country'),
        meta: { sort: 'country', csv: (row) => names.country(row.country) },
        cell: (info) => names.country(info.getValue()),
      }),
      column.accessor('sector', {
        header: t('stakeholders.columns.sector'),
        meta: { csv: (row) => names.sector(row.sector) },
        cell: (info) => names.sector(info.getValue()),
      }),
      column.accessor('size_class', {
        header: t('stakeholders.columns.size'),
        meta: { csv: (row) => t(`stakeholders.size.${row.size_class}`) },
        cell: (info) => t(`stakeholders.size.${info.getValue()}`),
      }),
      column.display({
        id: 'flags',
        header: t('stakeholders.columns.flags'),
        meta: { csv: flags },
        cell: ({ row }) => (
          <Group gap={4}>
            {row.original.women_led ? <Badge variant="light">{t('stakeholders.fields.womenLed')}</Badge> : null}
            {row.original.exporter ? <Badge variant="light" color="teal">{t('stakeholders.fields.exporter')}</Badge> : null}
            {row.original.importer ? <Badge variant="light" color="grape">{t('stakeholders.fields.importer')}</Badge> : null}
            {row.original.erased ? <Badge color="gray">{t('stakeholders.fields.erased')}</Badge> : null}
          </Group>
        ),
      }),
    ];
  }, [t, names]);
}
