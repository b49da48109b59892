// The answers to one text question under the filters, newest first, with "Load more"; withheld where
// the small-cell rule withholds the group's count of answers. Readers outside the consultation's owners
// filter them by date only and see no times.
import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { formatDateTime } from '@/lib/format-date';

import { textAnswersQueryOptions } from '../api/get-text-answers';
import type { ResultsFilters } from '../lib/results-filters';

type TextAnswersListProps = {
  consultationId: string;
  question: string;
  filters: ResultsFilters;
  k: number;
  /** Say that the page's profile filter does not apply here. */
  datesOnly?: boolean;
};

export function TextAnswersList({ consultationId, question, filters, k, datesOnly = false }: TextAnswersListProps) {
  const { t, i18n } = useTranslation();
  const query = useInfiniteQuery(textAnswersQueryOptions(consultationId, question, filters));
  const note = datesOnly ? (
    <Text size="sm" c="dimmed">
      {t('consultations.results.textDatesOnly')}
    </Text>
  ) : null;
  if (query.isPending) return <PageLoader />;
  if (query.isError && !query.data) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const pages = query.data.pages;
  if (pages.some((p) => p.withheld)) {
    return (
      <Stack gap="xs">
        {note}
        <Alert color="gray" variant="light">
          {t('consultations.results.textWithheld', { k })}
        </Alert>
      </Stack>
    );
  }
  const answers = pages.flatMap((p) => p.items);
  return (
    <Stack gap="xs" aria-busy={query.isFetching}>
      {note}
      {answers.length === 0 ? (
        <Text c="dimmed">{t('consultations.results.noText')}</Text>
      ) : (
        <List spacing="xs" listStyleType="none" aria-label={t('consultations.results.textAnswers', { code: question })}>
          {answers.map((a, i) => (
            <List.Item key={`${a.submitted_at ?? ''}-${i}`}>
              <Text style={{ whiteSpace: 'pre-line' }}>{a.text}</Text>
              {a.submitted_at ? (
                <Text size="xs" c="dimmed">
                  {formatDateTime(a.submitted_at, i18n.language)}
                </Text>
              ) : null}
            </List.Item>
          ))}
        </List>
      )}
      {query.isFetchNextPageError ? <QueryError error={query.error} /> : null}
      {query.hasNextPage ? (
        <Group>
          <Button
            variant="outline"
            size="xs"
            onClick={() => void query.fetchNextPage()}
            loading={query.isFetchingNextPage}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
