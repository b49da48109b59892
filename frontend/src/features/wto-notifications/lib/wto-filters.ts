// The WTO notification list's filters and sort, kept in the URL through the one codec
// (lib/search-params.ts): agreement, notifying member, open comment period, HS prefix. Unknown values
// are dropped rather than sent to the API.
import type { ApiSort } from '@/api/lists';
import type { ApiQuery } from '@/api/types';
import { defineSearchParams, definedValues, param, withFallbacks, type ValuesOf } from '@/lib/search-params';

export const wtoAgreements = ['sps', 'tbt'] as const;
export const wtoSorts = ['distributed_on', 'comment_deadline', 'symbol'] as const;

/** A member: an ISO alpha-3 code or a two- or three-letter group (`EU`). */
const MEMBER = /^[A-Z]{2,3}$/;
/** An HS prefix, as the API takes it: 2 to 6 digits. */
const HS = /^\d{2,6}$/;

export const wtoListParams = defineSearchParams({
  agreement: param.oneOf(wtoAgreements),
  member: param.code(MEMBER),
  open: param.flag(),
  hs: param.code(HS),
  sort: param.sort(wtoSorts, '-distributed_on'),
});

export type WtoListFilters = ValuesOf<typeof wtoListParams.schema>;
type WtoQuery = ApiQuery<'/api/v1/wto-notifications'> & { sort?: ApiSort<'/api/v1/wto-notifications'> };

/** The API query for some filters (the list adds the cursor and page size); the sort is always sent. */
export function wtoListQuery(filters: WtoListFilters): WtoQuery {
  return definedValues(withFallbacks(wtoListParams, filters));
}
