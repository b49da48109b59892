// GET /api/v1/consultations/{id}/results.csv and /responses.csv. The API wants the bearer token, so a
// plain link cannot fetch them: the file is fetched through the authenticated client and saved from a
// blob URL.
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';
import { saveBlob } from '@/lib/save-file';

import type { ResultsFilters } from '../lib/results-filters';

export type CsvExport = 'results' | 'responses';

// The responses export takes no filters: it is every response, anonymised.
function fetchCsv(id: string, kind: CsvExport, filters: ResultsFilters): Promise<Blob> {
  return kind === 'results'
    ? unwrap(
        api.GET('/api/v1/consultations/{id}/results.csv', {
          params: { path: { id }, query: filters },
          parseAs: 'blob',
        }),
      )
    : unwrap(api.GET('/api/v1/consultations/{id}/responses.csv', { params: { path: { id } }, parseAs: 'blob' }));
}

export async function downloadCsv(id: string, kind: CsvExport, filters: ResultsFilters, fileStem: string) {
  const blob = await fetchCsv(id, kind, filters);
  saveBlob(blob, `${fileStem}-${kind}.csv`);
}
