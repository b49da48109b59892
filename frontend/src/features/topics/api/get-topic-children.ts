// GET /api/v1/topics?parent=…: the topics directly under one topic (a handful, so one page).
import { queryOptions } from '@tanstack/react-query';

import { getTopics } from './get-topics';

export const topicChildrenQueryOptions = (parentId: string) =>
  queryOptions({
    queryKey: ['topics', 'children', parentId],
    queryFn: ({ signal }) => getTopics({ parent: parentId, sort: 'code', limit: 200 }, signal),
  });
