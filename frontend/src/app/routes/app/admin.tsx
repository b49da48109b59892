// Admin: users and the audit log, for the admin role only (the API refuses others anyway).
import { Alert, Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { PageTitle } from '@/components/ui/page-title';
import { AuditEventsList } from '@/features/audit-log/components/audit-events-list';
import { delegationsQueryOptions } from '@/features/delegations/api/get-delegations';
import { UsersList } from '@/features/users/components/users-list';
import { useSignedInUser } from '@/lib/auth/use-user';

function AdminTabs() {
  const { t } = useTranslation();
  const delegations = useQuery(delegationsQueryOptions());
  const names = useMemo(
    () => new Map((delegations.data?.items ?? []).map((d) => [d.id, `${d.name} (${d.country_code})`])),
    [delegations.data],
  );
  const delegationName = useCallback((id: string) => names.get(id) ?? id, [names]);

  return (
    <Tabs defaultValue="users" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="users">{t('admin.users.title')}</Tabs.Tab>
        <Tabs.Tab value="audit">{t('admin.audit.title')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="users" pt="md">
        <UsersList delegationName={delegationName} />
      </Tabs.Panel>
      <Tabs.Panel value="audit" pt="md">
        <AuditEventsList />
      </Tabs.Panel>
    </Tabs>
  );
}

export function AdminRoute() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  return (
    <>
      <PageTitle documentTitle={t('nav.admin')}>{t('nav.admin')}</PageTitle>
      {user.role === 'admin' ? (
        <AdminTabs />
      ) : (
        <Alert color="gray" variant="light" title={t('admin.forbiddenTitle')}>
          {t('admin.forbidden')}
        </Alert>
      )}
    </>
  );
}
