// One impediment (/impediments/:id): its facts and topics, the workflow steps the user may take, and
// the history of its steps.
import { Anchor, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { mayUse, navItems } from '@/components/layouts/nav-items';
import { PageLoader } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { QueryError } from '@/components/ui/query-error';
import { paths } from '@/config/paths';
import { impedimentQueryOptions } from '@/features/impediments/api/get-impediment';
import { ImpedimentDetails } from '@/features/impediments/components/impediment-details';
import { ImpedimentStepsList } from '@/features/impediments/components/impediment-steps-list';
import { ImpedimentWorkflow } from '@/features/impediments/components/impediment-workflow';
import { useSignedInUser } from '@/lib/auth/use-user';
import { problemFrom } from '@/lib/problem';
import { allTopicsQueryOptions } from '@/lib/reference';

function ImpedimentTopics({ topicIds }: { topicIds: string[] }) {
  const { t } = useTranslation();
  // The catalogue is shared reference data, already loaded on most pages: one request, not one per topic.
  const catalogue = useQuery(allTopicsQueryOptions());
  if (topicIds.length === 0) return <Text c="dimmed">{t('impediments.topics.none')}</Text>;
  return (
    <List spacing={4}>
      {topicIds.map((id) => {
        const topic = catalogue.data?.items.find((candidate) => candidate.id === id);
        return (
          <List.Item key={id}>
            {topic ? (
              <Anchor component={Link} to={paths.topic(topic.code)}>
                {topic.code} — {topic.title}
              </Anchor>
            ) : (
              <Text span c="dimmed">
                {catalogue.isPending ? t('app.loading') : id}
              </Text>
            )}
          </List.Item>
        );
      })}
    </List>
  );
}

export function ImpedimentRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useSignedInUser();
  const impediment = useQuery(impedimentQueryOptions(id));

  if (impediment.isPending) return <PageLoader />;
  if (impediment.isError) {
    const status = problemFrom(impediment.error).status;
    const title = status === 404 ? t('impediment.notFound') : t('impediment.failed');
    return (
      <Stack gap="sm">
        <PageTitle documentTitle={title}>{title}</PageTitle>
        {status === 404 ? null : <QueryError error={impediment.error} onRetry={() => void impediment.refetch()} />}
        <Anchor component={Link} to={paths.impediments}>
          {t('impediment.back')}
        </Anchor>
      </Stack>
    );
  }

  const data = impediment.data;
  // The trace leads to prep items: offered to those who use the ministerial tracker.
  const tracker = navItems.find((item) => item.key === 'ministerial');

  return (
    <Stack gap="xl">
      <div>
        <Group justify="space-between" wrap="wrap">
          <Anchor component={Link} to={paths.impediments} size="sm">
            {t('impediment.back')}
          </Anchor>
          {tracker && mayUse(tracker, user.role) ? (
            <Anchor component={Link} to={paths.impedimentTrace(data.id)} size="sm">
              {t('trace.impediment.link')}
            </Anchor>
          ) : null}
        </Group>
        <PageTitle documentTitle={data.title}>{data.title}</PageTitle>
        <ImpedimentDetails impediment={data} />
      </div>
      <section aria-labelledby="impediment-topics-heading">
        <Title order={2} size="h3" id="impediment-topics-heading" mb="xs">
          {t('impediments.topics.title')}
        </Title>
        <ImpedimentTopics topicIds={data.topic_ids} />
      </section>
      <Group align="flex-start" grow wrap="wrap">
        <section aria-labelledby="impediment-workflow-heading">
          <Title order={2} size="h3" id="impediment-workflow-heading" mb="xs">
            {t('impediments.workflow.title')}
          </Title>
          <ImpedimentWorkflow
            impediment={data}
            actor={{ role: user.role, delegationId: user.delegation?.id ?? null }}
          />
        </section>
        <section aria-labelledby="impediment-history-heading">
          <Title order={2} size="h3" id="impediment-history-heading" mb="xs">
            {t('impediments.history.title')}
          </Title>
          <ImpedimentStepsList impedimentId={data.id} />
        </section>
      </Group>
    </Stack>
  );
}
