// The list's filters and sort, kept in the URL through the one codec (lib/search-params.ts): status,
// kind, topic, overdue, the analysts' queue and "assigned to me". Unknown values are dropped rather than
// sent to the API.
import type { ApiSort } from '@/api/lists';
import type { ApiQuery } from '@/api/types';
import { defineSearchParams, definedValues, param, withFallbacks, type ValuesOf } from '@/lib/search-params';

import { briefingKinds, briefingStatuses } from './briefing-values';

/** The fields GET /briefing-requests sorts by; latest change first unless the user picks another. */
export const briefingSorts = ['wished_date', 'due_date', 'updated_at', 'priority'] as const;

const TOPIC = /^[A-Z][A-Z0-9-]{0,31}$/;

export const briefingListParams = defineSearchParams({
  status: param.oneOf(briefingStatuses),
  kind: param.oneOf(briefingKinds),
  topic: param.code(TOPIC),
  overdue: param.flag(),
  queue: param.flag(),
  assigned: param.oneOf(['me'] as const),
  sort: param.sort(briefingSorts, '-updated_at'),
});

export type BriefingListFilters = ValuesOf<typeof briefingListParams.schema>;
export type BriefingsQuery = ApiQuery<'/api/v1/briefing-requests'> & {
  sort?: ApiSort<'/api/v1/briefing-requests'>;
};

/** The API query for some filters (the list adds the cursor and page size); the sort is always sent. */
export function briefingListQuery(filters: BriefingListFilters): BriefingsQuery {
  return definedValues(withFallbacks(briefingListParams, filters));
}
