// A consultation's results (/consultations/:id/results): filters, charts, cross-tab, text answers, CSV.
import { Anchor, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { PageLoader } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { QueryError } from '@/components/ui/query-error';
import { paths } from '@/config/paths';
import { consultationQueryOptions } from '@/features/consultations/api/get-consultation';
import { ResultsView } from '@/features/consultations/components/results-view';
import { canReadResponseRows } from '@/features/consultations/lib/consultation-values';
import { useSignedInUser } from '@/lib/auth/use-user';
import { problemFrom } from '@/lib/problem';

export function ConsultationResultsRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useSignedInUser();
  const consultation = useQuery(consultationQueryOptions(id));

  if (consultation.isPending) return <PageLoader />;
  if (consultation.isError) {
    const status = problemFrom(consultation.error).status;
    const title = status === 404 ? t('consultation.notFound') : t('consultation.failed');
    return (
      <Stack gap="sm">
        <PageTitle documentTitle={title}>{title}</PageTitle>
        {status === 404 ? null : <QueryError error={consultation.error} onRetry={() => void consultation.refetch()} />}
        <Anchor component={Link} to={paths.consultations}>
          {t('consultation.back')}
        </Anchor>
      </Stack>
    );
  }

  const title = t('consultation.resultsTitle', { title: consultation.data.title });
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to={paths.consultation(id)} size="sm" data-print="hide">
          {t('consultation.backToConsultation')}
        </Anchor>
        <PageTitle documentTitle={title}>{title}</PageTitle>
      </div>
      <ResultsView
        consultationId={id}
        fileStem={`consultation-${id.slice(0, 8)}`}
        canReadRows={canReadResponseRows(
          { role: user.role, delegationId: user.delegation?.id ?? null },
          consultation.data.delegation_id,
        )}
        isAdmin={user.role === 'admin'}
        questionnaire={consultation.data.questions}
      />
    </Stack>
  );
}
