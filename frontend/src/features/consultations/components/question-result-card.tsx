// One question's results: answered and skipped, a horizontal bar chart of the option counts (choices
// and scales) with a table that says the same in words — withheld counts said to be withheld, never
// drawn as 0 — mean and median (scales, numbers), and for text questions the answers on demand. The
// chart and table list the most chosen answer first; a scale keeps its order and names its ends.
import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ResultsFilters } from '../lib/results-filters';
import { pickText, type QuestionResult } from '../lib/results-values';

import { barRows, chartFileName, scaleEnds, type QuestionDefinition } from './charts/bar-rows';
import { QuestionChart } from './charts/question-chart';
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
  /** The question as the questionnaire defines it (a scale's end labels), when known. */
  definition?: QuestionDefinition;
  /** The start of a downloaded chart's file name. */
  fileStem: string;
};

export function QuestionResultCard({
  consultationId,
  question: q,
  index,
  k,
  filters,
  textDatesOnly = false,
  definition,
  fileStem,
}: QuestionResultCardProps) {
  const { t, i18n } = useTranslation();
  const [showText, setShowText] = useState(false);
  const lang = i18n.language;
  const number = (value: number, digits = 1) =>
    new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(value);
  const percent = (share: number) => `${number(share * 100)} %`;
  const headingId = `result-${q.code}`;
  const prompt = pickText(q.prompt, lang);
  const rows = barRows(q, lang, scaleEnds(definition, lang));
  const options = new Map(q.options.map((o) => [o.id, o]));
  const hasOptions = q.options.length > 0;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} data-print="keep">
      <Title order={3} size="h4" id={headingId}>
        {index + 1}. {prompt}
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
          {rows.some((row) => !row.withheld) ? (
            <QuestionChart
              rows={rows}
              code={q.code}
              k={k}
              fileName={(format) => chartFileName(fileStem, q.code, prompt, format)}
              exportTitle={`${prompt} (${q.code})`}
              describedBy={headingId}
            />
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
              {rows.map((row) => {
                const o = options.get(row.id);
                return o ? (
                  <Table.Tr key={row.id}>
                    <Table.Th scope="row" fw={400}>
                      {row.label}
                    </Table.Th>
                    <Table.Td ta="end">
                      <CountText cell={o} k={k} />
                    </Table.Td>
                    <Table.Td ta="end">{o.withheld || o.share == null ? t('common.none') : percent(o.share)}</Table.Td>
                  </Table.Tr>
                ) : null;
              })}
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
          <Button variant="outline" size="xs" onClick={() => setShowText(true)} data-print="hide">
            {t('consultations.results.showAnswers')}
          </Button>
        )
      ) : null}
    </Paper>
  );
}
