// The consultation list's filters (status, words in the title), kept in the URL query string so a
// filtered view can be shared and survives reload. Unknown or malformed values are dropped.
import { oneOf } from '@/lib/domain-values';

import { consultationStatuses, type ConsultationStatus } from './consultation-values';

export type ConsultationFilters = { status?: ConsultationStatus; q?: string };

const Q_MAX = 200;

export function filtersFromSearchParams(params: URLSearchParams): ConsultationFilters {
  const filters: ConsultationFilters = {};
  const status = oneOf(consultationStatuses, params.get('status'));
  if (status) filters.status = status;
  const q = params.get('q')?.trim().slice(0, Q_MAX);
  if (q) filters.q = q;
  return filters;
}

export function filtersToSearchParams(filters: ConsultationFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.q?.trim()) params.set('q', filters.q.trim());
  return params;
}
