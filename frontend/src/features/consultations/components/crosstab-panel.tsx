// A cross-tab: one question (choice or scale) by one profile dimension, as a captioned table whose
// withheld cells and columns say so. Admins see counts below k, marked, under the page's filters;
// anyone else sees every respondent, since the server takes no filter on a cross-tab from them.
// Country and sector columns are named from the shared reference data, as everywhere else.
import { Group, NativeSelect, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { oneOf } from '@/lib/domain-values';
import { useNames } from '@/lib/reference';

import { crosstabQueryOptions } from '../api/get-crosstab';
import { crosstabDimensions, type CrosstabDimension, type ResultsFilters } from '../lib/results-filters';
import { pickText, type QuestionResult } from '../lib/results-values';

import { CountText } from './count-text';

type CrosstabPanelProps = {
  consultationId: string;
  questions: QuestionResult[];
  filters: ResultsFilters;
  /** The page is filtered but the cross-tab is not (a reader who is not an admin): say so. */
  filtersIgnored?: boolean;
};

export function CrosstabPanel({ consultationId, questions, filters, filtersIgnored = false }: CrosstabPanelProps) {
  const { t, i18n } = useTranslation();
  const choices = questions.filter((q) => q.kind !== 'text');
  const [question, setQuestion] = useState(choices[0]?.code ?? '');
  const [by, setBy] = useState<CrosstabDimension>('country');
  const crosstab = useQuery(crosstabQueryOptions(consultationId, question, by, filters));
  const lang = i18n.language;
  const names = useNames(['country', 'sector']);

  const columnLabel = (key: string) => {
    if (key === 'unknown') return t('consultations.results.unknown');
    if (by === 'country') return names.country(key);
    if (by === 'sector') return names.sector(key);
    if (by === 'size_class') return t(`consultations.size.${key as 'micro'}`, { defaultValue: key });
    return t(`consultations.womenLed.${key as 'true'}`, { defaultValue: key });
  };

  if (choices.length === 0) return <Text c="dimmed">{t('consultations.results.noCrosstab')}</Text>;
  const selected = choices.find((q) => q.code === question);

  return (
    <>
      {filtersIgnored ? (
        <Text size="sm" c="dimmed" mb="xs">
          {t('consultations.results.crosstabAllRespondents')}
        </Text>
      ) : null}
      <Group gap="sm" mb="sm" align="flex-end" data-print="hide">
        <NativeSelect
          label={t('consultations.results.crosstabQuestion')}
          value={question}
          onChange={(e) => setQuestion(e.currentTarget.value)}
          data={choices.map((q) => ({ value: q.code, label: `${q.code} — ${pickText(q.prompt, lang)}`.slice(0, 90) }))}
          maw={420}
        />
        <NativeSelect
          label={t('consultations.results.crosstabBy')}
          value={by}
          onChange={(e) => setBy(oneOf(crosstabDimensions, e.currentTarget.value) ?? 'country')}
          data={crosstabDimensions.map((d) => ({ value: d, label: t(`consultations.results.dimension.${d}`) }))}
        />
      </Group>
      {crosstab.isPending ? (
        <PageLoader />
      ) : crosstab.isError ? (
        <QueryError error={crosstab.error} onRetry={() => void crosstab.refetch()} />
      ) : crosstab.data.columns.length === 0 ? (
        <Text c="dimmed">{t('consultations.results.noResponses')}</Text>
      ) : (
        <div
          role="region"
          aria-label={t('consultations.results.crosstab')}
          tabIndex={0}
          style={{ overflowX: 'auto' }}
          aria-busy={crosstab.isFetching}
        >
          <Table withTableBorder withColumnBorders captionSide="top" w="auto" verticalSpacing={6}>
            <Table.Caption style={{ textAlign: 'start' }}>
              {t('consultations.results.crosstabCaption', {
                question: selected ? pickText(selected.prompt, lang) : question,
                by: t(`consultations.results.dimension.${by}`),
              })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('consultations.results.option')}</Table.Th>
                {crosstab.data.columns.map((c) => (
                  <Table.Th key={c.key} scope="col" ta="end">
                    {columnLabel(c.key)}
                    <Text size="xs" c="dimmed" fw={400}>
                      {t('consultations.results.respondents')}: <CountText cell={c.respondents} k={crosstab.data.k} />
                    </Text>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {crosstab.data.rows.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Th scope="row" fw={400}>
                    {pickText(row.label, lang) || row.id}
                  </Table.Th>
                  {row.cells.map((cell, i) => (
                    <Table.Td key={crosstab.data.columns[i]?.key ?? i} ta="end">
                      <CountText cell={cell} k={crosstab.data.k} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
              {crosstab.data.columns.some((c) => c.mean != null) ? (
                <Table.Tr>
                  <Table.Th scope="row">{t('consultations.results.mean')}</Table.Th>
                  {crosstab.data.columns.map((c) => (
                    <Table.Td key={c.key} ta="end">
                      {c.mean == null
                        ? t('common.none')
                        : new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(c.mean)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ) : null}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </>
  );
}
