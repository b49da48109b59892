// The admin's list of accounts: name, e-mail, role, delegation, whether active, whether they have a
// second factor (with its reset), created — sortable, counted and exportable like every list.
import { Badge, Group } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { EXPORT_PAGE_SIZE, ListTable, urlSort } from '@/components/ui/data-table';
import { formatInstant } from '@/lib/format-date';
import { roleLabel } from '@/lib/labels';
import { useNames } from '@/lib/reference';
import { useUrlFilters } from '@/lib/use-url-filters';

import { usersPage, usersQueryOptions, type User } from '../api/get-users';
import { userParams } from '../lib/user-params';

import { ResetSecondFactorButton } from './reset-second-factor-button';

const column = createColumnHelper<User>();

function useUserColumns() {
  const { t } = useTranslation();
  const names = useNames(['delegation']);
  return useMemo(
    () => [
      column.accessor('name', { header: t('admin.users.columns.name'), meta: { sort: 'name' } }),
      column.accessor('email', { header: t('admin.users.columns.email'), meta: { sort: 'email' } }),
      column.accessor('role', {
        header: t('admin.users.columns.role'),
        meta: { sort: 'role', csv: (row) => roleLabel(t, row.role) },
        cell: (info) => roleLabel(t, info.getValue()),
      }),
      column.accessor('delegation_id', {
        header: t('admin.users.columns.delegation'),
        meta: { csv: (row) => (row.delegation_id ? names.delegation(row.delegation_id) : null) },
        cell: (info) => {
          const id = info.getValue();
          return id ? names.delegation(id) : t('common.none');
        },
      }),
      column.accessor('active', {
        header: t('admin.users.columns.active'),
        meta: { csv: (row) => (row.active ? t('admin.users.active') : t('admin.users.inactive')) },
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
        meta: { csv: (row) => (row.second_factor ? t('secondFactor.on') : t('secondFactor.off')) },
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
        meta: { sort: 'created_at', sortDescendingFirst: true, csv: (row) => formatInstant(row.created_at) },
        cell: (info) => formatInstant(info.getValue()),
      }),
    ],
    [t, names],
  );
}

export function UsersList() {
  const { t } = useTranslation();
  const [params, change] = useUrlFilters(userParams);
  const query = useInfiniteQuery(usersQueryOptions(params));
  const columns = useUserColumns();

  return (
    <ListTable
      query={query}
      columns={columns}
      caption={t('admin.users.caption')}
      emptyMessage={t('admin.users.empty')}
      getRowId={(user) => user.id}
      sort={urlSort(userParams.schema.users_sort, params.users_sort, (sort) => change({ users_sort: sort }))}
      noun={(count) => t('admin.users.count', { count })}
      exporter={{ name: 'users', fetchPage: usersPage(params, EXPORT_PAGE_SIZE) }}
    />
  );
}
