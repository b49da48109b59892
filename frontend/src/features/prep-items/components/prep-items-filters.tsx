// The prep items list's filter bar: ministerial, status, topic, interest and kind apply at once; the
// title search applies on Enter or the Filter button. Ministerials and topics are named, not shown as
// bare codes. The parent keeps the values in the URL.
import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { allTopicsQueryOptions } from '@/lib/reference';
import type { FiltersChange } from '@/lib/use-url-filters';
import { useUrlText } from '@/lib/use-url-text';

import { ministerialsQueryOptions } from '../api/get-ministerials';
import { interestLabel, prepKindLabel, prepStatusLabel } from '../lib/prep-labels';
import { prepListParams, type PrepListFilters } from '../lib/prep-list-filters';
import { interests, prepKinds, prepStatuses } from '../lib/prep-values';

type Choice = { value: string; label: string };

/** The choices, plus the URL's value when the list does not offer it (yet), so it still shows as chosen. */
function withCurrent(choices: Choice[], current: string | undefined): Choice[] {
  return current && !choices.some((c) => c.value === current) ? [...choices, { value: current, label: current }] : choices;
}

type PrepItemsFiltersProps = {
  filters: PrepListFilters;
  /** Called with only what changed, so quick successive changes all apply (lib/use-url-filters.ts). */
  onChange: (change: FiltersChange<PrepListFilters>) => void;
};

export function PrepItemsFilters({ filters, onChange }: PrepItemsFiltersProps) {
  const { t } = useTranslation();
  const ministerials = useQuery(ministerialsQueryOptions());
  const topics = useQuery(allTopicsQueryOptions());
  const [q, setQ] = useUrlText(filters.q);
  const schema = prepListParams.schema;
  const filtered = prepListParams.isFiltered(filters, ['sort']);

  function submit(event: FormEvent) {
    event.preventDefault();
    onChange({ q: schema.q.parse(q) });
  }

  return (
    <form role="search" aria-label={t('prep.list.filtersLabel')} onSubmit={submit}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label={t('prep.item.ministerial')}
          value={filters.ministerial ?? ''}
          onChange={(event) => onChange({ ministerial: schema.ministerial.parse(event.currentTarget.value) })}
          data={[
            { value: '', label: t('prep.list.anyMinisterial') },
            ...withCurrent(
              (ministerials.data?.items ?? []).map((m) => ({ value: m.code, label: `${m.code} — ${m.name}` })),
              filters.ministerial,
            ),
          ]}
          w={240}
        />
        <NativeSelect
          label={t('prep.item.status')}
          value={filters.status ?? ''}
          onChange={(event) => onChange({ status: schema.status.parse(event.currentTarget.value) })}
          data={[
            { value: '', label: t('prep.list.anyStatus') },
            ...prepStatuses.map((status) => ({ value: status, label: prepStatusLabel(t, status) })),
          ]}
        />
        <NativeSelect
          label={t('prep.filters.topic')}
          value={filters.topic ?? ''}
          onChange={(event) => onChange({ topic: schema.topic.parse(event.currentTarget.value) })}
          data={[
            { value: '', label: t('prep.filters.allTopics') },
            ...withCurrent(
              (topics.data?.items ?? []).map((topic) => ({ value: topic.code, label: `${topic.code} — ${topic.title}` })),
              filters.topic,
            ),
          ]}
          w={260}
        />
        <NativeSelect
          label={t('prep.filters.interest')}
          value={filters.interest ?? ''}
          onChange={(event) => onChange({ interest: schema.interest.parse(event.currentTarget.value) })}
          data={[
            { value: '', label: t('prep.filters.anyInterest') },
            ...interests.map((interest) => ({ value: interest, label: interestLabel(t, interest) })),
          ]}
        />
        <NativeSelect
          label={t('prep.item.kind')}
          value={filters.kind ?? ''}
          onChange={(event) => onChange({ kind: schema.kind.parse(event.currentTarget.value) })}
          data={[
            { value: '', label: t('prep.list.anyKind') },
            ...prepKinds.map((kind) => ({ value: kind, label: prepKindLabel(t, kind) })),
          ]}
        />
        <TextInput
          label={t('prep.list.search')}
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
          w={220}
        />
        <Button type="submit" variant="default">
          {t('prep.list.filter')}
        </Button>
        {filtered ? (
          <Button
            variant="subtle"
            onClick={() =>
              onChange({
                ministerial: undefined,
                status: undefined,
                topic: undefined,
                interest: undefined,
                kind: undefined,
                q: undefined,
              })
            }
          >
            {t('prep.filters.clear')}
          </Button>
        ) : null}
      </Group>
    </form>
  );
}
