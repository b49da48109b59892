// /imports: a file of stakeholders or impediments, checked first and then imported, with what came of
// it; /imports/:id shows a past import's report (the link an `import.finished` webhook carries).
import { Grid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';

import { PageLoader } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { QueryError } from '@/components/ui/query-error';
import { importQueryOptions } from '@/features/imports/api/get-import';
import { ImportForm } from '@/features/imports/components/import-form';
import { ImportResult } from '@/features/imports/components/import-result';
import type { Import } from '@/features/imports/lib/import-values';

export function ImportsRoute() {
  const { t } = useTranslation();
  const [result, setResult] = useState<Import | null>(null);
  return (
    <>
      <PageTitle documentTitle={t('imports.title')}>{t('imports.title')}</PageTitle>
      <Text c="dimmed" mb="md">
        {t('imports.intro')}
      </Text>
      <Grid gutter="xl">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <ImportForm onResult={setResult} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          {result ? <ImportResult result={result} /> : <Text c="dimmed">{t('imports.nothingYet')}</Text>}
        </Grid.Col>
      </Grid>
    </>
  );
}

export function ImportRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useQuery(importQueryOptions(id));
  return (
    <>
      <PageTitle documentTitle={t('imports.oneTitle')}>{t('imports.oneTitle')}</PageTitle>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <ImportResult result={query.data} />
      )}
    </>
  );
}
