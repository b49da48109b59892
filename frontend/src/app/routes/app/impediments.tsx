// The impediment registry: the heat map and the list under shared filters, and — for delegation members
// and admins — the button to report an impediment, given the topics it may be linked to (composed here:
// a feature may not import another).
import { Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { PageTitle } from '@/components/ui/page-title';
import { ImpedimentsList } from '@/features/impediments/components/impediments-list';
import { ReportImpedimentButton } from '@/features/impediments/components/report-impediment-button';
import { canReport } from '@/features/impediments/lib/impediment-values';
import { useSignedInUser } from '@/lib/auth/use-user';
import { allTopicsQueryOptions } from '@/lib/reference';

export function ImpedimentsRoute() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const reporter = canReport(user.role);
  const topics = useQuery({ ...allTopicsQueryOptions(), enabled: reporter });
  const topicOptions = useMemo(
    () => (topics.data?.items ?? []).map((topic) => ({ value: topic.id, label: `${topic.code} — ${topic.title}` })),
    [topics.data],
  );
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle documentTitle={t('nav.impediments')}>{t('nav.impediments')}</PageTitle>
        {reporter ? (
          <ReportImpedimentButton defaultReportingCountry={user.delegation?.country_code} topicOptions={topicOptions} />
        ) : null}
      </Group>
      <Text c="dimmed" mb="md">
        {t('impediments.intro')}
      </Text>
      <ImpedimentsList />
    </>
  );
}
