// The directory's filter bar. Selects apply at once (countries and sectors named, from the shared
// reference data); the search applies when the user presses Enter or the Filter button. The parent keeps
// the values in the URL.
import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { countriesQueryOptions, sectorsQueryOptions } from '@/lib/reference';
import type { FiltersChange } from '@/lib/use-url-filters';
import { useUrlText } from '@/lib/use-url-text';

import { stakeholderParams, type StakeholderFilters } from '../lib/stakeholder-filters';
import { sizeClasses, stakeholderKinds } from '../lib/stakeholder-values';

/** `onChange` gets only what changed, so quick successive changes all apply (lib/use-url-filters.ts). */
type Props = { filters: StakeholderFilters; onChange: (change: FiltersChange<StakeholderFilters>) => void };
type Flag = 'women_led' | 'exporter' | 'importer';

export function StakeholdersFilters({ filters, onChange }: Props) {
  const { t } = useTranslation();
  const sectors = useQuery(sectorsQueryOptions());
  const countries = useQuery(countriesQueryOptions());
  const [q, setQ] = useUrlText(filters.q);

  function submit(event: FormEvent) {
    event.preventDefault();
    onChange({ q: q.trim() || undefined });
  }

  function flagSelect(key: Flag) {
    const value = filters[key];
    return (
      <NativeSelect
        label={t(`stakeholders.filters.${key}`)}
        value={value === undefined ? '' : String(value)}
        onChange={(event) => {
          const v = event.currentTarget.value;
          onChange({ [key]: v === '' ? undefined : v === 'true' });
        }}
        data={[
          { value: '', label: t('stakeholders.filters.any') },
          { value: 'true', label: t('stakeholders.filters.yes') },
          { value: 'false', label: t('stakeholders.filters.no') },
        ]}
      />
    );
  }

  return (
    <form role="search" aria-label={t('stakeholders.filters.label')} onSubmit={submit}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label={t('stakeholders.filters.country')}
          value={filters.country ?? ''}
          onChange={(event) => onChange({ country: event.currentTarget.value || undefined })}
          data={[
            { value: '', label: t('stakeholders.filters.any') },
            ...(countries.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.name} (${c.code})` })),
            // A country in the URL that the list does not offer (yet) still shows as chosen.
            ...(filters.country && !countries.data?.items.some((c) => c.code === filters.country)
              ? [{ value: filters.country, label: filters.country }]
              : []),
          ]}
          w={220}
        />
        <NativeSelect
          label={t('stakeholders.filters.sector')}
          value={filters.sector ?? ''}
          onChange={(event) => onChange({ sector: stakeholderParams.schema.sector.parse(event.currentTarget.value) })}
          data={[
            { value: '', label: t('stakeholders.filters.allSectors') },
            ...(sectors.data?.items ?? []).map((s) => ({ value: s.code, label: `${s.code} — ${s.title}` })),
          ]}
          w={240}
        />
        <NativeSelect
          label={t('stakeholders.filters.size')}
          value={filters.size_class ?? ''}
          onChange={(event) =>
            onChange({ size_class: sizeClasses.find((s) => s === event.currentTarget.value) })
          }
          data={[
            { value: '', label: t('stakeholders.filters.any') },
            ...sizeClasses.map((s) => ({ value: s, label: t(`stakeholders.size.${s}`) })),
          ]}
        />
        <NativeSelect
          label={t('stakeholders.filters.kind')}
          value={filters.kind ?? ''}
          onChange={(event) =>
            onChange({ kind: stakeholderKinds.find((k) => k === event.currentTarget.value) })
          }
          data={[
            { value: '', label: t('stakeholders.filters.any') },
            ...stakeholderKinds.map((k) => ({ value: k, label: t(`stakeholders.kind.${k}`) })),
          ]}
        />
        {flagSelect('women_led')}
        {flagSelect('exporter')}
        {flagSelect('importer')}
        <TextInput
          label={t('stakeholders.filters.q')}
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
          w={200}
        />
        <Button type="submit" variant="outline">
          {t('stakeholders.filters.apply')}
        </Button>
      </Group>
    </form>
  );
}
