// The topics list's filters and sort, and their place in the URL query string (lib/search-params.ts), so
// a filtered list can be bookmarked, shared and restored with the back button. Unknown or malformed
// values are dropped.
import type { ApiItem, ApiQuery } from '@/api/types';
import { topicKinds, topicStatuses } from '@/lib/domain-values';
import { defineSearchParams, definedValues, param, withFallbacks, type SortValue, type ValuesOf } from '@/lib/search-params';

export type Topic = ApiItem<'/api/v1/topics'>;
type TopicsQuery = ApiQuery<'/api/v1/topics'>;

export const topicSortFields = ['code', 'title'] as const;
export type TopicSort = SortValue<(typeof topicSortFields)[number]>;
export const defaultTopicSort: TopicSort = 'code';

export const topicParams = defineSearchParams({
  kind: param.oneOf(topicKinds),
  status: param.oneOf(topicStatuses),
  q: param.text(),
  sort: param.sort(topicSortFields, defaultTopicSort),
});

export type TopicFilters = ValuesOf<typeof topicParams.schema>;

export const filtersFromSearchParams = topicParams.parse;
export const filtersToSearchParams = topicParams.serialize;

/** The API query for some filters, the sort always named (the cursor and page size are added by the request). */
export function filtersToQuery(filters: TopicFilters): TopicsQuery {
  return definedValues(withFallbacks(topicParams, filters));
}
