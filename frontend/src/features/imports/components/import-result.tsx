// What came of a check or an import: its status in words, the counts, and every rejected value — row,
// column (named as in the template's header), code and message — with the report as CSV.
import { Alert, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { DataTable } from '@/components/ui/data-table';
import { QueryError } from '@/components/ui/query-error';
import { formatInstant } from '@/lib/format-date';

import { downloadReport } from '../api/downloads';
import { importQueryOptions } from '../api/get-import';
import { isRunning, sortProblems, type Import, type ImportProblem } from '../lib/import-values';

function Count({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

/** A problem with its place in the report, which keeps rows apart when two say the same. */
type Numbered = ImportProblem & { seq: number };

function useProblemColumns(): ColumnDef<Numbered, unknown>[] {
  const { t } = useTranslation();
  return [
    { id: 'row', header: t('imports.result.row'), accessorKey: 'row' },
    {
      id: 'column',
      header: t('imports.result.column'),
      // The template's header names the columns exactly as the report does; `row` is the row as a whole.
      cell: ({ row }) =>
        row.original.column === 'row' ? t('imports.result.wholeRow') : <code>{row.original.column}</code>,
    },
    { id: 'code', header: t('imports.result.code'), cell: ({ row }) => <code>{row.original.code}</code> },
    { id: 'message', header: t('imports.result.message'), accessorKey: 'message' },
  ];
}

function summary(t: TFunction, result: Import): string {
  if (result.dry_run) {
    return result.rows_rejected === 0
      ? t('imports.result.checkedClean', { count: result.rows_total })
      : t('imports.result.checkedProblems', { count: result.rows_rejected });
  }
  if (result.status === 'running') {
    return t('imports.result.status.running', { done: result.rows_done, expected: result.rows_expected ?? '?' });
  }
  return t(`imports.result.status.${result.status}`, { count: result.rows_rejected });
}

export function ImportResult({ result: answered }: { result: Import }) {
  const { t } = useTranslation();
  // A job's import is followed every two seconds until it ends; a finished one is shown as answered.
  const followed = useQuery({
    ...importQueryOptions(answered.id),
    initialData: answered,
    enabled: isRunning(answered.status),
    refetchInterval: (query) => (query.state.data && !isRunning(query.state.data.status) ? false : 2000),
  });
  const result = followed.data ?? answered;
  const columns = useProblemColumns();
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const clean = result.rows_rejected === 0;
  const written = !result.dry_run && result.status !== 'rejected';
  return (
    <Stack gap="md" data-testid="import-result" aria-labelledby="import-result-title">
      <Title order={2} size="h3" id="import-result-title">
        {result.dry_run ? t('imports.result.checkTitle') : t('imports.result.importTitle')}
      </Title>
      <Alert color={clean ? 'teal' : written ? 'blue' : 'red'} role="status" data-testid="import-summary">
        {summary(t, result)}
      </Alert>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Count label={t('imports.result.total')} value={result.rows_total} testId="count-total" />
        <Count
          label={written ? t('imports.result.inserted') : t('imports.result.wouldInsert')}
          value={result.rows_inserted}
          testId="count-inserted"
        />
        <Count
          label={written ? t('imports.result.updated') : t('imports.result.wouldUpdate')}
          value={result.rows_updated}
          testId="count-updated"
        />
        <Count label={t('imports.result.rejected')} value={result.rows_rejected} testId="count-rejected" />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('imports.result.when', { when: formatInstant(result.finished_at ?? result.created_at) })}
      </Text>
      {result.problems.length > 0 ? (
        <>
          <DataTable
            data={sortProblems(result.problems).map((p, seq) => ({ ...p, seq }))}
            columns={columns}
            caption={t('imports.result.problemsCaption')}
            showCaption
            emptyMessage={t('imports.result.noProblems')}
            getRowId={(p) => String(p.seq)}
          />
          <Group>
            <Button
              variant="outline"
              onClick={() => {
                setDownloadError(null);
                downloadReport(result.id).catch(setDownloadError);
              }}
            >
              {t('imports.result.reportCsv')}
            </Button>
          </Group>
          {downloadError ? <QueryError error={downloadError} /> : null}
        </>
      ) : null}
    </Stack>
  );
}
