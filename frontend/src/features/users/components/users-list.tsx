// The admin's list of accounts: name, e-mail, role, delegation, whether active, whether they have a
// second factor (with its reset), created.
import { Badge, Button, Group, Stack } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { DataTable } from '@/components/ui/data-table';
import { PageLoader } from '@/components/ui/page-loader';
import { QueryError } from '@/components/ui/query-error';
import { formatDateTime } from '@/lib/format-date';
import { roleLabel } from '@/lib/labels';

import { usersQueryOptions, type User } from '../api/get-users';

import { ResetSecondFactorButton } from './reset-second-factor-button';

const column = createColumnHelper<User>();

type UsersListProps = {
  /** Names delegations by id; the admin page passes what it loaded from /delegations. */
  delegationName: (id: string) => string;
};

export function UsersList({ delegationName }: UsersListProps) {
  const { t, i18n } = useTranslation();
  const query = useInfiniteQuery(usersQueryOptions());

  const columns = useMemo(
    () => [
      column.accessor('name', { header: t('admin.users.columns.name') }),
      column.accessor('email', { header: t('admin.users.columns.email') }),
      column.accessor('role', { header: t('admin.users.columns.role'), cell: (info) => roleLabel(t, info.getValue()) }),
      column.accessor('delegation_id', {
        header: t('admin.users.columns.delegation'),
        cell: (info) => {
          const id = info.getValue();
          return id ? delegationName(id) : t('common.none');
        },
      }),
      column.accessor('active', {
        header: t('admin.users.columns.active'),
        cell: (info) =>
          info.getValue() ? (
            <Badge variant="light" color="teal">
              {t('admin.users.active')}
            </Badge>
          ) : (
            <Badge variant="light" color="gray">
              {t('admin.users.inactive')}
            </Badge>
          ),
      }),
      column.accessor('second_factor', {
        header: t('admin.users.columns.secondFactor'),
        cell: (info) =>
          info.getValue() ? (
            <Group gap="xs" wrap="nowrap">
              <Badge variant="light" color="teal">
                {t('secondFactor.on')}
              </Badge>
              <ResetSecondFactorButton user={info.row.original} />
            </Group>
          ) : (
            <Badge variant="light" color="gray">
              {t('secondFactor.off')}
            </Badge>
          ),
      }),
      column.accessor('created_at', {
        header: t('admin.users.columns.created'),
        cell: (info) => formatDateTime(info.getValue(), i18n.language),
      }),
    ],
    [t, i18n.language, delegationName],
  );

  if (query.isPending) return <PageLoader />;
  if (query.isError && !query.data) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const users = query.data.pages.flatMap((page) => page.items);

  return (
    <Stack gap="sm">
      <DataTable
        data={users}
        columns={columns}
        caption={t('admin.users.caption')}
        emptyMessage={t('admin.users.empty')}
        getRowId={(user) => user.id}
      />
      {query.hasNextPage ? (
        <Group>
          <Button variant="outline" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
