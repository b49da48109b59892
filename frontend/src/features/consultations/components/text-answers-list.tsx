// The answers to one text question under the filters, newest first, with "Load more"; withheld where
// the small-cell rule withholds the group's count of answers. Readers outside the consultation's owners
// filter them by date only and see no times.
import { Alert, List, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { ListSkeleton, LoadMore } from '@/components/ui/data-table';
import { QueryError } from '@/components/ui/query-error';
import { formatInstant } from '@/lib/format-date';

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
  const { t } = useTranslation();
  const query = useInfiniteQuery(textAnswersQueryOptions(consultationId, question, filters));
  const note = datesOnly ? (
    <Text size="sm" c="dimmed">
      {t('consultations.results.textDatesOnly')}
    </Text>
  ) : null;
  if (query.isPending) return <ListSkeleton rows={3} />;
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
                  {formatInstant(a.submitted_at)}
                </Text>
              ) : null}
            </List.Item>
          ))}
        </List>
      )}
      <LoadMore query={query} size="xs" />
    </Stack>
  );
}
