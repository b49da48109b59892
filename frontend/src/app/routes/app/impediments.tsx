// The impediment registry: the heat map and the list under shared filters, and — for delegation members
// and admins — the button to report an impediment.
import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { PageTitle } from '@/components/ui/page-title';
import { ImpedimentsList } from '@/features/impediments/components/impediments-list';
import { ReportImpedimentButton } from '@/features/impediments/components/report-impediment-button';
import { canReport } from '@/features/impediments/lib/impediment-values';
import { useSignedInUser } from '@/lib/auth/use-user';

export function ImpedimentsRoute() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle documentTitle={t('nav.impediments')}>{t('nav.impediments')}</PageTitle>
        {canReport(user.role) ? (
          <ReportImpedimentButton defaultReportingCountry={user.delegation?.country_code} />
        ) : null}
      </Group>
      <Text c="dimmed" mb="md">
        {t('impediments.intro')}
      </Text>
      <ImpedimentsList />
    </>
  );
}
