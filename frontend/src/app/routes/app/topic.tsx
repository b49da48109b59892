// One topic (/topics/:code): its details, the watch-list entries about it that the user may see, and —
// for delegation members — a form to add it to their delegation's watch-list.
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { PageLoader } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { QueryError } from '@/components/ui/query-error';
import { paths } from '@/config/paths';
import { topicQueryOptions } from '@/features/topics/api/get-topic';
import { TopicDetails } from '@/features/topics/components/topic-details';
import { CreateWatchItemForm } from '@/features/watch-items/components/create-watch-item-form';
import { WatchItemsList } from '@/features/watch-items/components/watch-items-list';
import { useSignedInUser } from '@/lib/auth/use-user';
import { isDelegationMember } from '@/lib/domain-values';
import { problemFrom } from '@/lib/problem';

export function TopicRoute() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const user = useSignedInUser();
  const topic = useQuery(topicQueryOptions(code));

  if (topic.isPending) return <PageLoader />;
  if (topic.isError) {
    const notFound = problemFrom(topic.error).status === 404;
    return (
      <Stack gap="sm">
        <PageTitle documentTitle={t('topic.notFound', { code })}>{t('topic.notFound', { code })}</PageTitle>
        {notFound ? null : <QueryError error={topic.error} onRetry={() => void topic.refetch()} />}
        <Anchor component={Link} to={paths.topics}>
          {t('topic.backToTopics')}
        </Anchor>
      </Stack>
    );
  }

  const canAdd = isDelegationMember(user.role) ? user.delegation : null;

  return (
    <Stack gap="xl">
      <div>
        <Anchor component={Link} to={paths.topics} size="sm">
          {t('topic.backToTopics')}
        </Anchor>
        <PageTitle documentTitle={`${topic.data.code} · ${topic.data.title}`}>{topic.data.title}</PageTitle>
      </div>
      <TopicDetails topic={topic.data} />
      <section aria-labelledby="topic-watch-heading">
        <Title order={2} size="h3" id="topic-watch-heading" mb="xs">
          {t('topic.watchList')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('topic.watchListHelp')}
        </Text>
        <Stack gap="lg">
          <WatchItemsList
            filter={{ topic: topic.data.id }}
            showTopic={false}
            caption={t('topic.watchList')}
            emptyMessage={t('topic.watchListEmpty')}
          />
          {canAdd ? <CreateWatchItemForm topicId={topic.data.id} delegationName={canAdd.name} /> : null}
        </Stack>
      </section>
    </Stack>
  );
}
