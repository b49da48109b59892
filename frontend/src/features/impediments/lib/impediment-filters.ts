// The impediment list's filters, kept in the URL query string so a filtered view can be shared and
// survives reload. Unknown or malformed values are dropped rather than sent to the API.
import type { ApiQuery } from '@/api/types';
import { oneOf } from '@/lib/domain-values';

import { impedimentStatuses, type ImpedimentStatus } from './impediment-values';

export type ImpedimentsQuery = ApiQuery<'/api/v1/impediments'>;

export type ImpedimentFilters = {
  status?: ImpedimentStatus;
  ntm_chapter?: string;
  partner?: string;
  reporting_country?: string;
  hs?: string;
  severity_min?: number;
  q?: string;
};

const Q_MAX = 200;
const CODE = /^[A-Za-z][A-Za-z0-9-]{0,15}$/;
const HS = /^\d{1,6}$/;

function code(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed && CODE.test(trimmed) ? trimmed.toUpperCase() : undefined;
}

export function filtersFromSearchParams(params: URLSearchParams): ImpedimentFilters {
  const filters: ImpedimentFilters = {};
  const status = oneOf(impedimentStatuses, params.get('status'));
  if (status) filters.status = status;
  const chapter = code(params.get('ntm_chapter'));
  if (chapter) filters.ntm_chapter = chapter;
  const partner = code(params.get('partner'));
  if (partner) filters.partner = partner;
  const reporting = code(params.get('reporting_country'));
  if (reporting) filters.reporting_country = reporting;
  const hs = params.get('hs')?.trim();
  if (hs && HS.test(hs)) filters.hs = hs;
  const severity = Number(params.get('severity_min'));
  if (Number.isInteger(severity) && severity >= 1 && severity <= 5) filters.severity_min = severity;
  const q = params.get('q')?.trim().slice(0, Q_MAX);
  if (q) filters.q = q;
  return filters;
}

const order = ['status', 'ntm_chapter', 'partner', 'reporting_country', 'hs', 'severity_min', 'q'] as const;

/** The query string for some filters, in a fixed key order and without empty values. */
export function filtersToSearchParams(filters: ImpedimentFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of order) {
    const value = filters[key];
    if (value === undefined || value === '') continue;
    params.set(key, String(value).trim());
  }
  return params;
}

/** The API query for some filters (the list adds the cursor and page size). */
export function filtersToQuery(filters: ImpedimentFilters): ImpedimentsQuery {
  const query: ImpedimentsQuery = {};
  for (const key of order) {
    const value = filters[key];
    if (value !== undefined && value !== '') Object.assign(query, { [key]: value });
  }
  return query;
}
