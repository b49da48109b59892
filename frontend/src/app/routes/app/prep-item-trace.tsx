// /prep-items/:id/trace: the MSME evidence behind a prep item, back to the firms in aggregate.
import { Anchor, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { PageLoader } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { QueryError } from '@/components/ui/query-error';
import { paths } from '@/config/paths';
import { prepItemTraceQueryOptions } from '@/features/prep-items/api/get-trace';
import { PrepItemTraceView } from '@/features/prep-items/components/trace-views';
import { problemFrom } from '@/lib/problem';

export function PrepItemTraceRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const trace = useQuery(prepItemTraceQueryOptions(id));
  if (trace.isPending) return <PageLoader />;
  if (trace.isError) {
    const notFound = problemFrom(trace.error).status === 404;
    const title = notFound ? t('prep.item.notFound') : t('trace.failed');
    return (
      <Stack gap="sm">
        <PageTitle documentTitle={title}>{title}</PageTitle>
        {notFound ? null : <QueryError error={trace.error} onRetry={() => void trace.refetch()} />}
      </Stack>
    );
  }
  const title = t('trace.prepItem.title', { title: trace.data.prep_item.title });
  return (
    <Stack gap="md">
      <Anchor component={Link} to={paths.prepItem(id)} size="sm">
        {t('trace.back')}
      </Anchor>
      <PageTitle documentTitle={title}>{title}</PageTitle>
      <PrepItemTraceView trace={trace.data} />
    </Stack>
  );
}
