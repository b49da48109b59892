// The filters a printed results page was read under, as one line of text: on paper there are no
// controls to look at, and a reader must know which respondents the numbers count. Countries and
// sectors read as the filters bar shows them (lib/reference).
import type { TFunction } from 'i18next';

import type { Names } from '@/lib/reference';

import type { ResultsFilters } from '../../lib/results-filters';

/** The dates the server used when it rounded a date filter (`null`: unbounded). */
export type AppliedDates = { from: string | null; to: string | null } | null;

/** "Filters: Country: Bangladesh (BGD) · Submitted from: 1 Mar 2025", or that there are none. */
export function filtersLine(
  t: TFunction,
  lang: string,
  names: Pick<Names, 'country' | 'sector'>,
  filters: ResultsFilters,
  applied: AppliedDates = null,
): string {
  // A day as the filters bar writes it: the date the reader picked, in UTC so it is not shifted.
  const day = (iso: string) =>
    new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  const label = (key: 'country' | 'sector' | 'size' | 'womenLed' | 'from' | 'to', value: string) =>
    `${t(`consultations.results.filters.${key}`)}: ${value}`;

  const parts: string[] = [];
  if (filters.country) parts.push(label('country', names.country(filters.country)));
  if (filters.sector) parts.push(label('sector', names.sector(filters.sector)));
  if (filters.size_class) parts.push(label('size', t(`consultations.size.${filters.size_class}`)));
  if (filters.women_led !== undefined) {
    parts.push(label('womenLed', t(`consultations.womenLed.${filters.women_led ? 'true' : 'false'}`)));
  }
  if (filters.from) parts.push(label('from', day(filters.from)));
  if (filters.to) parts.push(label('to', day(filters.to)));
  if (applied) {
    parts.push(
      t('consultations.results.print.datesUsed', {
        from: applied.from ? day(applied.from) : t('consultations.results.filters.fromStart'),
        to: applied.to ? day(applied.to) : t('consultations.results.filters.toNow'),
      }),
    );
  }
  return parts.length === 0
    ? t('consultations.results.print.noFilters')
    : t('consultations.results.print.filters', { filters: parts.join(' · ') });
}
