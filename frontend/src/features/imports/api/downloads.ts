// The files an import page offers: the templates and an import's report as CSV. They need the signed-in
// credential, so they are fetched through the API client and saved from a blob, not linked directly.
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';
import { saveBlob } from '@/lib/save-file';

import type { ImportKind } from '../lib/import-values';

export type TemplateFormat = 'csv' | 'xlsx';

// issue 11: response imports — a consultation's template (`consultation_responses`) names it.
export async function downloadTemplate(kind: ImportKind, format: TemplateFormat, consultationId?: string) {
  const file = `${kind}.${format}`;
  const query = consultationId ? { consultation_id: consultationId } : {};
  const blob = await unwrap(
    api.GET('/api/v1/imports/templates/{file}', { params: { path: { file }, query }, parseAs: 'blob' }),
  );
  saveBlob(blob as Blob, `${kind}-import-template.${format}`);
}

export async function downloadReport(id: string) {
  const blob = await unwrap(api.GET('/api/v1/imports/{id}/report.csv', { params: { path: { id } }, parseAs: 'blob' }));
  saveBlob(blob as Blob, `import-${id}-report.csv`);
}
