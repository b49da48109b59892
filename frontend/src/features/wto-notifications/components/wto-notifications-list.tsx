// The WTO notifications list: filters and sort kept in the URL (agreement, member, open comment period,
// HS prefix), in the shared list table (count, export, sorting, Load more, empty, error and loading
// states). Each row says how many of the caller's readable impediments it matches. The member and the HS
// prefix apply as they are typed, and show the URL's value when it changes from outside (back button, a
// link), as the other lists' text filters do.
import { Anchor, Badge, Checkbox, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { EXPORT_PAGE_SIZE, ListTable, urlSort } from '@/components/ui/data-table';
import { paths } from '@/config/paths';
import { formatPlainDate } from '@/lib/format-date';
import { useNames } from '@/lib/reference';
import { useUrlFilters } from '@/lib/use-url-filters';

import { wtoNotificationsPage, wtoNotificationsQueryOptions, type WtoNotification } from '../api/get-wto-notifications';
import { wtoAgreements, wtoListParams } from '../lib/wto-filters';

const column = createColumnHelper<WtoNotification>();

function useWtoColumns() {
  const { t } = useTranslation();
  const names = useNames(['partner']);
  return useMemo(
    () => [
      column.accessor('symbol', {
        header: t('wto.fields.symbol'),
        meta: { sort: 'symbol' },
        cell: (info) => (
          <Anchor component={Link} to={paths.wtoNotification(info.row.original.id)}>
            {info.getValue()}
          </Anchor>
        ),
      }),
      column.accessor('agreement', {
        header: t('wto.fields.agreement'),
        meta: { csv: (row) => t(`wto.agreement.${row.agreement}`) },
        cell: (info) => t(`wto.agreement.${info.getValue()}`),
      }),
      column.accessor('notifying_member', {
        header: t('wto.fields.member'),
        meta: { csv: (row) => names.partner(row.notifying_member) },
        cell: (info) => names.partner(info.getValue()),
      }),
      column.accessor('title', { header: t('wto.fields.title') }),
      column.accessor('hs_codes', {
        header: t('wto.fields.hs'),
        meta: { csv: (row) => row.hs_codes.join(' ') },
        cell: (info) => info.getValue().join(', ') || '—',
      }),
      column.accessor('distributed_on', {
        header: t('wto.fields.distributed'),
        meta: { sort: 'distributed_on', sortDescendingFirst: true, csv: (row) => row.distributed_on },
        cell: (info) => formatPlainDate(info.getValue()),
      }),
      column.accessor('comment_deadline', {
        header: t('wto.fields.deadline'),
        meta: { sort: 'comment_deadline', csv: (row) => row.comment_deadline ?? '' },
        cell: (info) => (
          <Group gap={6} wrap="nowrap">
            {info.getValue() ? formatPlainDate(info.getValue() as string) : '—'}
            {info.row.original.comment_open ? (
              <Badge size="sm" color="green" variant="light">
                {t('wto.open')}
              </Badge>
            ) : null}
          </Group>
        ),
      }),
      column.accessor('matches_readable', {
        header: t('wto.fields.matches'),
        meta: { csv: (row) => String(row.matches_readable) },
        cell: (info) => info.getValue(),
      }),
    ],
    [t, names],
  );
}

/**
 * The text of a filter applied as it is typed: what the user typed, until the URL's value changes to one
 * that text does not stand for — then the URL's. Typing's own changes (a partial "U" clears the member,
 * "usa" sets USA) leave the text alone; the back button or a link replaces it.
 */
function useTypedFilter(value: string | undefined, parse: (text: string) => string | undefined) {
  const [text, setText] = useState(value ?? '');
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    if (parse(text) !== value) setText(value ?? '');
  }
  return [text, setText] as const;
}

export function WtoNotificationsList() {
  const { t } = useTranslation();
  const [filters, changeFilters] = useUrlFilters(wtoListParams);
  const [member, setMember] = useTypedFilter(filters.member, wtoListParams.schema.member.parse);
  const [hs, setHs] = useTypedFilter(filters.hs, wtoListParams.schema.hs.parse);
  const query = useInfiniteQuery({ ...wtoNotificationsQueryOptions(filters), placeholderData: keepPreviousData });
  const columns = useWtoColumns();
  const schema = wtoListParams.schema;
  const filtered = wtoListParams.isFiltered(filters, ['sort']);

  return (
    <Stack gap="lg">
      <form role="search" aria-label={t('wto.list.filtersLabel')} onSubmit={(e) => e.preventDefault()}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect
            label={t('wto.fields.agreement')}
            value={filters.agreement ?? ''}
            onChange={(e) => changeFilters({ agreement: schema.agreement.parse(e.currentTarget.value) })}
            data={[
              { value: '', label: t('wto.list.any') },
              ...wtoAgreements.map((a) => ({ value: a, label: t(`wto.agreement.${a}`) })),
            ]}
          />
          <TextInput
            label={t('wto.fields.member')}
            description={t('wto.list.memberHint')}
            value={member}
            maxLength={3}
            onChange={(e) => {
              setMember(e.currentTarget.value);
              changeFilters({ member: schema.member.parse(e.currentTarget.value) });
            }}
          />
          <TextInput
            label={t('wto.fields.hs')}
            description={t('wto.list.hsHint')}
            value={hs}
            maxLength={6}
            inputMode="numeric"
            onChange={(e) => {
              setHs(e.currentTarget.value);
              changeFilters({ hs: schema.hs.parse(e.currentTarget.value) });
            }}
          />
          <Checkbox
            label={t('wto.list.openOnly')}
            checked={filters.open === true}
            onChange={(e) => changeFilters({ open: e.currentTarget.checked ? true : undefined })}
          />
        </Group>
      </form>
      <ListTable
        query={query}
        columns={columns}
        caption={t('wto.list.caption')}
        emptyMessage={filtered ? t('wto.list.emptyFiltered') : t('wto.list.empty')}
        getRowId={(item) => item.id}
        sort={urlSort(schema.sort, filters.sort, (sort) => changeFilters({ sort }))}
        noun={(count) => t('wto.list.count', { count })}
        countTestId="wto-count"
        exporter={{ name: 'wto-notifications', fetchPage: wtoNotificationsPage(filters, EXPORT_PAGE_SIZE) }}
      />
    </Stack>
  );
}
