// The board's filter bar: topic, owner delegation, coalition and interest, applied at once and kept in
// the URL by the parent. Topics, delegations and coalitions are named, not shown as codes or ids.
import { Button, Group, NativeSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { allTopicsQueryOptions, delegationsQueryOptions } from '@/lib/reference';
import type { FiltersChange } from '@/lib/use-url-filters';

import { coalitionsQueryOptions } from '../api/get-coalitions';
import { boardParams, type BoardFilters } from '../lib/prep-filters';
import { interests } from '../lib/prep-values';

type Choice = { value: string; label: string };

/** The choices, plus the URL's value when the list does not offer it (yet), so it still shows as chosen. */
function withCurrent(choices: Choice[], current: string | undefined): Choice[] {
  return current && !choices.some((c) => c.value === current) ? [...choices, { value: current, label: current }] : choices;
}

export function BoardFiltersBar({
  filters,
  onChange,
}: {
  filters: BoardFilters;
  onChange: (change: FiltersChange<BoardFilters>) => void;
}) {
  const { t } = useTranslation();
  const topics = useQuery(allTopicsQueryOptions());
  const delegations = useQuery(delegationsQueryOptions());
  const coalitions = useQuery(coalitionsQueryOptions());
  const schema = boardParams.schema;
  const filtered = boardParams.isFiltered(filters);

  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t('prep.filters.label')}>
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
        label={t('prep.filters.delegation')}
        value={filters.delegation_id ?? ''}
        onChange={(event) => onChange({ delegation_id: schema.delegation_id.parse(event.currentTarget.value) })}
        data={[
          { value: '', label: t('prep.filters.anyDelegation') },
          ...withCurrent(
            (delegations.data?.items ?? []).map((d) => ({ value: d.id, label: d.name })),
            filters.delegation_id,
          ),
        ]}
        w={200}
      />
      <NativeSelect
        label={t('prep.filters.coalition')}
        value={filters.coalition_id ?? ''}
        onChange={(event) => onChange({ coalition_id: schema.coalition_id.parse(event.currentTarget.value) })}
        data={[
          { value: '', label: t('prep.filters.anyCoalition') },
          ...withCurrent(
            (coalitions.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.code})` })),
            filters.coalition_id,
          ),
        ]}
        w={200}
      />
      <NativeSelect
        label={t('prep.filters.interest')}
        value={filters.interest ?? ''}
        onChange={(event) => onChange({ interest: schema.interest.parse(event.currentTarget.value) })}
        data={[
          { value: '', label: t('prep.filters.anyInterest') },
          ...interests.map((i) => ({ value: i, label: t(`prep.interest.${i}`) })),
        ]}
      />
      {filtered ? (
        <Button variant="subtle" onClick={() => onChange(() => ({}))}>
          {t('prep.filters.clear')}
        </Button>
      ) : null}
    </Group>
  );
}
