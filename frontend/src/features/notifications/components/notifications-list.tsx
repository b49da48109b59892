// The caller's notifications in the shared list table: unread first, each linking to its record, with
// "Mark read" per row and "Mark all read" above.
import { Anchor, Badge, Button, Group, Switch, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { EXPORT_PAGE_SIZE, ListTable } from '@/components/ui/data-table';
import { formatInstant } from '@/lib/format-date';

import { notificationsPage, notificationsQueryOptions, type Notification } from '../api/get-notifications';
import { useMarkAllRead, useMarkRead } from '../api/mark-read';

const column = createColumnHelper<Notification>();

function MarkReadButton({ id }: { id: string }) {
  const { t } = useTranslation();
  const mark = useMarkRead();
  return (
    <Button size="compact-sm" variant="light" loading={mark.isPending} onClick={() => mark.mutate(id)}>
      {t('notifications.markRead')}
    </Button>
  );
}

function useColumns() {
  const { t } = useTranslation();
  return useMemo(
    () => [
      column.accessor('title', {
        header: t('notifications.columns.title'),
        cell: (info) => (
          <Anchor component={Link} to={info.row.original.link} fw={info.row.original.read_at ? 400 : 700}>
            {info.getValue()}
          </Anchor>
        ),
      }),
      column.accessor('kind', {
        header: t('notifications.columns.kind'),
        meta: { csv: (row) => t(`notifications.kind.${row.kind}`) },
        cell: (info) => t(`notifications.kind.${info.getValue()}`),
      }),
      column.accessor('created_at', {
        header: t('notifications.columns.received'),
        meta: { csv: (row) => formatInstant(row.created_at) },
        cell: (info) => formatInstant(info.getValue()),
      }),
      column.accessor('read_at', {
        header: t('notifications.columns.state'),
        meta: { csv: (row) => (row.read_at ? t('notifications.read') : t('notifications.unread')) },
        cell: (info) =>
          info.getValue() ? (
            <Text size="sm" c="dimmed">
              {t('notifications.read')}
            </Text>
          ) : (
            <Group gap="xs" wrap="nowrap">
              <Badge color="red" variant="light">
                {t('notifications.unread')}
              </Badge>
              <MarkReadButton id={info.row.original.id} />
            </Group>
          ),
      }),
    ],
    [t],
  );
}

export function NotificationsList() {
  const { t } = useTranslation();
  const [unread, setUnread] = useState(false);
  const query = useInfiniteQuery(notificationsQueryOptions(unread));
  const markAll = useMarkAllRead();
  const columns = useColumns();

  return (
    <>
      <Group justify="space-between" mb="sm">
        <Switch
          label={t('notifications.onlyUnread')}
          checked={unread}
          onChange={(e) => setUnread(e.currentTarget.checked)}
        />
        <Button variant="outline" loading={markAll.isPending} onClick={() => markAll.mutate()}>
          {t('notifications.markAllRead')}
        </Button>
      </Group>
      <ListTable
        query={query}
        columns={columns}
        caption={t('notifications.caption')}
        emptyMessage={t('notifications.empty')}
        getRowId={(n) => n.id}
        noun={(count) => t('notifications.count', { count })}
        exporter={{ name: 'notifications', fetchPage: notificationsPage(unread, EXPORT_PAGE_SIZE) }}
        testId="notifications"
      />
    </>
  );
}
