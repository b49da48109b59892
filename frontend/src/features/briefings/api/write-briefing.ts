// The writes on briefing requests: ask for one (retry-safe with an Idempotency-Key fixed per submission),
// move one along the workflow, comment on one.
import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { ApiRequestBody } from '@/api/types';
import { unwrap } from '@/lib/api/unwrap';
import { api } from '@/lib/api-client';

import { briefingQueryKey, briefingsQueryKey } from './keys';

export type CreateBriefingInput = ApiRequestBody<'/api/v1/briefing-requests'>;
export type BriefingStepInput = ApiRequestBody<'/api/v1/briefing-requests/{id}/steps'>;

export function useCreateBriefing() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateBriefingInput; idempotencyKey: string }) =>
      unwrap(api.POST('/api/v1/briefing-requests', { body, headers: { 'Idempotency-Key': idempotencyKey } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: briefingsQueryKey }),
  });
}

export function useStepBriefing(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BriefingStepInput) =>
      unwrap(api.POST('/api/v1/briefing-requests/{id}/steps', { params: { path: { id } }, body })),
    onSuccess: (updated) => {
      queryClient.setQueryData(briefingQueryKey(id), updated);
      // Delivered briefings are coverage in the alignment report.
      void queryClient.invalidateQueries({ queryKey: ['alignment'] });
      return queryClient.invalidateQueries({ queryKey: briefingsQueryKey });
    },
  });
}

export function useCommentBriefing(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: string; idempotencyKey: string }) =>
      unwrap(
        api.POST('/api/v1/briefing-requests/{id}/comments', {
          params: { path: { id } },
          body: { body },
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...briefingQueryKey(id), 'comments'] }),
  });
}
