// Delivering a file for a briefing request, in three calls the API already has: create the document
// (POST /documents, retry-safe with an Idempotency-Key), upload the file as its first version (POST
// /documents/{id}/versions, multipart — the server judges the type from the content), attach it (POST
// /briefing-requests/{id}/deliverables). `onStage` reports where it is, for the progress shown.
//
// The document is platform-wide (no delegation: an analyst may own no other) at the visibility the
// request asks for the deliverable. The attach rule (`policy::delegation_reads_owned`) wants a document
// the requesting delegation reads, and a platform-wide document is `regional` or `public` only — so a
// request whose deliverable is to be `delegation`-only cannot be answered by an upload here (it would
// publish the briefing to every delegation): the form says so and offers only attaching a document the
// delegation owns. See `uploadVisibility`.
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';
import { versionForm } from '@/lib/uploads';

import { briefingQueryKey } from './keys';

export type DeliverStage = 'creating' | 'uploading' | 'attaching';

/** The visibility an uploaded deliverable gets, or null when an upload cannot honour the request's. */
export function uploadVisibility(requested: string): 'regional' | 'public' | null {
  return requested === 'regional' || requested === 'public' ? requested : null;
}

export type DeliverFile = {
  file: File;
  visibility: 'regional' | 'public';
  title: string;
  kind: 'briefing_note' | 'regional_update' | 'research_study';
  topicIds: string[];
  idempotencyKey: string;
  /** A document created by an earlier attempt whose upload failed: reused, never created twice. */
  documentId?: string;
  onStage: (stage: DeliverStage, documentId?: string) => void;
};

export async function deliverFile(requestId: string, d: DeliverFile) {
  let documentId = d.documentId;
  if (!documentId) {
    d.onStage('creating');
    const created = await unwrap(
      api.POST('/api/v1/documents', {
        body: { kind: d.kind, title: d.title, summary: '', visibility: d.visibility, topic_ids: d.topicIds },
        headers: { 'Idempotency-Key': d.idempotencyKey },
      }),
    );
    documentId = created.id;
  }
  d.onStage('uploading', documentId);
  await unwrap(
    api.POST('/api/v1/documents/{id}/versions', {
      params: { path: { id: documentId } },
      // openapi-fetch sends FormData as it is; the generated body type describes the form's parts.
      body: versionForm({ file: d.file }) as never,
    }),
  );
  d.onStage('attaching', documentId);
  return unwrap(
    api.POST('/api/v1/briefing-requests/{id}/deliverables', {
      params: { path: { id: requestId } },
      body: { document_id: documentId },
    }),
  );
}

export function useDeliverFile(requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (d: DeliverFile) => deliverFile(requestId, d),
    onSuccess: (list) => {
      queryClient.setQueryData([...briefingQueryKey(requestId), 'deliverables'], list);
      // The library's lists and searches (its query keys all start with `documents`) now hold it.
      return queryClient.invalidateQueries({ queryKey: ['documents'] });
    },
  });
}
