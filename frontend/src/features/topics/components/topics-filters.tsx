// The filter bar of the topics list. Selects apply at once; the text search applies as the user pauses
// typing or presses Enter. The parent keeps the values in the URL; the sort is the table's headers.
import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { topicKinds, topicStatuses } from '@/lib/domain-values';
import type { FiltersChange } from '@/lib/use-url-filters';
import { useUrlText } from '@/lib/use-url-text';

import { topicParams, type TopicFilters } from '../lib/topic-filters';

type TopicsFiltersProps = {
  filters: TopicFilters;
  /** Called with only what changed, so quick successive changes all apply (lib/use-url-filters.ts). */
  onChange: (change: FiltersChange<TopicFilters>, options?: { replace?: boolean }) => void;
};

export function TopicsFilters({ filters, onChange }: TopicsFiltersProps) {
  const { t } = useTranslation();
  const [q, setQ] = useUrlText(filters.q);

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
          onChange={(event) => onChange({ kind: topicParams.schema.kind.parse(event.currentTarget.value) })}
          data={[
            { value: '', label: t('topics.filters.allKinds') },
            ...topicKinds.map((kind) => ({ value: kind, label: t(`topicKind.${kind}`) })),
          ]}
        />
        <NativeSelect
          label={t('topics.filters.status')}
          value={filters.status ?? ''}
          onChange={(event) => onChange({ status: topicParams.schema.status.parse(event.currentTarget.value) })}
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
        <Button type="submit" variant="outline">
          {t('topics.filters.search')}
        </Button>
      </Group>
    </form>
  );
}
