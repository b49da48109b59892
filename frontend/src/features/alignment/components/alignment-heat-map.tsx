// Topic × measure: a captioned table whose cells are shaded by value within their column and always print
// the value, so it reads the same without colour and to screen readers. Rows come in the report's order
// (blind spots and unsupported positions first); each topic opens its evidence (the drill-down).
import { Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { AlignmentRow } from '../lib/alignment-types';
import { columnMax, formatScore, shadeFor } from '../lib/heat-scale';

import { AlignmentStatusBadge } from './alignment-labels';

type Props = {
  rows: readonly AlignmentRow[];
  /** Whether to shade the cells (the heat map) or not (the plain table alternative). */
  shaded: boolean;
  onOpen: (row: AlignmentRow) => void;
};

export function AlignmentHeatMap({ rows, shaded, onOpen }: Props) {
  const { t } = useTranslation();
  const measures = [
    { key: 'concern', value: (r: AlignmentRow) => r.concern, format: formatScore },
    { key: 'prep_items', value: (r: AlignmentRow) => r.coverage.prep_items, format: String },
    { key: 'evidence_links', value: (r: AlignmentRow) => r.evidence_links, format: String },
  ] as const;
  const max = Object.fromEntries(measures.map((m) => [m.key, columnMax(rows, m.value)]));

  return (
    <div role="region" aria-label={t('alignment.heatCaption')} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Table withTableBorder withColumnBorders captionSide="top" verticalSpacing={6} data-testid={shaded ? 'alignment-heat-map' : 'alignment-table'}>
        <Table.Caption style={{ textAlign: 'start' }}>{t('alignment.heatCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('alignment.measure.topic')}</Table.Th>
            {measures.map((m) => (
              <Table.Th key={m.key} scope="col" ta="center">
                {t(`alignment.measure.${m.key}`)}
              </Table.Th>
            ))}
            {shaded ? null : (
              <>
                <Table.Th scope="col" ta="center">
                  {t('alignment.measure.impediments')}
                </Table.Th>
                <Table.Th scope="col" ta="center">
                  {t('alignment.measure.answers')}
                </Table.Th>
              </>
            )}
            <Table.Th scope="col">{t('alignment.measure.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.topic.id} data-topic={row.topic.code} data-status={row.status}>
              <Table.Th scope="row" miw={200}>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() => onOpen(row)}
                  aria-label={t('alignment.drill.open', { topic: `${row.topic.code} — ${row.topic.title}` })}
                  styles={{ label: { whiteSpace: 'normal', textAlign: 'start' } }}
                >
                  {row.topic.code} — {row.topic.title}
                </Button>
              </Table.Th>
              {measures.map((m) => {
                const value = m.value(row);
                const shade = shaded ? shadeFor(value, max[m.key] ?? 0) : undefined;
                return (
                  <Table.Td
                    key={m.key}
                    ta="center"
                    style={{ ...(shade ?? {}), fontVariantNumeric: 'tabular-nums' }}
                    data-measure={m.key}
                  >
                    {m.format(value)}
                  </Table.Td>
                );
              })}
              {shaded ? null : (
                <>
                  <Table.Td ta="center">{formatScore(row.concern_parts.impediments)}</Table.Td>
                  <Table.Td ta="center">{formatScore(row.concern_parts.answers)}</Table.Td>
                </>
              )}
              <Table.Td>
                <AlignmentStatusBadge status={row.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rows.length === 0 ? <Text c="dimmed">{t('alignment.empty')}</Text> : null}
    </div>
  );
}
