// The topics catalogue.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { PageTitle } from '@/components/ui/page-title';
import { TopicsList } from '@/features/topics/components/topics-list';

export function TopicsRoute() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle documentTitle={t('nav.topics')}>{t('nav.topics')}</PageTitle>
      <Text c="dimmed" mb="md">
        {t('topics.intro')}
      </Text>
      <TopicsList />
    </>
  );
}
