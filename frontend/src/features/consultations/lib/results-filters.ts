// The results page's respondent filters (country, sector, size class, women-led, submitted from/to),
// kept in the URL so a filtered view can be shared. The same filters go to results, cross-tab, text
// answers and the CSV exports. Unknown or malformed values are dropped rather than sent.
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
