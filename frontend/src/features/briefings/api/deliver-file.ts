// Delivering a file for a briefing request, in two calls: file a new document under the requesting
// delegation as the request's deliverable (POST /briefing-requests/{id}/deliverable-documents: of the
// request's kind, on its topics, at its visibility, attached in the same step; retry-safe with an
// Idempotency-Key), then upload the file as its first version (POST /documents/{id}/versions, multipart —
// the server judges the type from the content). The assigned analyst may upload there while the work is
// open (`policy::can_change_document`), so a `delegation`-only request gets a deliverable only that
// delegation reads. `onStage` reports where it is, for the progress shown.
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';
import { versionForm } from '@/lib/uploads';

import { briefingQueryKey } from './keys';

export type DeliverStage = 'creating' | 'uploading';

export type DeliverFile = {
  file: File;
  title: string;
  idempotencyKey: string;
  /** A document filed by an earlier attempt whose upload failed: reused, never filed twice. */
  documentId?: string;
  onStage: (stage: DeliverStage, documentId?: string) => void;
};

export async function deliverFile(requestId: string, d: DeliverFile) {
  let documentId = d.documentId;
  if (!documentId) {
    d.onStage('creating');
    const filed = await unwrap(
      api.POST('/api/v1/briefing-requests/{id}/deliverable-documents', {
        params: { path: { id: requestId } },
        body: { title: d.title },
        headers: { 'Idempotency-Key': d.idempotencyKey },
      }),
    );
    documentId = filed.id;
  }
  d.onStage('uploading', documentId);
  return unwrap(
    api.POST('/api/v1/documents/{id}/versions', {
      params: { path: { id: documentId } },
      // openapi-fetch sends FormData as it is; the generated body type describes the form's parts.
      body: versionForm({ file: d.file }) as never,
    }),
  );
}

export function useDeliverFile(requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (d: DeliverFile) => deliverFile(requestId, d),
    onSettled: () =>
      Promise.all([
        // The deliverable is attached as soon as it is filed, even when the upload then fails.
        queryClient.invalidateQueries({ queryKey: [...briefingQueryKey(requestId), 'deliverables'] }),
        // The library's lists and searches (their query keys all start with `documents`) now hold it.
        queryClient.invalidateQueries({ queryKey: ['documents'] }),
      ]),
  });
}
