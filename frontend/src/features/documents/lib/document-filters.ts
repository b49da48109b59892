// The library list's filters and sort, kept in the URL query string through the one codec
// (lib/search-params.ts), so a filtered, sorted list can be shared and survives reload.
import type { ApiSort } from '@/api/lists';
import type { ApiQuery } from '@/api/types';
import { defineSearchParams, definedValues, param, withFallbacks, type ValuesOf } from '@/lib/search-params';

import { documentKinds } from './document-values';

export const documentSorts = ['updated_at', 'created_at', 'title', 'kind'] as const;

const TOPIC = /^[A-Z][A-Z0-9-]{0,31}$/;

export const documentListParams = defineSearchParams({
  kind: param.oneOf(documentKinds),
  topic: param.code(TOPIC),
  q: param.text(),
  sort: param.sort(documentSorts, '-updated_at'),
});

export type DocumentListFilters = ValuesOf<typeof documentListParams.schema>;
export type DocumentsQuery = ApiQuery<'/api/v1/documents'> & { sort?: ApiSort<'/api/v1/documents'> };

export function documentListQuery(filters: DocumentListFilters): DocumentsQuery {
  return definedValues(withFallbacks(documentListParams, filters));
}
