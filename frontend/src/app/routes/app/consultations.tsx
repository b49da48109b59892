// The consultations (/consultations): the list, and for delegation members and admins a way to start one.
import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { PageTitle } from '@/components/ui/page-title';
import { ConsultationsList } from '@/features/consultations/components/consultations-list';
import { CreateConsultationButton } from '@/features/consultations/components/create-consultation-button';
import { canCreate } from '@/features/consultations/lib/consultation-values';
import { useSignedInUser } from '@/lib/auth/use-user';

import { useConsultationContext } from './use-consultation-context';

export function ConsultationsRoute() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const { ownerName, delegationOptions, topicOptions } = useConsultationContext();
  const own = user.delegation ? { value: user.delegation.id, label: user.delegation.name } : undefined;

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle documentTitle={t('nav.consultations')}>{t('nav.consultations')}</PageTitle>
        {canCreate(user.role) ? (
          <CreateConsultationButton
            ownerOptions={user.role === 'admin' ? delegationOptions : null}
            ownDelegation={own}
            topicOptions={topicOptions}
          />
        ) : null}
      </Group>
      <Text c="dimmed" mb="md">
        {t('consultations.intro')}
      </Text>
      <ConsultationsList ownerName={ownerName} />
    </>
  );
}
