// GET /api/v1/documents/{id}/versions/{number}/download, saved under the version's file name.
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';
import { saveBlob } from '@/lib/save-file';

export async function downloadVersion(id: string, number: number, fileName: string) {
  const blob = await unwrap(
    api.GET('/api/v1/documents/{id}/versions/{number}/download', {
      params: { path: { id, number } },
      parseAs: 'blob',
    }),
  );
  saveBlob(blob as Blob, fileName);
}
