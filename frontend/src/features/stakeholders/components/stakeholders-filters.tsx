// The directory's filter bar. Selects apply at once; the text fields apply when the user presses
// Enter or the Filter button. The parent keeps the values in the URL.
import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { FiltersChange } from '@/lib/use-url-filters';

import { sectorsQueryOptions } from '../api/get-reference';
import type { StakeholderFilters } from '../lib/stakeholder-filters';
import { sizeClasses, stakeholderKinds } from '../lib/stakeholder-values';

/** `onChange` gets only what changed, so quick successive changes all apply (lib/use-url-filters.ts). */
type Props = { filters: StakeholderFilters; onChange: (change: FiltersChange<StakeholderFilters>) => void };
type Flag = 'women_led' | 'exporter' | 'importer';

export function StakeholdersFilters({ filters, onChange }: Props) {
  const { t } = useTranslation();
  const sectors = useQuery(sectorsQueryOptions());
  const [text, setText] = useState({ country: filters.country ?? '', q: filters.q ?? '' });
  // When the URL changes from outside (back button, a link), show its values.
  const [shown, setShown] = useState(filters);
  if (shown !== filters && JSON.stringify(shown) !== JSON.stringify(filters)) {
    setShown(filters);
    setText({ country: filters.country ?? '', q: filters.q ?? '' });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    onChange({ country: text.country.trim().toUpperCase() || undefined, q: text.q.trim() || undefined });
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
        <TextInput
          label={t('stakeholders.filters.country')}
          value={text.country}
          onChange={(event) => {
            const country = event.currentTarget.value;
            setText((current) => ({ ...current, country }));
          }}
          w={110}
        />
        <NativeSelect
          label={t('stakeholders.filters.sector')}
          value={filters.sector ?? ''}
          onChange={(event) => onChange({ sector: event.currentTarget.value || undefined })}
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
          value={text.q}
          onChange={(event) => {
            const q = event.currentTarget.value;
            setText((current) => ({ ...current, q }));
          }}
          w={200}
        />
        <Button type="submit" variant="outline">
          {t('stakeholders.filters.apply')}
        </Button>
      </Group>
    </form>
  );
}
