// The filter bar of the impediment registry. Selects apply at once — NTM chapters, partner markets and
// reporting countries named from the shared reference data; the HS code and the search apply when the
// user presses Enter or the Filter button. The parent keeps the values in the URL.
import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { countriesQueryOptions, ntmCategoriesQueryOptions, partnerGroupName, partnerGroups } from '@/lib/reference';
import type { FiltersChange } from '@/lib/use-url-filters';
import { useUrlText } from '@/lib/use-url-text';

import { impedimentParams, type ImpedimentFilters } from '../lib/impediment-filters';
import { impedimentStatuses, severities } from '../lib/impediment-values';

type ImpedimentsFiltersProps = {
  filters: ImpedimentFilters;
  /** Called with only what changed, so quick successive changes all apply (lib/use-url-filters.ts). */
  onChange: (change: FiltersChange<ImpedimentFilters>) => void;
};

type Choice = { value: string; label: string };

/** The choices, plus the URL's value when the list does not offer it (yet), so it still shows as chosen. */
function withCurrent(choices: Choice[], current: string | undefined): Choice[] {
  return current && !choices.some((c) => c.value === current) ? [...choices, { value: current, label: current }] : choices;
}

export function ImpedimentsFilters({ filters, onChange }: ImpedimentsFiltersProps) {
  const { t } = useTranslation();
  const categories = useQuery(ntmCategoriesQueryOptions());
  const countries = useQuery(countriesQueryOptions());
  const [hs, setHs] = useUrlText(filters.hs);
  const [q, setQ] = useUrlText(filters.q);
  const schema = impedimentParams.schema;
  const countryChoices = (countries.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }));

  function submit(event: FormEvent) {
    event.preventDefault();
    onChange({ hs: schema.hs.parse(hs), q: schema.q.parse(q) });
  }

  return (
    <form role="search" aria-label={t('impediments.filters.label')} onSubmit={submit}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label={t('impediments.filters.status')}
          value={filters.status ?? ''}
          onChange={(event) => onChange({ status: schema.status.parse(event.currentTarget.value) })}
          data={[
            { value: '', label: t('impediments.filters.allStatuses') },
            ...impedimentStatuses.map((status) => ({ value: status, label: t(`impediments.status.${status}`) })),
          ]}
        />
        <NativeSelect
          label={t('impediments.filters.chapter')}
          value={filters.ntm_chapter ?? ''}
          onChange={(event) => onChange({ ntm_chapter: schema.ntm_chapter.parse(event.currentTarget.value) })}
          data={[
            { value: '', label: t('impediments.filters.allChapters') },
            ...withCurrent(
              (categories.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.code} — ${c.title}` })),
              filters.ntm_chapter,
            ),
          ]}
          w={260}
        />
        <NativeSelect
          label={t('impediments.filters.partner')}
          value={filters.partner ?? ''}
          onChange={(event) => onChange({ partner: schema.partner.parse(event.currentTarget.value) })}
          data={[
            { value: '', label: t('impediments.filters.anyPartner') },
            {
              group: t('impediments.form.partnerGroups'),
              items: partnerGroups.map((g) => ({ value: g, label: `${partnerGroupName(t, g)} (${g})` })),
            },
            { group: t('impediments.form.partnerCountries'), items: withCurrent(countryChoices, filters.partner) },
          ]}
          w={220}
        />
        <NativeSelect
          label={t('impediments.filters.reportingCountry')}
          value={filters.reporting_country ?? ''}
          onChange={(event) => onChange({ reporting_country: schema.reporting_country.parse(event.currentTarget.value) })}
          data={[
            { value: '', label: t('impediments.filters.anyCountry') },
            ...withCurrent(countryChoices, filters.reporting_country),
          ]}
          w={220}
        />
        <TextInput
          label={t('impediments.filters.hs')}
          value={hs}
          onChange={(event) => setHs(event.currentTarget.value)}
          w={110}
        />
        <NativeSelect
          label={t('impediments.filters.severityMin')}
          value={filters.severity_min ? String(filters.severity_min) : ''}
          onChange={(event) => onChange({ severity_min: schema.severity_min.parse(event.currentTarget.value) })}
          data={[
            { value: '', label: t('impediments.filters.anySeverity') },
            ...severities.map((s) => ({ value: String(s), label: t(`impediments.severity.${s}`) })),
          ]}
        />
        <TextInput
          label={t('impediments.filters.q')}
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
          w={200}
        />
        <Button type="submit" variant="outline">
          {t('impediments.filters.apply')}
        </Button>
      </Group>
    </form>
  );
}
