// The topics list's filters and their place in the URL query string, so a filtered list can be
// bookmarked, shared and restored with the back button. Unknown or malformed values are dropped.
import type { ApiItem, ApiQuery } from '@/api/types';
import { oneOf, topicKinds, topicStatuses, type TopicKind, type TopicStatus } from '@/lib/domain-values';

export type Topic = ApiItem<'/api/v1/topics'>;
type TopicsQuery = ApiQuery<'/api/v1/topics'>;

export const topicSorts = ['code', '-code', 'title', '-title'] as const;
export type TopicSort = (typeof topicSorts)[number];
export const defaultTopicSort: TopicSort = 'code';

export type TopicFilters = {
  kind?: TopicKind;
  status?: TopicStatus;
  q?: string;
  sort?: TopicSort;
};

const Q_MAX = 200;

export function filtersFromSearchParams(params: URLSearchParams): TopicFilters {
  const filters: TopicFilters = {};
  const kind = oneOf(topicKinds, params.get('kind'));
  const status = oneOf(topicStatuses, params.get('status'));
  const sort = oneOf(topicSorts, params.get('sort'));
  const q = params.get('q')?.trim().slice(0, Q_MAX);
  if (kind) filters.kind = kind;
  if (status) filters.status = status;
  if (q) filters.q = q;
  if (sort && sort !== defaultTopicSort) filters.sort = sort;
  return filters;
}

/** The query string for some filters, in a fixed key order and without empty or default values. */
export function filtersToSearchParams(filters: TopicFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.status) params.set('status', filters.status);
  const q = filters.q?.trim();
  if (q) params.set('q', q.slice(0, Q_MAX));
  if (filters.sort && filters.sort !== defaultTopicSort) params.set('sort', filters.sort);
  return params;
}

/** The API query for some filters (the cursor and page size are added by the request). */
export function filtersToQuery(filters: TopicFilters): TopicsQuery {
  const query: TopicsQuery = { sort: filters.sort ?? defaultTopicSort };
  if (filters.kind) query.kind = filters.kind;
  if (filters.status) query.status = filters.status;
  if (filters.q) query.q = filters.q;
  return query;
}
