// GET /api/v1/alignment (and .csv): the topics by MSME concern, coverage and evidence for a delegation or
// a coalition (the caller's delegation by default).
import { queryOptions } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';
import { saveBlob } from '@/lib/save-file';

export type AlignmentOwner = { delegation_id?: string; coalition_id?: string };

export const alignmentQueryOptions = (owner: AlignmentOwner) =>
  queryOptions({
    queryKey: ['alignment', owner],
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/alignment', { params: { query: owner }, signal })),
  });

/** The API wants the bearer token, so the CSV is fetched through the client and saved from a blob. */
export async function downloadAlignmentCsv(owner: AlignmentOwner, fileName: string) {
  const blob = await unwrap(api.GET('/api/v1/alignment.csv', { params: { query: owner }, parseAs: 'blob' }));
  saveBlob(blob, fileName);
}
