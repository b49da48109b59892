// /impediments/:id/trace: an impediment's way from a firm's report to Geneva and the positions citing it.
import { Anchor, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { PageLoader } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { QueryError } from '@/components/ui/query-error';
import { paths } from '@/config/paths';
import { impedimentTraceQueryOptions } from '@/features/prep-items/api/get-trace';
import { ImpedimentTraceView } from '@/features/prep-items/components/trace-views';
import { problemFrom } from '@/lib/problem';

export function ImpedimentTraceRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const trace = useQuery(impedimentTraceQueryOptions(id));
  if (trace.isPending) return <PageLoader />;
  if (trace.isError) {
    const notFound = problemFrom(trace.error).status === 404;
    const title = notFound ? t('impediment.notFound') : t('trace.failed');
    return (
      <Stack gap="sm">
        <PageTitle documentTitle={title}>{title}</PageTitle>
        {notFound ? null : <QueryError error={trace.error} onRetry={() => void trace.refetch()} />}
      </Stack>
    );
  }
  const title = t('trace.impediment.title', { title: trace.data.impediment.title });
  return (
    <Stack gap="md">
      <Anchor component={Link} to={paths.impediment(id)} size="sm">
        {t('trace.back')}
      </Anchor>
      <PageTitle documentTitle={title}>{title}</PageTitle>
      <ImpedimentTraceView trace={trace.data} />
    </Stack>
  );
}
