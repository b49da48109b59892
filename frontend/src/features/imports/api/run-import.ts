// POST /api/v1/imports/{kind}: the file itself is the body, its format named both by
// `Content-Type` and `?format=` (from the extension). No Idempotency-Key: the server keeps no replay of
// imports (it would have to buffer the file), and a repeat is harmless — a dry run writes nothing, an
// insert refuses rows whose external id exists, an upsert changes the same records again.
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { CONTENT_TYPES, type ImportFormat, type ImportKind, type ImportMode, type OnError } from '../lib/import-values';

import { importQueryKey } from './keys';

export type ImportRequest = {
  kind: ImportKind;
  file: Blob;
  format: ImportFormat;
  dryRun: boolean;
  mode: ImportMode;
  onError: OnError;
  // issue 11: response imports
  /** `consultation_responses`: the consultation the answers are for (the server refuses it for other kinds). */
  consultationId?: string;
  /** `consultation_responses`: the delegation that owns it. A member's is their own (the default); an admin
   * imports for the consultation's delegation, which the server requires them to name. */
  delegationId?: string;
};

export function runImport({ kind, file, format, dryRun, mode, onError, consultationId, delegationId }: ImportRequest) {
  const init = {
    params: { query: { format, dry_run: dryRun, mode, on_error: onError } },
    // openapi-fetch would JSON-encode the body; the file goes as it is.
    body: file as never,
    bodySerializer: (body: unknown) => body as BodyInit,
    headers: { 'Content-Type': CONTENT_TYPES[format] },
  };
  // A large file answers 202 with the import queued: the same body, followed by polling its page.
  switch (kind) {
    case 'stakeholders':
      return unwrap(api.POST('/api/v1/imports/stakeholders', init));
    case 'impediments':
      return unwrap(api.POST('/api/v1/imports/impediments', init));
    case 'topics':
      return unwrap(api.POST('/api/v1/imports/topics', init));
    case 'prep_items':
      return unwrap(api.POST('/api/v1/imports/prep_items', init));
    // issue 11: response imports
    case 'consultation_responses':
      return unwrap(
        api.POST('/api/v1/imports/consultation_responses', {
          ...init,
          params: { query: { ...init.params.query, consultation_id: consultationId, delegation_id: delegationId } },
        }),
      );
    // issue 11: wto notifications
    case 'wto_notifications':
      return unwrap(api.POST('/api/v1/imports/wto_notifications', init));
  }
}

export function useRunImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runImport,
    onSuccess: (done) => queryClient.setQueryData(importQueryKey(done.id), done),
  });
}
