// The meetings the user may read, from today on, soonest first: the shared list table with each
// meeting's Geneva time (zone named), kind, organiser, status and the user's own answer.
import { Anchor, Badge } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ListTable } from '@/components/ui/data-table';
import { paths } from '@/config/paths';

import { meetingsQueryOptions, type MeetingsSort } from '../api/get-meetings';
import { formatLocalTimes } from '../lib/meeting-times';
import type { Meeting } from '../lib/meeting-types';

const column = createColumnHelper<Meeting>();

/** Midnight today, UTC, as the API's `from`: today's meetings stay listed all day. */
function startOfToday(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString();
}

export function MeetingsList() {
  const { t } = useTranslation();
  const [sort, setSort] = useState<MeetingsSort>('starts_at');
  const [from] = useState(startOfToday);
  const query = useInfiniteQuery({ ...meetingsQueryOptions(from, sort), placeholderData: keepPreviousData });
  const columns = useMemo(
    () => [
      column.accessor('title', {
        header: t('meetings.columns.title'),
        meta: { sort: 'title' },
        cell: (info) => (
          <Anchor component={Link} to={paths.meeting(info.row.original.id)} fw={600}>
            {info.getValue()}
          </Anchor>
        ),
      }),
      column.accessor('starts_at', {
        header: t('meetings.columns.geneva'),
        meta: { sort: 'starts_at' },
        cell: (info) => {
          const geneva = info.row.original.times.find((z) => z.role === 'geneva');
          return geneva ? formatLocalTimes(geneva) : info.getValue();
        },
      }),
      column.accessor('kind', {
        header: t('meetings.columns.kind'),
        cell: (info) => t(`meetings.kind.${info.getValue()}`),
      }),
      column.accessor((row) => `${row.owner.name} (${row.owner.code})`, {
        id: 'owner',
        header: t('meetings.columns.organiser'),
      }),
      column.accessor('status', {
        header: t('meetings.columns.status'),
        cell: (info) => (
          <Badge color={info.getValue() === 'cancelled' ? 'red' : 'blue'} variant="light">
            {t(`meetings.status.${info.getValue()}`)}
          </Badge>
        ),
      }),
      column.accessor('my_rsvp', {
        header: t('meetings.columns.myAnswer'),
        cell: (info) => {
          const answer = info.getValue();
          return answer ? t(`meetings.rsvp.${answer}`) : '—';
        },
      }),
    ],
    [t],
  );
  return (
    <ListTable
      query={query}
      columns={columns}
      caption={t('meetings.caption')}
      emptyMessage={t('meetings.empty')}
      getRowId={(m) => m.id}
      sort={{
        value: sort,
        onChange: (next: string) => setSort((next || 'starts_at') as MeetingsSort),
      }}
      noun={(count) => t('meetings.count', { count })}
      countTestId="meetings-count"
    />
  );
}
