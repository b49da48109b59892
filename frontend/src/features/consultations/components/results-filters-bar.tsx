// The respondent filters of the results page (country, sector, size, women-led, submitted from/to).
// Each applies at once; the parent keeps them in the URL. For readers who are not admins it says that
// one filter applies at a time (the parent clears the others) and which dates the server used, since
// it rounds them to whole periods. Countries and sectors are named from the shared reference data, as
// on every other page; the options stay the codes a respondent can give.
import { Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { oneOf } from '@/lib/domain-values';
import { useNames } from '@/lib/reference';
import type { FiltersChange } from '@/lib/use-url-filters';

import { isFiltered, resultsFiltersCodec, sizeClasses, type ResultsFilters } from '../lib/results-filters';
import { isicSections, respondentCountries } from '../lib/results-values';

/** `onChange` gets only what changed, so quick successive changes all apply (lib/use-url-filters.ts). */
type ResultsFiltersBarProps = {
  filters: ResultsFilters;
  onChange: (change: FiltersChange<ResultsFilters>) => void;
  /** One filter at a time, dates rounded: say so (readers who are not admins). */
  oneAtATime?: boolean;
  k?: number;
  /** The dates the results used (`null`: unbounded), when a date filter is set and was rounded. */
  applied?: { from: string | null; to: string | null } | null;
};

export function ResultsFiltersBar({ filters, onChange, oneAtATime = false, k, applied }: ResultsFiltersBarProps) {
  const { t, i18n } = useTranslation();
  const names = useNames(['country', 'sector']);
  const any = t('consultations.results.filters.any');
  const date = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);
  // A day the server sent (UTC), in the reader's language.
  const day = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

  return (
    <form
      role="search"
      aria-label={t('consultations.results.filters.label')}
      onSubmit={(e) => e.preventDefault()}
      // On paper the controls say nothing; the results page prints the filters as a line of text.
      data-print="hide"
    >
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label={t('consultations.results.filters.country')}
          value={filters.country ?? ''}
          onChange={(e) => onChange({ country: e.currentTarget.value || undefined })}
          data={[
            { value: '', label: any },
            ...respondentCountries
              .map((code) => ({ value: code, label: names.country(code) }))
              .sort((a, b) => a.label.localeCompare(b.label, i18n.language)),
          ]}
        />
        <NativeSelect
          label={t('consultations.results.filters.sector')}
          value={filters.sector ?? ''}
          onChange={(e) => onChange({ sector: resultsFiltersCodec.schema.sector.parse(e.currentTarget.value) })}
          data={[{ value: '', label: any }, ...isicSections.map((s) => ({ value: s, label: names.sector(s) }))]}
          w={260}
        />
        <NativeSelect
          label={t('consultations.results.filters.size')}
          value={filters.size_class ?? ''}
          onChange={(e) => onChange({ size_class: oneOf(sizeClasses, e.currentTarget.value) })}
          data={[
            { value: '', label: any },
            ...sizeClasses.map((s) => ({ value: s, label: t(`consultations.size.${s}`) })),
          ]}
        />
        <NativeSelect
          label={t('consultations.results.filters.womenLed')}
          value={filters.women_led === undefined ? '' : String(filters.women_led)}
          onChange={(e) => {
            const v = e.currentTarget.value;
            onChange({ women_led: v === '' ? undefined : v === 'true' });
          }}
          data={[
            { value: '', label: any },
            { value: 'true', label: t('consultations.womenLed.true') },
            { value: 'false', label: t('consultations.womenLed.false') },
          ]}
        />
        <TextInput
          type="date"
          label={t('consultations.results.filters.from')}
          value={filters.from ?? ''}
          onChange={(e) => onChange({ from: date(e.currentTarget.value) })}
        />
        <TextInput
          type="date"
          label={t('consultations.results.filters.to')}
          value={filters.to ?? ''}
          onChange={(e) => onChange({ to: date(e.currentTarget.value) })}
        />
        {isFiltered(filters) ? (
          <Button variant="subtle" onClick={() => onChange(() => ({}))}>
            {t('consultations.results.filters.clear')}
          </Button>
        ) : null}
      </Group>
      {oneAtATime ? (
        <Stack gap={2} mt="xs">
          <Text size="sm" c="dimmed">
            {t('consultations.results.filters.oneAtATime')}
            {k === undefined ? null : ` ${t('consultations.results.filters.datesRounded', { k })}`}
          </Text>
          {applied ? (
            <Text size="sm" role="status" data-testid="results-dates-used">
              {t('consultations.results.filters.datesUsed', {
                from: applied.from ? day(applied.from) : t('consultations.results.filters.fromStart'),
                to: applied.to ? day(applied.to) : t('consultations.results.filters.toNow'),
              })}
            </Text>
          ) : null}
        </Stack>
      ) : null}
    </form>
  );
}
