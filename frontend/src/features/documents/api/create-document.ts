// POST /api/v1/documents: a new document (metadata and an optional Markdown first version).
import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApiRequestBody } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { documentsQueryKey } from './keys';

export type CreateDocumentInput = ApiRequestBody<'/api/v1/documents'>;

/** `idempotencyKey` is fixed per submission, so a retried request cannot create the document twice. */
export function useCreateDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateDocumentInput; idempotencyKey: string }) =>
      unwrap(api.POST('/api/v1/documents', { body, headers: { 'Idempotency-Key': idempotencyKey } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentsQueryKey }),
  });
}
