// The filter bar of the impediment registry. Selects apply at once; the text fields apply when the
// user presses Enter or the Filter button. The parent keeps the values in the URL.
import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { FiltersChange } from '@/lib/use-url-filters';

import { ntmCategoriesQueryOptions } from '../api/get-ntm-categories';
import type { ImpedimentFilters } from '../lib/impediment-filters';
import { impedimentStatuses, severities } from '../lib/impediment-values';

type ImpedimentsFiltersProps = {
  filters: ImpedimentFilters;
  /** Called with only what changed, so quick successive changes all apply (lib/use-url-filters.ts). */
  onChange: (change: FiltersChange<ImpedimentFilters>) => void;
};

type TextFilters = Pick<ImpedimentFilters, 'partner' | 'reporting_country' | 'hs' | 'q'>;

function textOf(filters: ImpedimentFilters): Required<{ [K in keyof TextFilters]: string }> {
  return {
    partner: filters.partner ?? '',
    reporting_country: filters.reporting_country ?? '',
    hs: filters.hs ?? '',
    q: filters.q ?? '',
  };
}

export function ImpedimentsFilters({ filters, onChange }: ImpedimentsFiltersProps) {
  const { t } = useTranslation();
  const categories = useQuery(ntmCategoriesQueryOptions());
  const [text, setText] = useState(() => textOf(filters));
  // When the URL changes from outside (back button, a link), show its values.
  const [shown, setShown] = useState(filters);
  if (shown !== filters && JSON.stringify(shown) !== JSON.stringify(filters)) {
    setShown(filters);
    setText(textOf(filters));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    onChange({
      partner: text.partner.trim().toUpperCase() || undefined,
      reporting_country: text.reporting_country.trim().toUpperCase() || undefined,
      hs: text.hs.trim() || undefined,
      q: text.q.trim() || undefined,
    });
  }

  function textInput(key: keyof TextFilters, label: string, width: number) {
    return (
      <TextInput
        label={label}
        value={text[key]}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setText((current) => ({ ...current, [key]: value }));
        }}
        w={width}
      />
    );
  }

  return (
    <form role="search" aria-label={t('impediments.filters.label')} onSubmit={submit}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label={t('impediments.filters.status')}
          value={filters.status ?? ''}
          onChange={(event) => {
            const status = impedimentStatuses.find((s) => s === event.currentTarget.value);
            onChange({ status });
          }}
          data={[
            { value: '', label: t('impediments.filters.allStatuses') },
            ...impedimentStatuses.map((status) => ({ value: status, label: t(`impediments.status.${status}`) })),
          ]}
        />
        <NativeSelect
          label={t('impediments.filters.chapter')}
          value={filters.ntm_chapter ?? ''}
          onChange={(event) => onChange({ ntm_chapter: event.currentTarget.value || undefined })}
          data={[
            { value: '', label: t('impediments.filters.allChapters') },
            ...(categories.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.code} — ${c.title}` })),
          ]}
          w={260}
        />
        {textInput('partner', t('impediments.filters.partner'), 120)}
        {textInput('reporting_country', t('impediments.filters.reportingCountry'), 140)}
        {textInput('hs', t('impediments.filters.hs'), 110)}
        <NativeSelect
          label={t('impediments.filters.severityMin')}
          value={filters.severity_min ? String(filters.severity_min) : ''}
          onChange={(event) => {
            const value = Number(event.currentTarget.value);
            onChange({ severity_min: value >= 1 && value <= 5 ? value : undefined });
          }}
          data={[
            { value: '', label: t('impediments.filters.anySeverity') },
            ...severities.map((s) => ({ value: String(s), label: t(`impediments.severity.${s}`) })),
          ]}
        />
        {textInput('q', t('impediments.filters.q'), 200)}
        <Button type="submit" variant="outline">
          {t('impediments.filters.apply')}
        </Button>
      </Group>
    </form>
  );
}
