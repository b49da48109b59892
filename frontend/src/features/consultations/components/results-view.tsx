// The results page body: filters in the URL, CSV downloads and printing, a note on small-cell
// suppression, one card per question and the cross-tab panel. For anyone but admins one filter applies
// at a time, cross-tabs take none and text answers outside the owners take dates only — as the server
// requires. Printed, it is the results alone, with the filters in effect as a line of text.
import './print/results-print.css';

import { Alert, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { useNames } from '@/lib/reference';
import { useUrlFilters, type FiltersChange } from '@/lib/use-url-filters';

import { resultsQueryOptions } from '../api/get-results';
import {
  datesOnly,
  firstFilterOnly,
  hasDates,
  hasProfileFilter,
  isFiltered,
  oneAtATime,
  resultsFiltersCodec,
  type ResultsFilters,
} from '../lib/results-filters';

import type { QuestionDefinition } from './charts/bar-rows';
import { CountText } from './count-text';
import { CrosstabPanel } from './crosstab-panel';
import { CsvDownloads } from './csv-downloads';
import { filtersLine } from './print/filters-line';
import { PrintButton } from './print/print-button';
import { QuestionResultCard } from './question-result-card';
import { ResultsFiltersBar } from './results-filters-bar';

type ResultsViewProps = {
  consultationId: string;
  fileStem: string;
  canReadRows: boolean;
  isAdmin: boolean;
  /** The questionnaire, for what results leave out (a scale's end labels). */
  questionnaire?: QuestionDefinition[];
};

export function ResultsView({ consultationId, fileStem, canReadRows, isAdmin, questionnaire = [] }: ResultsViewProps) {
  const { t, i18n } = useTranslation();
  const [urlFilters, changeFilters] = useUrlFilters(resultsFiltersCodec);
  const names = useNames(['country', 'sector']);
  // A URL an admin shared may combine filters; anyone else sends (and sees) the first one only.
  const filters = isAdmin ? urlFilters : firstFilterOnly(urlFilters);
  const change = (next: FiltersChange<ResultsFilters>) =>
    changeFilters(isAdmin || typeof next === 'function' ? next : oneAtATime(next));
  const results = useQuery(resultsQueryOptions(consultationId, filters));
  const applied = !isAdmin && hasDates(filters) && results.data ? results.data : null;
  const appliedDates = applied ? { from: applied.from ?? null, to: applied.to ?? null } : null;
  const definitions = new Map(questionnaire.map((q) => [q.code, q]));

  return (
    <Stack gap="lg" data-results-page>
      <ResultsFiltersBar
        filters={filters}
        onChange={change}
        oneAtATime={!isAdmin}
        k={results.data?.k}
        applied={appliedDates}
      />
      <Text className="results-print-only" data-testid="results-filters-line">
        {filtersLine(t, i18n.language, names, filters, appliedDates)}
      </Text>
      <Group justify="space-between" align="flex-start" data-print="hide">
        <CsvDownloads consultationId={consultationId} filters={filters} fileStem={fileStem} withResponses={canReadRows} />
        <PrintButton />
      </Group>
      <div aria-busy={results.isFetching}>
        {results.isPending ? (
          <PageLoader />
        ) : results.isError ? (
          <QueryError error={results.error} onRetry={() => void results.refetch()} />
        ) : (
          <Stack gap="lg">
            <Text role="status" data-testid="results-respondents">
              {t('consultations.results.respondents')}: <CountText cell={results.data.respondents} k={results.data.k} />
            </Text>
            <Text size="sm" c="dimmed">
              {t('consultations.results.kNote', { k: results.data.k })}
            </Text>
            {results.data.respondents.withheld ? (
              <Alert color="gray" variant="light">
                {results.data.filtered
                  ? t('consultations.results.allWithheld', { k: results.data.k })
                  : t('consultations.results.tooFewYet', { k: results.data.k })}
              </Alert>
            ) : null}
            <section aria-labelledby="questions-results-heading">
              <Title order={2} size="h3" id="questions-results-heading" mb="sm">
                {t('consultations.results.questions')}
              </Title>
              <Stack gap="md">
                {results.data.questions.map((q, i) => (
                  <QuestionResultCard
                    key={q.code}
                    consultationId={consultationId}
                    question={q}
                    index={i}
                    k={results.data.k}
                    filters={canReadRows ? filters : datesOnly(filters)}
                    textDatesOnly={!canReadRows && hasProfileFilter(filters)}
                    definition={definitions.get(q.code)}
                    fileStem={fileStem}
                  />
                ))}
              </Stack>
            </section>
            <section aria-labelledby="crosstab-heading">
              <Title order={2} size="h3" id="crosstab-heading" mb="sm">
                {t('consultations.results.crosstab')}
              </Title>
              <CrosstabPanel
                consultationId={consultationId}
                questions={results.data.questions}
                filters={isAdmin ? filters : {}}
                filtersIgnored={!isAdmin && isFiltered(filters)}
              />
            </section>
          </Stack>
        )}
      </div>
    </Stack>
  );
}
