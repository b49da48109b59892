// One question's results: answered and skipped, a horizontal bar chart of the option counts (choices
// and scales) with a table that says the same in words — withheld counts listed as withheld, never
// drawn as 0 — mean and median (scales, numbers), and for text questions the answers on demand.
import '@mantine/charts/styles.css';

import { BarChart } from '@mantine/charts';
import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ResultsFilters } from '../lib/results-filters';
import { chartRows, pickText, type QuestionResult } from '../lib/results-values';

import { questionKindLabel } from './consultation-labels';
import { CountText } from './count-text';
import { TextAnswersList } from './text-answers-list';

type QuestionResultCardProps = {
  consultationId: string;
  question: QuestionResult;
  index: number;
  k: number;
  /** The filters for this question's text answers. */
  filters: ResultsFilters;
  /** The page's profile filter does not apply to text answers for this reader (dates only). */
  textDatesOnly?: boolean;
};

export function QuestionResultCard({
  consultationId,
  question: q,
  index,
  k,
  filters,
  textDatesOnly = false,
}: QuestionResultCardProps) {
  const { t, i18n } = useTranslation();
  const [showText, setShowText] = useState(false);
  const lang = i18n.language;
  const number = (value: number, digits = 1) =>
    new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(value);
  const headingId = `result-${q.code}`;
  const rows = chartRows(q, lang);
  const hasOptions = q.options.length > 0;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Title order={3} size="h4" id={headingId}>
        {index + 1}. {pickText(q.prompt, lang)}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {q.code} · {questionKindLabel(t, q.kind)}
      </Text>
      <Group gap="lg" mb="sm">
        <Text size="sm">
          {t('consultations.results.answered')}: <CountText cell={q.answered} k={k} />
        </Text>
        <Text size="sm">
          {t('consultations.results.skipped')}: <CountText cell={q.skipped} k={k} />
        </Text>
        {q.mean != null ? (
          <Text size="sm">
            {t('consultations.results.mean')}: {number(q.mean, 2)}
          </Text>
        ) : null}
        {q.median != null ? (
          <Text size="sm">
            {t('consultations.results.median')}: {number(q.median, 2)}
          </Text>
        ) : null}
      </Group>
      {hasOptions ? (
        <Stack gap="sm">
          {rows.length > 0 ? (
            // The chart repeats the table below for sighted readers; screen readers read the table.
            <div aria-hidden="true">
              <BarChart
                h={Math.max(120, rows.length * 36 + 40)}
                data={rows}
                dataKey="label"
                orientation="vertical"
                series={[{ name: 'count', label: t('consultations.results.count'), color: 'blue.7' }]}
                yAxisProps={{ width: 160 }}
                xAxisProps={{ allowDecimals: false }}
                withTooltip={false}
                // Recharts makes the chart keyboard-focusable; the table below is the accessible version.
                barChartProps={{ accessibilityLayer: false }}
                withBarValueLabel
                gridAxis="none"
              />
            </div>
          ) : null}
          <Table captionSide="top" verticalSpacing={4} maw={640}>
            <Table.Caption style={{ textAlign: 'start' }}>
              {t('consultations.results.tableCaption', { code: q.code })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('consultations.results.option')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('consultations.results.count')}
                </Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('consultations.results.share')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.options.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Th scope="row" fw={400}>
                    {pickText(o.label, lang) || o.id}
                  </Table.Th>
                  <Table.Td ta="end">
                    <CountText cell={o} k={k} />
                  </Table.Td>
                  <Table.Td ta="end">
                    {o.withheld || o.share == null ? t('common.none') : `${number(o.share * 100)} %`}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : null}
      {q.kind === 'text' ? (
        showText ? (
          <TextAnswersList
            consultationId={consultationId}
            question={q.code}
            filters={filters}
            k={k}
            datesOnly={textDatesOnly}
          />
        ) : (
          <Button variant="outline" size="xs" onClick={() => setShowText(true)}>
            {t('consultations.results.showAnswers')}
          </Button>
        )
      ) : null}
    </Paper>
  );
}
