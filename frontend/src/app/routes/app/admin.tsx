// Admin: users and the audit log. The router lets only admins here (RoleGate); the API refuses others
// anyway. The open tab is in the URL with each list's sort, so a view of the admin page can be bookmarked.
import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { PageTitle } from '@/components/ui/page-title';
import { AuditEventsList } from '@/features/audit-log/components/audit-events-list';
import { UsersList } from '@/features/users/components/users-list';
import { defineSearchParams, param } from '@/lib/search-params';
import { useUrlFilters } from '@/lib/use-url-filters';

const adminParams = defineSearchParams({ tab: param.oneOf(['users', 'audit'], 'users') });

function AdminTabs() {
  const { t } = useTranslation();
  const [params, change] = useUrlFilters(adminParams);

  return (
    <Tabs
      value={params.tab ?? 'users'}
      onChange={(tab) => change({ tab: adminParams.schema.tab.parse(tab ?? '') })}
      keepMounted={false}
    >
      <Tabs.List>
        <Tabs.Tab value="users">{t('admin.users.title')}</Tabs.Tab>
        <Tabs.Tab value="audit">{t('admin.audit.title')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="users" pt="md">
        <UsersList />
      </Tabs.Panel>
      <Tabs.Panel value="audit" pt="md">
        <AuditEventsList />
      </Tabs.Panel>
    </Tabs>
  );
}

export function AdminRoute() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle documentTitle={t('nav.admin')}>{t('nav.admin')}</PageTitle>
      <AdminTabs />
    </>
  );
}
