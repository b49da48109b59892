// A question's chart with its download menu: the bars in the reader's language and number format, and
// the same SVG saved as PNG or SVG.
import { Stack } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

import { BarChart } from './bar-chart';
import type { BarRow } from './bar-rows';
import { ChartDownloadMenu } from './chart-download-menu';

type QuestionChartProps = {
  rows: BarRow[];
  code: string;
  k: number;
  fileName: (format: 'png' | 'svg') => string;
  /** The name a saved file carries inside (the question). */
  exportTitle: string;
  /** The id of the question's heading. */
  describedBy: string;
};

export function QuestionChart({ rows, code, k, fileName, exportTitle, describedBy }: QuestionChartProps) {
  const { t, i18n } = useTranslation();
  const chart = useRef<SVGSVGElement>(null);
  const format = (value: number, digits: number) =>
    new Intl.NumberFormat(i18n.language, { maximumFractionDigits: digits }).format(value);

  return (
    <Stack gap="xs">
      <BarChart
        svgRef={chart}
        rows={rows}
        title={t('consultations.results.chart.title', { code })}
        words={{
          count: (n) => format(n, 0),
          // As the table writes a share: one decimal, a space before the sign.
          percent: (share) => `${format(share * 100, 1)} %`,
          fewerThan: t('consultations.results.chart.fewerThan', { k }),
          belowK: t('consultations.results.chart.belowK', { k }),
        }}
      />
      <ChartDownloadMenu chart={chart} fileName={fileName} title={exportTitle} describedBy={describedBy} />
    </Stack>
  );
}
