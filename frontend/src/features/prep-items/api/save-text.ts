// POST /api/v1/prep-items/{id}/texts: saves a new version, sent with `If-Match: "<the version the
// editor started from>"` so a newer version saved meanwhile is never overwritten (412).
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { prepItemQueryKey } from './keys';

/** `basedOn` is the version the editor started from; 0 when the item has no text yet. */
export function saveText(id: string, body: string, basedOn: number) {
  return unwrap(
    api.POST('/api/v1/prep-items/{id}/texts', {
      params: { path: { id }, header: { 'If-Match': `"${basedOn}"` } },
      body: { body },
    }),
  );
}

export function useSaveText(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, basedOn }: { body: string; basedOn: number }) => saveText(id, body, basedOn),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: prepItemQueryKey(id) }),
  });
}
