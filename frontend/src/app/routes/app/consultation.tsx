// One consultation (/consultations/:id): its facts and public link, its lifecycle and its questionnaire.
import { Anchor, Group, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { PageLoader } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { QueryError } from '@/components/ui/query-error';
import { paths } from '@/config/paths';
import { consultationQueryOptions } from '@/features/consultations/api/get-consultation';
import { ConsultationWorkspace } from '@/features/consultations/components/consultation-workspace';
import { useSignedInUser } from '@/lib/auth/use-user';
import { problemFrom } from '@/lib/problem';

import { useConsultationContext } from './use-consultation-context';

export function ConsultationRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useSignedInUser();
  const consultation = useQuery(consultationQueryOptions(id));
  const { ownerName, topicOptions } = useConsultationContext();

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

  const data = consultation.data;
  return (
    <Stack gap="md">
      <div>
        <Group justify="space-between">
          <Anchor component={Link} to={paths.consultations} size="sm">
            {t('consultation.back')}
          </Anchor>
          <Anchor component={Link} to={paths.consultationResults(data.id)} size="sm">
            {t('consultation.results')}
          </Anchor>
        </Group>
        <PageTitle documentTitle={data.title}>{data.title}</PageTitle>
      </div>
      <ConsultationWorkspace
        consultation={data}
        actor={{ role: user.role, delegationId: user.delegation?.id ?? null }}
        ownerName={ownerName(data.delegation_id ?? null)}
        topicOptions={topicOptions}
        onReload={() => consultation.refetch()}
      />
    </Stack>
  );
}
