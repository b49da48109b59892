// The stakeholders as a table: name (linking to the record), external id, kind, country, sector, size
// and the women-led / exporter / importer flags. Never contact details.
import { Anchor, Badge, Group } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { DataTable } from '@/components/ui/data-table';
import { paths } from '@/config/paths';

import type { Stakeholder } from '../lib/stakeholder-values';

const column = createColumnHelper<Stakeholder>();

type Props = { stakeholders: Stakeholder[]; caption: string; emptyMessage: string };

export function StakeholdersTable({ stakeholders, caption, emptyMessage }: Props) {
  const { t } = useTranslation();
  const columns = useMemo(
    () => [
      column.accessor('name', {
        header: t('stakeholders.columns.name'),
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
        cell: (info) => t(`stakeholders.kind.${info.getValue()}`),
      }),
      column.accessor('country', { header: t('stakeholders.columns.country') }),
      column.accessor('sector', { header: t('stakeholders.columns.sector') }),
      column.accessor('size_class', {
        header: t('stakeholders.columns.size'),
        cell: (info) => t(`stakeholders.size.${info.getValue()}`),
      }),
      column.display({
        id: 'flags',
        header: t('stakeholders.columns.flags'),
        cell: ({ row }) => (
          <Group gap={4}>
            {row.original.women_led ? <Badge variant="light">{t('stakeholders.fields.womenLed')}</Badge> : null}
            {row.original.exporter ? <Badge variant="light" color="teal">{t('stakeholders.fields.exporter')}</Badge> : null}
            {row.original.importer ? <Badge variant="light" color="grape">{t('stakeholders.fields.importer')}</Badge> : null}
            {row.original.erased ? <Badge color="gray">{t('stakeholders.fields.erased')}</Badge> : null}
          </Group>
        ),
      }),
    ],
    [t],
  );
  return (
    <DataTable data={stakeholders} columns={columns} caption={caption} emptyMessage={emptyMessage} getRowId={(s) => s.id} />
  );
}
