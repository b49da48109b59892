// The results page body: filters in the URL, CSV downloads, a note on small-cell suppression, one card
// per question and the cross-tab panel.
import { Alert, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { useUrlFilters } from '@/lib/use-url-filters';

import { resultsQueryOptions } from '../api/get-results';
import { resultsFiltersFromSearchParams, resultsFiltersToSearchParams } from '../lib/results-filters';

import { CountText } from './count-text';
import { CrosstabPanel } from './crosstab-panel';
import { CsvDownloads } from './csv-downloads';
import { QuestionResultCard } from './question-result-card';
import { ResultsFiltersBar } from './results-filters-bar';

type ResultsViewProps = { consultationId: string; fileStem: string; canReadRows: boolean };

export function ResultsView({ consultationId, fileStem, canReadRows }: ResultsViewProps) {
  const { t } = useTranslation();
  const [filters, changeFilters] = useUrlFilters(resultsFiltersFromSearchParams, resultsFiltersToSearchParams);
  const results = useQuery(resultsQueryOptions(consultationId, filters));

  return (
    <Stack gap="lg">
      <ResultsFiltersBar filters={filters} onChange={changeFilters} />
      <CsvDownloads consultationId={consultationId} filters={filters} fileStem={fileStem} withResponses={canReadRows} />
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
                    filters={filters}
                  />
                ))}
              </Stack>
            </section>
            <section aria-labelledby="crosstab-heading">
              <Title order={2} size="h3" id="crosstab-heading" mb="sm">
                {t('consultations.results.crosstab')}
              </Title>
              <CrosstabPanel consultationId={consultationId} questions={results.data.questions} filters={filters} />
            </section>
          </Stack>
        )}
      </div>
    </Stack>
  );
}
