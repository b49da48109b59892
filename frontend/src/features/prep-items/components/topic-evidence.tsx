// A topic's evidence for the alignment report's drill-down: the topic's evidence strength and the prep
// items on it that the user may read, each linking to its page.
import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { paths } from '@/config/paths';

import { topicPrepItemsQueryOptions } from '../api/get-prep-items';

import { EvidenceStrengthPanel } from './evidence-strength';
import { DeadlineText, PrepStatusBadge } from './prep-badges';

export function TopicEvidence({ topicId, owner }: { topicId: string; owner: { delegation_id?: string; coalition_id?: string } }) {
  const { t } = useTranslation();
  const items = useQuery(topicPrepItemsQueryOptions(topicId, owner));
  return (
    <Stack gap="md">
      <section aria-labelledby="drill-items-heading">
        <Title order={3} size="h5" id="drill-items-heading" mb="xs">
          {t('alignment.drill.prepItems')}
        </Title>
        {items.isPending ? (
          <PageLoader />
        ) : items.isError ? (
          <QueryError error={items.error} onRetry={() => void items.refetch()} />
        ) : items.data.items.length === 0 ? (
          <Text c="dimmed">{t('alignment.drill.noPrepItems')}</Text>
        ) : (
          <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.data.items.map((item) => (
              <Group key={item.id} component="li" gap="xs" wrap="wrap">
                <Anchor component={Link} to={paths.prepItem(item.id)}>
                  {item.title}
                </Anchor>
                <PrepStatusBadge status={item.status} />
                <DeadlineText deadline={item.deadline} status={item.status} overdue={item.overdue} />
              </Group>
            ))}
          </Stack>
        )}
      </section>
      <section aria-labelledby="drill-strength-heading">
        <Title order={3} size="h5" id="drill-strength-heading" mb="xs">
          {t('alignment.drill.strength')}
        </Title>
        <EvidenceStrengthPanel topicId={topicId} />
      </section>
    </Stack>
  );
}
