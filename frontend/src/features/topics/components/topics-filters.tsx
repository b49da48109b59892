// The filter bar of the topics list. Selects apply at once; the text search applies as the user pauses
// typing or presses Enter. The parent keeps the values in the URL.
import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { topicKinds, topicStatuses } from '@/lib/domain-values';
import type { FiltersChange } from '@/lib/use-url-filters';

import { topicSorts, type TopicFilters } from '../lib/topic-filters';

type TopicsFiltersProps = {
  filters: TopicFilters;
  /** Called with only what changed, so quick successive changes all apply (lib/use-url-filters.ts). */
  onChange: (change: FiltersChange<TopicFilters>, options?: { replace?: boolean }) => void;
};

export function TopicsFilters({ filters, onChange }: TopicsFiltersProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q ?? '');
  // When the URL changes from outside (back button, a link), show its search text.
  const [shownQ, setShownQ] = useState(filters.q);
  if (shownQ !== filters.q) {
    setShownQ(filters.q);
    setQ(filters.q ?? '');
  }

  const applyQ = useDebouncedCallback((value: string) => {
    onChange({ q: value.trim() || undefined }, { replace: true });
  }, 400);

  function submit(event: FormEvent) {
    event.preventDefault();
    applyQ.cancel();
    onChange({ q: q.trim() || undefined });
  }

  return (
    <form role="search" aria-label={t('topics.filters.label')} onSubmit={submit}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label={t('topics.filters.kind')}
          value={filters.kind ?? ''}
          onChange={(event) => {
            const kind = topicKinds.find((k) => k === event.currentTarget.value);
            onChange({ kind });
          }}
          data={[
            { value: '', label: t('topics.filters.allKinds') },
            ...topicKinds.map((kind) => ({ value: kind, label: t(`topicKind.${kind}`) })),
          ]}
        />
        <NativeSelect
          label={t('topics.filters.status')}
          value={filters.status ?? ''}
          onChange={(event) => {
            const status = topicStatuses.find((s) => s === event.currentTarget.value);
            onChange({ status });
          }}
          data={[
            { value: '', label: t('topics.filters.allStatuses') },
            ...topicStatuses.map((status) => ({ value: status, label: t(`topicStatus.${status}`) })),
          ]}
        />
        <TextInput
          label={t('topics.filters.q')}
          type="search"
          value={q}
          onChange={(event) => {
            setQ(event.currentTarget.value);
            applyQ(event.currentTarget.value);
          }}
          miw={220}
        />
        <NativeSelect
          label={t('topics.filters.sort')}
          value={filters.sort ?? 'code'}
          onChange={(event) => {
            const sort = topicSorts.find((s) => s === event.currentTarget.value);
            onChange({ sort });
          }}
          data={topicSorts.map((sort) => ({ value: sort, label: t(`topics.sort.${sort}`) }))}
        />
        <Button type="submit" variant="outline">
          {t('topics.filters.search')}
        </Button>
      </Group>
    </form>
  );
}
