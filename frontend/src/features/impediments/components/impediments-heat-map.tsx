// The heat map of NTM chapter × partner market: a captioned HTML table whose cells are shaded by count
// and always show the count as text, so it reads the same without colour and to screen readers. Rows and
// columns are named ("A — Sanitary and phytosanitary measures", "European Union (EU)"), not bare codes.
import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { useNames } from '@/lib/reference';

import { chapterPartnerSummaryQueryOptions } from '../api/get-impediments-summary';
import { buildHeatMap, heatLevel } from '../lib/heat-map';
import type { ImpedimentFilters } from '../lib/impediment-filters';

// Shades 0–3 carry black text, 8–9 white text; every pair stays above 4.5:1.
const shading = [
  { background: 'transparent', color: 'var(--mantine-color-dimmed)' },
  { background: 'var(--mantine-color-blue-0)', color: 'var(--mantine-color-black)' },
  { background: 'var(--mantine-color-blue-1)', color: 'var(--mantine-color-black)' },
  { background: 'var(--mantine-color-blue-3)', color: 'var(--mantine-color-black)' },
  { background: 'var(--mantine-color-blue-8)', color: 'var(--mantine-color-white)' },
  { background: 'var(--mantine-color-blue-9)', color: 'var(--mantine-color-white)' },
] as const;

export function ImpedimentsHeatMap({ filters }: { filters: ImpedimentFilters }) {
  const { t } = useTranslation();
  const summary = useQuery(chapterPartnerSummaryQueryOptions(filters));
  const names = useNames(['ntm', 'partner']);
  const grid = useMemo(() => buildHeatMap(summary.data?.cells ?? []), [summary.data]);
  const caption = t('impediments.heatMap.caption');

  if (summary.isPending) return <PageLoader />;
  if (summary.isError) return <QueryError error={summary.error} onRetry={() => void summary.refetch()} />;
  if (grid.total === 0) {
    return (
      <Text c="dimmed" role="status">
        {t('impediments.heatMap.empty')}
      </Text>
    );
  }

  return (
    <div role="region" aria-label={caption} tabIndex={0} style={{ overflowX: 'auto' }} data-testid="heat-map">
      <Table withTableBorder withColumnBorders captionSide="top" w="auto" verticalSpacing={6}>
        <Table.Caption style={{ textAlign: 'start', whiteSpace: 'nowrap' }}>
          {t('impediments.heatMap.captionLong', { count: grid.total })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('impediments.heatMap.corner')}</Table.Th>
            {grid.partners.map((partner) => (
              <Table.Th key={partner} scope="col" ta="center" miw={72} maw={140} fz="xs">
                {names.partner(partner)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {grid.chapters.map((chapter, row) => (
            <Table.Tr key={chapter}>
              <Table.Th scope="row" miw={180} maw={280} fz="sm">
                {names.ntm(chapter)}
              </Table.Th>
              {grid.partners.map((partner, col) => {
                const count = grid.counts[row]?.[col] ?? 0;
                const shade = shading[heatLevel(count, grid.max)] ?? shading[0];
                return (
                  <Table.Td
                    key={partner}
                    ta="center"
                    miw={48}
                    style={{ background: shade.background, color: shade.color, fontVariantNumeric: 'tabular-nums' }}
                    data-cell={`${chapter}:${partner}`}
                  >
                    {count}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
