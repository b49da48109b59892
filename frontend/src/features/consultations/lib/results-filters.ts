// The results page's respondent filters (country, sector, size class, women-led, submitted from/to),
// kept in the URL so a filtered view can be shared. The same filters go to results and the CSV export;
// for anyone but admins, one at a time (the server refuses combinations: docs/consultations.md), none
// on cross-tabs, and dates only on text answers outside the consultation's owners. Unknown or
// malformed values are dropped rather than sent.
import type { ApiQuery } from '@/api/types';
import { defineSearchParams, param, type ValuesOf } from '@/lib/search-params';

export const sizeClasses = ['micro', 'small', 'medium'] as const;
export const crosstabDimensions = ['country', 'sector', 'size_class', 'women_led'] as const;
export type CrosstabDimension = (typeof crosstabDimensions)[number];

type Sector = NonNullable<ApiQuery<'/api/v1/consultations/{id}/results'>['sector']>;

/** The filters' place in the URL (lib/search-params.ts); the order is the query string's. */
export const resultsFiltersCodec = defineSearchParams({
  country: param.code(/^[A-Z]{3}$/),
  sector: param.code<Sector>(/^[A-U]$/),
  size_class: param.oneOf(sizeClasses),
  women_led: param.flag(),
  from: param.date(),
  to: param.date(),
});

export type ResultsFilters = ValuesOf<typeof resultsFiltersCodec.schema>;

const order = Object.keys(resultsFiltersCodec.schema) as (keyof ResultsFilters)[];

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
