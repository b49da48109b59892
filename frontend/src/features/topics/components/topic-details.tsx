// One topic: its facts, its parent (linked) and the topics under it.
import { Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { paths } from '@/config/paths';
import { topicKindLabel } from '@/lib/labels';

import { topicQueryOptions } from '../api/get-topic';
import { topicChildrenQueryOptions } from '../api/get-topic-children';
import type { Topic } from '../lib/topic-filters';

import { TopicStatusBadge } from './topic-labels';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

function ParentLink({ parentId }: { parentId: string }) {
  const parent = useQuery(topicQueryOptions(parentId));
  if (parent.isPending) return <Text c="dimmed">…</Text>;
  if (parent.isError) return <Text c="dimmed">{parentId}</Text>;
  return (
    <Anchor component={Link} to={paths.topic(parent.data.code)}>
      {parent.data.code} — {parent.data.title}
    </Anchor>
  );
}

function TopicChildren({ topicId }: { topicId: string }) {
  const { t } = useTranslation();
  const children = useQuery(topicChildrenQueryOptions(topicId));
  return (
    <section aria-labelledby="topic-children-heading">
      <Title order={2} size="h3" id="topic-children-heading" mb="xs">
        {t('topic.children')}
      </Title>
      {children.isPending ? (
        <PageLoader />
      ) : children.isError ? (
        <QueryError error={children.error} onRetry={() => void children.refetch()} />
      ) : children.data.items.length === 0 ? (
        <Text c="dimmed">{t('topic.noChildren')}</Text>
      ) : (
        <List spacing={4}>
          {children.data.items.map((child) => (
            <List.Item key={child.id}>
              <Anchor component={Link} to={paths.topic(child.code)}>
                {child.code} — {child.title}
              </Anchor>
            </List.Item>
          ))}
        </List>
      )}
    </section>
  );
}

export function TopicDetails({ topic }: { topic: Topic }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Group gap="xs">
        <Badge variant="outline" color="gray" size="lg" radius="sm">
          {topic.code}
        </Badge>
        <TopicStatusBadge status={topic.status} />
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} component="dl" m={0}>
          <Fact label={t('topic.code')}>{topic.code}</Fact>
          <Fact label={t('topic.kind')}>{topicKindLabel(t, topic.kind)}</Fact>
          <Fact label={t('topic.wtoBody')}>{topic.wto_body || t('common.none')}</Fact>
          <Fact label={t('topic.parent')}>
            {topic.parent_id ? <ParentLink parentId={topic.parent_id} /> : t('topic.noParent')}
          </Fact>
        </SimpleGrid>
      </Paper>
      <section aria-labelledby="topic-description-heading">
        <Title order={2} size="h3" id="topic-description-heading" mb="xs">
          {t('topic.description')}
        </Title>
        <Text style={{ whiteSpace: 'pre-line' }}>{topic.description || t('common.none')}</Text>
      </section>
      <TopicChildren topicId={topic.id} />
    </Stack>
  );
}
