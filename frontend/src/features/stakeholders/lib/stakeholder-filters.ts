// The directory's filters, kept in the URL query string so a filtered view can be shared and survives
// reload. Unknown or malformed values are dropped rather than sent to the API.
import type { ApiQuery } from '@/api/types';
import { oneOf } from '@/lib/domain-values';

import { sizeClasses, stakeholderKinds, type SizeClass, type StakeholderKind } from './stakeholder-values';

export type StakeholdersQuery = ApiQuery<'/api/v1/stakeholders'>;

export type StakeholderFilters = {
  country?: string;
  sector?: string;
  size_class?: SizeClass;
  kind?: StakeholderKind;
  women_led?: boolean;
  exporter?: boolean;
  importer?: boolean;
  q?: string;
};

const Q_MAX = 200;
const order = ['country', 'sector', 'size_class', 'kind', 'women_led', 'exporter', 'importer', 'q'] as const;

function flag(value: string | null): boolean | undefined {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

export function filtersFromSearchParams(params: URLSearchParams): StakeholderFilters {
  const filters: StakeholderFilters = {};
  const country = params.get('country')?.trim().toUpperCase();
  if (country && /^[A-Z]{3}$/.test(country)) filters.country = country;
  const sector = params.get('sector')?.trim().toUpperCase();
  if (sector && /^[A-U]$/.test(sector)) filters.sector = sector;
  const size = oneOf(sizeClasses, params.get('size_class'));
  if (size) filters.size_class = size;
  const kind = oneOf(stakeholderKinds, params.get('kind'));
  if (kind) filters.kind = kind;
  for (const key of ['women_led', 'exporter', 'importer'] as const) {
    const value = flag(params.get(key));
    if (value !== undefined) filters[key] = value;
  }
  const q = params.get('q')?.trim().slice(0, Q_MAX);
  if (q) filters.q = q;
  return filters;
}

/** The query string for some filters, in a fixed key order and without empty values. */
export function filtersToSearchParams(filters: StakeholderFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of order) {
    const value = filters[key];
    if (value === undefined || value === '') continue;
    params.set(key, String(value).trim());
  }
  return params;
}

/** The API query for some filters (the list adds the cursor and page size). */
export function filtersToQuery(filters: StakeholderFilters): StakeholdersQuery {
  const query: StakeholdersQuery = {};
  for (const key of order) {
    const value = filters[key];
    if (value !== undefined && value !== '') Object.assign(query, { [key]: value });
  }
  return query;
}
