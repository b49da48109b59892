// The filter bar of the consultation list: the status applies at once, the search when submitted.
import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { FiltersChange } from '@/lib/use-url-filters';
import { useUrlText } from '@/lib/use-url-text';

import { consultationParams, type ConsultationFilters } from '../lib/consultation-filters';
import { consultationStatuses } from '../lib/consultation-values';

import { consultationStatusLabel } from './consultation-labels';

/** `onChange` gets only what changed, so quick successive changes all apply (lib/use-url-filters.ts). */
type ConsultationsFiltersProps = {
  filters: ConsultationFilters;
  onChange: (change: FiltersChange<ConsultationFilters>) => void;
};

export function ConsultationsFilters({ filters, onChange }: ConsultationsFiltersProps) {
  const { t } = useTranslation();
  const [q, setQ] = useUrlText(filters.q);

  function submit(event: FormEvent) {
    event.preventDefault();
    onChange({ q: q.trim() || undefined });
  }

  return (
    <form role="search" aria-label={t('consultations.filters.label')} onSubmit={submit}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label={t('consultations.filters.status')}
          value={filters.status ?? ''}
          onChange={(event) => onChange({ status: consultationParams.schema.status.parse(event.currentTarget.value) })}
          data={[
            { value: '', label: t('consultations.filters.allStatuses') },
            ...consultationStatuses.map((status) => ({ value: status, label: consultationStatusLabel(t, status) })),
          ]}
        />
        <TextInput
          label={t('consultations.filters.q')}
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
          w={260}
        />
        <Button type="submit" variant="outline">
          {t('consultations.filters.apply')}
        </Button>
      </Group>
    </form>
  );
}
