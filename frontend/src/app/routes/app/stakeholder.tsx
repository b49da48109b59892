// One stakeholder (/stakeholders/:id): its facts, the contact details on request (audited), and — for
// those who may write it — edit and erasure.
import { Anchor, Group, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useParams } from 'react-router';

import { PageLoader } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { QueryError } from '@/components/ui/query-error';
import { paths } from '@/config/paths';
import { stakeholderQueryOptions } from '@/features/stakeholders/api/get-stakeholder';
import { EraseStakeholderButton } from '@/features/stakeholders/components/erase-stakeholder-button';
import { StakeholderContact } from '@/features/stakeholders/components/stakeholder-contact';
import { StakeholderDetails } from '@/features/stakeholders/components/stakeholder-details';
import { StakeholderFormButton } from '@/features/stakeholders/components/stakeholder-form-button';
import { canReadContact, canWriteStakeholder } from '@/features/stakeholders/lib/stakeholder-values';
import { useSignedInUser } from '@/lib/auth/use-user';
import { problemFrom } from '@/lib/problem';

export function StakeholderRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useSignedInUser();
  const stakeholder = useQuery(stakeholderQueryOptions(id));

  if (stakeholder.isPending) return <PageLoader />;
  if (stakeholder.isError) {
    const status = problemFrom(stakeholder.error).status;
    const title = status === 404 ? t('stakeholder.notFound') : t('stakeholder.failed');
    return (
      <Stack gap="sm">
        <PageTitle documentTitle={title}>{title}</PageTitle>
        {status === 404 ? null : <QueryError error={stakeholder.error} onRetry={() => void stakeholder.refetch()} />}
        <Anchor component={Link} to={paths.stakeholders}>
          {t('stakeholder.back')}
        </Anchor>
      </Stack>
    );
  }

  const data = stakeholder.data;
  const actor = { role: user.role, delegationId: user.delegation?.id ?? null };
  const writable = canWriteStakeholder(actor, data.delegation_id) && !data.erased;

  return (
    <Stack gap="xl">
      <div>
        <Anchor component={Link} to={paths.stakeholders} size="sm">
          {t('stakeholder.back')}
        </Anchor>
        <Group justify="space-between" align="flex-start">
          <PageTitle documentTitle={data.name}>{data.name}</PageTitle>
          {writable ? (
            <Group>
              <StakeholderFormButton key={data.version} stakeholder={data} />
              <EraseStakeholderButton stakeholderId={data.id} />
            </Group>
          ) : null}
        </Group>
        <StakeholderDetails stakeholder={data} />
      </div>
      {canReadContact(actor, data.delegation_id) ? (
        <section aria-labelledby="stakeholder-contact-heading">
          <Title order={2} size="h3" id="stakeholder-contact-heading" mb="xs">
            {t('stakeholders.contact.title')}
          </Title>
          <StakeholderContact key={data.version} stakeholderId={data.id} hasContact={data.has_contact} />
        </section>
      ) : null}
    </Stack>
  );
}
