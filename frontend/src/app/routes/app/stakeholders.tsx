// The stakeholder directory: the list under filters and — for delegation members and admins — the
// button to add a stakeholder.
import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { PageTitle } from '@/components/ui/page-title';
import { paths } from '@/config/paths';
import { StakeholderFormButton } from '@/features/stakeholders/components/stakeholder-form-button';
import { StakeholdersList } from '@/features/stakeholders/components/stakeholders-list';
import { canCreateStakeholder } from '@/features/stakeholders/lib/stakeholder-values';
import { useSignedInUser } from '@/lib/auth/use-user';

export function StakeholdersRoute() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const navigate = useNavigate();
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageTitle documentTitle={t('nav.stakeholders')}>{t('nav.stakeholders')}</PageTitle>
        {canCreateStakeholder(user.role) ? (
          <StakeholderFormButton
            defaultCountry={user.delegation?.country_code}
            onSaved={(created) => void navigate(paths.stakeholder(created.id))}
          />
        ) : null}
      </Group>
      <Text c="dimmed" mb="md">
        {t('stakeholders.intro')}
      </Text>
      <StakeholdersList />
    </>
  );
}
