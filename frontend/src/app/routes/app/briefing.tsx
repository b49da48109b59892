// /briefings/:id: one briefing request — its facts, the workflow steps the user may take and the
// history, and the conversation. A request the user may not read is "not found", exactly like one that
// does not exist.
import { Anchor, Group, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { PageLoader } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { QueryError } from '@/components/ui/query-error';
import { paths } from '@/config/paths';
import { briefingQueryOptions } from '@/features/briefings/api/get-briefing';
import { BriefingComments } from '@/features/briefings/components/briefing-comments';
import { BriefingDeliverables } from '@/features/briefings/components/briefing-deliverables';
import { BriefingDetails } from '@/features/briefings/components/briefing-details';
import { BriefingHistory } from '@/features/briefings/components/briefing-history';
import { BriefingWorkflow } from '@/features/briefings/components/briefing-workflow';
import { useSignedInUser } from '@/lib/auth/use-user';
import { problemFrom } from '@/lib/problem';

export function BriefingRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useSignedInUser();
  const briefing = useQuery(briefingQueryOptions(id));

  if (briefing.isPending) return <PageLoader />;
  if (briefing.isError) {
    const status = problemFrom(briefing.error).status;
    const title = status === 404 ? t('briefing.item.notFound') : t('briefing.item.failed');
    return (
      <Stack gap="sm">
        <PageTitle documentTitle={title}>{title}</PageTitle>
        {status === 404 ? null : <QueryError error={briefing.error} onRetry={() => void briefing.refetch()} />}
        <Anchor component={Link} to={paths.briefings}>
          {t('briefing.item.back')}
        </Anchor>
      </Stack>
    );
  }
  const data = briefing.data;
  const canComment = user.role !== 'stakeholder';
  const open = data.status === 'accepted' || data.status === 'in_progress' || data.status === 'in_review';
  const canAttach = open && (user.role === 'admin' || (user.role === 'analyst' && data.assigned_to === user.id));
  return (
    <Stack gap="xl">
      <div>
        <Anchor component={Link} to={paths.briefings} size="sm">
          {t('briefing.item.back')}
        </Anchor>
        <PageTitle documentTitle={data.title}>{data.title}</PageTitle>
        <BriefingDetails briefing={data} />
      </div>
      <Group align="flex-start" grow wrap="wrap">
        <section aria-labelledby="briefing-workflow-heading">
          <Title order={2} size="h3" id="briefing-workflow-heading" mb="xs">
            {t('briefing.workflow.title')}
          </Title>
          <BriefingWorkflow id={data.id} stepsOpen={data.steps_open} />
        </section>
        <section aria-labelledby="briefing-history-heading">
          <Title order={2} size="h3" id="briefing-history-heading" mb="xs">
            {t('briefing.history.title')}
          </Title>
          <BriefingHistory id={data.id} />
        </section>
      </Group>
      <section aria-labelledby="briefing-deliverables-heading">
        <Title order={2} size="h3" id="briefing-deliverables-heading" mb="xs">
          {t('briefing.deliverables.title')}
        </Title>
        <BriefingDeliverables request={data} canAttach={canAttach} />
      </section>
      <section aria-labelledby="briefing-comments-heading">
        <Title order={2} size="h3" id="briefing-comments-heading" mb="xs">
          {t('briefing.comments.title')}
        </Title>
        <BriefingComments id={data.id} canComment={canComment} />
      </section>
    </Stack>
  );
}
