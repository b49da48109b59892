// The results page's respondent filters (country, sector, size class, women-led, submitted from/to),
// kept in the URL so a filtered view can be shared. The same filters go to results and the CSV export;
// for anyone but admins, one at a time (the server refuses combinations: docs/consultations.md), none
// on cross-tabs, and dates only on text answers outside the consultation's owners. Unknown or
// malformed values are dropped rather than sent.
import type { ApiQuery } from '@/api/types';
import { oneOf } from '@/lib/domain-values';

export const sizeClasses = ['micro', 'small', 'medium'] as const;
export const crosstabDimensions = ['country', 'sector', 'size_class', 'women_led'] as const;
export type CrosstabDimension = (typeof crosstabDimensions)[number];

type Sector = NonNullable<ApiQuery<'/api/v1/consultations/{id}/results'>['sector']>;

export type ResultsFilters = {
  country?: string;
  sector?: Sector;
  size_class?: (typeof sizeClasses)[number];
  women_led?: boolean;
  from?: string;
  to?: string;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function resultsFiltersFromSearchParams(params: URLSearchParams): ResultsFilters {
  const filters: ResultsFilters = {};
  const country = params.get('country')?.trim().toUpperCase();
  if (country && /^[A-Z]{3}$/.test(country)) filters.country = country;
  const sector = params.get('sector')?.trim().toUpperCase();
  if (sector && /^[A-U]$/.test(sector)) filters.sector = sector as Sector;
  const size = oneOf(sizeClasses, params.get('size_class'));
  if (size) filters.size_class = size;
  const womenLed = params.get('women_led');
  if (womenLed === 'true' || womenLed === 'false') filters.women_led = womenLed === 'true';
  const from = params.get('from');
  if (from && DATE.test(from)) filters.from = from;
  const to = params.get('to');
  if (to && DATE.test(to)) filters.to = to;
  return filters;
}

const order = ['country', 'sector', 'size_class', 'women_led', 'from', 'to'] as const;

export function resultsFiltersToSearchParams(filters: ResultsFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of order) {
    const value = filters[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params;
}

/** Whether any respondent filter is set (which turns every count into a breakdown cell). */
export function isFiltered(filters: ResultsFilters): boolean {
  return order.some((key) => filters[key] !== undefined);
}

const profileKeys = ['country', 'sector', 'size_class', 'women_led'] as const;
const noProfile = { country: undefined, sector: undefined, size_class: undefined, women_led: undefined };

/** Whether a profile filter (country, sector, size, women-led) is set. */
export function hasProfileFilter(filters: ResultsFilters): boolean {
  return profileKeys.some((key) => filters[key] !== undefined);
}

/** Whether a date filter is set. */
export function hasDates(filters: ResultsFilters): boolean {
  return filters.from !== undefined || filters.to !== undefined;
}

/**
 * A change as it applies when one filter applies at a time: setting a profile filter clears the other
 * filters and the dates; setting a date clears the profile filters. Clearing changes nothing else.
 */
export function oneAtATime(change: Partial<ResultsFilters>): Partial<ResultsFilters> {
  const profile = profileKeys.find((key) => change[key] !== undefined);
  if (profile) return { ...noProfile, from: undefined, to: undefined, [profile]: change[profile] };
  if (change.from !== undefined || change.to !== undefined) return { ...change, ...noProfile };
  return change;
}

/**
 * The filters a reader who is not an admin can send, from any URL (one an admin shared may combine
 * several): the first profile filter set, else the dates.
 */
export function firstFilterOnly(filters: ResultsFilters): ResultsFilters {
  const profile = profileKeys.find((key) => filters[key] !== undefined);
  if (profile) return { [profile]: filters[profile] };
  return datesOnly(filters);
}

/** Only the dates of the filters (text answers outside the owners are filtered by date only). */
export function datesOnly(filters: ResultsFilters): ResultsFilters {
  const dates: ResultsFilters = {};
  if (filters.from !== undefined) dates.from = filters.from;
  if (filters.to !== undefined) dates.to = filters.to;
  return dates;
}
